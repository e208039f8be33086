package analysis_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"paymodel/pkg/analysis"
	"paymodel/pkg/calendar"
	"paymodel/pkg/inflation"
)

// A band top of £28,000 in April 2023 and £29,000 in April 2025, with CPI
// at 90 and 103.5: then is worth 28000 × 103.5 ÷ 90 = £32,200 now, so
// restoring it takes 32200 ÷ 29000 − 1 = 11.03% more, and the loss is
// 3200 ÷ 32200 × 365 = 36.27 days of the year worked unpaid.
func ExampleNewRestore() {
	cpi := inflation.Series{Name: "CPI", Points: inflation.Index{
		{Date: calendar.MustParse("2023-04-01"), Index: decimal.NewFromInt(90)},
		{Date: calendar.MustParse("2025-04-01"), Index: decimal.RequireFromString("103.5")},
	}}
	r, ok := analysis.NewRestore(cpi, decimal.NewFromInt(28000), calendar.MustParse("2023-04-01"), decimal.NewFromInt(29000), calendar.MustParse("2025-04-01"))
	fmt.Println(ok, r.ThenReal, r.Change, r.Uplift, r.DaysUnpaid)
	// Output: true 32200 -0.09937888 0.11034483 36.27
}
