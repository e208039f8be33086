package projection

import (
	"math"
	"strings"
	"testing"

	"paymodel/pkg/paystructure"
	"paymodel/pkg/projection/internal/exact"
)

// Overflow at the engine's edges: the run that records it, the on-cost
// arithmetic, and Cost on the largest census and salaries. The integer
// helpers themselves are tested in internal/exact.

const (
	maxI = math.MaxInt64
	minI = math.MinInt64
)

func TestMulAddOverflow(t *testing.T) {
	r := &run{}
	var c exact.Int128
	r.mulAdd(&c, maxI, maxI)
	r.mulAdd(&c, maxI, maxI)
	if r.overflowed {
		t.Fatalf("2 × (2⁶³ − 1)² overflowed")
	}
	if got := c.Decimal(0).String(); got != "170141183460469231694793815568465002498" {
		t.Errorf("2 × (2⁶³ − 1)² = %s", got)
	}
	r.mulAdd(&c, minI, minI) // + 2¹²⁶: past 2¹²⁷ − 1
	if !r.overflowed {
		t.Errorf("overflow not recorded")
	}
	if got := c.Decimal(0).String(); got != "170141183460469231694793815568465002498" {
		t.Errorf("an overflowing mulAdd changed the sum to %s", got)
	}
}

func TestOnCostBounds(t *testing.T) {
	line := func(rate, thr string) onCostLine {
		l := onCostLine{rate: d(rate), thr: d(thr)}
		r, _ := exact.Scaled8(l.rate)
		t, _ := exact.Scaled8(l.thr)
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
