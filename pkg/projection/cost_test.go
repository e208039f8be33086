package projection

import (
	"testing"

	"github.com/shopspring/decimal"

	"paymodel/pkg/paystructure"
)

// oneBand is band A, anniversary progression, points 1–3 on 12 months.
var oneBand = []paystructure.Band{band("A", anniversary())}

// current1 is the Current baseline: one table for a one-year horizon.
func current1() *paystructure.Timeline {
	return tline("Current", "2025-04", 1, oneBand,
		table("2025-04", scale("A", 12, "24000", "25200", "26400")))
}

// award1 adds a mid-year award from October 2025.
func award1() *paystructure.Timeline {
	return tline("Award", "2025-04", 1, oneBand,
		table("2025-04", scale("A", 12, "24000", "25200", "26400")),
		table("2025-10", scale("A", 12, "25200", "26461", "27720")))
}

var pensionNI = []paystructure.OnCost{
	{Name: "Pension", Rate: d("0.2")},
	{Name: "NI", Rate: d("0.138"), Threshold: d("9100")},
}

func row(t *testing.T, c *Costing, scenario string, year int, band string) CostRow {
	t.Helper()
	for _, s := range c.Scenarios {
		if s.Scenario != scenario {
			continue
		}
		for _, r := range s.Rows {
			if r.Year == year && r.Band == band {
				return r
			}
		}
	}
	t.Fatalf("no row %s year %d band %s", scenario, year, band)
	return CostRow{}
}

func TestCostOnePersonMidYearAwardAndProgression(t *testing.T) {
	// Half-time on point 1 since 15 August 2024: time counts from 1 September
	// 2024, so they move to point 2 on 1 September 2025.
	cen := census([]string{"Sex"}, group("A", "1", "0.5", "2024-08-15", 1, "F"))
	c, err := Cost(cen, current1(), []*paystructure.Timeline{award1()}, Options{OnCosts: pensionNI})
	if err != nil {
		t.Fatal(err)
	}
	// Award, month by month:
	//   Apr–Aug 2025  point 1, 24000 × 0.5 ÷ 12 = 1000.00   × 5 = 5000.00
	//   Sep 2025      point 2, 25200 × 0.5 ÷ 12 = 1050.00         1050.00
	//   Oct–Mar       point 2 (award), 26461 × 0.5 ÷ 12 = 1102.541… → 1102.54 × 6 = 6615.24
	//   basic = 12665.24
	// Without progression: Apr–Sep 1000.00 × 6 = 6000; Oct–Mar point 1 at
	// 25200: 1050.00 × 6 = 6300; 12300.00, so drift = 365.24.
	// Pension 20% × 12665.24 = 2533.048 → 2533.05.
	// NI 13.8% × (12665.24 − 9100) = 492.00312 → 492.00.
	// Total 12665.24 + 2533.05 + 492.00 = 15690.29.
	r := row(t, c, "Award", 1, "A")
	eq(t, "headcount", r.Headcount, "1")
	eq(t, "fte", r.FTE, "0.5")
	eq(t, "basic", r.Basic, "12665.24")
	eq(t, "drift", r.Drift, "365.24")
	eq(t, "pension", r.OnCostLines[0], "2533.05")
	eq(t, "NI", r.OnCostLines[1], "492.00")
	eq(t, "oncosts", r.OnCosts, "3025.05")
	eq(t, "total", r.Total, "15690.29")
	// Current: 5000 + 7 × 1050 = 12350; pension 2470.00; NI (12350 − 9100)
	// × 0.138 = 448.50; total 15268.50, drift 1050 × 7 − 1000 × 7 = 350.
	cur := row(t, c, "Current", 1, "A")
	eq(t, "current basic", cur.Basic, "12350")
	eq(t, "current total", cur.Total, "15268.50")
	eq(t, "current drift", cur.Drift, "350")
	// Change 15690.29 − 15268.50 = 421.79; ÷ 15268.50 = 0.027624848…
	eq(t, "change", r.Change, "421.79")
	eq(t, "change pct", *r.ChangePct, "0.02762485")
	all := row(t, c, "Award", 1, AllBands)
	eq(t, "all total", all.Total, "15690.29")
	if c.Scenarios[0].Distribution != nil {
		t.Error("Current has a distribution")
	}
	dist := c.Scenarios[1].Distribution
	if len(dist) != 2 || dist[0].Band != "A" || dist[1].Band != AllBands {
		t.Fatalf("distribution %+v", dist)
	}
	// Rise 12665.24 − 12350 = 315.24; ÷ 12350 = 0.0255255…
	eq(t, "median rise", dist[0].MedianRise, "315.24")
	eq(t, "median pct", dist[0].MedianPct, "0.02552551")
	if dist[0].BelowInflation != nil {
		t.Error("below-inflation count without an inflation rate")
	}
	// Full-time salary in March 2026: 26461 (Award), 25200 (Current).
	eqr := c.Scenarios[1].Equality
	if len(eqr) != 1 || eqr[0].Attribute != "Sex" || eqr[0].Value != "F" {
		t.Fatalf("equality %+v", eqr)
	}
	eq(t, "mean", eqr[0].MeanSalary, "26461")
	eq(t, "current mean", c.Scenarios[0].Equality[0].MeanSalary, "25200")
}

func TestCostCountEqualsIdenticalRows(t *testing.T) {
	one := group("A", "1", "0.5", "2024-08-15", 1, "F")
	three := one
	three.Count = 3
	a, err := Cost(census(nil, three), current1(), []*paystructure.Timeline{award1()}, Options{OnCosts: pensionNI})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Cost(census(nil, one, one, one), current1(), []*paystructure.Timeline{award1()}, Options{OnCosts: pensionNI})
	if err != nil {
		t.Fatal(err)
	}
	ra, rb := row(t, a, "Award", 1, "A"), row(t, b, "Award", 1, "A")
	eq(t, "count 3 total", ra.Total, "47070.87") // 3 × 15690.29
	eq(t, "rows total", rb.Total, "47070.87")
	eq(t, "headcount", rb.Headcount, "3")
	eq(t, "fte", rb.FTE, "1.5")
}

func TestCostOnCostThreshold(t *testing.T) {
	// Full-time on the top point all year: 26400 a year, 2200.00 a month.
	cen := census(nil, group("A", "3", "1", "2020-04-01", 1))
	lines := []paystructure.OnCost{
		{Name: "NoThreshold", Rate: d("0.15")},                      // 3960.00
		{Name: "Threshold", Rate: d("0.15"), Threshold: d("12570")}, // 0.15 × 13830 = 2074.50
		{Name: "Above", Rate: d("0.15"), Threshold: d("30000")},     // pay below threshold: 0
		{Name: "Odd", Rate: d("0.123456"), Threshold: d("0.01")},    // 0.123456 × 26399.99 = 3259.237… → 3259.24
	}
	c, err := Cost(cen, current1(), nil, Options{OnCosts: lines})
	if err != nil {
		t.Fatal(err)
	}
	r := row(t, c, "Current", 1, "A")
	eq(t, "basic", r.Basic, "26400")
	for i, want := range []string{"3960", "2074.50", "0", "3259.24"} {
		eq(t, lines[i].Name, r.OnCostLines[i], want)
	}
	eq(t, "all line 2", row(t, c, "Current", 1, AllBands).OnCostLines[1], "2074.50")
}

func TestCostLumpSums(t *testing.T) {
	tl := award1()
	tl.LumpSums = []paystructure.LumpSum{
		// £1,000 in June 2025 to band A, pro rata FTE.
		{Paid: mon("2025-06"), Amount: d("1000"), Bands: []string{"A"}},
		// 2% of full-time salary in December 2025, to those at the top only.
		{Paid: mon("2025-12"), Rate: d("0.02"), AtTopOnly: true},
		// Paid after the horizon: ignored.
		{Paid: mon("2026-04"), Amount: d("5000")},
	}
	cen := census(nil,
		group("A", "1", "0.6", "2025-04-01", 1), // not at top: 1000 × 0.6 = 600.00
		group("A", "3", "0.6", "2025-04-01", 2), // top: 600.00 + 0.02 × 27720 × 0.6 = 332.64; ×2
	)
	c, err := Cost(cen, current1(), []*paystructure.Timeline{tl}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := row(t, c, "Award", 1, "A")
	// 600.00 + 2 × (600.00 + 332.64) = 2465.28
	eq(t, "lump sums", r.LumpSums, "2465.28")
	// Rate form with sub-penny: FTE 0.7 on top: 0.02 × 27720 × 0.7 = 388.08
	cen2 := census(nil, group("A", "3", "0.7", "2025-04-01", 1))
	tl.LumpSums = tl.LumpSums[1:2]
	tl.Tables[1].Scales[0].Points[2].Salary = d("27721.11") // 0.02 × 27721.11 × 0.7 = 388.09554 → 388.10
	c, err = Cost(cen2, current1(), []*paystructure.Timeline{tl}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "rate lump", row(t, c, "Award", 1, "A").LumpSums, "388.10")
}

func TestCostCPDTime(t *testing.T) {
	tl := current1()
	tl.CPDDays = d("3")
	cen := census(nil, group("A", "2", "0.8", "2025-04-01", 2))
	c, err := Cost(cen, tl, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Daily rate 25200 × 0.8 ÷ 260.715 = 77.325…  → 77.33; × 3 days = 231.99;
	// × 2 people = 463.98.
	r := row(t, c, "Current", 1, "A")
	eq(t, "cpd time", r.CPDTime, "463.98")
	// Basic: 25200 × 0.8 ÷ 12 = 1680 × 12 × 2 = 40320. Total includes CPD time.
	eq(t, "total", r.Total, "40783.98")
}

func TestCostTurnover(t *testing.T) {
	// Three-year horizon; 10 people full time on point 3 (top, 26400).
	// Bottom point 24000, so entrants cost 2000.00 a month in their first year
	// and 2100.00 (point 2) in their second.
	tl := tline("Current", "2025-04", 3, oneBand,
		table("2025-04", scale("A", 12, "24000", "25200", "26400")))
	cen := census(nil, group("A", "3", "1", "2020-04-01", 10))
	c, err := Cost(cen, tl, nil, Options{Turnover: d("0.1")})
	if err != nil {
		t.Fatal(err)
	}
	// Year 1: 10 × 26400 = 264000.
	eq(t, "y1", row(t, c, "Current", 1, "A").Basic, "264000")
	// Year 2: 9 stay (237600) + 1 entrant on point 1 (24000) = 261600.
	y2 := row(t, c, "Current", 2, "A")
	eq(t, "y2", y2.Basic, "261600")
	eq(t, "y2 headcount", y2.Headcount, "10")
	// Drift year 2: the entrant would stay on point 1 anyway: 0.
	eq(t, "y2 drift", y2.Drift, "0")
	// Year 3: 8.1 stayers × 26400 = 213840; year-2 entrants 0.9 on point 2 ×
	// 25200 = 22680; year-3 entrants 1 × 24000. Total 260520.
	y3 := row(t, c, "Current", 3, "A")
	eq(t, "y3", y3.Basic, "260520")
	// Drift year 3: 0.9 × (25200 − 24000) = 1080.
	eq(t, "y3 drift", y3.Drift, "1080")

	// With no turnover: 264000 every year.
	c, err = Cost(cen, tl, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "no turnover y3", row(t, c, "Current", 3, "A").Basic, "264000")
}

func TestCostTurnoverFractionalPence(t *testing.T) {
	// Weights with turnover are exact; rounding happens on the band-year
	// total. One person at the top on 12345.67 (1028.81 a month after
	// rounding 1028.8058…; 12345.72 a year), 7% turnover, entrants on
	// 10000.01 (833.33 a month; 9999.96 a year).
	tl := tline("Current", "2025-04", 2, oneBand,
		table("2025-04", scale("A", 12, "10000.01", "12345.67")))
	c, err := Cost(census(nil, group("A", "2", "1", "2020-04-01", 1)), tl, nil, Options{Turnover: d("0.07")})
	if err != nil {
		t.Fatal(err)
	}
	// Year 2: 0.93 × 12345.72 + 0.07 × 9999.96 = 11481.5196 + 699.9972
	// = 12181.5168 → 12181.52.
	y2 := row(t, c, "Current", 2, "A")
	eq(t, "y2", y2.Basic, "12181.52")
	eq(t, "y2 headcount", y2.Headcount, "1")
}

func TestCostErrors(t *testing.T) {
	cur := current1()
	if _, err := Cost(census(nil, group("A", "9", "1", "", 1)), cur, nil, Options{}); err == nil {
		t.Error("unknown point accepted")
	}
	if _, err := Cost(census(nil, group("Z", "1", "1", "", 1)), cur, nil, Options{}); err == nil {
		t.Error("unknown band accepted")
	}
	other := award1()
	other.Years = 2
	if _, err := Cost(census(nil), cur, []*paystructure.Timeline{other}, Options{}); err == nil {
		t.Error("mismatched horizons accepted")
	}
	if _, err := Cost(census(nil), cur, nil, Options{Turnover: decimal.NewFromInt(2)}); err == nil {
		t.Error("turnover 2 accepted")
	}
}
