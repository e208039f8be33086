package projection

import (
	"fmt"

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

// Track projects one census person.
func (t *Tracker) Track(p *paystructure.Person) (Track, error) {
	c := t.c
	tl := c.tl
	band, ok := c.bandIdx[p.Band]
	if !ok {
		return Track{}, fmt.Errorf("scenario %q has no band %q", tl.Scenario, p.Band)
	}
	pointMonth := c.start
	if !p.PointDate.IsZero() {
		pointMonth = calendar.FirstOnOrAfter(p.PointDate)
	}
	s := newPerson(c, true, p.FTE, p.CPDHours, p.CPDRecorded)
	if err := s.startCensus(band, p.Point, pointMonth); err != nil {
		return Track{}, err
	}
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
	}
	tr.Years = years.done
	return tr, nil
}
