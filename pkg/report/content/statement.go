package content

import (
	"fmt"
	"strings"

	"paymodel/pkg/analysis"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/report"
)

// StatementYears is how many pay years a member statement shows.
const StatementYears = 5

// Statement assembles a member's statement.
func Statement(m *analysis.Member, meta report.Meta) *report.Document {
	f := m.Facts()
	p := m.Person
	cur := m.Tracks[0]
	doc := &report.Document{
		Title:    "Your pay: " + m.Who(),
		Subtitle: fmt.Sprintf("%s. Figures from %s.", bandAndTitle(m.Band), cur.Years[0].Date),
		Created:  meta.Created,
		Footer:   meta.Footer,
	}
	add := func(b ...report.Block) { doc.Blocks = append(doc.Blocks, b...) }
	now, shown := memberStatus(m, f)
	var seen bool
	salary := report.KeyFigure{Label: "Full-time salary", Value: marked(report.Money(f.Salary), now, &seen)}
	if seen {
		salary.Note = statusMark + " " + now.String() + " point, not published"
	}
	add(report.KeyFigures{Items: []report.KeyFigure{
		{Label: "Your point", Value: report.Text(fmt.Sprintf("%d of %d", f.PointIndex, f.PointCount)), Note: fmt.Sprintf("point %s of %s", p.Point, m.Band.Name)},
		salary,
		{Label: "Your pay", Value: report.Money(f.Pay), Note: "at " + report.Exact(p.FTE, 2).Display() + " FTE"},
		{Label: "Through your band", Value: report.Percent(f.Through)},
	}})
	if f.Entry.LessThan(f.Top) {
		var pts []report.Cell
		for _, pt := range m.Scale.Points {
			pts = append(pts, report.Money(pt.Salary))
		}
		add(report.BandPosition{Title: "Where you are in " + m.Band.Name, Band: m.Band.Name, Entry: report.Money(f.Entry), Top: report.Money(f.Top),
			Position: report.Money(f.Salary), Through: report.Percent(f.Through), Label: "You", Points: pts})
	}
	add(report.Paragraph{Text: progressionText(m, f)})

	if m.Pension != nil {
		add(report.TableBlock{Table: report.Table{Title: "Your total reward now", Columns: []string{"", "A year"},
			Rows: [][]report.Cell{
				{report.Text("Your pay"), report.Money(f.Pay)},
				{report.Text(fmt.Sprintf("Employer pension contribution (%s)", money.RateText(m.Pension.Rate))), report.Money(f.Pension)},
				{report.Text("Total reward"), report.Money(f.TotalReward)},
			}}, Widths: []int{3, 1}})
	}

	// Salary and pay each year under every scenario.
	years := min(StatementYears, len(cur.Years))
	cols := []string{"Scenario"}
	for _, y := range cur.Years[:years] {
		cols = append(cols, fmt.Sprintf("%d/%02d", y.Date.Year, (y.Date.Year+1)%100))
	}
	sal := report.Table{Title: "Your full-time salary at the start of each pay year", Columns: cols}
	if shown != paystructure.Published {
		sal.Note = memberStatusNote
	}
	pay := report.Table{Title: "What you are paid in each pay year: Current, and each offer's difference", Columns: cols,
		Note: "Pay is your salary × FTE month by month (each month rounded to the penny), plus any one-off payments, with your progression under each scenario's rules."}
	for i, tr := range m.Tracks {
		srow, prow := []report.Cell{report.Text(tr.Scenario)}, []report.Cell{report.Text(tr.Scenario)}
		for y := 0; y < years; y++ {
			srow = append(srow, report.Money(tr.Years[y].Salary))
			if i == 0 {
				prow = append(prow, report.Money(tr.Years[y].Earnings))
			} else {
				prow = append(prow, report.Change(m.EarningsChange(i, y)))
			}
		}
		sal.Rows = append(sal.Rows, srow)
		pay.Rows = append(pay.Rows, prow)
	}
	if len(f.Arrears) > 0 {
		pay.Note += " An offer implemented late counts its pay from its awards' dates, as here; the back pay is paid in one sum (below)."
	}
	add(report.TableBlock{Table: sal, Widths: statementWidths(len(cols))})
	add(report.TableBlock{Table: pay, Widths: statementWidths(len(cols))})
	if len(f.Arrears) > 0 {
		add(report.TableBlock{Table: arrearsTable(f.Arrears), Widths: []int{3, 1, 1}})
	}
	return doc
}

// memberStatusNote is the note a statement and paymodel statement's facts
// give when the member's salaries in the coming years come from a point
// the dataset does not give as published (memberStatus).
const memberStatusNote = statusMark + " Some of your salaries here are illustrative or derived points, or worked out from one, not published figures: see the dataset's README."

// memberStatus returns the status of the member's point now (Facts'
// Salary) and, for the salaries of the first StatementYears pay years, the
// status furthest from published of the points of their band they stand
// on at the start of those years under any scenario, as Member.Scale
// (Current's at the start) gives them: the points those salaries are
// worked out from. A year in another band counts as published.
func memberStatus(m *analysis.Member, f analysis.MemberFacts) (now, shown paystructure.Status) {
	if f.PointIndex >= 1 {
		now = m.Scale.Points[f.PointIndex-1].Status
	}
	for _, tr := range m.Tracks {
		for _, y := range tr.Years[:min(StatementYears, len(tr.Years))] {
			if y.Band == m.Band.Name {
				shown = shown.Max(m.Scale.Status(y.Point))
			}
		}
	}
	return now, shown
}

// arrearsTable is a statement's back pay: for each offer implemented late,
// the member's arrears and the month they are paid in.
func arrearsTable(as []analysis.OfferArrears) report.Table {
	t := report.Table{Title: "Your back pay (arrears) under an offer implemented late", Columns: []string{"Scenario", "Arrears", "Paid in"},
		Note: "Until an offer is implemented you are paid at Current's rates; in the month it is, you are paid the difference for every month before it (each month's pay rounded to the penny)."}
	for _, a := range as {
		t.Rows = append(t.Rows, []report.Cell{report.Text(a.Scenario), report.Money(a.Amount), report.Text(a.Month.Long())})
	}
	return t
}

func statementWidths(n int) []int {
	w := make([]int, n)
	w[0] = 3
	for i := 1; i < n; i++ {
		w[i] = 1
	}
	return w
}

func progressionText(m *analysis.Member, f analysis.MemberFacts) string {
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

// bandAndTitle names a band with its title when it has one ("Band 4 —
// Probation officer (PO)", or just "Band 4").
func bandAndTitle(b paystructure.Band) string {
	if b.Title == "" || b.Title == b.Name {
		return b.Name
	}
	return b.Name + " — " + b.Title
}
