package solve_test

import (
	"context"
	"fmt"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/scenario"
	"paymodel/pkg/solve"
)

// What flat sum, paid to 10 people on £20,000, costs at most £10,000 in the
// first year? £1,000 a year is £1,750.00 a month against Current's
// £1,666.67 (£20,000 ÷ 12 to the penny), £999.96 a person over the year.
func Example() {
	ds := &paystructure.Dataset{
		Name:  "example",
		Bands: []paystructure.Band{{Name: "Band 1", WeeklyHours: decimal.NewFromInt(37), Order: 1}},
		Structures: []paystructure.Structure{{EffectiveFrom: calendar.MustParse("2024-04-01"),
			Scales: []paystructure.Scale{{Band: "Band 1", Points: []paystructure.Point{
				{Label: "1", Salary: decimal.NewFromInt(20000), Months: 12},
				{Label: "2", Salary: decimal.NewFromInt(30000), Months: 12},
			}}}}},
		Census: &paystructure.Census{Headcount: 10, Rows: 1, Groups: []paystructure.Group{
			{Band: "Band 1", Point: "1", FTE: decimal.NewFromInt(1), Count: 10},
		}},
	}
	u, err := scenario.ParseUnknown("offer.toml", []byte(`name = "Flat"
start = 2025-04-01

[[award]]
from = 2025-04-01
flat = "?"
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	target := decimal.NewFromInt(10000)
	a, err := solve.Solve(context.Background(), &solve.Problem{Dataset: ds, Unknown: u, Target: solve.Target{Amount: &target}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s costs %s; %s would cost %s\n", u.Written(a.Value), a.Cost.StringFixed(2), u.Written(*a.Next), a.NextCost.StringFixed(2))
	fmt.Print(u.Text(a.Value, "solved"))
	// Output:
	// £1,000 costs 9999.60; £1,001 would cost 10009.20
	// # solved
	// name = "Flat"
	// start = 2025-04-01
	//
	// [[award]]
	// from = 2025-04-01
	// flat = "£1,000"
}
