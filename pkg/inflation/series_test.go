package inflation

import (
	"testing"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
)

func pt(series, date, index string, forecast bool) paystructure.IndexPoint {
	return paystructure.IndexPoint{Series: series, Date: calendar.MustParse(date), Index: d(index), Forecast: forecast}
}

// ONS index levels for April (and CPI for September) 2021 and 2025, from
// uk-price-indices.csv (D7BT, L522, CHAW), with an illustrative CPI
// forecast for April 2026.
var ons = []paystructure.IndexPoint{
	pt("CPI", "2021-04-01", "110.1", false),
	pt("CPI", "2021-09-01", "112.4", false),
	pt("CPI", "2025-04-01", "138.2", false),
	pt("CPI", "2026-04-01", "142.3", true),
	pt("CPIH", "2021-04-01", "110.4", false),
	pt("CPIH", "2025-04-01", "137.7", false),
	pt("RPI", "2021-04-01", "301.1", false),
	pt("RPI", "2025-04-01", "402.2", false),
}

func TestSplitFind(t *testing.T) {
	ss := Split(ons)
	if len(ss) != 3 || ss[0].Name != "CPI" || ss[1].Name != "CPIH" || ss[2].Name != "RPI" || len(ss[0].Points) != 4 {
		t.Fatalf("Split = %+v", ss)
	}
	if s, ok := Find(ss, "rpi"); !ok || s.Name != "RPI" {
		t.Errorf("Find rpi = %v, %v", s.Name, ok)
	}
	if s, ok := Find(ss, ""); !ok || s.Name != "CPI" {
		t.Errorf(`Find "" = %v, %v; want the first series`, s.Name, ok)
	}
	if _, ok := Find(ss, "HICP"); ok {
		t.Error("Find HICP found a series")
	}
	if got := (Series{}).Label(); got != "price index" {
		t.Errorf("unnamed Label = %q", got)
	}
}

func TestOn(t *testing.T) {
	cpi := Split(ons)[0].Points
	tests := []struct {
		date string
		want string // "" when not covered
	}{
		{"2021-03-01", ""},      // before the first value
		{"2021-04-01", "110.1"}, // on a value
		{"2021-08-01", "110.1"}, // the latest on or before: April's
		{"2021-09-01", "112.4"}, //
		{"2025-12-01", "138.2"}, // April 2025 is the latest on or before
		{"2026-04-01", "142.3"}, // a forecast value
		{"2026-05-01", ""},      // after the last value: never carried forward
	}
	for _, tc := range tests {
		p, ok := cpi.On(calendar.MustParse(tc.date))
		if ok != (tc.want != "") || ok && !p.Index.Equal(d(tc.want)) {
			t.Errorf("On(%s) = %s, %v; want %q", tc.date, p.Index, ok, tc.want)
		}
	}
}

// TestDeflateThreeSeries values £42,000 paid in April 2021 at April 2025
// prices under each measure, from the index levels (not from rates):
//
//	CPI   42000 × 138.2 ÷ 110.1 = 52,719.3460490463…
//	CPIH  42000 × 137.7 ÷ 110.4 = 52,385.8695652173…
//	RPI   42000 × 402.2 ÷ 301.1 = 56,102.2915974758…
//
// (worked out to 50 digits with Python's decimal, rounded to 10 places).
func TestDeflateThreeSeries(t *testing.T) {
	want := map[string]string{"CPI": "52719.3460490463", "CPIH": "52385.8695652174", "RPI": "56102.2915974759"}
	for _, s := range Split(ons) {
		got, ok := s.Points.Deflate(d("42000"), calendar.MustParse("2021-04-01"), calendar.MustParse("2025-04-01"))
		if !ok || !got.Real.Equal(d(want[s.Name])) || got.Forecast {
			t.Errorf("%s: Deflate = %+v, %v; want %s, published", s.Name, got, ok, want[s.Name])
		}
	}
}

// TestDeflateForecast: £25,000 in April 2026 at April 2025 prices on the
// forecast CPI: 25000 × 138.2 ÷ 142.3 = 24,279.6908...; marked forecast.
// RPI has no April 2026 value, so it is not covered.
func TestDeflateForecast(t *testing.T) {
	ss := Split(ons)
	got, ok := ss[0].Points.Deflate(d("25000"), calendar.MustParse("2026-04-01"), calendar.MustParse("2025-04-01"))
	// 25000 × 138.2 = 3,455,000; ÷ 142.3 = 24,279.690794096978…
	if !ok || !got.Real.Equal(d("24279.6907940970")) || !got.Forecast {
		t.Errorf("CPI: Deflate = %+v, %v; want 24279.6907940970, forecast", got, ok)
	}
	if _, ok := ss[2].Points.Deflate(d("25000"), calendar.MustParse("2026-04-01"), calendar.MustParse("2025-04-01")); ok {
		t.Error("RPI covers April 2026")
	}
}
