package exact

import (
	"math"
	"testing"

	"github.com/shopspring/decimal"
)

// Edge cases at the boundaries of 64 and 128 bits. Values are written out by
// hand: 2⁶³ = 9223372036854775808, 2⁶⁴ = 18446744073709551616,
// 2¹²⁶ = 85070591730234615865843651857942052864,
// 2¹²⁷ = 170141183460469231731687303715884105728.

const (
	maxI = math.MaxInt64
	minI = math.MinInt64
	maxU = math.MaxUint64
	bit  = uint64(1) << 63 // 2⁶³ as a low word
)

var (
	maxW = Int128{maxI, maxU} // 2¹²⁷ − 1
	minW = Int128{minI, 0}    // −2¹²⁷
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestMul128(t *testing.T) {
	tests := []struct {
		x, y int64
		hi   int64
		lo   uint64
		want string // the product in decimal
	}{
		{0, 0, 0, 0, "0"},
		{0, minI, 0, 0, "0"},
		{3, 7, 0, 21, "21"},
		{-3, 7, -1, maxU - 20, "-21"},
		{-3, -7, 0, 21, "21"},
		{-1, -1, 0, 1, "1"},
		{-1, 1, -1, maxU, "-1"},
		{maxI, 1, 0, maxI, "9223372036854775807"},
		{maxI, 2, 0, maxU - 1, "18446744073709551614"},
		{maxI, -1, -1, bit + 1, "-9223372036854775807"},
		{minI, 1, -1, bit, "-9223372036854775808"},
		{minI, -1, 0, bit, "9223372036854775808"}, // 2⁶³: does not fit in int64
		// 2³² × 2³² = 2⁶⁴: the first product with a high word of 1.
		{1 << 32, 1 << 32, 1, 0, "18446744073709551616"},
		{-(1 << 32), 1 << 32, -1, 0, "-18446744073709551616"},
		// (2⁶³ − 1)² = 2¹²⁶ − 2⁶⁴ + 1: hi 2⁶² − 1, lo 1.
		{maxI, maxI, 1<<62 - 1, 1, "85070591730234615847396907784232501249"},
		// (−2⁶³)² = 2¹²⁶: hi 2⁶², lo 0.
		{minI, minI, 1 << 62, 0, "85070591730234615865843651857942052864"},
		// −2⁶³ × (2⁶³ − 1) = −2¹²⁶ + 2⁶³: hi −2⁶², lo 2⁶³.
		{minI, maxI, -(1 << 62), bit, "-85070591730234615856620279821087277056"},
		// 10⁹ people × 10¹⁴ pence = 10²³.
		{1e9, 1e14, 5421, 0x02c7e14af6800000, "100000000000000000000000"},
	}
	for _, tt := range tests {
		hi, lo := Mul128(tt.x, tt.y)
		if hi != tt.hi || lo != tt.lo {
			t.Errorf("Mul128(%d, %d) = (%d, %#x), want (%d, %#x)", tt.x, tt.y, hi, lo, tt.hi, tt.lo)
		}
		if got := Mul(tt.x, tt.y); got != (Int128{tt.hi, tt.lo}) {
			t.Errorf("Mul(%d, %d) = %+v, want {%d %#x}", tt.x, tt.y, got, tt.hi, tt.lo)
		}
		if got := Mul(tt.x, tt.y).Decimal(0).String(); got != tt.want {
			t.Errorf("Mul(%d, %d) = %s, want %s", tt.x, tt.y, got, tt.want)
		}
		if hi, lo := Mul128(tt.y, tt.x); hi != tt.hi || lo != tt.lo {
			t.Errorf("Mul128(%d, %d) = (%d, %#x) is not Mul128(%d, %d)", tt.y, tt.x, hi, lo, tt.x, tt.y)
		}
	}
}

func TestInt128Add(t *testing.T) {
	tests := []struct {
		name string
		a, b Int128
		want Int128
		ok   bool
	}{
		{"small", Int128{0, 2}, Int128{0, 3}, Int128{0, 5}, true},
		{"carry into hi", Int128{0, maxU}, Int128{0, 1}, Int128{1, 0}, true},
		{"-1 + 1", Int128{-1, maxU}, Int128{0, 1}, Int128{0, 0}, true},
		{"-1 + -1", Int128{-1, maxU}, Int128{-1, maxU}, Int128{-1, maxU - 1}, true},
		{"max + min", maxW, minW, Int128{-1, maxU}, true},
		{"max + 0", maxW, Int128{}, maxW, true},
		{"min + 0", minW, Int128{}, minW, true},
		{"max + 1 overflows", maxW, Int128{0, 1}, minW, false},
		{"min + -1 overflows", minW, Int128{-1, maxU}, maxW, false},
		{"min + min overflows", minW, minW, Int128{}, false},
		{"max + max overflows", maxW, maxW, Int128{-1, maxU - 1}, false},
		{"2¹²⁶ + 2¹²⁶ overflows", Int128{1 << 62, 0}, Int128{1 << 62, 0}, minW, false},
		{"2¹²⁶ + (2¹²⁶ − 1)", Int128{1 << 62, 0}, Int128{1<<62 - 1, maxU}, maxW, true},
		{"−2¹²⁶ + −2¹²⁶", Int128{-(1 << 62), 0}, Int128{-(1 << 62), 0}, minW, true},
		// (2⁶⁴ − 1) + (2⁶⁴ − 1) = 2⁶⁵ − 2: a carry with both high words 0.
		{"carry, both positive", Int128{0, maxU}, Int128{0, maxU}, Int128{1, maxU - 1}, true},
	}
	for _, tt := range tests {
		got, ok := tt.a.Add(tt.b)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s: Add = %+v, %v; want %+v, %v", tt.name, got, ok, tt.want, tt.ok)
		}
		if got, ok := tt.b.Add(tt.a); got != tt.want || ok != tt.ok {
			t.Errorf("%s: Add the other way = %+v, %v; want %+v, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestInt128MulAdd(t *testing.T) {
	tests := []struct {
		name string
		a    Int128
		v, w int64
		want Int128 // a itself when it overflows
		ok   bool
	}{
		{"3 × −7 onto 0", Int128{}, 3, -7, Int128{-1, maxU - 20}, true},
		{"carry", Int128{0, maxU}, 1, 1, Int128{1, 0}, true},
		{"zero v leaves max alone", maxW, 0, maxI, maxW, true},
		{"zero w leaves min alone", minW, minI, 0, minW, true},
		// (2¹²⁶ − 1) + (−2⁶³)² = 2¹²⁷ − 1: exactly fits.
		{"up to max", Int128{1<<62 - 1, maxU}, minI, minI, maxW, true},
		{"max + 1 × 1", maxW, 1, 1, maxW, false},
		// 2 × (2⁶³ − 1)² = 2¹²⁷ − 2⁶⁵ + 2; + 2¹²⁶ is past 2¹²⁷ − 1.
		{"2¹²⁷ − 2⁶⁵ + 2 + 2¹²⁶", Int128{maxI - 1, 2}, minI, minI, Int128{maxI - 1, 2}, false},
		// −2¹²⁶ + (−2⁶³)(2⁶³ − 1) = −2¹²⁷ + 2⁶³.
		{"down near min", Int128{-(1 << 62), 0}, minI, maxI, Int128{minI, bit}, true},
		{"min − 1", minW, -1, 1, minW, false},
	}
	for _, tt := range tests {
		a := tt.a
		ok := a.MulAdd(tt.v, tt.w)
		if a != tt.want || ok != tt.ok {
			t.Errorf("%s: MulAdd = %+v, %v; want %+v, %v", tt.name, a, ok, tt.want, tt.ok)
		}
	}
	// Twice (2⁶³ − 1)² is 2¹²⁷ − 2⁶⁵ + 2, then an overflowing 2¹²⁶ leaves
	// the sum as it was.
	var c Int128
	for range 2 {
		if !c.MulAdd(maxI, maxI) {
			t.Fatalf("2 × (2⁶³ − 1)² overflowed")
		}
	}
	if got := c.Decimal(0).String(); got != "170141183460469231694793815568465002498" {
		t.Errorf("2 × (2⁶³ − 1)² = %s", got)
	}
	if c.MulAdd(minI, minI) || c != (Int128{maxI - 1, 2}) {
		t.Errorf("adding 2¹²⁶ to 2¹²⁷ − 2⁶⁵ + 2 gave %+v and did not fail", c)
	}
}

func TestInt128Decimal(t *testing.T) {
	tests := []struct {
		v    Int128
		exp  int32
		want string
	}{
		{Int128{}, -2, "0"},
		{Int128{0, 12345}, -2, "123.45"},
		{Int128{-1, maxU}, -2, "-0.01"},
		{Int128{0, maxI}, 0, "9223372036854775807"},      // the largest int64
		{Int128{-1, bit}, 0, "-9223372036854775808"},     // the smallest int64
		{Int128{0, bit}, 0, "9223372036854775808"},       // 2⁶³
		{Int128{-1, bit - 1}, 0, "-9223372036854775809"}, // −2⁶³ − 1
		{Int128{0, maxU}, 0, "18446744073709551615"},     // 2⁶⁴ − 1
		{Int128{1, 0}, -2, "184467440737095516.16"},      // 2⁶⁴ pence
		{Int128{-1, 0}, 0, "-18446744073709551616"},
		{maxW, 0, "170141183460469231731687303715884105727"},
		{minW, 0, "-170141183460469231731687303715884105728"},
		{Int128{0, 1}, -8, "0.00000001"},
		{Int128{0, 7}, 3, "7000"},
	}
	for _, tt := range tests {
		if got := tt.v.Decimal(tt.exp); !got.Equal(d(tt.want)) {
			t.Errorf("%+v.Decimal(%d) = %s, want %s", tt.v, tt.exp, got, tt.want)
		}
	}
}

func TestChecked64(t *testing.T) {
	tests := []struct {
		op   string
		f    func(x, y int64) (int64, bool)
		x, y int64
		want int64
		ok   bool
	}{
		{"Add64", Add64, 2, 3, 5, true},
		{"Add64", Add64, maxI, 0, maxI, true},
		{"Add64", Add64, minI, 0, minI, true},
		{"Add64", Add64, maxI - 1, 1, maxI, true},
		{"Add64", Add64, maxI, 1, 0, false},
		{"Add64", Add64, maxI, maxI, 0, false},
		{"Add64", Add64, minI, -1, 0, false},
		{"Add64", Add64, minI, minI, 0, false},
		{"Add64", Add64, minI, maxI, -1, true},
		{"Add64", Add64, -5, 0, -5, true},
		{"Sub64", Sub64, 2, 3, -1, true},
		{"Sub64", Sub64, minI + 1, 1, minI, true},
		{"Sub64", Sub64, minI, 1, 0, false},
		{"Sub64", Sub64, 0, minI, 0, false},
		{"Sub64", Sub64, -1, minI, maxI, true},
		{"Sub64", Sub64, maxI, -1, 0, false},
		{"Sub64", Sub64, maxI, 0, maxI, true},
		{"Sub64", Sub64, minI, minI, 0, true},
		{"Mul64", Mul64, 12, 83333333333333, 999999999999996, true},
		{"Mul64", Mul64, 0, minI, 0, true},
		{"Mul64", Mul64, maxI, 1, maxI, true},
		{"Mul64", Mul64, maxI, -1, -maxI, true},
		{"Mul64", Mul64, minI, 1, minI, true},
		{"Mul64", Mul64, minI, -1, 0, false},
		{"Mul64", Mul64, 1 << 32, 1 << 31, 0, false}, // 2⁶³
		{"Mul64", Mul64, -(1 << 32), 1 << 31, minI, true},
		{"Mul64", Mul64, 3037000500, 3037000500, 0, false}, // just above √(2⁶³)
		{"Mul64", Mul64, 3037000499, 3037000499, 9223372030926249001, true},
		{"Mul64", Mul64, 1 << 32, 1 << 32, 0, false}, // 2⁶⁴: low word 0
	}
	for _, tt := range tests {
		got, ok := tt.f(tt.x, tt.y)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("%s(%d, %d) = %d, %v; want %d, %v", tt.op, tt.x, tt.y, got, ok, tt.want, tt.ok)
		}
	}
}

func TestAddTo(t *testing.T) {
	tests := []struct {
		dst, v int64
		want   int64 // dst unchanged when it overflows
		ok     bool
	}{
		{maxI - 1, 1, maxI, true},
		{maxI, 1, maxI, false},
		{minI + 1, -1, minI, true},
		{minI, -1, minI, false},
		{maxI, minI, -1, true},
	}
	for _, tt := range tests {
		v := tt.dst
		if ok := AddTo(&v, tt.v); v != tt.want || ok != tt.ok {
			t.Errorf("AddTo(%d, %d) = %d, %v; want %d, %v", tt.dst, tt.v, v, ok, tt.want, tt.ok)
		}
	}
}

func TestPence(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"0", 0, true},
		{"25524.50", 2552450, true},
		{"-0.01", -1, true},
		{"92233720368547758.07", maxI, true},
		{"92233720368547758.08", 0, false},
		{"-92233720368547758.07", -maxI, true},
		{"-92233720368547758.08", 0, false}, // math.MinInt64 pence is kept free
		{"1e30", 0, false},
		{"-1e30", 0, false},
	}
	for _, tt := range tests {
		got, ok := Pence(d(tt.in))
		if got != tt.want || ok != tt.ok {
			t.Errorf("Pence(%s) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestFromPence(t *testing.T) {
	tests := []struct {
		p    int64
		want string
	}{
		{0, "0"},
		{-1, "-0.01"},
		{2552450, "25524.5"},
		{maxI, "92233720368547758.07"},
		{minI, "-92233720368547758.08"},
	}
	for _, tt := range tests {
		if got := FromPence(tt.p); !got.Equal(d(tt.want)) {
			t.Errorf("FromPence(%d) = %s, want %s", tt.p, got, tt.want)
		}
		if p, ok := Pence(FromPence(tt.p)); tt.p != minI && (!ok || p != tt.p) {
			t.Errorf("Pence(FromPence(%d)) = %d, %v", tt.p, p, ok)
		}
	}
}

func TestScaled8(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"0", 0, true},
		{"1", 1e8, true},
		{"0.5", 5e7, true},
		{"0.00000001", 1, true},
		{"0.000000001", 0, false},
		{"0.100000000", 1e7, true}, // 9 places, the last a zero: exact
		{"-1.5", -15e7, true},
		{"9999999999", 999999999900000000, true},   // 10 digits: the fast path
		{"12345678901", 1234567890100000000, true}, // 11 digits: the slow path
		{"99999999999", 0, false},                  // 11 digits × 10⁸ > 2⁶³ − 1
		{"92233720368.54775807", maxI, true},
		{"92233720368.54775808", 0, false},
		{"-92233720368.54775808", minI, true},
		{"-92233720368.54775809", 0, false},
		{"1e20", 0, false},
	}
	for _, tt := range tests {
		got, ok := Scaled8(d(tt.in))
		if got != tt.want || ok != tt.ok {
			t.Errorf("Scaled8(%s) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCmpFrac(t *testing.T) {
	tests := []struct {
		a, b, c, d int64
		want       int
	}{
		{1, 3, 2, 6, 0},
		{1, 3, 1, 2, -1},
		{-1, 2, -1, 3, -1}, // −½ < −⅓
		{0, 1, 0, 7, 0},
		{0, 1, -1, maxI, 1},
		{maxI, 1, maxI, 2, 1},
		{minI, 1, maxI, 1, -1},
		{minI, 1, minI, 1, 0},
		{minI, maxI, -1, 1, -1}, // −2⁶³/(2⁶³ − 1) < −1
		// 1 + 1/(2⁶³ − 2) < 1 + 1/(2⁶³ − 3): the products differ in the
		// low word only.
		{maxI, maxI - 1, maxI - 1, maxI - 2, -1},
		{maxI - 1, maxI - 2, maxI, maxI - 1, 1},
		// (2⁶³ − 1)/(2⁶³ − 1) = 1 = 1/1 with products near 2¹²⁶.
		{maxI, maxI, 1, 1, 0},
		{-maxI, maxI, -1, 1, 0},
	}
	for _, tt := range tests {
		if got := CmpFrac(tt.a, tt.b, tt.c, tt.d); got != tt.want {
			t.Errorf("CmpFrac(%d/%d, %d/%d) = %d, want %d", tt.a, tt.b, tt.c, tt.d, got, tt.want)
		}
		if got := CmpFrac(tt.c, tt.d, tt.a, tt.b); got != -tt.want {
			t.Errorf("CmpFrac(%d/%d, %d/%d) = %d, want %d", tt.c, tt.d, tt.a, tt.b, got, -tt.want)
		}
	}
}
