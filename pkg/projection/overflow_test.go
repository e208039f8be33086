package projection

import (
	"math"
	"strings"
	"testing"

	"paymodel/pkg/paystructure"
)

// Edge cases of the exact-integer helpers in cost.go. Values are written
// out by hand: 2⁶³ = 9223372036854775808, 2⁶⁴ = 18446744073709551616,
// 2¹²⁶ = 85070591730234615865843651857942052864.

const (
	maxI = math.MaxInt64
	minI = math.MinInt64
	maxU = math.MaxUint64
	bit  = uint64(1) << 63 // 2⁶³ as a low word
)

func TestMul128(t *testing.T) {
	tests := []struct {
		x, y int64
		hi   int64
		lo   uint64
		want string // the product in decimal
	}{
		{0, 0, 0, 0, "0"},
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
		hi, lo := mul128(tt.x, tt.y)
		if hi != tt.hi || lo != tt.lo {
			t.Errorf("mul128(%d, %d) = (%d, %#x), want (%d, %#x)", tt.x, tt.y, hi, lo, tt.hi, tt.lo)
		}
		if got := mul128i(tt.x, tt.y).decimal(0).String(); got != tt.want {
			t.Errorf("mul128i(%d, %d) = %s, want %s", tt.x, tt.y, got, tt.want)
		}
		if hi, lo := mul128(tt.y, tt.x); hi != tt.hi || lo != tt.lo {
			t.Errorf("mul128(%d, %d) = (%d, %#x) is not mul128(%d, %d)", tt.y, tt.x, hi, lo, tt.x, tt.y)
		}
	}
}

func TestI128Add(t *testing.T) {
	maxW := i128{maxI, maxU} // 2¹²⁷ − 1
	minW := i128{minI, 0}    // −2¹²⁷
	tests := []struct {
		name string
		a, b i128
		want i128
		ok   bool
	}{
		{"small", i128{0, 2}, i128{0, 3}, i128{0, 5}, true},
		{"carry into hi", i128{0, maxU}, i128{0, 1}, i128{1, 0}, true},
		{"-1 + 1", i128{-1, maxU}, i128{0, 1}, i128{0, 0}, true},
		{"-1 + -1", i128{-1, maxU}, i128{-1, maxU}, i128{-1, maxU - 1}, true},
		{"max + min", maxW, minW, i128{-1, maxU}, true},
		{"max + 0", maxW, i128{}, maxW, true},
		{"max + 1 overflows", maxW, i128{0, 1}, minW, false},
		{"min + -1 overflows", minW, i128{-1, maxU}, maxW, false},
		{"min + min overflows", minW, minW, i128{}, false},
		{"2¹²⁶ + 2¹²⁶ overflows", i128{1 << 62, 0}, i128{1 << 62, 0}, minW, false},
		{"2¹²⁶ + (2¹²⁶ − 1)", i128{1 << 62, 0}, i128{1<<62 - 1, maxU}, maxW, true},
		{"−2¹²⁶ + −2¹²⁶", i128{-(1 << 62), 0}, i128{-(1 << 62), 0}, minW, true},
	}
	for _, tt := range tests {
		got, ok := tt.a.add(tt.b)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s: add = %+v, %v; want %+v, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestI128Decimal(t *testing.T) {
	tests := []struct {
		v    i128
		exp  int32
		want string
	}{
		{i128{}, -2, "0"},
		{i128{0, 12345}, -2, "123.45"},
		{i128{-1, maxU}, -2, "-0.01"},
		{i128{0, maxI}, 0, "9223372036854775807"},      // the largest int64
		{i128{-1, bit}, 0, "-9223372036854775808"},     // the smallest int64
		{i128{0, bit}, 0, "9223372036854775808"},       // 2⁶³
		{i128{-1, bit - 1}, 0, "-9223372036854775809"}, // −2⁶³ − 1
		{i128{1, 0}, -2, "184467440737095516.16"},      // 2⁶⁴ pence
		{i128{-1, 0}, 0, "-18446744073709551616"},
		{i128{maxI, maxU}, 0, "170141183460469231731687303715884105727"},
		{i128{minI, 0}, 0, "-170141183460469231731687303715884105728"},
		{i128{0, 1}, -8, "0.00000001"},
	}
	for _, tt := range tests {
		if got := tt.v.decimal(tt.exp); !got.Equal(d(tt.want)) {
			t.Errorf("%+v.decimal(%d) = %s, want %s", tt.v, tt.exp, got, tt.want)
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
		{"add", add64, 2, 3, 5, true},
		{"add", add64, maxI, 0, maxI, true},
		{"add", add64, maxI - 1, 1, maxI, true},
		{"add", add64, maxI, 1, 0, false},
		{"add", add64, minI, -1, 0, false},
		{"add", add64, minI, maxI, -1, true},
		{"add", add64, -5, 0, -5, true},
		{"sub", sub64, 2, 3, -1, true},
		{"sub", sub64, minI + 1, 1, minI, true},
		{"sub", sub64, minI, 1, 0, false},
		{"sub", sub64, 0, minI, 0, false},
		{"sub", sub64, -1, minI, maxI, true},
		{"sub", sub64, maxI, -1, 0, false},
		{"mul", mul64, 12, 83333333333333, 999999999999996, true},
		{"mul", mul64, maxI, 1, maxI, true},
		{"mul", mul64, maxI, -1, -maxI, true},
		{"mul", mul64, minI, 1, minI, true},
		{"mul", mul64, minI, -1, 0, false},
		{"mul", mul64, 1 << 32, 1 << 31, 0, false}, // 2⁶³
		{"mul", mul64, -(1 << 32), 1 << 31, minI, true},
		{"mul", mul64, 3037000500, 3037000500, 0, false}, // just above √(2⁶³)
		{"mul", mul64, 3037000499, 3037000499, 9223372030926249001, true},
	}
	for _, tt := range tests {
		got, ok := tt.f(tt.x, tt.y)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("%s64(%d, %d) = %d, %v; want %d, %v", tt.op, tt.x, tt.y, got, ok, tt.want, tt.ok)
		}
	}
	v := int64(maxI - 1)
	if !addTo(&v, 1) || v != maxI {
		t.Errorf("addTo(maxI-1, 1) = %d", v)
	}
	if addTo(&v, 1) || v != maxI {
		t.Errorf("addTo(maxI, 1) changed it to %d or did not fail", v)
	}
}

func TestPenceOf(t *testing.T) {
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
		{"-92233720368547758.08", 0, false}, // math.MinInt64 is the payCache's unset marker
		{"1e30", 0, false},
	}
	for _, tt := range tests {
		got, ok := penceOf(d(tt.in))
		if got != tt.want || ok != tt.ok {
			t.Errorf("penceOf(%s) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestScaled8(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1", 1e8, true},
		{"0.5", 5e7, true},
		{"0.00000001", 1, true},
		{"0.000000001", 0, false},
		{"-1.5", -15e7, true},
		{"12345678901", 1234567890100000000, true}, // 11 digits: the slow path
		{"92233720368.54775807", maxI, true},
		{"92233720368.54775808", 0, false},
		{"-92233720368.54775808", minI, true},
		{"1e20", 0, false},
	}
	for _, tt := range tests {
		got, ok := scaled8(d(tt.in))
		if got != tt.want || ok != tt.ok {
			t.Errorf("scaled8(%s) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
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
		{maxI, 1, maxI, 2, 1},
		{minI, 1, maxI, 1, -1},
		{minI, 1, minI, 1, 0},
		// 1 + 1/(2⁶³ − 2) < 1 + 1/(2⁶³ − 3): the products differ in the
		// low word only.
		{maxI, maxI - 1, maxI - 1, maxI - 2, -1},
		{maxI - 1, maxI - 2, maxI, maxI - 1, 1},
		// (2⁶³ − 1)/(2⁶³ − 1) = 1 = 1/1 with products near 2¹²⁶.
		{maxI, maxI, 1, 1, 0},
		{-maxI, maxI, -1, 1, 0},
	}
	for _, tt := range tests {
		if got := cmpFrac(tt.a, tt.b, tt.c, tt.d); got != tt.want {
			t.Errorf("cmpFrac(%d/%d, %d/%d) = %d, want %d", tt.a, tt.b, tt.c, tt.d, got, tt.want)
		}
	}
}

func TestMulAddOverflow(t *testing.T) {
	r := &run{}
	var c i128
	r.mulAdd(&c, maxI, maxI)
	r.mulAdd(&c, maxI, maxI)
	if r.overflowed {
		t.Fatalf("2 × (2⁶³ − 1)² overflowed")
	}
	if got := c.decimal(0).String(); got != "170141183460469231694793815568465002498" {
		t.Errorf("2 × (2⁶³ − 1)² = %s", got)
	}
	r.mulAdd(&c, minI, minI) // + 2¹²⁶: past 2¹²⁷ − 1
	if !r.overflowed {
		t.Errorf("overflow not recorded")
	}
	if got := c.decimal(0).String(); got != "170141183460469231694793815568465002498" {
		t.Errorf("an overflowing mulAdd changed the sum to %s", got)
	}
}

func TestOnCostBounds(t *testing.T) {
	line := func(rate, thr string) onCostLine {
		l := onCostLine{rate: d(rate), thr: d(thr)}
		r, _ := scaled8(l.rate)
		t, _ := scaled8(l.thr)
		l.rateE8, l.thrPen, l.fast = r, t/1e6, true
		return l
	}
	tests := []struct {
		name      string
		l         onCostLine
		pay, want int64
		ok        bool
	}{
		// 13.8% × (£12,665.24 − £9,100) = £492.00312 → £492.00.
		{"fast", line("0.138", "9100"), 1266524, 49200, true},
		{"below the threshold", line("0.138", "9100"), 910000, 0, true},
		{"the least pay", line("0.138", "9100"), minI, 0, true},
		// 100% of 2⁶³ − 1 pence is itself: computed by the slow path.
		{"slow, largest", line("1", "0"), maxI, maxI, true},
		{"slow, too large", line("2", "0"), maxI, 0, false},
		// 1000% of 10¹⁵ pence (£10¹³).
		{"ten times", line("10", "0"), 1e15, 1e16, true},
		// Halves away from zero: 50% of 1p = 0.5p → 1p.
		{"half a penny", line("0.5", "0"), 1, 1, true},
	}
	for _, tt := range tests {
		got, ok := tt.l.onCost(tt.pay)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s: onCost(%d) = %d, %v; want %d, %v", tt.name, tt.pay, got, ok, tt.want, tt.ok)
		}
	}
}

// TestCostLargeCensus costs a census of 4 × 10⁹ people on the largest
// salaries, whose totals need more than 64 bits of pence: exactly.
func TestCostLargeCensus(t *testing.T) {
	bands := []paystructure.Band{band("A", anniversary()), band("B", anniversary())}
	cur := tline("Current", "2025-04", 2, bands,
		table("2025-04", scale("A", 12, "900000000000", "999999999999"), scale("B", 12, "900000000000", "999999999999")))
	cen := census([]string{"Sex"},
		group("A", "1", "1", "", 1e9, "F"), group("A", "2", "1", "", 1e9, "M"),
		group("B", "1", "1", "", 1e9, "F"), group("B", "2", "0.5", "", 1e9, "M"))
	c, err := Cost(cen, cur, nil, Options{OnCosts: []paystructure.OnCost{{Name: "Pension", Rate: d("1")}}})
	if err != nil {
		t.Fatal(err)
	}
	// Band A, year 1: nobody has 12 months at their point until April 2026,
	// so 10⁹ × £900,000,000,000 + 10⁹ × £999,999,999,999
	// (£83,333,333,333.25 a month × 12 = £999,999,999,999.00).
	r := row(t, c, "Current", 1, "A")
	eq(t, "A basic", r.Basic, "1899999999999000000000")
	eq(t, "A pension", r.OnCosts, "1899999999999000000000")
	eq(t, "A total", r.Total, "3799999999998000000000")
	// Band B point 2 at half time: £999,999,999,999 × 0.5 ÷ 12 =
	// £41,666,666,666.625 → £41,666,666,666.63 a month, £499,999,999,999.56
	// a year: 10⁹ × (900,000,000,000 + 499,999,999,999.56).
	r = row(t, c, "Current", 1, "B")
	eq(t, "B basic", r.Basic, "1399999999999560000000")
	eq(t, "B fte", r.FTE, "1500000000")
	// Year 2: the point-1 groups move to point 2 in April 2026.
	// A: 2 × 10⁹ × 999,999,999,999 = 1,999,999,999,998 × 10⁹;
	// B: 10⁹ × (999,999,999,999 + 499,999,999,999.56) = 1,499,999,999,998.56 × 10⁹;
	// together 3,499,999,999,996.56 × 10⁹. Drift: the two moving groups'
	// rise, 2 × 10⁹ × 99,999,999,999.
	r = row(t, c, "Current", 2, "All")
	eq(t, "All basic", r.Basic, "3499999999996560000000")
	eq(t, "All drift", r.Drift, "199999999998000000000")
	eq(t, "All headcount", r.Headcount, "4000000000")
}

// TestCostRefusesOutOfRange checks that Cost refuses, rather than costs
// wrongly, a timeline outside the bounds package scenario enforces.
func TestCostRefusesOutOfRange(t *testing.T) {
	bands := []paystructure.Band{band("A", anniversary())}
	cen := census(nil, group("A", "1", "1", "", 1))
	mk := func(salary string) *paystructure.Timeline {
		return tline("Current", "2025-04", 1, bands, table("2025-04", scale("A", 12, salary)))
	}
	tests := []struct {
		name string
		tl   *paystructure.Timeline
		opt  Options
		want string
	}{
		{"negative salary", mk("-10000"), Options{}, `scenario "Current": salary -£10,000 is outside the range paymodel costs (more than £0, below £1,000,000,000,000)`},
		{"zero salary", mk("0"), Options{}, `scenario "Current": salary £0 is outside the range`},
		{"salary at the limit", mk("1000000000000"), Options{}, `scenario "Current": salary £1,000,000,000,000 is outside the range`},
		{"huge salary", mk("155281922393654974"), Options{}, `salary £155,281,922,393,654,974 is outside the range`},
		{"on-cost rate", mk("20000"), Options{OnCosts: []paystructure.OnCost{{Name: "Pension", Rate: d("10.01")}}}, `on-cost "Pension": rate 1001% or threshold £0 is outside the range paymodel costs`},
		{"lump sums of a pay year", func() *paystructure.Timeline {
			tl := mk("20000")
			tl.LumpSums = []paystructure.LumpSum{{Paid: mon("2025-05"), Rate: d("6")}, {Paid: mon("2026-03"), Rate: d("4.01")}}
			return tl
		}(), Options{}, `scenario "Current": the lump sums of pay year 1 add up to more than paymodel costs`},
	}
	for _, tt := range tests {
		_, err := Cost(cen, tt.tl, nil, tt.opt)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Cost error %v, want %q", tt.name, err, tt.want)
		}
	}
	// Just inside: £999,999,999,999.99 and lump sums of 1000% in a year.
	tl := mk("999999999999.99")
	tl.LumpSums = []paystructure.LumpSum{{Paid: mon("2025-05"), Rate: d("6")}, {Paid: mon("2026-03"), Rate: d("4")}}
	c, err := Cost(cen, tl, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// £83,333,333,333.3325 a month → .33, × 12 = £999,999,999,999.96; the
	// lump sums are 10 × £999,999,999,999.99.
	eq(t, "basic", row(t, c, "Current", 1, "A").Basic, "999999999999.96")
	eq(t, "lump sums", row(t, c, "Current", 1, "A").LumpSums, "9999999999999.90")
}

func TestPersonOverflow(t *testing.T) {
	var s person
	if got := s.pence(d("25524.50")); got != 2552450 || s.overflow {
		t.Errorf("pence(25524.50) = %d, overflow %v", got, s.overflow)
	}
	v := int64(maxI - 1)
	if s.add(&v, 1); v != maxI || s.overflow {
		t.Errorf("add(maxI-1, 1) = %d, overflow %v", v, s.overflow)
	}
	if s.add(&v, 1); v != maxI || !s.overflow {
		t.Errorf("add(maxI, 1) = %d, overflow %v; want maxI unchanged and overflow", v, s.overflow)
	}
	s = person{}
	if s.pence(d("92233720368547758.08")); !s.overflow {
		t.Errorf("pence(2⁶³ pence) did not record overflow")
	}
}
