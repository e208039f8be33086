package projection

import (
	"fmt"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/projection/internal/exact"
)

// Arrears: a deal implemented late (Timeline.Implemented). Its awards take
// effect on their dates, so careers, points and every pay year's Basic are
// as they would be on time: the pay earned at the deal's rates. Until the
// implementation month people are paid Current's pay; in that month each
// person in post is paid arrears, the sum over every month from the start
// to the month before it of (their pay under the deal − their pay under
// Current), each month's pay rounded to the penny (money.MonthlyPay) as
// always. Nothing is paid in arrears for a month in which the two pay the
// same, so in practice the sum runs from the first award's date. A month in
// which the deal pays less (a CPD gate Current does not have, say) counts
// against the arrears: the sum is the difference owed, and may be negative.

// Arrears is one person's arrears under a late deal.
type Arrears struct {
	// Month is the implementation month, in which they are paid.
	Month calendar.Month
	// Amount is the sum, over the months from the start to the month before
	// Month, of the month's pay under the deal less under Current (each
	// money.MonthlyPay, so to the penny).
	Amount decimal.Decimal
}

// implementedIndex returns the month index of c's implementation month, or
// -1 when no arrears fall within the horizon: no Implemented, one on the
// start (nothing is late) or one at or after the horizon's end.
func implementedIndex(c *compiled) int {
	im := c.tl.Implemented
	if im == nil || *im <= c.start || int(*im-c.start) >= c.n {
		return -1
	}
	return int(*im - c.start)
}

// payBefore steps s from month index first through month index m (so that
// it stands where it does in month m) and adds the pay of each month before
// m, in pence, to pay[y] of its pay year y; band[y] receives the band on the
// first day of each pay year it steps through. It returns false if a sum
// overflowed 64 bits.
func payBefore(s *person, first, m int, cache *payCache, pay []int64, band []int) bool {
	ok := true
	for mi := first; mi <= m; {
		s.step(mi)
		y := mi / 12
		if mi%12 == 0 {
			band[y] = s.band
		}
		// Pay-year starts are events, so [mi, next) lies within pay year y.
		next := min(s.nextEvent(mi+1), m+1)
		if mi < m {
			p, good := exact.Mul64(s.monthlyPence(cache), int64(min(next, m)-mi))
			ok = good && exact.AddTo(&pay[y], p) && ok
		}
		mi = next
	}
	return ok && !s.overflow
}

// arrearsSums are one late timeline's arrears over the census, in pence
// weighted by people, before the turnover factors: per cohort (as in run's
// cells) the arrears of the people in post in the implementation month by
// their band on the first day of its pay year (stay), and per pay year
// before that the arrears of those who leave at its end, for the months
// they were in post, by their band on its first day (leave).
type arrearsSums struct {
	m, year    int                // the implementation month's index and its pay year (0-based)
	stay       [][]exact.Int128   // [cohort][band]
	leave      [][][]exact.Int128 // [cohort][year][band]
	overflowed bool
}

// arrears computes c's arrearsSums against Current (cur) over every census
// path and, under turnover, every cohort of entrants who join before the
// implementation month; nil when c has no arrears within the horizon.
func (e *engine) arrears(c, cur *compiled, cohorts int) (*arrearsSums, error) {
	m := implementedIndex(c)
	if m < 0 {
		return nil, nil
	}
	a := &arrearsSums{m: m, year: m / 12}
	a.stay = make([][]exact.Int128, cohorts)
	a.leave = make([][][]exact.Int128, cohorts)
	for k := range a.stay {
		a.stay[k] = make([]exact.Int128, len(c.bands))
		a.leave[k] = make([][]exact.Int128, a.year)
		for y := range a.leave[k] {
			a.leave[k][y] = make([]exact.Int128, len(c.bands))
		}
	}
	offerCache, curCache := payCaches(c), payCaches(cur)
	years := a.year + 1
	offer, base := make([]int64, years), make([]int64, years)
	// bands are the band on the first day of each pay year under c;
	// Current's (curBands) are not needed.
	bands, curBands := make([]int, years), make([]int, years)
	// add weighs the arrears of people who joined in pay year k (0: the
	// census), offer[y] and base[y] holding their pay in the months of pay
	// year y before the implementation month under c and Current.
	add := func(k int, weight int64) {
		var owed int64
		for y := k; y < years; y++ {
			d, ok := exact.Sub64(offer[y], base[y])
			if !ok || !exact.AddTo(&owed, d) {
				a.overflowed = true
			}
			if y < a.year {
				a.mulAdd(&a.leave[k][y][bands[y]], owed, weight)
			}
		}
		a.mulAdd(&a.stay[k][bands[a.year]], owed, weight)
	}
	clear := func() {
		for y := range offer {
			offer[y], base[y] = 0, 0
		}
	}
	for pi := range e.paths {
		ps := &e.paths[pi]
		bi, ok := c.bandIdx[ps.key.band]
		cb, ok2 := cur.bandIdx[ps.key.band]
		if !ok || !ok2 {
			return nil, fmt.Errorf("scenario %q has no band %q, which the census uses", c.tl.Scenario, ps.key.band)
		}
		clear()
		s := newPerson(c, true, ps.fte, ps.cpd, ps.key.recorded)
		if err := s.startCensus(bi, ps.key.point, ps.key.pointMonth); err != nil {
			return nil, err
		}
		b := newPerson(cur, true, ps.fte, ps.cpd, ps.key.recorded)
		if err := b.startCensus(cb, ps.key.point, ps.key.pointMonth); err != nil {
			return nil, err
		}
		if !payBefore(&s, 0, m, offerCache(ps.key.fte), offer, bands) || !payBefore(&b, 0, m, curCache(ps.key.fte), base, curBands) {
			a.overflowed = true
		}
		add(0, ps.weight)
	}
	for k := 1; k < cohorts && 12*k < m; k++ {
		for ei := range e.entrants {
			es := &e.entrants[ei]
			clear()
			s := newPerson(c, true, es.fte, es.cpd, es.key.recorded)
			s.startEntrant(c.bandIdx[es.key.band], 12*k)
			b := newPerson(cur, true, es.fte, es.cpd, es.key.recorded)
			b.startEntrant(cur.bandIdx[es.key.band], 12*k)
			if !payBefore(&s, 12*k, m, offerCache(es.key.fte), offer, bands) || !payBefore(&b, 12*k, m, curCache(es.key.fte), base, curBands) {
				a.overflowed = true
			}
			add(k, es.weight)
		}
	}
	return a, nil
}

func (a *arrearsSums) mulAdd(dst *exact.Int128, v, w int64) {
	if !dst.MulAdd(v, w) {
		a.overflowed = true
	}
}

// setArrears puts a's arrears into the rows of the pay year that holds the
// implementation month: per band, the people in post then, weighted by
// their cohort's factor that year, and, when toLeavers, the people who left
// at the end of each earlier pay year y, weighted by the fraction of the
// cohort that left then (factor in y − factor in y+1), each band's exact
// sum rounded to the penny once; AllBands adds up the band rows.
func (e *engine) setArrears(rows []CostRow, a *arrearsSums, nbands int, toLeavers bool) {
	f := e.factors(len(a.stay))
	y := a.year
	year := rows[y*(nbands+1) : (y+1)*(nbands+1)]
	all := &year[nbands]
	all.Arrears = decimal.Zero
	for b := range nbands {
		var sum decimal.Decimal
		for k := range a.stay {
			if k > y {
				break
			}
			sum = sum.Add(f[k][y].Mul(a.stay[k][b].Decimal(-2)))
			if !toLeavers {
				continue
			}
			for j := k; j < y; j++ {
				if v := a.leave[k][j][b]; v != (exact.Int128{}) {
					sum = sum.Add(f[k][j].Sub(f[k][j+1]).Mul(v.Decimal(-2)))
				}
			}
		}
		year[b].Arrears = money.Penny(sum)
		all.Arrears = all.Arrears.Add(year[b].Arrears)
	}
}

// Arrears returns the arrears of census person p under t's timeline, whose
// baseline is current: the sum, over the months before the implementation
// month, of p's monthly pay under t less under current. ok is false when
// t's timeline has no arrears within its horizon (see Timeline.Implemented).
func (t *Tracker) Arrears(current *Tracker, p *paystructure.Person) (a Arrears, ok bool, err error) {
	c := t.c
	m := implementedIndex(c)
	if m < 0 {
		return Arrears{}, false, nil
	}
	a.Month = c.month(m)
	for i, tk := range []*Tracker{t, current} {
		s, err := tk.start(p)
		if err != nil {
			return Arrears{}, false, err
		}
		var paid decimal.Decimal
		for mi := 0; mi < m; mi++ {
			s.step(mi)
			paid = paid.Add(money.MonthlyPay(s.salary(), s.fte))
		}
		if i == 0 {
			a.Amount = paid
		} else {
			a.Amount = a.Amount.Sub(paid)
		}
	}
	return a, true, nil
}

// start places census person p on their band and point at the start of
// t's timeline, as track does.
func (t *Tracker) start(p *paystructure.Person) (person, error) {
	c := t.c
	band, ok := c.bandIdx[p.Band]
	if !ok {
		return person{}, fmt.Errorf("scenario %q has no band %q", c.tl.Scenario, p.Band)
	}
	pointMonth := c.start
	if !p.PointDate.IsZero() {
		pointMonth = calendar.FirstOnOrAfter(p.PointDate)
	}
	s := newPerson(c, true, p.FTE, p.CPDHours, p.CPDRecorded)
	err := s.startCensus(band, p.Point, pointMonth)
	return s, err
}
