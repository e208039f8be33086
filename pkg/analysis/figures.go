package analysis

import (
	"sort"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/projection"
)

// ScenarioFigures are the headline figures of one timeline in a comparison:
// what the first page, the scorecard and the briefing show of it.
type ScenarioFigures struct {
	Name string
	// LastAward is the date of the timeline's last table within the horizon
	// (its last award; the start for Current).
	LastAward calendar.Date
	// FirstYear and WholeDeal are the paybill (cost.csv total, All bands) in
	// pay year 1 and over the horizon; the changes are against Current and
	// the shares are change ÷ Current's paybill (PaybillShare). Zero without
	// a census.
	FirstYear, WholeDeal             decimal.Decimal
	FirstYearChange, WholeDealChange decimal.Decimal
	FirstYearShare, WholeDealShare   decimal.Decimal
	// FirstYearDrift is the drift of pay year 1 (cost.csv, All bands); zero
	// without a census.
	FirstYearDrift decimal.Decimal
	// Implemented is the month a deal implemented late pays its arrears
	// (the timeline's Implemented, when it falls after the start and
	// within the horizon); nil for a deal paid from its awards' dates.
	// Arrears is the bill then (cost.csv arrears, All bands, in pay year
	// ArrearsYear); zero without a census.
	Implemented *calendar.Month
	Arrears     decimal.Decimal
	ArrearsYear int
	// SmallestRise and LargestRise are the smallest and largest change on
	// any point against Current on LastAward (the fractions, with the cash
	// of the same points); the first point in points.csv order wins a tie.
	// Zero where no point has a change.
	SmallestRise, LargestRise         decimal.Decimal
	SmallestRiseCash, LargestRiseCash decimal.Decimal
	SmallestAt, LargestAt             string // "Band 4 point 5"
	// SpreadPoints is LargestRise − SmallestRise in percentage points
	// (× 100, exact).
	SpreadPoints decimal.Decimal
	// SmallestRiseReal is SmallestRise less the 12-month inflation to the
	// start (a fraction); nil without inflation.
	SmallestRiseReal *decimal.Decimal
	// YearsToTop and CareerEarnings per band of the timeline, in band
	// order, from its full-time new entrant's career (careers.csv);
	// YearsToTop is nil where the top is not reached within the horizon,
	// CareerEarnings nil where the band has no career.
	YearsToTop     []*decimal.Decimal
	CareerEarnings []*decimal.Decimal
	// LongestToTop is the longest of YearsToTop (nil when no band's top is
	// reached); NotTopped counts the bands whose top is not reached.
	LongestToTop *decimal.Decimal
	NotTopped    int64
	// PointsFewest and PointsMost are the fewest and most points in a band
	// of the last table (-1 and 0 for a table with no bands).
	PointsFewest, PointsMost int
	// LowestEntry is the entry salary of Current's first band and
	// HighestTop the top salary of Current's last band, in this timeline's
	// last table; nil where the band has no points there.
	LowestEntry, HighestTop *decimal.Decimal
	// WidestGaps holds, for each of Result.EqualityAttributes, the widest
	// gap to the best-paid group among the groups whose pay is shown
	// (DisclosedEquality), 0 when none is; WidestGapChanges the same less
	// Current's (fractions). Nil without a census.
	WidestGaps, WidestGapChanges []decimal.Decimal
}

// lastTable returns the last table of tl in force within its horizon: a
// scenario compared over fewer --years than it spans has tables (awards)
// beyond the horizon, which no figure may use.
func lastTable(tl *paystructure.Timeline) *paystructure.Table {
	return tl.TableAt(tl.End() - 1)
}

// figures computes the headline figures of every timeline, Current first.
func figures(r *Result) []ScenarioFigures {
	out := make([]ScenarioFigures, len(r.Timelines))
	cur := r.Current()
	for i, tl := range r.Timelines {
		last := lastTable(tl)
		f := ScenarioFigures{Name: tl.Scenario, LastAward: last.From.First()}
		first := true
		for _, p := range r.Points[i] {
			if p.Date != f.LastAward || p.ChangePct == nil {
				continue
			}
			at := p.Band + " point " + p.Point
			if first || p.ChangePct.LessThan(f.SmallestRise) {
				f.SmallestRise, f.SmallestRiseCash, f.SmallestAt = *p.ChangePct, *p.Change, at
			}
			if first || p.ChangePct.GreaterThan(f.LargestRise) {
				f.LargestRise, f.LargestRiseCash, f.LargestAt = *p.ChangePct, *p.Change, at
			}
			first = false
		}
		f.SpreadPoints = f.LargestRise.Sub(f.SmallestRise).Mul(money.Hundred)
		if r.Inflation != nil {
			real := f.SmallestRise.Sub(*r.Inflation)
			f.SmallestRiseReal = &real
		}
		for _, b := range tl.Bands {
			var ytt, earn *decimal.Decimal
			for _, c := range r.Careers[i] {
				if c.Band == b.Name {
					ytt, earn = c.YearsToTop, &c.Earnings
				}
			}
			f.YearsToTop = append(f.YearsToTop, ytt)
			f.CareerEarnings = append(f.CareerEarnings, earn)
			switch {
			case ytt == nil:
				f.NotTopped++
			case f.LongestToTop == nil || ytt.GreaterThan(*f.LongestToTop):
				f.LongestToTop = ytt
			}
		}
		f.PointsFewest = -1
		for _, sc := range last.Scales {
			n := len(sc.Points)
			if f.PointsFewest < 0 || n < f.PointsFewest {
				f.PointsFewest = n
			}
			f.PointsMost = max(f.PointsMost, n)
		}
		if len(cur.Bands) > 0 {
			if low, _ := last.Scale(cur.Bands[0].Name); len(low.Points) > 0 {
				f.LowestEntry = &low.Points[0].Salary
			}
			if high, _ := last.Scale(cur.Bands[len(cur.Bands)-1].Name); len(high.Points) > 0 {
				top := high.Top().Salary
				f.HighestTop = &top
			}
		}
		if m := tl.Implemented; m != nil && *m > tl.Start && *m < tl.End() {
			f.Implemented, f.ArrearsYear = m, int(*m-tl.Start)/12+1
		}
		out[i] = f
	}
	if r.Costing != nil {
		base := AllRows(r.Costing.Scenarios[0])
		for i, sc := range r.Costing.Scenarios {
			rows := AllRows(sc)
			f := &out[i]
			for y, row := range rows {
				f.WholeDeal = f.WholeDeal.Add(row.Total)
				f.WholeDealChange = f.WholeDealChange.Add(row.Total.Sub(base[y].Total))
				if y == 0 {
					f.FirstYear = row.Total
					f.FirstYearChange = row.Total.Sub(base[0].Total)
					f.FirstYearDrift = row.Drift
				}
				f.Arrears = f.Arrears.Add(row.Arrears) // non-zero in one year only
			}
			f.FirstYearShare = PaybillShare(f.FirstYearChange, base[0].Total)
			baseWhole := decimal.Zero
			for _, row := range base {
				baseWhole = baseWhole.Add(row.Total)
			}
			f.WholeDealShare = PaybillShare(f.WholeDealChange, baseWhole)
		}
		for i, sc := range r.Costing.Scenarios {
			f := &out[i]
			for k, a := range r.EqualityAttributes {
				g := widestGap(sc, a)
				f.WidestGaps = append(f.WidestGaps, g)
				f.WidestGapChanges = append(f.WidestGapChanges, g.Sub(out[0].WidestGaps[k]))
			}
		}
	}
	return out
}

// equalityAttributes lists the attributes of Current's equality rows, in
// their order.
func equalityAttributes(c *projection.Costing) []string {
	var attrs []string
	seen := map[string]bool{}
	for _, e := range c.Scenarios[0].Equality {
		if !seen[e.Attribute] {
			seen[e.Attribute] = true
			attrs = append(attrs, e.Attribute)
		}
	}
	return attrs
}

// widestGap is the largest gap to the best-paid group of attr among the
// groups whose pay is shown (DisclosedEquality), 0 when none is shown.
func widestGap(sc projection.ScenarioCosting, attr string) decimal.Decimal {
	g := decimal.Zero
	rows, shown := DisclosedEquality(sc.Equality)
	for i, e := range rows {
		if e.Attribute == attr && shown[i] && e.GapPct.GreaterThan(g) {
			g = e.GapPct
		}
	}
	return g
}

// BestOffer returns the offer (never Current, figs[0]) whose smallest rise
// is largest, the first on a tie; ok is false when there is no offer.
func BestOffer(figs []ScenarioFigures) (best ScenarioFigures, ok bool) {
	if len(figs) < 2 {
		return ScenarioFigures{}, false
	}
	best = figs[1]
	for _, f := range figs[2:] {
		if f.SmallestRise.GreaterThan(best.SmallestRise) {
			best = f
		}
	}
	return best, true
}

// AllRows returns a costing's All rows in pay-year order.
func AllRows(sc projection.ScenarioCosting) []projection.CostRow {
	var rows []projection.CostRow
	for _, r := range sc.Rows {
		if r.Band == projection.AllBands {
			rows = append(rows, r)
		}
	}
	return rows
}

// PaybillShare returns change ÷ base as a fraction to 8 places (halves away
// from zero), zero when the base is zero.
func PaybillShare(change, base decimal.Decimal) decimal.Decimal {
	if base.IsZero() {
		return decimal.Zero
	}
	return change.DivRound(base, 8)
}

// Summary is one line of summary.csv: a band's entry and top salary in the
// timeline's last table within the horizon (after every award of the deal),
// with its new entrant's years to the top and career earnings.
type Summary struct {
	Scenario       string
	Band           string
	Entry, Top     decimal.Decimal
	YearsToTop     *decimal.Decimal
	CareerEarnings decimal.Decimal
}

// summaries pairs each career with its band's entry and top salary in the
// timeline's last table within the horizon; a career whose band has no
// points there is left out.
func summaries(tl *paystructure.Timeline, careers []projection.Career) []Summary {
	last := tl.TableAt(tl.End() - 1)
	var out []Summary
	for _, c := range careers {
		sc, ok := last.Scale(c.Band)
		if !ok || len(sc.Points) == 0 {
			continue
		}
		out = append(out, Summary{
			Scenario: c.Scenario, Band: c.Band,
			Entry: sc.Points[0].Salary, Top: sc.Top().Salary,
			YearsToTop: c.YearsToTop, CareerEarnings: c.Earnings,
		})
	}
	return out
}

// BandPoints is one band's points after each timeline's last award within
// the horizon, side by side.
type BandPoints struct {
	Band paystructure.Band
	// Labels are every point label the band has in any timeline's last
	// table, ordered by salary under Current; a point that exists only in
	// a scenario goes by its salary there (the last such scenario's), and
	// labels of equal salary keep the order in which the timelines (Current
	// first) list them.
	Labels []string
	// Rows[i][j] is timeline i's points.csv row of Labels[j] on its
	// LastAward date, or nil where the point does not exist under it.
	Rows [][]*projection.PointRow
}

// bandPoints lays out every band of Current (in display order) across the
// timelines.
func bandPoints(r *Result) []BandPoints {
	var out []BandPoints
	for _, b := range r.Current().Bands {
		bp := BandPoints{Band: b}
		seen := map[string]bool{}
		byLabel := make([]map[string]*projection.PointRow, len(r.Timelines))
		for i, tl := range r.Timelines {
			last := lastTable(tl)
			date := last.From.First()
			byLabel[i] = map[string]*projection.PointRow{}
			for k := range r.Points[i] {
				if p := &r.Points[i][k]; p.Band == b.Name && p.Date == date {
					byLabel[i][p.Point] = p
				}
			}
			sc, _ := tl.TableAt(last.From).Scale(b.Name)
			for _, p := range sc.Points {
				if !seen[p.Label] {
					seen[p.Label] = true
					bp.Labels = append(bp.Labels, p.Label)
				}
			}
		}
		rank := map[string]decimal.Decimal{}
		for i := len(r.Timelines) - 1; i >= 0; i-- {
			tl := r.Timelines[i]
			sc, _ := lastTable(tl).Scale(b.Name)
			for _, p := range sc.Points {
				rank[p.Label] = p.Salary
			}
		}
		sort.SliceStable(bp.Labels, func(i, j int) bool { return rank[bp.Labels[i]].LessThan(rank[bp.Labels[j]]) })
		for i := range r.Timelines {
			row := make([]*projection.PointRow, len(bp.Labels))
			for j, l := range bp.Labels {
				row[j] = byLabel[i][l]
			}
			bp.Rows = append(bp.Rows, row)
		}
		out = append(out, bp)
	}
	return out
}
