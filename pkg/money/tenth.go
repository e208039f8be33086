package money

import (
	"math/big"

	"github.com/shopspring/decimal"
)

// Tenth rounds an exact ratio to one decimal place, halves away from zero:
// the rule by which the pay gap measures are published (the government's
// gender pay gap service reports every figure so). It works on the exact
// rational, so a value such as 15.65 exactly is a half and goes to 15.7,
// while 15.6499… (a third, say, of 46.95 minus a little) goes to 15.6; no
// intermediate value is rounded. x must not be nil.
func Tenth(x *big.Rat) decimal.Decimal {
	// round(|a/b| × 10) = ⌊(20|a| + b) ÷ 2b⌋ for b > 0.
	a := new(big.Int).Abs(x.Num())
	b := x.Denom()
	n := new(big.Int).Mul(a, big.NewInt(20))
	n.Add(n, b)
	n.Quo(n, new(big.Int).Mul(b, big.NewInt(2)))
	if x.Sign() < 0 {
		n.Neg(n)
	}
	return decimal.NewFromBigInt(n, -1)
}
