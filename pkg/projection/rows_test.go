package projection

import (
	"testing"

	"github.com/shopspring/decimal"

	"paymodel/pkg/paystructure"
)

func TestApportion(t *testing.T) {
	for _, tc := range []struct {
		in    []string
		total string
		want  []string
	}{
		// 0.125 + 0.875 = 1: both remainders 0.005, the earlier band wins.
		{[]string{"0.125", "0.875"}, "1.00", []string{"0.13", "0.87"}},
		// 0.765625 + 0.109375 + 0.125 = 1.
		{[]string{"0.765625", "0.109375", "0.125"}, "1.00", []string{"0.77", "0.11", "0.12"}},
		// Three thirds: 0.99 after flooring; the largest remainder (the third) takes the hundredth.
		{[]string{"0.3333333333", "0.3333333333", "0.3333333334"}, "1.00", []string{"0.33", "0.33", "0.34"}},
		// Already at 2 places: unchanged.
		{[]string{"3.50", "0", "12.25"}, "15.75", []string{"3.50", "0", "12.25"}},
		// Total rounds down: 0.004 + 0.004 = 0.008 → 0.01, given to the first.
		{[]string{"0.004", "0.004"}, "0.01", []string{"0.01", "0"}},
		{[]string{"0.002", "0.002"}, "0.00", []string{"0", "0"}},
	} {
		rows := make([]CostRow, len(tc.in))
		total := d("0")
		for i, v := range tc.in {
			rows[i].FTE = d(v)
			total = total.Add(d(v))
		}
		got := apportion(rows, total, func(r *CostRow) *decimal.Decimal { return &r.FTE })
		if !got.Equal(d(tc.total)) {
			t.Errorf("%v: total %s, want %s", tc.in, got, tc.total)
		}
		sum := d("0")
		for i, r := range rows {
			sum = sum.Add(r.FTE)
			if !r.FTE.Equal(d(tc.want[i])) {
				t.Errorf("%v: row %d = %s, want %s", tc.in, i, r.FTE, tc.want[i])
			}
		}
		if !sum.Equal(got) {
			t.Errorf("%v: rows add up to %s, total %s", tc.in, sum, got)
		}
	}
}

// Fractional FTEs in several bands add up exactly, without turnover (issue 9
// defect 4: two people of 0.125 FTE in two bands made 0.13 + 0.13 ≠ 0.25).
func TestHeadcountAndFTEAreExact(t *testing.T) {
	bands := []paystructure.Band{band("A", anniversary()), band("B", anniversary())}
	cur := tline("Current", "2025-04", 1, bands,
		table("2025-04", scale("A", 12, "20000", "21000"), scale("B", 12, "30000", "31000")))
	cen := census(nil, group("A", "1", "0.125", "", 1), group("B", "1", "0.125", "", 1), group("B", "2", "0.3333", "", 3))
	c, err := Cost(cen, cur, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "A fte", row(t, c, "Current", 1, "A").FTE, "0.125")
	eq(t, "B fte", row(t, c, "Current", 1, "B").FTE, "1.1249") // 0.125 + 3 × 0.3333
	eq(t, "All fte", row(t, c, "Current", 1, AllBands).FTE, "1.2499")
	eq(t, "All headcount", row(t, c, "Current", 1, AllBands).Headcount, "5")
}

// Under turnover with a pathway, headcount and FTE are expected values to
// 2 places whose band rows add up to All (issue 9 defect 5).
func TestTurnoverWithAPathwayAddsUp(t *testing.T) {
	bands := []paystructure.Band{band("A", anniversary()), band("B", anniversary())}
	tables := []paystructure.Table{table("2025-04", scale("A", 12, "20000", "21000"), scale("B", 12, "30000", "31000"))}
	cur := tline("Current", "2025-04", 3, bands, tables...)
	pw := tline("Pathway", "2025-04", 3, bands, tables...)
	pw.Rules.Pathways = []paystructure.Pathway{{From: "A", To: "B", AfterMonths: 12}}
	// One person on A's top since the start: the pathway takes them to B on
	// 1 April 2026, the first day of pay year 2, when 12.5% of them leave
	// and are replaced at the bottom of A.
	cen := census(nil, group("A", "2", "1", "2025-04-01", 1))
	c, err := Cost(cen, cur, []*paystructure.Timeline{pw}, Options{Turnover: d("0.125")})
	if err != nil {
		t.Fatal(err)
	}
	// Year 2: the replacement 0.125 in A, the original 0.875 in B; the
	// remainders tie at 0.005 and A, the earlier band, takes the hundredth.
	eq(t, "year 2 A", row(t, c, "Pathway", 2, "A").Headcount, "0.13")
	eq(t, "year 2 B", row(t, c, "Pathway", 2, "B").Headcount, "0.87")
	eq(t, "year 2 All", row(t, c, "Pathway", 2, AllBands).Headcount, "1")
	for _, sc := range c.Scenarios {
		for y := 1; y <= 3; y++ {
			a, b, all := row(t, c, sc.Scenario, y, "A"), row(t, c, sc.Scenario, y, "B"), row(t, c, sc.Scenario, y, AllBands)
			if !a.Headcount.Add(b.Headcount).Equal(all.Headcount) || !a.FTE.Add(b.FTE).Equal(all.FTE) {
				t.Errorf("%s year %d: A %s/%s + B %s/%s ≠ All %s/%s", sc.Scenario, y, a.Headcount, a.FTE, b.Headcount, b.FTE, all.Headcount, all.FTE)
			}
			eq(t, sc.Scenario+" All headcount", all.Headcount, "1")
		}
	}
}

func TestCostRowAdd(t *testing.T) {
	lines := func(v ...string) []decimal.Decimal {
		var out []decimal.Decimal
		for _, s := range v {
			out = append(out, d(s))
		}
		return out
	}
	pct := d("0.5")
	sum := CostRow{Scenario: "S", Year: 2, Band: AllBands, Change: d("7"), ChangePct: &pct, OnCostLines: lines("1.00")}
	sum.Add(CostRow{Scenario: "other", Year: 9, Band: "A", Change: d("100"),
		Headcount: d("1.25"), FTE: d("0.6"), Basic: d("100.10"), LumpSums: d("5"), OnCosts: d("3.50"),
		OnCostLines: lines("1.50", "2.00"), CPDTime: d("0.01"), Total: d("108.61"), Drift: d("-2.00")})
	sum.Add(CostRow{Headcount: d("2.5"), FTE: d("1"), Basic: d("0.90"), OnCosts: d("0.25"),
		OnCostLines: lines("0.25"), Total: d("1.15"), Drift: d("3")})
	// By hand: 1.25 + 2.5 = 3.75 people; 0.6 + 1 = 1.6 FTE; £100.10 + £0.90
	// = £101.00 basic; on-costs £3.50 + £0.25 = £3.75, their lines £1.00 +
	// £1.50 + £0.25 = £2.75 and £2.00 (grown from one line); total £108.61 + £1.15 = £109.76; drift
	// −£2.00 + £3 = £1.00.
	eq(t, "headcount", sum.Headcount, "3.75")
	eq(t, "FTE", sum.FTE, "1.6")
	eq(t, "basic", sum.Basic, "101")
	eq(t, "lump sums", sum.LumpSums, "5")
	eq(t, "on-costs", sum.OnCosts, "3.75")
	if len(sum.OnCostLines) != 2 {
		t.Fatalf("on-cost lines %v, want 2", sum.OnCostLines)
	}
	eq(t, "on-cost line 1", sum.OnCostLines[0], "2.75")
	eq(t, "on-cost line 2", sum.OnCostLines[1], "2")
	eq(t, "CPD time", sum.CPDTime, "0.01")
	eq(t, "total", sum.Total, "109.76")
	eq(t, "drift", sum.Drift, "1")
	// What identifies the row, and the comparison with Current, stay.
	if sum.Scenario != "S" || sum.Year != 2 || sum.Band != AllBands || sum.ChangePct != &pct {
		t.Errorf("Add changed the row's identity: %s %d %s %v", sum.Scenario, sum.Year, sum.Band, sum.ChangePct)
	}
	eq(t, "change", sum.Change, "7")
}
