package inflation_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/inflation"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
)

// A salary of £37,174 in April 2021 at April 2025 prices, under each of
// three series read from inflation.csv, from the ONS index levels: CPI
// 37174 × 138.2 ÷ 110.1, CPIH 37174 × 137.7 ÷ 110.4, RPI 37174 × 402.2 ÷
// 301.1.
func ExampleIndex_Deflate() {
	pt := func(series, date, index string) paystructure.IndexPoint {
		return paystructure.IndexPoint{Series: series, Date: calendar.MustParse(date), Index: decimal.RequireFromString(index)}
	}
	points := []paystructure.IndexPoint{
		pt("CPI", "2021-04-01", "110.1"), pt("CPI", "2025-04-01", "138.2"),
		pt("CPIH", "2021-04-01", "110.4"), pt("CPIH", "2025-04-01", "137.7"),
		pt("RPI", "2021-04-01", "301.1"), pt("RPI", "2025-04-01", "402.2"),
	}
	for _, s := range inflation.Split(points) {
		d, ok := s.Points.Deflate(decimal.NewFromInt(37174), calendar.MustParse("2021-04-01"), calendar.MustParse("2025-04-01"))
		fmt.Println(s.Label(), money.AmountText(money.Penny(d.Real)), ok)
	}
	// Output:
	// CPI £46,661.64 true
	// CPIH £46,366.48 true
	// RPI £49,655.87 true
}
