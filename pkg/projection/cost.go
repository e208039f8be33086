package projection

import (
	"fmt"
	"sync"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
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
	// ArrearsMonth is the month a deal implemented late pays its arrears
	// (CostRow.Arrears); nil when it pays none within the horizon.
	ArrearsMonth *calendar.Month
	// Snapshots are the people in post in the last month of each pay year
	// and what they were paid, for the pay gap measures (Snapshot).
	Snapshots []Snapshot
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
	// Arrears are the arrears of a deal implemented late paid in this pay
	// year (the one holding the implementation month; zero in every
	// other): back pay for pay already in the Basic of the years it was
	// earned, so not part of Total (see arrears.go).
	Arrears decimal.Decimal
}

// Add adds o's people and amounts to r field by field: Headcount, FTE,
// Basic, LumpSums, OnCosts, each of OnCostLines (r's grown with zeros to
// o's length), CPDTime, Total, Drift and Arrears, all exactly. It leaves Scenario,
// Year, Band, Change and ChangePct alone. A pay year's AllBands row is its
// band rows added up this way.
func (r *CostRow) Add(o CostRow) {
	r.Headcount = r.Headcount.Add(o.Headcount)
	r.FTE = r.FTE.Add(o.FTE)
	r.Basic = r.Basic.Add(o.Basic)
	r.LumpSums = r.LumpSums.Add(o.LumpSums)
	r.OnCosts = r.OnCosts.Add(o.OnCosts)
	for len(r.OnCostLines) < len(o.OnCostLines) {
		r.OnCostLines = append(r.OnCostLines, decimal.Zero)
	}
	for i, v := range o.OnCostLines {
		r.OnCostLines[i] = r.OnCostLines[i].Add(v)
	}
	r.CPDTime = r.CPDTime.Add(o.CPDTime)
	r.Total = r.Total.Add(o.Total)
	r.Drift = r.Drift.Add(o.Drift)
	r.Arrears = r.Arrears.Add(o.Arrears)
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
	e.snapIdx = newSnapIndex(e)
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
	arrears := make([]*arrearsSums, len(tls))
	for i, c := range cs[1:] {
		wg.Go(func() {
			arrears[i+1], errs[i+1] = e.arrears(c, cs[0], len(runs[i+1].cells))
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, err
		}
		if a := arrears[i]; a != nil && a.overflowed {
			return nil, fmt.Errorf("scenario %q: arrears are too large to compute exactly", tls[i].Scenario)
		}
	}
	out := &Costing{}
	for i, r := range runs {
		sc := ScenarioCosting{Scenario: r.c.tl.Scenario, Order: r.c.order, Rows: e.rows(r)}
		if a := arrears[i]; a != nil {
			e.setArrears(sc.Rows, a, len(r.c.bands), r.c.tl.ArrearsToLeavers)
			m := r.c.month(a.m)
			sc.ArrearsMonth = &m
		}
		if i > 0 {
			sc.Distribution = e.distribution(r, runs[0], opt.Inflation)
		}
		sc.Equality = e.equality(r)
		sc.Snapshots = e.snapshots(r)
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
