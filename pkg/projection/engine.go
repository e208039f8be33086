package projection

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/projection/internal/exact"
)

// engine is what Cost prepares once and every timeline's run shares: the
// census reduced to its distinct career paths, the replacement entrants
// turnover brings in, the on-cost lines, and each attribute value's people
// by path. The reduction is why a census of a million rows costs in seconds:
// groups that differ only in their attributes (or in CPD hours and point
// dates that canon proves make no difference) follow one path, which the
// month walk projects once per timeline and the rows weight by its people.
type engine struct {
	paths     []pathSpec
	entrants  []entrantSpec
	entrantOf []int // per path: its entrant spec
	years     int
	turnover  decimal.Decimal
	on        []onCostLine
	attrs     []attrIndex
	attrNames []string
	snapIdx   snapIndex // the pay gap snapshots' groups by path (snapshot.go)
}

// pathKey is everything that decides a census group's career path.
type pathKey struct {
	band, point string
	fte         int64 // FTE × 10⁸
	pointMonth  calendar.Month
	cpd         int64 // CPD hours × 10⁸ (0 when unrecorded)
	recorded    bool
}

// entrantKey is everything that decides a replacement entrant's path.
type entrantKey struct {
	band     string
	fte, cpd int64
	recorded bool
}

// pathSpec is one distinct career path of the census: its key, the FTE and
// CPD hours as decimals for the pay rules, and how many people follow it.
type pathSpec struct {
	key      pathKey
	fte, cpd decimal.Decimal
	weight   int64 // people on the path: Σ Count
}

// entrantSpec is one distinct path of the entrants who replace leavers
// under turnover: the bottom of a band at an FTE and CPD hours the census
// has there, weighted by the census people it stands in for.
type entrantSpec struct {
	key      entrantKey
	fte, cpd decimal.Decimal
	weight   int64
}

// attrIndex is, for one attribute, each value's people by path: what
// equality needs to sum salaries per value without revisiting the census.
type attrIndex struct {
	values []string
	paths  [][]pathWeight // by value
}

// pathWeight is the people of one attribute value on one path.
type pathWeight struct {
	path   int
	weight int64
}

// newEngine prepares the on-cost lines, reduces census to its distinct
// paths (keyed by pathKey, with canon merging CPD hours and point dates that
// no timeline tells apart), adds up each path's people, and indexes every
// attribute value's people by path, values in ascending text order. It refuses a negative count, an
// FTE outside (0, 1] or with more than 8 decimal places, CPD hours with more
// than 8, a group that lacks an attribute, and a headcount past
// math.MaxInt64.
func newEngine(census *paystructure.Census, start calendar.Month, years int, opt Options, canon *canon) (*engine, error) {
	e := &engine{years: years, turnover: opt.Turnover, attrNames: census.AttributeNames}
	for _, oc := range opt.OnCosts {
		l := onCostLine{rate: oc.Rate, thr: oc.Threshold}
		r, ok1 := exact.Scaled8(oc.Rate)
		t, ok2 := exact.Scaled8(oc.Threshold)
		if ok1 && ok2 && r >= 0 && t%1e6 == 0 {
			l.rateE8, l.thrPen, l.fast = r, t/1e6, true
		}
		e.on = append(e.on, l)
	}
	pathOf := make(map[pathKey]int)
	entOf := make(map[entrantKey]int)
	groupPath := make([]int, len(census.Groups))
	// total is the census headcount: every path's and every entrant's
	// weight, and every cell's, is at most total ≤ math.MaxInt64.
	var total int64
	var prevKey pathKey
	prevPath := 0
	for gi := range census.Groups {
		g := &census.Groups[gi]
		if g.Count < 0 {
			return nil, fmt.Errorf("census group %s %s has a negative count", g.Band, g.Point)
		}
		fte, ok := exact.Scaled8(g.FTE)
		if !ok || fte <= 0 || fte > 1e8 {
			return nil, fmt.Errorf("census group %s %s: FTE %s is not a number above 0 and at most 1 with at most 8 decimal places", g.Band, g.Point, g.FTE)
		}
		k := pathKey{band: g.Band, point: g.Point, fte: fte, pointMonth: start, recorded: g.CPDRecorded}
		if !g.PointDate.IsZero() {
			k.pointMonth = canon.pointMonth(calendar.FirstOnOrAfter(g.PointDate), start)
		}
		var cpd decimal.Decimal
		if g.CPDRecorded {
			if _, ok = exact.Scaled8(g.CPDHours); !ok {
				return nil, fmt.Errorf("census group %s %s: CPD hours %s have more than 8 decimal places", g.Band, g.Point, g.CPDHours)
			}
			cpd = canon.hours(g.CPDHours)
			k.cpd, _ = exact.Scaled8(cpd)
		}
		// Census groups come sorted, so groups sharing a path are usually
		// neighbours: skip the map for them.
		pi, ok := prevPath, gi > 0 && k == prevKey
		if !ok {
			pi, ok = pathOf[k]
		}
		if !ok {
			pi = len(e.paths)
			pathOf[k] = pi
			e.paths = append(e.paths, pathSpec{key: k, fte: g.FTE, cpd: cpd})
			ek := entrantKey{band: g.Band, fte: fte, cpd: k.cpd, recorded: g.CPDRecorded}
			ei, ok := entOf[ek]
			if !ok {
				ei = len(e.entrants)
				entOf[ek] = ei
				e.entrants = append(e.entrants, entrantSpec{key: ek, fte: g.FTE, cpd: cpd})
			}
			e.entrantOf = append(e.entrantOf, ei)
		}
		prevKey, prevPath = k, pi
		if total > math.MaxInt64-g.Count {
			return nil, fmt.Errorf("census headcount overflows")
		}
		total += g.Count
		e.paths[pi].weight += g.Count
		e.entrants[e.entrantOf[pi]].weight += g.Count
		groupPath[gi] = pi
	}
	for a, name := range census.AttributeNames {
		// Collect (value, path, weight) entries, then sort and merge them.
		type entry struct {
			value, path int
			weight      int64
		}
		valueOf := map[string]int{}
		var values []string
		entries := make([]entry, 0, len(census.Groups))
		for gi := range census.Groups {
			g := &census.Groups[gi]
			if a >= len(g.Attributes) {
				return nil, fmt.Errorf("census group %s %s lacks attribute %q", g.Band, g.Point, name)
			}
			v, ok := valueOf[g.Attributes[a]]
			if !ok {
				v = len(values)
				valueOf[g.Attributes[a]] = v
				values = append(values, g.Attributes[a])
			}
			entries = append(entries, entry{v, groupPath[gi], g.Count})
		}
		// Values in ascending text order.
		order := make([]int, len(values))
		for i := range order {
			order[i] = i
		}
		slices.SortFunc(order, func(x, y int) int { return cmp.Compare(values[x], values[y]) })
		pos := make([]int, len(values))
		ai := attrIndex{values: make([]string, len(values)), paths: make([][]pathWeight, len(values))}
		for i, v := range order {
			pos[v] = i
			ai.values[i] = values[v]
		}
		// In value (text) order, then path order: a counting sort by path,
		// then a stable one by value.
		entries = countingSort(countingSort(entries, len(e.paths), func(en entry) int { return en.path }),
			len(values), func(en entry) int { return pos[en.value] })
		for i, en := range entries {
			v := pos[en.value]
			ps := ai.paths[v]
			if i > 0 && entries[i-1].value == en.value && entries[i-1].path == en.path {
				ps[len(ps)-1].weight += en.weight
				continue
			}
			ai.paths[v] = append(ps, pathWeight{en.path, en.weight})
		}
		e.attrs = append(e.attrs, ai)
	}
	return e, nil
}

// countingSort returns a sorted stably by key, whose values are in [0, n).
func countingSort[T any](a []T, n int, key func(T) int) []T {
	starts := make([]int, n+1)
	for _, x := range a {
		starts[key(x)+1]++
	}
	for i := 1; i <= n; i++ {
		starts[i] += starts[i-1]
	}
	out := make([]T, len(a))
	for _, x := range a {
		k := key(x)
		out[starts[k]] = x
		starts[k]++
	}
	return out
}
