package projection

import (
	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
)

// Track is one census person's path under a timeline: what a member
// statement shows. It follows exactly the rules of the census projection
// (Cost), for one person, without turnover.
type Track struct {
	Scenario string
	// Years are the person's pay years: Salary is their annual full-time
	// salary on the first day of the pay year; Basic, LumpSums and Earnings
	// are what they are actually paid in it (pro rata their FTE).
	Years []CareerYear
	// NextMove is the first month, from the start on, in which the person
	// moves from their census point to another point or band; nil when they
	// do not within the horizon.
	NextMove *calendar.Month
	// NextBand and NextPoint are where that move takes them.
	NextBand, NextPoint string
	// CPDRequired is the CPD in the preceding 12 months needed to pass the
	// person's point at the start (the higher of the point's own requirement
	// and the scenario's); zero when none.
	CPDRequired decimal.Decimal
	// YearsToTop is the time from the start until the person first stands on
	// the top point of their band, in years to 2 places: zero when they are
	// already there, nil when it does not happen within the horizon.
	YearsToTop *decimal.Decimal
	// TopMonth is the month of YearsToTop.
	TopMonth *calendar.Month
}

// Tracker projects single people under one timeline. It compiles the
// timeline once; Track may then be called from several goroutines at once.
type Tracker struct{ c *compiled }

// NewTracker prepares tl for tracking people.
func NewTracker(tl *paystructure.Timeline) (*Tracker, error) {
	c, err := compile(tl)
	if err != nil {
		return nil, err
	}
	return &Tracker{c: c}, nil
}

// TrackPerson projects one census person under tl.
func TrackPerson(tl *paystructure.Timeline, p *paystructure.Person) (Track, error) {
	t, err := NewTracker(tl)
	if err != nil {
		return Track{}, err
	}
	return t.Track(p)
}

// TrackMonth is one month of a person's path at full time: what their pay
// and lump sums for the month are made from, whatever their FTE.
type TrackMonth struct {
	// Salary is the annual full-time salary paid in the month (their
	// protected salary if higher); the month's pay is Salary × FTE ÷ 12,
	// rounded to the penny (money.MonthlyPay).
	Salary decimal.Decimal
	// Lumps are the full-time values of the lump sums paid to the person in
	// the month, in the scenario's order: the amount, or rate × Salary. Each
	// is paid as value × FTE, rounded to the penny.
	Lumps []decimal.Decimal
}

// TrackMonths projects one census person as Track does and also returns
// every month of their path at full time (Start + i for i = 0 … 12 × Years
// − 1). FTE changes no step of a path, only what is paid, so the months of
// any FTE's path are the same.
func (t *Tracker) TrackMonths(p *paystructure.Person) (Track, []TrackMonth, error) {
	months := make([]TrackMonth, 0, t.c.n)
	tr, err := t.track(p, &months)
	return tr, months, err
}

// Track projects one census person.
func (t *Tracker) Track(p *paystructure.Person) (Track, error) {
	return t.track(p, nil)
}

// track projects p, appending each month at full time to *months when
// months is not nil.
func (t *Tracker) track(p *paystructure.Person, months *[]TrackMonth) (Track, error) {
	c := t.c
	tl := c.tl
	s, err := t.start(p)
	if err != nil {
		return Track{}, err
	}
	band := s.band
	tr := Track{Scenario: tl.Scenario}
	tr.CPDRequired = c.tables[s.table].scales[s.band].cpdReq[s.point]
	startBand, startPoint := s.band, s.point
	var years payYears
	for mi := 0; mi < c.n; mi++ {
		s.step(mi)
		if tr.NextMove == nil && (s.band != startBand || s.point != startPoint) {
			m := c.month(mi)
			tr.NextMove = &m
			tr.NextBand, tr.NextPoint = c.bands[s.band], c.tables[s.table].scales[s.band].labels[s.point]
		}
		if tr.YearsToTop == nil && s.band == band && s.atTop() {
			y := decimal.NewFromInt(int64(mi)).DivRound(money.Twelve, 2)
			m := c.month(mi)
			tr.YearsToTop, tr.TopMonth = &y, &m
		}
		years.pay(&s, mi)
		if months != nil {
			*months = append(*months, s.fullTimeMonth(mi))
		}
	}
	tr.Years = years.done
	return tr, nil
}

// fullTimeMonth returns the person's month index mi at full time, after s
// has stepped to it: the lump sums are chosen as payYears.pay chooses them.
func (s *person) fullTimeMonth(mi int) TrackMonth {
	m := TrackMonth{Salary: s.salary()}
	for i := range s.c.lumps[mi] {
		l := &s.c.lumps[mi][i]
		if !s.gets(l) {
			continue
		}
		m.Lumps = append(m.Lumps, fullTimeLump(l.amount, l.rate, m.Salary))
	}
	return m
}

// Cases are what, beyond band, point and FTE, can change a census person's
// path under a set of timelines: the path depends on their CPD hours only
// through the largest of CPDThresholds they reach (any hours below the
// lowest positive threshold act as 0; unrecorded hours are a case of their
// own), and on the month their time at the point counts from only within
// Window months before the start: a point month older than that gives the
// same path as the month a whole number of years later that lies within
// the window. The grouped census engine relies on the same two facts.
type Cases struct {
	CPDThresholds []decimal.Decimal // ascending, distinct; may include 0
	Window        int               // months
}

// PathCases returns the Cases of the trackers' timelines taken together.
func PathCases(ts []*Tracker) Cases {
	cs := make([]*compiled, len(ts))
	for i, t := range ts {
		cs[i] = t.c
	}
	k := newCanon(cs)
	return Cases{CPDThresholds: k.thresholds, Window: k.window}
}

// CanonicalPointMonth returns the point month within the window that gives
// pm's path: pm itself unless it is more than Window months before start,
// else pm moved forward by whole years until it is not.
func (k Cases) CanonicalPointMonth(pm, start calendar.Month) calendar.Month {
	return (&canon{window: k.Window}).pointMonth(pm, start)
}
