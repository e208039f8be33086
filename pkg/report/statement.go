package report

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/projection"
)

// StatementYears is how many pay years a member statement shows.
const StatementYears = 5

// Member is what a member statement is built from: the person, where they
// stand, and their track under Current and each scenario (Current first).
type Member struct {
	Person *paystructure.Person
	// Redact leaves the person's name out of the statement.
	Redact  bool
	Band    paystructure.Band
	Scale   paystructure.Scale // their band at the start, under Current
	Tracks  []projection.Track // Current first
	Pension *paystructure.OnCost
}

// FindPension returns the dataset's employer pension on-cost: the first
// on-cost whose name mentions "pension" (case-insensitively), or nil.
func FindPension(ds *paystructure.Dataset) *paystructure.OnCost {
	for i, oc := range ds.OnCosts {
		if strings.Contains(strings.ToLower(oc.Name), "pension") {
			return &ds.OnCosts[i]
		}
	}
	return nil
}

// MemberFacts are a statement's key figures, also printed by
// paymodel statement.
type MemberFacts struct {
	PointIndex, PointCount int
	Salary                 decimal.Decimal // full-time, at the start under Current
	Pay                    decimal.Decimal // Salary × FTE, to the penny
	Through                decimal.Decimal // fraction of the way from entry to top
	Entry, Top             decimal.Decimal
	Pension                decimal.Decimal // employer pension on Pay, to the penny
	TotalReward            decimal.Decimal // Pay + Pension
}

// Facts computes a member's key figures. Salary is the salary on the start
// date before any progression that day: the point they hold now.
func (m *Member) Facts() MemberFacts {
	f := MemberFacts{PointCount: len(m.Scale.Points)}
	f.PointIndex = m.Scale.Index(m.Person.Point) + 1
	if f.PointIndex > 0 {
		f.Salary = m.Scale.Points[f.PointIndex-1].Salary
	}
	f.Pay = money.Penny(f.Salary.Mul(m.Person.FTE))
	f.Entry, f.Top = m.Scale.Points[0].Salary, m.Scale.Top().Salary
	if span := f.Top.Sub(f.Entry); span.IsPositive() {
		f.Through = f.Salary.Sub(f.Entry).DivRound(span, 8)
	} else {
		f.Through = decimal.NewFromInt(1)
	}
	if m.Pension != nil {
		f.Pension = money.Penny(f.Pay.Mul(m.Pension.Rate))
	}
	f.TotalReward = f.Pay.Add(f.Pension)
	return f
}

// Who names the member as the statement shows them.
func (m *Member) Who() string {
	id := m.Person.ID
	if m.Redact || m.Person.Name == "" {
		if id == "" {
			return "Member"
		}
		return "Member " + id
	}
	if id == "" {
		return m.Person.Name
	}
	return m.Person.Name + " (" + id + ")"
}

// Statement assembles a member's statement.
func Statement(m *Member, meta Meta) *Document {
	f := m.Facts()
	p := m.Person
	cur := m.Tracks[0]
	doc := &Document{
		Title:    "Your pay: " + m.Who(),
		Subtitle: fmt.Sprintf("%s. Figures from %s.", bandAndTitle(m.Band), cur.Years[0].Date),
		Created:  meta.Created,
		Footer:   meta.Footer,
	}
	add := func(b ...Block) { doc.Blocks = append(doc.Blocks, b...) }
	add(KeyFigures{Items: []KeyFigure{
		{Label: "Your point", Value: Text(fmt.Sprintf("%d of %d", f.PointIndex, f.PointCount)), Note: fmt.Sprintf("point %s of %s", p.Point, m.Band.Name)},
		{Label: "Full-time salary", Value: Money(f.Salary)},
		{Label: "Your pay", Value: Money(f.Pay), Note: "at " + Exact(p.FTE, 2).Display() + " FTE"},
		{Label: "Through your band", Value: Percent(f.Through)},
	}})
	if f.Entry.LessThan(f.Top) {
		var pts []Cell
		for _, pt := range m.Scale.Points {
			pts = append(pts, Money(pt.Salary))
		}
		add(BandPosition{Title: "Where you are in " + m.Band.Name, Band: m.Band.Name, Entry: Money(f.Entry), Top: Money(f.Top),
			Position: Money(f.Salary), Through: Percent(f.Through), Label: "You", Points: pts})
	}
	add(Paragraph{Text: progressionText(m, f)})

	if m.Pension != nil {
		add(TableBlock{Table: Table{Title: "Your total reward now", Columns: []string{"", "A year"},
			Rows: [][]Cell{
				{Text("Your pay"), Money(f.Pay)},
				{Text(fmt.Sprintf("Employer pension contribution (%s)", money.RateText(m.Pension.Rate))), Money(f.Pension)},
				{Text("Total reward"), Money(f.TotalReward)},
			}}, Widths: []int{3, 1}})
	}

	// Salary and pay each year under every scenario.
	years := min(StatementYears, len(cur.Years))
	cols := []string{"Scenario"}
	for _, y := range cur.Years[:years] {
		cols = append(cols, fmt.Sprintf("%d/%02d", y.Date.Year, (y.Date.Year+1)%100))
	}
	sal := Table{Title: "Your full-time salary at the start of each pay year", Columns: cols}
	pay := Table{Title: "What you are paid in each pay year: Current, and each offer's difference", Columns: cols,
		Note: "Pay is your salary × FTE month by month (each month rounded to the penny), plus any one-off payments, with your progression under each scenario's rules."}
	for i, tr := range m.Tracks {
		srow, prow := []Cell{Text(tr.Scenario)}, []Cell{Text(tr.Scenario)}
		for y := 0; y < years; y++ {
			srow = append(srow, Money(tr.Years[y].Salary))
			if i == 0 {
				prow = append(prow, Money(tr.Years[y].Earnings))
			} else {
				prow = append(prow, Change(tr.Years[y].Earnings.Sub(cur.Years[y].Earnings)))
			}
		}
		sal.Rows = append(sal.Rows, srow)
		pay.Rows = append(pay.Rows, prow)
	}
	add(TableBlock{Table: sal, Widths: statementWidths(len(cols))})
	add(TableBlock{Table: pay, Widths: statementWidths(len(cols))})
	return doc
}

func statementWidths(n int) []int {
	w := make([]int, n)
	w[0] = 3
	for i := 1; i < n; i++ {
		w[i] = 1
	}
	return w
}

func progressionText(m *Member, f MemberFacts) string {
	cur := m.Tracks[0]
	var b strings.Builder
	switch {
	case f.PointIndex == f.PointCount:
		fmt.Fprintf(&b, "You are at the top of %s. ", m.Band.Name)
	case cur.NextMove != nil:
		fmt.Fprintf(&b, "Under Current you next move up, to %s point %s, on %s. ", cur.NextBand, cur.NextPoint, cur.NextMove.First())
	default:
		fmt.Fprintf(&b, "Under Current you do not move up within the next %d years. ", len(cur.Years))
	}
	if f.PointIndex < f.PointCount && cur.CPDRequired.IsPositive() {
		fmt.Fprintf(&b, "Passing your point needs %s hours of CPD in the 12 months before. ", cur.CPDRequired)
		if m.Person.CPDRecorded {
			fmt.Fprintf(&b, "Your record shows %s hours a year. ", m.Person.CPDHours)
		}
	}
	if f.PointIndex < f.PointCount {
		if cur.TopMonth != nil {
			fmt.Fprintf(&b, "You reach the top of your band on %s. ", cur.TopMonth.First())
		} else {
			fmt.Fprintf(&b, "You do not reach the top of your band within %d years. ", len(cur.Years))
		}
	}
	for _, tr := range m.Tracks[1:] {
		if f.PointIndex == f.PointCount || tr.TopMonth == nil || (cur.TopMonth != nil && *tr.TopMonth == *cur.TopMonth) {
			continue
		}
		fmt.Fprintf(&b, "Under %s you would reach it on %s. ", tr.Scenario, tr.TopMonth.First())
	}
	return strings.TrimSpace(b.String())
}

// Members builds the Member of any person under a fixed set of timelines
// (Current first). It compiles each timeline once and is safe for
// concurrent use.
type Members struct {
	ds       *paystructure.Dataset
	current  *paystructure.Timeline
	trackers []*projection.Tracker
	pension  *paystructure.OnCost
	redact   bool
}

// NewMembers prepares tls for member statements; redact leaves names out.
func NewMembers(ds *paystructure.Dataset, tls []*paystructure.Timeline, redact bool) (*Members, error) {
	ms := &Members{ds: ds, current: tls[0], pension: FindPension(ds), redact: redact}
	for _, tl := range tls {
		t, err := projection.NewTracker(tl)
		if err != nil {
			return nil, err
		}
		ms.trackers = append(ms.trackers, t)
	}
	return ms, nil
}

// ErrNotInStructure is returned by Member for a person whose band or point
// is not in the structure in force at the start.
var ErrNotInStructure = errors.New("not in the pay structure")

// Member projects p under every timeline.
func (ms *Members) Member(p *paystructure.Person) (*Member, error) {
	band, ok := ms.ds.Band(p.Band)
	if !ok {
		return nil, fmt.Errorf("band %q: %w", p.Band, ErrNotInStructure)
	}
	scale, ok := ms.current.Tables[0].Scale(p.Band)
	if !ok || scale.Index(p.Point) < 0 {
		return nil, fmt.Errorf("%s point %q: %w", p.Band, p.Point, ErrNotInStructure)
	}
	m := &Member{Person: p, Redact: ms.redact, Band: band, Scale: scale, Pension: ms.pension}
	for _, t := range ms.trackers {
		tr, err := t.Track(p)
		if err != nil {
			return nil, err
		}
		m.Tracks = append(m.Tracks, tr)
	}
	return m, nil
}

// bandAndTitle names a band with its title when it has one ("Band 4 —
// Probation officer (PO)", or just "Band 4").
func bandAndTitle(b paystructure.Band) string {
	if b.Title == "" || b.Title == b.Name {
		return b.Name
	}
	return b.Name + " — " + b.Title
}
