package scenario_test

import (
	"fmt"
	"os"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/scenario"
)

// Parse a scenario, apply it to a one-band dataset and show the table it
// produces and how one salary was derived.
func Example() {
	src := `name = "Offer"
start = 2025-04-01
years = 3
rounding = "pound"

[[award]]
from = 2025-04-01
uplift = "3%"
minimum = "£1,000"
`
	point := func(label, salary string) paystructure.Point {
		return paystructure.Point{Label: label, Salary: decimal.RequireFromString(salary), Months: 12}
	}
	ds := &paystructure.Dataset{
		Bands: []paystructure.Band{{Name: "Band 2", WeeklyHours: decimal.NewFromInt(37), Order: 1}},
		Structures: []paystructure.Structure{{
			EffectiveFrom: calendar.MustParse("2024-04-01"),
			Scales: []paystructure.Scale{{Band: "Band 2", Points: []paystructure.Point{
				point("1", "23500"), point("2", "24350"), point("3", "40000"),
			}}},
		}},
	}
	sc, err := scenario.Parse("offer.toml", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	tl, err := scenario.Apply(ds, sc)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range tl.Tables[0].Scales[0].Points {
		fmt.Printf("point %s: %s\n", p.Label, money.Pounds(p.Salary))
	}
	steps, _ := scenario.Explain(tl, "Band 2", "1", tl.Start)
	_ = scenario.WriteExplanation(os.Stdout, steps)
	// Output:
	// point 1: £24,500
	// point 2: £25,350
	// point 3: £41,200
	//   1. £23,500.00 from increments.csv, 2024-04-01
	//   2. £23,500.00 × 1.03 = £24,205.00; rise £705.00 raised to the minimum £1,000.00: £23,500.00 + £1,000.00 = £24,500.00 → rounded to the pound £24,500 (award 1, offer.toml:6)
}
