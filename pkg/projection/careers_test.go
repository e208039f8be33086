package projection

import (
	"testing"

	"paymodel/pkg/paystructure"
)

func TestCareersAnniversary(t *testing.T) {
	tl := tline("S", "2025-04", 3, []paystructure.Band{band("A", anniversary())},
		table("2025-04", scale("A", 12, "20000", "21000", "22000")))
	cs, err := Careers(tl, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := cs[0]
	// Year 1 on point 1: 20000 ÷ 12 = 1666.666… → 1666.67 a month, × 12 = 20000.04.
	// Year 2 on point 2 (moves 1 April 2026): 1750 × 12 = 21000.
	// Year 3 on point 3 (moves 1 April 2027): 1833.33 × 12 = 21999.96.
	wantPoints := []string{"1", "2", "3"}
	wantEarn := []string{"20000.04", "21000", "21999.96"}
	wantCum := []string{"20000.04", "41000.04", "63000"}
	for i, y := range c.Years {
		if y.Year != i+1 || y.Point != wantPoints[i] || y.Band != "A" {
			t.Errorf("year %d: %+v", i+1, y)
		}
		eq(t, "earnings", y.Earnings, wantEarn[i])
		eq(t, "cumulative", y.Cumulative, wantCum[i])
	}
	if c.Years[1].Date != date("2026-04-01") {
		t.Errorf("year 2 date %s", c.Years[1].Date)
	}
	if c.YearsToTop == nil {
		t.Fatal("no years to top")
	}
	eq(t, "years to top", *c.YearsToTop, "2")
	eq(t, "career earnings", c.Earnings, "63000")
}

func TestCareersYearsToTopOutsideHorizon(t *testing.T) {
	tl := tline("S", "2025-04", 2, []paystructure.Band{band("A", anniversary())},
		table("2025-04", scale("A", 18, "20000", "21000", "22000")))
	cs, err := Careers(tl, nil)
	if err != nil {
		t.Fatal(err)
	}
	if cs[0].YearsToTop != nil {
		t.Errorf("years to top %s, want nil (36 months > 24)", cs[0].YearsToTop)
	}
	// Moves at 18 months: 1 October 2026.
	if cs[0].Years[1].Point != "1" {
		t.Errorf("year 2 starts on point %s, want 1", cs[0].Years[1].Point)
	}
	// Year 2: 6 months × 1666.67 + 6 × 1750 = 10000.02 + 10500 = 20500.02
	eq(t, "year 2", cs[0].Years[1].Earnings, "20500.02")
}
