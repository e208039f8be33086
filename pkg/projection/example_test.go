package projection_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/projection"
)

// A three-point band with anniversary progression and no award: a new
// entrant moves up each year and reaches the top after two. Monthly pay is
// rounded to the penny: £20,000 ÷ 12 = £1,666.67 a month, £20,000.04 a year.
func ExampleCareers() {
	start := calendar.MonthOf(2025, 4)
	scale := paystructure.Scale{Band: "Band A", Points: []paystructure.Point{
		{Label: "1", Salary: decimal.NewFromInt(20000), Months: 12},
		{Label: "2", Salary: decimal.NewFromInt(21000), Months: 12},
		{Label: "3", Salary: decimal.NewFromInt(22500), Months: 12},
	}}
	tl := &paystructure.Timeline{
		Scenario: "Current", Start: start, Years: 3,
		Bands:  []paystructure.Band{{Name: "Band A"}},
		Tables: []paystructure.Table{{From: start, Scales: []paystructure.Scale{scale}}},
		Rules:  paystructure.Rules{Progression: map[string]paystructure.Progression{"Band A": {Kind: paystructure.Anniversary}}},
	}
	careers, err := projection.Careers(tl, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	c := careers[0]
	for _, y := range c.Years {
		fmt.Printf("year %d from %s: point %s, %s, earned %s\n", y.Year, y.Date, y.Point, y.Salary, y.Earnings.StringFixed(2))
	}
	fmt.Println("years to top:", c.YearsToTop.StringFixed(2))
	// Output:
	// year 1 from 2025-04-01: point 1, 20000, earned 20000.04
	// year 2 from 2026-04-01: point 2, 21000, earned 21000.00
	// year 3 from 2027-04-01: point 3, 22500, earned 22500.00
	// years to top: 2.00
}

// A 3% award from April 2025 put into pay in June 2025: April and May are
// paid at Current's £24,000 (£2,000 a month) and the £60 a month owed for
// each is paid in June as arrears.
func ExampleTracker_Arrears() {
	start := calendar.MonthOf(2025, 4)
	timeline := func(name, salary string) *paystructure.Timeline {
		return &paystructure.Timeline{
			Scenario: name, Start: start, Years: 1,
			Bands: []paystructure.Band{{Name: "Band A"}},
			Tables: []paystructure.Table{{From: start, Scales: []paystructure.Scale{{Band: "Band A", Points: []paystructure.Point{
				{Label: "1", Salary: decimal.RequireFromString(salary), Months: 12}}}}}},
		}
	}
	current, err := projection.NewTracker(timeline("Current", "24000"))
	if err != nil {
		fmt.Println(err)
		return
	}
	offer := timeline("Offer", "24720")
	june := calendar.MonthOf(2025, 6)
	offer.Implemented = &june
	late, err := projection.NewTracker(offer)
	if err != nil {
		fmt.Println(err)
		return
	}
	a, ok, err := late.Arrears(current, &paystructure.Person{Band: "Band A", Point: "1", FTE: decimal.NewFromInt(1), Count: 1})
	if err != nil || !ok {
		fmt.Println(ok, err)
		return
	}
	fmt.Printf("arrears £%s paid in %s\n", a.Amount.StringFixed(2), a.Month.Long())
	// Output:
	// arrears £120.00 paid in June 2025
}
