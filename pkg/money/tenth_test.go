package money_test

import (
	"fmt"
	"math/big"
	"testing"

	"paymodel/pkg/money"
)

func TestTenth(t *testing.T) {
	tests := []struct {
		name string
		x    string // an exact rational, a/b
		want string
	}{
		{"exact half rounds up", "313/20", "15.7"},               // 15.65
		{"negative half rounds away from zero", "-1/20", "-0.1"}, // −0.05
		{"just below a half rounds down", "1564999/100000", "15.6"},
		{"just above a half rounds up", "1565001/100000", "15.7"},
		{"a third", "1/3", "0.3"},      // 0.333…
		{"two thirds", "-2/3", "-0.7"}, // −0.666…
		{"whole number", "5", "5"},     // shown 5.0 by StringFixed(1)
		{"zero", "0", "0"},
		{"repeating below a half", "47/3", "15.7"}, // 15.666…
		{"0.95 to 1.0", "19/20", "1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x, ok := new(big.Rat).SetString(tc.x)
			if !ok {
				t.Fatalf("bad rational %q", tc.x)
			}
			if got := money.Tenth(x); got.String() != tc.want {
				t.Errorf("Tenth(%s) = %s, want %s", tc.x, got, tc.want)
			}
		})
	}
}

func ExampleTenth() {
	// (£16.00 − £13.50) ÷ £16.00 × 100 = 15.625 exactly.
	gap := big.NewRat(15625, 1000)
	fmt.Println(money.Tenth(gap).StringFixed(1))
	// A half exactly goes away from zero.
	fmt.Println(money.Tenth(big.NewRat(-5, 100)).StringFixed(1))
	// Output:
	// 15.6
	// -0.1
}
