package projection

import (
	"fmt"
	"math"

	"github.com/shopspring/decimal"

	"paymodel/pkg/money"
	"paymodel/pkg/projection/internal/exact"
)

// run is one timeline's projection of every path: the month walk's sums,
// per cohort, pay year and band, from which rows, distribution and equality
// are read. Each run writes only its own state, which is why Cost can
// project the timelines concurrently and still give the same figures
// whatever the timing.
type run struct {
	c     *compiled
	cells [][][]cell // [cohort][year][band]; cohort 0: census, k ≥ 1: entrants from year k+1
	earn1 []int64    // per path: pay-year-1 basic + lump sums, pence
	// ft1 is each path's full-time salary in the last month of pay year 1,
	// as a salary code: a slot (table, band, point) when ≥ 0, else
	// prot[−1−code], a protected salary.
	ft1  []int32
	prot []decimal.Decimal
	// overflowed is set when a sum would overflow (see mulAdd and walk);
	// it cannot happen for a timeline and census inside the bounds
	// checkRange enforces.
	overflowed bool
	// snap records where every path stands in each pay year's last month,
	// for the pay gap snapshots (snapshot.go).
	snap snapRecorder
}

// cell accumulates, for one cohort, pay year and band, the sums over paths
// of weight × amount, in pence (FTE in 10⁻⁸). The sums are 128-bit: a
// weight and a per-person amount each fit in 64 bits, and the weights of a
// cell add up to at most math.MaxInt64, so no sum can exceed 2¹²⁶ (mulAdd
// still checks).
type cell struct {
	w, fte                    exact.Int128
	basic, lumps, cpd, noprog exact.Int128
	on                        []exact.Int128
}

// onCostLine is an OnCost prepared for integer arithmetic when exact: with
// the rate a non-negative whole number of 10⁻⁸ and the threshold a whole
// number of pence (fast), a person's on-cost for a year is integer work;
// otherwise, or when that would overflow, onCost works in decimals.
type onCostLine struct {
	rate, thr      decimal.Decimal
	rateE8, thrPen int64
	fast           bool
}

// yearRec is one path's amounts for one pay year, in pence per person.
type yearRec struct {
	band              int // band on the first day of the pay year
	basic, lumps, cpd int64
	snap              snapAt // where the person stands in the pay year's last month
}

// walk advances s from month index first to the end of the horizon,
// recording each pay year's amounts in recs; when r is not nil, r.ft1[pi]
// receives the full-time salary in the last month of pay year 1. It visits
// only the months nextEvent names and pays the months in between, in which
// nothing changes, at the same monthly rate. It returns false if a year's
// amounts overflowed 64 bits (they cannot inside checkRange's bounds).
func walk(s *person, first int, cache *payCache, cpdDays decimal.Decimal, recs []yearRec, r *run, pi int) bool {
	c := s.c
	ok := true
	for mi := first; mi < c.n; {
		s.step(mi)
		y := mi / 12
		if mi%12 == 0 {
			recs[y] = yearRec{band: s.band}
			if cpdDays.Sign() > 0 {
				recs[y].cpd = s.cpdPence(cache, cpdDays)
			}
		}
		if len(c.lumps[mi]) > 0 {
			ok = exact.AddTo(&recs[y].lumps, s.lumpPence(mi, cache)) && ok
		}
		if mi == 11 && r != nil {
			if s.hasProt {
				r.ft1[pi] = int32(-1 - len(r.prot))
				r.prot = append(r.prot, s.prot)
			} else {
				r.ft1[pi] = int32(c.tables[s.table].scales[s.band].slot + s.point)
			}
		}
		next := s.nextEvent(mi + 1)
		if last := 12*y + 11; next > last {
			recs[y].snap = s.snapAt()
		}
		pay, good := exact.Mul64(s.monthlyPence(cache), int64(next-mi))
		ok = good && exact.AddTo(&recs[y].basic, pay) && ok
		mi = next
	}
	return ok && !s.overflow
}

// mulAdd adds v × w to *dst exactly, recording overflow (in which case
// *dst is left as it was).
func (r *run) mulAdd(dst *exact.Int128, v, w int64) {
	if !dst.MulAdd(v, w) {
		r.overflowed = true
	}
}

// onCost is one person's on-cost for a pay year on pay (pence), in pence:
// rate × max(0, pay − threshold), rounded to the penny (halves away from
// zero). ok is false when it does not fit in 64 bits.
func (l *onCostLine) onCost(pay int64) (v int64, ok bool) {
	if l.fast {
		if pay <= l.thrPen {
			return 0, true
		}
		ex, good := exact.Sub64(pay, l.thrPen)
		if good && (l.rateE8 == 0 || ex <= (math.MaxInt64-5e7)/l.rateE8) {
			return (ex*l.rateE8 + 5e7) / 1e8, true
		}
	}
	ex := exact.FromPence(pay).Sub(l.thr)
	if ex.Sign() <= 0 {
		return 0, true
	}
	return exact.Pence(money.Penny(l.rate.Mul(ex)))
}

// run projects every census path, and under turnover every cohort of
// entrants, under the timeline c, adding each path's pay-year amounts times
// its people into the cells. Paths that share a band, starting point (or
// entry year) and FTE share the no-progression walk behind Drift.
func (e *engine) run(c *compiled) (*run, error) {
	r := &run{c: c, earn1: make([]int64, len(e.paths)), ft1: make([]int32, len(e.paths))}
	cohorts := 1
	if e.turnover.Sign() > 0 {
		cohorts = e.years
	}
	r.snap = newSnapRecorder(e, c, cohorts)
	r.cells = make([][][]cell, cohorts)
	for k := range r.cells {
		r.cells[k] = make([][]cell, e.years)
		for y := range r.cells[k] {
			r.cells[k][y] = make([]cell, len(c.bands))
			for b := range r.cells[k][y] {
				r.cells[k][y][b].on = make([]exact.Int128, len(e.on))
			}
		}
	}
	cacheFor := payCaches(c)
	cpdDays := c.tl.CPDDays
	recs := make([]yearRec, e.years)
	scratch := make([]yearRec, e.years)
	// Without progression a path depends only on its band, starting point
	// (or entry year) and FTE, so the drift counterfactual is shared.
	type flatKey struct {
		band, point string
		fte         int64
		entry       int
	}
	flats := map[flatKey][]int64{}
	flatBasic := func(k flatKey, s person, first int, cache *payCache) []int64 {
		if v, ok := flats[k]; ok {
			return v
		}
		if !walk(&s, first, cache, decimal.Zero, scratch, nil, 0) {
			r.overflowed = true
		}
		v := make([]int64, e.years)
		for y := first / 12; y < e.years; y++ {
			v[y] = scratch[y].basic
		}
		flats[k] = v
		return v
	}
	add := func(k, first int, weight, fte int64, flat []int64) {
		for y := first; y < e.years; y++ {
			rec := &recs[y]
			cl := &r.cells[k][y][rec.band]
			r.mulAdd(&cl.w, 1, weight)
			r.mulAdd(&cl.fte, fte, weight)
			r.mulAdd(&cl.basic, rec.basic, weight)
			r.mulAdd(&cl.lumps, rec.lumps, weight)
			r.mulAdd(&cl.cpd, rec.cpd, weight)
			r.mulAdd(&cl.noprog, flat[y], weight)
			pay, ok := exact.Add64(rec.basic, rec.lumps)
			for li := range e.on {
				v, good := e.on[li].onCost(pay)
				if !ok || !good {
					r.overflowed = true
				}
				r.mulAdd(&cl.on[li], v, weight)
			}
		}
	}
	for pi := range e.paths {
		ps := &e.paths[pi]
		bi, ok := c.bandIdx[ps.key.band]
		if !ok {
			return nil, fmt.Errorf("scenario %q has no band %q, which the census uses", c.tl.Scenario, ps.key.band)
		}
		cache := cacheFor(ps.key.fte)
		s := newPerson(c, true, ps.fte, ps.cpd, ps.key.recorded)
		if err := s.startCensus(bi, ps.key.point, ps.key.pointMonth); err != nil {
			return nil, err
		}
		f := newPerson(c, false, ps.fte, ps.cpd, ps.key.recorded)
		_ = f.startCensus(bi, ps.key.point, ps.key.pointMonth)
		flat := flatBasic(flatKey{ps.key.band, ps.key.point, ps.key.fte, 0}, f, 0, cache)
		ok = walk(&s, 0, cache, cpdDays, recs, r, pi)
		earn, good := exact.Add64(recs[0].basic, recs[0].lumps)
		if !ok || !good {
			r.overflowed = true
		}
		r.earn1[pi] = earn
		r.snap.census(pi, recs)
		add(0, 0, ps.weight, ps.key.fte, flat)
	}
	for k := 1; k < cohorts; k++ {
		for ei := range e.entrants {
			es := &e.entrants[ei]
			bi := c.bandIdx[es.key.band]
			cache := cacheFor(es.key.fte)
			f := newPerson(c, false, es.fte, es.cpd, es.key.recorded)
			f.startEntrant(bi, 12*k)
			flat := flatBasic(flatKey{es.key.band, "", es.key.fte, k}, f, 12*k, cache)
			s := newPerson(c, true, es.fte, es.cpd, es.key.recorded)
			s.startEntrant(bi, 12*k)
			if !walk(&s, 12*k, cache, cpdDays, recs, nil, 0) {
				r.overflowed = true
			}
			r.snap.entrant(k, ei, recs)
			add(k, k, es.weight, es.key.fte, flat)
		}
	}
	return r, nil
}
