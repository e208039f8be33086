package analysis

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/projection"
)

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
	// Months are each track's months at full time (Tracks[i]'s are
	// Months[i]), from which any FTE's pay follows; set only by
	// Members.MemberMonths.
	Months [][]projection.TrackMonth
	// Arrears are, per track (Tracks[i]'s are Arrears[i]), the member's
	// arrears under a deal implemented late (projection.Tracker.Arrears);
	// nil for Current and for a deal paid from its awards' dates.
	Arrears []*projection.Arrears
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
	// Arrears are the member's arrears under each offer implemented late,
	// in the order of the tracks.
	Arrears []OfferArrears
}

// OfferArrears is a member's arrears under one offer implemented late: the
// amount and the month it is paid in.
type OfferArrears struct {
	Scenario string
	projection.Arrears
}

// Facts computes a member's key figures. Salary is the salary on the start
// date before any progression that day: the point they hold now. Pay and
// Pension are rounded to the penny, halves away from zero (money.Penny);
// Through is (Salary − Entry) ÷ (Top − Entry) to 8 places, and 1 for a band
// whose entry is its top.
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
	for i, a := range m.Arrears {
		if a != nil {
			f.Arrears = append(f.Arrears, OfferArrears{Scenario: m.Tracks[i].Scenario, Arrears: *a})
		}
	}
	return f
}

// EarningsChange is what the member is paid in pay year year+1 under
// Tracks[track] less under Current (zero for Current itself).
func (m *Member) EarningsChange(track, year int) decimal.Decimal {
	return m.Tracks[track].Years[year].Earnings.Sub(m.Tracks[0].Years[year].Earnings)
}

// Who names the member as a statement shows them: "Name (ID)", or
// "Member ID" when redacted or nameless.
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

// Members builds the Member of any person under a fixed set of timelines
// (Current first): the statement counterpart of Run. It compiles each
// timeline once and is safe for concurrent use.
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
	return ms.member(p, false)
}

// MemberMonths is Member with each track's months at full time (Months).
func (ms *Members) MemberMonths(p *paystructure.Person) (*Member, error) {
	return ms.member(p, true)
}

// Cases says which CPD hours and point dates give different paths under
// the timelines (projection.PathCases).
func (ms *Members) Cases() projection.Cases {
	return projection.PathCases(ms.trackers)
}

func (ms *Members) member(p *paystructure.Person, months bool) (*Member, error) {
	band, ok := ms.ds.Band(p.Band)
	if !ok {
		return nil, fmt.Errorf("band %q: %w", p.Band, ErrNotInStructure)
	}
	scale, ok := ms.current.Tables[0].Scale(p.Band)
	if !ok || scale.Index(p.Point) < 0 {
		return nil, fmt.Errorf("%s point %q: %w", p.Band, p.Point, ErrNotInStructure)
	}
	m := &Member{Person: p, Redact: ms.redact, Band: band, Scale: scale, Pension: ms.pension}
	m.Arrears = make([]*projection.Arrears, len(ms.trackers))
	for i, t := range ms.trackers {
		if i > 0 {
			a, ok, err := t.Arrears(ms.trackers[0], p)
			if err != nil {
				return nil, err
			}
			if ok {
				m.Arrears[i] = &a
			}
		}
		var tr projection.Track
		var err error
		if months {
			var tm []projection.TrackMonth
			tr, tm, err = t.TrackMonths(p)
			m.Months = append(m.Months, tm)
		} else {
			tr, err = t.Track(p)
		}
		if err != nil {
			return nil, err
		}
		m.Tracks = append(m.Tracks, tr)
	}
	return m, nil
}
