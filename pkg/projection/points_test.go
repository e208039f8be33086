package projection

import (
	"testing"

	"paymodel/pkg/paystructure"
)

func TestPoints(t *testing.T) {
	// Award: from October 2025 point 1 removed, 2 and 3 raised; two-year
	// horizon, so dates 2025-04-01, 2025-10-01 and 2026-04-01.
	cur := tline("Current", "2025-04", 2, oneBand, table("2025-04", scale("A", 12, "24000", "25200", "26400")))
	aw := tline("Award", "2025-04", 2, oneBand,
		table("2025-04", scale("A", 12, "24000", "25200", "26400")),
		table("2025-10", labelled("A", 12, "2", "26460", "3", "27720", "4", "29000")))
	rows := Points(aw, cur)
	type want struct {
		date, point, salary, base, change, pct string
	}
	wants := []want{
		{"2025-04-01", "1", "24000", "24000", "0", "0"},
		{"2025-04-01", "2", "25200", "25200", "0", "0"},
		{"2025-04-01", "3", "26400", "26400", "0", "0"},
		{"2025-10-01", "2", "26460", "25200", "1260", "0.05"},
		{"2025-10-01", "3", "27720", "26400", "1320", "0.05"},
		{"2025-10-01", "4", "29000", "", "", ""}, // Current has no point 4
		{"2026-04-01", "2", "26460", "25200", "1260", "0.05"},
		{"2026-04-01", "3", "27720", "26400", "1320", "0.05"},
		{"2026-04-01", "4", "29000", "", "", ""},
	}
	if len(rows) != len(wants) {
		t.Fatalf("%d rows, want %d: %+v", len(rows), len(wants), rows)
	}
	for i, w := range wants {
		r := rows[i]
		if r.Scenario != "Award" || r.Date.String() != w.date || r.Band != "A" || r.Point != w.point {
			t.Errorf("row %d: %s %s %s %s", i, r.Scenario, r.Date, r.Band, r.Point)
		}
		eq(t, "salary", r.Salary, w.salary)
		if w.base == "" {
			if r.BaselineSalary != nil || r.Change != nil || r.ChangePct != nil {
				t.Errorf("row %d: baseline given for a point Current lacks", i)
			}
			continue
		}
		eq(t, "baseline", *r.BaselineSalary, w.base)
		eq(t, "change", *r.Change, w.change)
		eq(t, "change pct", *r.ChangePct, w.pct)
	}
}

func TestDistributionAndEquality(t *testing.T) {
	// Current: 24000, 25200, 26400; scenario: + £1,200 flat on every point
	// from the start, and a £300 lump sum in May 2025 to band A only.
	// Bands A and B share the scale. One-year horizon, nobody progresses
	// (everyone reached their point on the start date).
	bands := []paystructure.Band{band("A", anniversary()), band("B", anniversary())}
	cur := tline("Current", "2025-04", 1, bands,
		table("2025-04", scale("A", 12, "24000", "25200", "26400"), scale("B", 12, "24000", "25200", "26400")))
	sc := tline("Flat", "2025-04", 1, bands,
		table("2025-04", scale("A", 12, "25200", "26400", "27600"), scale("B", 12, "25200", "26400", "27600")))
	sc.LumpSums = []paystructure.LumpSum{{Paid: mon("2025-05"), Amount: d("300"), Bands: []string{"A"}}}
	cen := census([]string{"Sex"},
		group("A", "1", "1", "", 1, "F"),   // rise 1200 + 300 = 1500; ÷ 24000 = 0.0625
		group("A", "3", "1", "", 1, "M"),   // rise 1500; ÷ 26400 = 0.05681818
		group("B", "1", "1", "", 2, "F"),   // rise 1200; ÷ 24000 = 0.05
		group("B", "2", "0.5", "", 1, "F"), // half-time: rise 600 ÷ 12600 = 0.04761905
	)
	infl := d("0.05")
	c, err := Cost(cen, cur, []*paystructure.Timeline{sc}, Options{Inflation: &infl})
	if err != nil {
		t.Fatal(err)
	}
	dist := c.Scenarios[1].Distribution
	if len(dist) != 3 || dist[0].Band != "A" || dist[1].Band != "B" || dist[2].Band != AllBands {
		t.Fatalf("distribution bands %+v", dist)
	}
	// Band A: 2 people (even): lower median is the lower of 1500, 1500 in
	// cash and of 0.05681818, 0.0625 in percentage.
	a := dist[0]
	if a.People != 2 {
		t.Errorf("A people %d", a.People)
	}
	eq(t, "A median rise", a.MedianRise, "1500")
	eq(t, "A min pct", a.MinPct, "0.05681818")
	eq(t, "A median pct", a.MedianPct, "0.05681818")
	eq(t, "A max pct", a.MaxPct, "0.0625")
	// All: 5 people, rises 600, 1200, 1200, 1500, 1500: median 1200 (3rd).
	// Percentages 0.04761905, 0.05, 0.05, 0.05681818, 0.0625: median 0.05.
	// Below 5% inflation: only the half-time person.
	all := dist[2]
	if all.People != 5 || all.BelowInflation == nil || *all.BelowInflation != 1 {
		t.Errorf("All: %d people, below inflation %v", all.People, all.BelowInflation)
	}
	eq(t, "min rise", all.MinRise, "600")
	eq(t, "median rise", all.MedianRise, "1200")
	eq(t, "max rise", all.MaxRise, "1500")
	eq(t, "min pct", all.MinPct, "0.04761905")
	eq(t, "median pct", all.MedianPct, "0.05")
	// Equality under Flat, full-time salaries in March 2026: F: 25200, 25200,
	// 25200, 26400 (the half-timer's full-time salary): mean 25500, lower
	// median of 4 = 2nd = 25200. M: 27600. Gap F: (27600 − 25500) ÷ 27600 =
	// 0.07608696.
	eqr := c.Scenarios[1].Equality
	if len(eqr) != 2 || eqr[0].Value != "F" || eqr[1].Value != "M" {
		t.Fatalf("equality rows %+v", eqr)
	}
	if eqr[0].Headcount != 4 || eqr[1].Headcount != 1 {
		t.Errorf("headcounts %d, %d", eqr[0].Headcount, eqr[1].Headcount)
	}
	eq(t, "F mean", eqr[0].MeanSalary, "25500")
	eq(t, "F median", eqr[0].MedianSalary, "25200")
	eq(t, "F gap", eqr[0].GapPct, "0.07608696")
	eq(t, "M gap", eqr[1].GapPct, "0")
	// Current: F 24000 ×3, 25200: mean 24300; M 26400: gap 2100 ÷ 26400 =
	// 0.07954545.
	ceq := c.Scenarios[0].Equality
	eq(t, "current F mean", ceq[0].MeanSalary, "24300")
	eq(t, "current F gap", ceq[0].GapPct, "0.07954545")
	// Cost rows are ordered year, band display order, then All.
	rows := c.Scenarios[1].Rows
	if len(rows) != 3 || rows[0].Band != "A" || rows[1].Band != "B" || rows[2].Band != AllBands {
		t.Errorf("row order %v %v %v", rows[0].Band, rows[1].Band, rows[2].Band)
	}
	// Scenario A: 25200 + 27600 + 600 lump sums; B: 2 × 25200 + 13200.
	eq(t, "A basic", rows[0].Basic, "52800")
	eq(t, "A lumps", rows[0].LumpSums, "600")
	eq(t, "B basic", rows[1].Basic, "63600")
	eq(t, "All total", rows[2].Total, "117000")
	eq(t, "All headcount", rows[2].Headcount, "5")
	eq(t, "All fte", rows[2].FTE, "4.5")
}

func TestCareerAwardAndLumpSum(t *testing.T) {
	tl := award1()
	tl.LumpSums = []paystructure.LumpSum{{Paid: mon("2025-12"), Rate: d("0.01")}}
	cs, err := Careers(tl, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Apr–Sep on 24000: 2000 × 6 = 12000; Oct–Mar on 25200: 2100 × 6 =
	// 12600; basic 24600. Lump sum 1% × 25200 = 252.
	y := cs[0].Years[0]
	eq(t, "basic", y.Basic, "24600")
	eq(t, "lump sums", y.LumpSums, "252")
	eq(t, "earnings", y.Earnings, "24852")
	eq(t, "salary on 1 April 2025", y.Salary, "24000")
	if cs[0].YearsToTop != nil {
		t.Error("reached the top in a year")
	}
}

func TestEqualityEvenMedian(t *testing.T) {
	// Two people on 24000 and two on 26400: the lower middle is 24000; the
	// mean is 25200. Three on 24000 and one on 26400: median 24000 too; one
	// on 24000 and two on 26400: 26400.
	cur := tline("Current", "2025-04", 1, oneBand, table("2025-04", scale("A", 12, "24000", "25200", "26400")))
	cen := census([]string{"Team"},
		group("A", "1", "1", "", 2, "even"),
		group("A", "3", "1", "", 2, "even"),
		group("A", "1", "1", "", 1, "odd"),
		group("A", "3", "0.5", "", 2, "odd"),
	)
	c, err := Cost(cen, cur, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	e := c.Scenarios[0].Equality
	if len(e) != 2 || e[0].Value != "even" || e[1].Value != "odd" {
		t.Fatalf("rows %+v", e)
	}
	eq(t, "even median", e[0].MedianSalary, "24000")
	eq(t, "even mean", e[0].MeanSalary, "25200")
	eq(t, "odd median", e[1].MedianSalary, "26400")
	// Odd mean: (24000 + 2 × 26400) ÷ 3 = 25600; gap to even's 25200 is 0
	// for the best and (25600 − 25200) ÷ 25600 = 0.015625 for even.
	eq(t, "odd mean", e[1].MeanSalary, "25600")
	eq(t, "even gap", e[0].GapPct, "0.015625")
}
