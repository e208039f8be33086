package inflation

import (
	"testing"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// The first three points of the sample CPI index (April 2010 = 100, then
// +4.5% and +3.0%).
var cpi = Index{
	{Date: calendar.MustParse("2010-04-01"), Index: d("100")},
	{Date: calendar.MustParse("2011-04-01"), Index: d("104.5")},
	{Date: calendar.MustParse("2012-04-01"), Index: d("107.635")},
}

func TestRate(t *testing.T) {
	tests := []struct {
		name     string
		from, to string
		want     string
		ok       bool
	}{
		{name: "one year", from: "2010-04-01", to: "2011-04-01", want: "0.045", ok: true},
		// 107.635 / 104.5 = 1.03 exactly.
		{name: "second year", from: "2011-04-01", to: "2012-04-01", want: "0.03", ok: true},
		// 107.635 / 100 − 1 = 0.07635.
		{name: "two years", from: "2010-04-01", to: "2012-04-01", want: "0.07635", ok: true},
		{name: "not covered", from: "2012-04-01", to: "2013-04-01", ok: false},
		{name: "not on an index date", from: "2010-05-01", to: "2011-04-01", ok: false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := cpi.Rate(calendar.MustParse(tc.from), calendar.MustParse(tc.to))
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v", ok, tc.ok)
			}
			if ok && !got.Equal(d(tc.want)) {
				t.Errorf("Rate = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestTwelveMonthRate(t *testing.T) {
	got, ok := cpi.TwelveMonthRate(calendar.MustParse("2012-04-01"))
	if !ok || !got.Equal(d("0.03")) {
		t.Errorf("TwelveMonthRate = %s, %v; want 0.03, true", got, ok)
	}
}

func TestReal(t *testing.T) {
	// £25,000 paid in April 2010 at April 2012 prices: 25000 × 107.635 / 100
	// = £26,908.75.
	got, ok := cpi.Real(d("25000"), calendar.MustParse("2010-04-01"), calendar.MustParse("2012-04-01"))
	if !ok || !got.Equal(d("26908.75")) {
		t.Errorf("Real = %s, %v; want 26908.75", got, ok)
	}
	// £30,000 in April 2012 at April 2011 prices: 30000 × 104.5 / 107.635
	// = 3,135,000 / 107.635; 107.635 × 29,126 = 3,134,977.01, remainder
	// 22.99 / 107.635 = 0.2136…, so £29,126.21 to the penny.
	got, ok = cpi.Real(d("30000"), calendar.MustParse("2012-04-01"), calendar.MustParse("2011-04-01"))
	if !ok || !got.Equal(d("29126.21")) {
		t.Errorf("Real = %s, %v; want 29126.21", got, ok)
	}
	if _, ok := cpi.Real(d("1"), calendar.MustParse("2009-04-01"), calendar.MustParse("2011-04-01")); ok {
		t.Error("Real outside the index: ok = true, want false")
	}
}

func TestLatest(t *testing.T) {
	p, ok := cpi.Latest()
	if !ok || p.Date != calendar.MustParse("2012-04-01") {
		t.Errorf("Latest = %v, %v", p, ok)
	}
	if _, ok := (Index{}).Latest(); ok {
		t.Error("Latest of empty index: ok = true")
	}
}
