// Package exact holds the integer arithmetic the projection engine does its
// sums in: 64-bit integers whose every addition, subtraction and
// multiplication reports overflow instead of wrapping, a signed 128-bit
// integer for the sums over whole paths of weight × amount, and the exact
// conversions between decimals and scaled integers (pence, and FTE or CPD
// hours × 10⁸).
//
// Why integers: the month walk handles each path's pay in pence, and a cell
// of the costing adds up weight × pence over millions of paths; doing that in
// decimal.Decimal would allocate on every step. Why checked: a wrapped sum
// would be a wrong figure printed as if right, so every operation here says
// when its result does not fit, and the engine fails the run instead (the
// bounds projection enforces on its inputs keep that from happening in
// practice). Nothing here rounds: a conversion that is not exact reports
// false.
package exact

import (
	"cmp"
	"math"
	"math/big"
	"math/bits"

	"github.com/shopspring/decimal"
)

// Int128 is a signed 128-bit integer, hi × 2⁶⁴ + lo in two's complement.
// The zero value is 0; values compare with ==.
type Int128 struct {
	hi int64
	lo uint64
}

// Mul128 returns the signed 128-bit product x × y as its high and low words.
// It never overflows: |x × y| ≤ 2¹²⁶.
func Mul128(x, y int64) (hi int64, lo uint64) {
	h, l := bits.Mul64(uint64(x), uint64(y))
	hi = int64(h)
	if x < 0 {
		hi -= y
	}
	if y < 0 {
		hi -= x
	}
	return hi, l
}

// Mul returns x × y as an Int128 (Mul128).
func Mul(x, y int64) Int128 {
	hi, lo := Mul128(x, y)
	return Int128{hi, lo}
}

// Add returns a + b, and false (with the wrapped sum) when it overflows
// 128 bits.
func (a Int128) Add(b Int128) (Int128, bool) {
	lo, carry := bits.Add64(a.lo, b.lo, 0)
	hi := int64(uint64(a.hi) + uint64(b.hi) + carry)
	// Overflow only when a and b have one sign and the sum the other.
	ok := (a.hi < 0) != (b.hi < 0) || (hi < 0) == (a.hi < 0)
	return Int128{hi, lo}, ok
}

// MulAdd adds v × w to *a and returns true, or returns false and leaves *a
// as it was when the sum overflows 128 bits.
func (a *Int128) MulAdd(v, w int64) bool {
	if v == 0 || w == 0 {
		return true
	}
	s, ok := a.Add(Mul(v, w))
	if ok {
		*a = s
	}
	return ok
}

// Decimal returns a × 10^exp exactly.
func (a Int128) Decimal(exp int32) decimal.Decimal {
	if (a.hi == 0 && a.lo <= math.MaxInt64) || (a.hi == -1 && a.lo > math.MaxInt64) {
		return decimal.New(int64(a.lo), exp)
	}
	b := new(big.Int).Lsh(big.NewInt(a.hi), 64)
	b.Add(b, new(big.Int).SetUint64(a.lo))
	return decimal.NewFromBigInt(b, exp)
}

// Add64 returns x + y, and false when it overflows 64 bits.
func Add64(x, y int64) (int64, bool) {
	s := x + y
	return s, (s > x) == (y > 0)
}

// Sub64 returns x − y, and false when it overflows 64 bits.
func Sub64(x, y int64) (int64, bool) {
	s := x - y
	return s, (s < x) == (y > 0)
}

// Mul64 returns x × y, and false when it overflows 64 bits.
func Mul64(x, y int64) (int64, bool) {
	hi, lo := Mul128(x, y)
	p := int64(lo)
	return p, hi == p>>63
}

// AddTo adds v to *dst and returns true, or returns false and leaves *dst
// as it was when the sum overflows 64 bits.
func AddTo(dst *int64, v int64) bool {
	s, ok := Add64(*dst, v)
	if ok {
		*dst = s
	}
	return ok
}

// CmpFrac compares a/b with c/d exactly, for b, d > 0: -1, 0 or +1 as a/b
// is below, equal to or above c/d.
func CmpFrac(a, b, c, d int64) int {
	h1, l1 := Mul128(a, d)
	h2, l2 := Mul128(c, b)
	if h1 != h2 {
		return cmp.Compare(h1, h2)
	}
	return cmp.Compare(l1, l2)
}

// Scaled8 returns x × 10⁸ as an integer, and false when that is not a whole
// number or does not fit in 64 bits. FTEs and CPD hours, which have at most
// 8 decimal places, are keyed and summed this way.
func Scaled8(x decimal.Decimal) (int64, bool) {
	e := x.Exponent()
	if e >= -8 && e <= 0 && x.NumDigits() <= 10 {
		return x.CoefficientInt64() * pow10[8+e], true
	}
	s := x.Shift(8)
	if !s.IsInteger() {
		return 0, false
	}
	b := s.BigInt()
	if !b.IsInt64() {
		return 0, false
	}
	return b.Int64(), true
}

var pow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10}

// Pence converts an amount already rounded to the penny to integer pence,
// and false when it is outside (math.MinInt64, math.MaxInt64] pence
// (math.MinInt64 stays free as a marker of "not yet computed").
func Pence(d decimal.Decimal) (int64, bool) {
	p := d.Shift(2)
	if p.LessThanOrEqual(minPence) || p.GreaterThan(maxPence) {
		return 0, false
	}
	return p.IntPart(), true
}

var (
	minPence = decimal.NewFromInt(math.MinInt64)
	maxPence = decimal.NewFromInt(math.MaxInt64)
)

// FromPence converts integer pence to pounds.
func FromPence(p int64) decimal.Decimal { return decimal.New(p, -2) }
