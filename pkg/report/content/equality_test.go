package content

import (
	"testing"

	"github.com/shopspring/decimal"

	"paymodel/pkg/analysis"
	"paymodel/pkg/projection"
)

// TestEqualitySmallGroups checks that a group of fewer than five people has
// its pay left out of equality.csv and does not serve as the best-paid
// group (a group of 2 paid £50,000 would otherwise make every other gap
// reveal its mean), and that the smallest group of five or more is left out
// with it: with X alone blank, X's pay would be the whole census's total
// minus 10 × 30,000 minus 8 × 32,000.
func TestEqualitySmallGroups(t *testing.T) {
	d := decimal.RequireFromString
	c := &projection.Costing{Scenarios: []projection.ScenarioCosting{{Scenario: "Current", Equality: []projection.EqualityRow{
		{Scenario: "Current", Attribute: "gender", Value: "F", Headcount: 10, MeanSalary: d("30000"), MedianSalary: d("30000")},
		{Scenario: "Current", Attribute: "gender", Value: "M", Headcount: 8, MeanSalary: d("32000"), MedianSalary: d("32000")},
		{Scenario: "Current", Attribute: "gender", Value: "X", Headcount: 2, MeanSalary: d("50000"), MedianSalary: d("50000"), GapPct: d("0")},
	}}}}
	tab := EqualityTable(analysis.Disclose(c))
	var got []string
	for _, row := range tab.Rows {
		line := ""
		for i, cell := range row {
			if i > 0 {
				line += ","
			}
			line += cell.CSV()
		}
		got = append(got, line)
	}
	// F is the only group shown, so it is the best-paid shown: gap 0.
	want := []string{
		"Current,gender,F,10,30000.00,30000.00,0.00",
		"Current,gender,M,8,,,",
		"Current,gender,X,2,,,",
	}
	if len(got) != len(want) {
		t.Fatalf("rows = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d = %s, want %s", i, got[i], want[i])
		}
	}
}
