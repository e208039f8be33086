package money_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"paymodel/pkg/money"
)

func ExampleParseAmount() {
	for _, s := range []string{"25524", "£25,524.50", "2,55,24"} {
		d, err := money.ParseAmount(s)
		if err != nil {
			fmt.Printf("%q: %v\n", s, err)
			continue
		}
		fmt.Println(d)
	}
	// Output:
	// 25524
	// 25524.5
	// "2,55,24": not an amount: thousands separators must separate groups of three digits (write 25524 or £25,524.00)
}

func ExampleRule_Apply() {
	salary := decimal.RequireFromString("25524.01")
	for _, r := range money.Rules {
		fmt.Printf("%-8s %s\n", r, r.Apply(salary))
	}
	// Output:
	// pound    25524
	// penny    25524.01
	// up-pound 25525
	// none     25524.01
}

func ExamplePounds() {
	fmt.Println(money.Pounds(decimal.RequireFromString("25524.50")))
	fmt.Println(money.Pounds(decimal.NewFromInt(-300)))
	// Output:
	// £25,525
	// -£300
}
