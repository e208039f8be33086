package projection

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"sync"

	"github.com/shopspring/decimal"

	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/projection/internal/exact"
)

// AllBands is the Band of the cost and distribution rows that add up every
// band.
const AllBands = "All"

// Options are the costing options.
type Options struct {
	// OnCosts are the employer on-cost lines, in report order.
	OnCosts []paystructure.OnCost
	// Turnover is the fraction (0 ≤ Turnover ≤ 1) of each group's weight that
	// leaves at each pay-year boundary from year 2 on and is replaced by new
	// entrants; zero for none.
	Turnover decimal.Decimal
	// Inflation is the inflation rate for pay year 1 as a fraction, against
	// which Distribution counts rises; nil when unknown.
	Inflation *decimal.Decimal
}

// Costing is the census projected under the Current baseline and each
// scenario.
type Costing struct {
	// Scenarios holds Current first, then the scenarios in the order given.
	Scenarios []ScenarioCosting
}

// ScenarioCosting is one timeline's costs and who gains what.
type ScenarioCosting struct {
	Scenario string
	// Order is the order of assimilation and progression the timeline used
	// when a table removing points took effect on a progression date.
	Order paystructure.Order
	// Rows are in pay-year order, then band display order, then AllBands.
	Rows []CostRow
	// Distribution holds the first-year rises per census band with people,
	// in band display order, then always an AllBands row; nil for Current.
	Distribution []Distribution
	// Equality holds, per attribute in census order and value in ascending
	// text order, the full-time salary of each group of people.
	Equality []EqualityRow
}

// CostRow is the cost of one pay year in one band (or AllBands). Every
// amount is in pounds, rounded to the penny.
type CostRow struct {
	Scenario string
	Year     int // 1-based pay year
	Band     string
	// Headcount and FTE are the people (weights) in the band on the first
	// day of the pay year: exact sums of the census's counts and FTEs
	// without turnover; under turnover, expected values to 2 places (see
	// apportion). AllBands adds up the band rows either way.
	Headcount decimal.Decimal
	FTE       decimal.Decimal
	Basic     decimal.Decimal // basic pay
	LumpSums  decimal.Decimal
	// OnCosts is the sum of OnCostLines, which follow Options.OnCosts.
	OnCosts     decimal.Decimal
	OnCostLines []decimal.Decimal
	CPDTime     decimal.Decimal // cost of the paid CPD days the scenario grants
	Total       decimal.Decimal // Basic + LumpSums + OnCosts + CPDTime
	// Change and ChangePct compare Total with Current's row for the same
	// year and band (a fraction to 8 places; money.Change).
	Change    decimal.Decimal
	ChangePct *decimal.Decimal // nil where Current's Total is zero (nobody in the band)
	// Drift is the part of Basic due to progression: Basic minus the basic
	// pay of the same people had nobody progressed from the start.
	Drift decimal.Decimal
}

// Distribution is how first-year rises are spread among the people of a
// band. A person's rise is their pay-year-1 earnings (basic pay plus lump
// sums) under the scenario minus the same under Current; RisePct divides it
// by the Current earnings (a fraction to 8 places).
type Distribution struct {
	Scenario                     string
	Band                         string // the band of the person's census row, or AllBands
	People                       int64
	MinRise, MedianRise, MaxRise decimal.Decimal
	MinPct, MedianPct, MaxPct    decimal.Decimal
	// BelowInflation counts the people whose RisePct is below
	// Options.Inflation; nil when the inflation rate is unknown.
	BelowInflation *int64
}

// EqualityRow is the pay of the people who share one value of a census
// attribute. Salary here is the annual full-time salary (protected salary if
// higher) in force in the last month of pay year 1.
type EqualityRow struct {
	Scenario  string
	Attribute string
	Value     string
	Headcount int64
	// MeanSalary is rounded to the penny; MedianSalary is the weighted lower
	// median.
	MeanSalary   decimal.Decimal
	MedianSalary decimal.Decimal
	// GapPct is (best mean − MeanSalary) ÷ best mean as a fraction to 8
	// places, where best mean is the highest MeanSalary among the values of
	// the same attribute (0 for the best-paid group).
	GapPct decimal.Decimal
}

// Cost projects census month by month under current and each scenario and
// costs it. Every timeline must share current's Start and Years. Groups with
// the same path key are computed once, whatever their attributes.
func Cost(census *paystructure.Census, current *paystructure.Timeline, scenarios []*paystructure.Timeline, opt Options) (*Costing, error) {
	if census == nil {
		return nil, fmt.Errorf("projection: no census")
	}
	if current == nil {
		return nil, fmt.Errorf("projection: no Current timeline")
	}
	if opt.Turnover.Sign() < 0 || opt.Turnover.GreaterThan(decimal.NewFromInt(1)) {
		return nil, fmt.Errorf("projection: turnover %s is not between 0 and 1", opt.Turnover)
	}
	tls := append([]*paystructure.Timeline{current}, scenarios...)
	for _, tl := range tls {
		if tl == nil {
			return nil, fmt.Errorf("projection: nil timeline")
		}
		if tl.Start != current.Start || tl.Years != current.Years {
			return nil, fmt.Errorf("scenario %q runs %s for %d years, Current %s for %d: horizons must match",
				tl.Scenario, tl.Start, tl.Years, current.Start, current.Years)
		}
	}
	cs := make([]*compiled, len(tls))
	for i, tl := range tls {
		c, err := compile(tl)
		if err != nil {
			return nil, err
		}
		if err := checkRange(c, opt.OnCosts); err != nil {
			return nil, err
		}
		cs[i] = c
	}
	e, err := newEngine(census, current.Start, current.Years, opt, newCanon(cs))
	if err != nil {
		return nil, err
	}
	// Timelines are independent: project them concurrently. Each run
	// writes only its own state, so the results do not depend on timing.
	runs := make([]*run, len(tls))
	errs := make([]error, len(tls))
	var wg sync.WaitGroup
	for i, c := range cs {
		wg.Go(func() {
			runs[i], errs[i] = e.run(c)
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, err
		}
		if runs[i].overflowed {
			return nil, fmt.Errorf("scenario %q: a cost is too large to compute exactly", tls[i].Scenario)
		}
	}
	out := &Costing{}
	for i, r := range runs {
		sc := ScenarioCosting{Scenario: r.c.tl.Scenario, Order: r.c.order, Rows: e.rows(r)}
		if i > 0 {
			sc.Distribution = e.distribution(r, runs[0], opt.Inflation)
		}
		sc.Equality = e.equality(r)
		out.Scenarios = append(out.Scenarios, sc)
	}
	type yearBand struct {
		year int
		band string
	}
	base := map[yearBand]decimal.Decimal{}
	for _, row := range out.Scenarios[0].Rows {
		base[yearBand{row.Year, row.Band}] = row.Total
	}
	for i := range out.Scenarios {
		for j := range out.Scenarios[i].Rows {
			row := &out.Scenarios[i].Rows[j]
			b := base[yearBand{row.Year, row.Band}]
			cash, pct := money.Change(b, row.Total)
			row.Change, row.ChangePct = cash, nil
			if !b.IsZero() {
				row.ChangePct = &pct
			}
		}
	}
	return out, nil
}

// pickWeighted sorts items by cmp, ignoring those of zero weight, and
// returns the positions (in the returned slice) of the minimum, the lower
// weighted median and the maximum. The lower median is the item of the
// person at position ⌈W/2⌉ in ascending order, W the total weight: the
// middle person when W is odd, the lower of the two middle people when W is
// even. ok is false when there is nobody.
func pickWeighted[T any](items []T, weight func(*T) int64, cmp func(a, b T) int) (sorted []T, lo, med, hi int, ok bool) {
	n := 0
	for i := range items {
		if weight(&items[i]) > 0 {
			items[n] = items[i]
			n++
		}
	}
	items = items[:n]
	if len(items) == 0 {
		return items, 0, 0, 0, false
	}
	slices.SortFunc(items, cmp)
	var total int64
	for i := range items {
		total += weight(&items[i])
	}
	target := total - total/2 // ⌈W/2⌉
	var cum int64
	for i := range items {
		cum += weight(&items[i])
		if cum >= target {
			med = i
			break
		}
	}
	return items, 0, med, len(items) - 1, true
}

// maxCPDDays bounds a timeline's paid CPD days a year (a year's days).
var maxCPDDays = decimal.NewFromInt(366)

// checkRange refuses a timeline or on-costs outside the bounds package
// scenario and the dataset enforce, within which every per-person amount
// the engine holds in 64-bit pence fits with room to spare: every salary
// (money.SalaryInRange: above £0, below £10¹², so a year's basic pay is
// below 10¹⁴ pence); lump sums of at least £0 and at most money.MaxRate as a
// rate, those paid in one pay year adding up to below money.AmountLimit in
// amounts and at most money.MaxRate in rates (below 1.1 × 10¹⁵ pence a
// person); paid CPD days from 0 to 366; and on-cost rates from 0 to
// money.MaxRate with thresholds of at least £0.
func checkRange(c *compiled, onCosts []paystructure.OnCost) error {
	tl := c.tl
	for _, sal := range c.slotSalary {
		if !money.SalaryInRange(sal) {
			return fmt.Errorf("scenario %q: salary %s is outside the range paymodel costs (more than £0, below %s)", tl.Scenario, money.AmountText(sal), money.Pounds(money.AmountLimit))
		}
	}
	type sums struct{ amount, rate decimal.Decimal }
	years := map[int]*sums{}
	for _, l := range tl.LumpSums {
		if l.Amount.Sign() < 0 || !l.Amount.LessThan(money.AmountLimit) || l.Rate.Sign() < 0 || l.Rate.GreaterThan(money.MaxRate) {
			return fmt.Errorf("scenario %q: lump sum %s (%s) is outside the range paymodel costs", tl.Scenario, l.Source, money.AmountText(l.Amount))
		}
		y := int(l.Paid-tl.Start) / 12
		sm := years[y]
		if sm == nil {
			sm = &sums{}
			years[y] = sm
		}
		sm.amount, sm.rate = sm.amount.Add(l.Amount), sm.rate.Add(l.Rate)
		if !sm.amount.LessThan(money.AmountLimit) || sm.rate.GreaterThan(money.MaxRate) {
			return fmt.Errorf("scenario %q: the lump sums of pay year %d add up to more than paymodel costs", tl.Scenario, y+1)
		}
	}
	if tl.CPDDays.Sign() < 0 || tl.CPDDays.GreaterThan(maxCPDDays) {
		return fmt.Errorf("scenario %q: %s paid CPD days a year is outside 0 to %s", tl.Scenario, tl.CPDDays, maxCPDDays)
	}
	for _, oc := range onCosts {
		if oc.Rate.Sign() < 0 || oc.Rate.GreaterThan(money.MaxRate) || oc.Threshold.Sign() < 0 {
			return fmt.Errorf("on-cost %q: rate %s or threshold %s is outside the range paymodel costs", oc.Name, money.RateText(oc.Rate), money.AmountText(oc.Threshold))
		}
	}
	return nil
}

// rise is one path's first-year rise: new − old earnings, in pence.
type rise struct {
	old, rise, w int64
}

// frac returns the rise as a fraction rise/den with den > 0 (0/1 when old
// is zero, as money.Change defines it).
func (r rise) frac() (num, den int64) {
	if r.old <= 0 {
		return 0, 1
	}
	return r.rise, r.old
}

func (r rise) pct() decimal.Decimal {
	_, f := money.Change(exact.FromPence(r.old), exact.FromPence(r.old+r.rise))
	return f
}

// distribution compares each path's pay-year-1 earnings under r with
// Current's.
func (e *engine) distribution(r, cur *run, inflation *decimal.Decimal) []Distribution {
	c := r.c
	// Paths with the same census band, Current earnings and rise are
	// alike here: add their weights first.
	type key struct {
		band      int
		old, rise int64
	}
	weights := map[key]int64{}
	for pi := range e.paths {
		b, ok := c.bandIdx[e.paths[pi].key.band]
		if !ok {
			b = -1
		}
		weights[key{b, cur.earn1[pi], r.earn1[pi] - cur.earn1[pi]}] += e.paths[pi].weight
	}
	byBand := make([][]rise, len(c.bands)) // by census band
	var all []rise
	for k, w := range weights {
		x := rise{old: k.old, rise: k.rise, w: w}
		if k.band >= 0 {
			byBand[k.band] = append(byBand[k.band], x)
		}
		all = append(all, x)
	}
	weight := func(x *rise) int64 { return x.w }
	one := func(band string, items []rise) Distribution {
		d := Distribution{Scenario: c.tl.Scenario, Band: band}
		items, lo, med, hi, ok := pickWeighted(items, weight, func(a, b rise) int { return cmp.Compare(a.rise, b.rise) })
		if !ok {
			return d
		}
		d.MinRise, d.MedianRise, d.MaxRise = exact.FromPence(items[lo].rise), exact.FromPence(items[med].rise), exact.FromPence(items[hi].rise)
		items, lo, med, hi, _ = pickWeighted(items, weight, func(a, b rise) int {
			an, ad := a.frac()
			bn, bd := b.frac()
			return exact.CmpFrac(an, ad, bn, bd)
		})
		d.MinPct, d.MedianPct, d.MaxPct = items[lo].pct(), items[med].pct(), items[hi].pct()
		for i := range items {
			d.People += items[i].w
		}
		if inflation != nil {
			// The rounded percentage never decreases along the sorted
			// items, so those below inflation are a prefix.
			n := sort.Search(len(items), func(i int) bool { return !items[i].pct().LessThan(*inflation) })
			var below int64
			for _, x := range items[:n] {
				below += x.w
			}
			d.BelowInflation = &below
		}
		return d
	}
	var out []Distribution
	for b, items := range byBand {
		if d := one(c.bands[b], items); d.People > 0 {
			out = append(out, d)
		}
	}
	return append(out, one(AllBands, all))
}

// equality summarises the pay-year-1 full-time salary of each attribute
// value's people under r.
func (e *engine) equality(r *run) []EqualityRow {
	// Rank the distinct salaries once (slots and protected salaries), so each
	// group needs only integer work per path.
	type coded struct {
		code int32
		sal  decimal.Decimal
	}
	codes := make([]coded, 0, len(r.c.slotSalary)+len(r.prot))
	for i, sal := range r.c.slotSalary {
		codes = append(codes, coded{int32(i), sal})
	}
	for i, sal := range r.prot {
		codes = append(codes, coded{int32(-1 - i), sal})
	}
	slices.SortFunc(codes, func(a, b coded) int { return a.sal.Cmp(b.sal) })
	slotRank := make([]int, len(r.c.slotSalary))
	protRank := make([]int, len(r.prot))
	rankSal := make([]decimal.Decimal, 0, len(codes))
	for i, x := range codes {
		if i == 0 || x.sal.GreaterThan(codes[i-1].sal) {
			rankSal = append(rankSal, x.sal)
		}
		rk := len(rankSal) - 1
		if x.code >= 0 {
			slotRank[x.code] = rk
		} else {
			protRank[-1-x.code] = rk
		}
	}
	rankOf := func(pi int) int {
		if c := r.ft1[pi]; c >= 0 {
			return slotRank[c]
		}
		return protRank[-1-r.ft1[pi]]
	}
	wByRank := make([]int64, len(rankSal))
	var touched []int
	var out []EqualityRow
	for a, ai := range e.attrs {
		first := len(out)
		best := decimal.Zero
		for vi, v := range ai.values {
			row := EqualityRow{Scenario: r.c.tl.Scenario, Attribute: e.attrNames[a], Value: v}
			touched = touched[:0]
			for _, pw := range ai.paths[vi] {
				if pw.weight <= 0 {
					continue
				}
				rk := rankOf(pw.path)
				if wByRank[rk] == 0 {
					touched = append(touched, rk)
				}
				wByRank[rk] += pw.weight
				row.Headcount += pw.weight
			}
			slices.Sort(touched)
			var total decimal.Decimal
			target := row.Headcount - row.Headcount/2 // ⌈W/2⌉: the lower median
			var cum int64
			for _, rk := range touched {
				w := wByRank[rk]
				total = total.Add(rankSal[rk].Mul(decimal.NewFromInt(w)))
				if cum < target && cum+w >= target {
					row.MedianSalary = rankSal[rk]
				}
				cum += w
				wByRank[rk] = 0
			}
			if row.Headcount > 0 {
				row.MeanSalary = total.DivRound(decimal.NewFromInt(row.Headcount), 2)
			}
			if row.MeanSalary.GreaterThan(best) {
				best = row.MeanSalary
			}
			out = append(out, row)
		}
		for i := first; i < len(out); i++ {
			if best.Sign() > 0 {
				out[i].GapPct = best.Sub(out[i].MeanSalary).DivRound(best, 8)
			}
		}
	}
	return out
}
