package scenario_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"paymodel/pkg/scenario"
)

// A scenario for paymodel solve leaves one value as "?"; ParseUnknown says
// where it is and what it may be, and Text writes a value in its place.
func ExampleParseUnknown() {
	src := `name = "3% or more"
start = 2025-04-01

[[award]]
from = 2025-04-01
uplift = "3%"
minimum = "?"     # the underpin to find
maximum = "£2,500"
`
	u, err := scenario.ParseUnknown("offer.toml", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: a rate? %v; from %s to %s\n", u, u.Rate, u.Written(u.Min), u.Written(u.Max))
	fmt.Print(u.Text(decimal.NewFromInt(1250), "solved"))
	if _, err := scenario.Parse("offer.toml", []byte(src)); err != nil {
		fmt.Println(err)
	}
	// Output:
	// minimum (award 1, offer.toml:7): a rate? false; from £0 to £2,500
	// # solved
	// name = "3% or more"
	// start = 2025-04-01
	//
	// [[award]]
	// from = 2025-04-01
	// uplift = "3%"
	// minimum = "£1,250"     # the underpin to find
	// maximum = "£2,500"
	// offer.toml:7:11: minimum: "?" is only for paymodel solve, which finds the value; write an amount or a rate such as "£1,000" or "2%"
}
