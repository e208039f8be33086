package analysis

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"paymodel/pkg/calendar"
)

// realResult runs Current, a 3% offer and a £1,200 flat offer from
// 2025-04-01 over 3 years on two bands of 37 hours (structures of
// 2023-04-01 and 2024-04-01), with three price series (CPI 90, 100, 103.5
// and a forecast 106 on 1 April 2023–2026; CPIH 100 and 104 from 2024; RPI
// 300, 330, 346.5 to 2025) and two wage floors (a National Living Wage of
// £10.00 from April 2025 and £10.50 from April 2026; a Real Living Wage of
// £10.90 announced 1 October 2024).
func realResult(t *testing.T, opt Options) *Result {
	t.Helper()
	fsys := fstest.MapFS{
		"bands.csv": {Data: []byte("band,weekly_hours\nBand A,37\nBand B,37\n")},
		"increments.csv": {Data: []byte("band,point,salary,effective_from\n" +
			"Band A,1,19000,2023-04-01\nBand A,2,20000,2023-04-01\nBand B,1,24000,2023-04-01\nBand B,2,26000,2023-04-01\nBand B,3,28000,2023-04-01\n" +
			"Band A,1,20000,2024-04-01\nBand A,2,21000,2024-04-01\nBand B,1,25000,2024-04-01\nBand B,2,27000,2024-04-01\nBand B,3,29000,2024-04-01\n")},
		"inflation.csv": {Data: []byte("date,series,index,status,source\n" +
			"2023-04-01,CPI,90,,\n2024-04-01,CPI,100,,\n2025-04-01,CPI,103.5,,\n2026-04-01,CPI,106,forecast,test forecast\n" +
			"2024-04-01,CPIH,100,,\n2025-04-01,CPIH,104,,\n" +
			"2023-04-01,RPI,300,,\n2024-04-01,RPI,330,,\n2025-04-01,RPI,346.5,,\n")},
		"floors.csv": {Data: []byte("date,name,hourly\n2025-04-01,National Living Wage,10.00\n2026-04-01,National Living Wage,10.50\n2024-10-01,Real Living Wage,10.90\n")},
	}
	return runOn(t, "real", fsys, opt,
		"name = \"Three per cent\"\nstart = 2025-04-01\nyears = 3\n[[award]]\nfrom = 2025-04-01\nuplift = \"3%\"\n",
		"name = \"Flat\"\nstart = 2025-04-01\nyears = 3\n[[award]]\nfrom = 2025-04-01\nflat = \"£1,200\"\n",
	)
}

// realRow finds a realterms.csv row.
func realRow(t *testing.T, rows []RealRow, scenario string, year int, band, which, series string) RealRow {
	t.Helper()
	for _, r := range rows {
		if r.Scenario == scenario && r.Year == year && r.Band == band && r.Which == which && r.Series == series {
			return r
		}
	}
	t.Fatalf("no row %s %d %s %s %s", scenario, year, band, which, series)
	return RealRow{}
}

// TestRealRows checks realterms.csv's values from index levels. Base is
// the horizon's start unless --base says otherwise.
func TestRealRows(t *testing.T) {
	tests := []struct {
		name     string
		base     string
		scenario string
		year     int
		series   string
		want     string // "" when the series does not cover the dates
		forecast bool
	}{
		// On the base date a value is its own real value.
		{name: "at the base", scenario: "Current", year: 1, series: "CPI", want: "20000"},
		// 20,000 in April 2026 at April 2025 prices, on the forecast CPI:
		// 20000 × 103.5 ÷ 106 = 19,528.30188679245… (10 places).
		{name: "forecast year", scenario: "Current", year: 2, series: "CPI", want: "19528.3018867925", forecast: true},
		// RPI has no value for April 2026: not covered, never carried on.
		{name: "not covered", scenario: "Current", year: 2, series: "RPI"},
		// --base 2024-04-01: 20000 × 100 ÷ 103.5 = 19,323.67149758454…
		{name: "base CPI", base: "2024-04-01", scenario: "Current", year: 1, series: "CPI", want: "19323.6714975845"},
		// and 20000 × 330 ÷ 346.5 = 19,047.61904761904…
		{name: "base RPI", base: "2024-04-01", scenario: "Current", year: 1, series: "RPI", want: "19047.6190476190"},
		// 20000 × 100 ÷ 104 = 19,230.76923076923…
		{name: "base CPIH", base: "2024-04-01", scenario: "Current", year: 1, series: "CPIH", want: "19230.7692307692"},
		// The 3% offer: 20,600 × 100 ÷ 103.5 = 19,903.38164251207…
		{name: "offer", base: "2024-04-01", scenario: "Three per cent", year: 1, series: "CPI", want: "19903.3816425121"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var opt Options
			if tc.base != "" {
				opt.Base = calendar.MustParse(tc.base)
			}
			r := realResult(t, opt)
			row := realRow(t, r.Real.Rows, tc.scenario, tc.year, "Band A", "entry", tc.series)
			wantBase := "2025-04-01"
			if tc.base != "" {
				wantBase = tc.base
			}
			if row.Base.String() != wantBase || row.Point != "1" {
				t.Errorf("base %s, point %s; want %s, 1", row.Base, row.Point, wantBase)
			}
			if tc.want == "" {
				if row.Real != nil {
					t.Errorf("real = %s, want not covered", row.Real)
				}
				return
			}
			if row.Real == nil {
				t.Fatal("real not covered")
			}
			eq(t, "real", *row.Real, tc.want)
			if row.Forecast != tc.forecast {
				t.Errorf("forecast = %v, want %v", row.Forecast, tc.forecast)
			}
		})
	}
	// Every timeline × 3 years × 2 bands × entry and top × 3 series.
	if r := realResult(t, Options{}); len(r.Real.Rows) != 3*3*2*2*3 {
		t.Errorf("%d rows, want 108", len(r.Real.Rows))
	}
}

// TestRestore checks the real-terms loss of Band B's top since its earliest
// structure (£28,000 in April 2023) to £29,000 in April 2025, under each
// measure side by side, the uplift that restores it and the days worked
// unpaid:
//
//	CPI  28000 × 103.5 ÷ 90 = 32,200; change 29000 ÷ 32200 − 1 = −0.09937888;
//	     uplift 32200 ÷ 29000 − 1 = 0.11034483; days 3200 ÷ 32200 × 365 = 36.27
//	RPI  28000 × 346.5 ÷ 300 = 32,340; −0.10327767; 0.11517241;
//	     days 3340 ÷ 32340 × 365 = 37.70
//
// CPIH starts in 2024, so it cannot measure from 2023.
func TestRestore(t *testing.T) {
	r := realResult(t, Options{})
	want := map[string][4]string{
		"CPI": {"32200", "-0.09937888", "0.11034483", "36.27"},
		"RPI": {"32340", "-0.10327767", "0.11517241", "37.7"},
	}
	got := 0
	for _, rs := range r.Real.Restores {
		if rs.Band != "Band B" || rs.Which != "top" {
			continue
		}
		w, ok := want[rs.Series]
		if !ok {
			t.Errorf("unexpected series %s", rs.Series)
			continue
		}
		got++
		if rs.Since.String() != "2023-04-01" || rs.Now.String() != "2025-04-01" {
			t.Errorf("%s: since %s now %s", rs.Series, rs.Since, rs.Now)
		}
		eq(t, rs.Series+" then real", rs.ThenReal, w[0])
		eq(t, rs.Series+" change", rs.Change, w[1])
		eq(t, rs.Series+" uplift", rs.Uplift, w[2])
		eq(t, rs.Series+" days", rs.DaysUnpaid, w[3])
	}
	if got != 2 {
		t.Errorf("%d Band B top restores, want CPI and RPI", got)
	}
	// --base 2024-04-01: Band B top 29,000 then and now; CPI 29000 × 1.035
	// = 30,015: uplift 1015 ÷ 29000 = 0.035, days 1015 ÷ 30015 × 365 =
	// 12.343…
	r = realResult(t, Options{Base: calendar.MustParse("2024-04-01")})
	for _, rs := range r.Real.Restores {
		if rs.Band == "Band B" && rs.Which == "top" && rs.Series == "CPI" {
			eq(t, "base uplift", rs.Uplift, "0.035")
			eq(t, "base days", rs.DaysUnpaid, "12.34")
		}
	}
}

// TestRestoreNoLoss: pay that rose faster than prices has nothing to
// restore and no days unpaid.
func TestRestoreNoLoss(t *testing.T) {
	r := realResult(t, Options{})
	s := r.Real.Measures.Series[0]
	rs, ok := NewRestore(s, d("20000"), calendar.MustParse("2024-04-01"), d("22000"), calendar.MustParse("2025-04-01"))
	// 20000 × 1.035 = 20,700 < 22,000: change 1300 ÷ 20700 = 0.06280193.
	if !ok || !rs.Uplift.IsNegative() || !rs.DaysUnpaid.IsZero() {
		t.Errorf("restore = %+v, %v; want a negative uplift and 0 days", rs, ok)
	}
	eq(t, "change", rs.Change, "0.06280193")
}

// TestDealChange: the 3% offer takes Band A's top from 21,000 to 21,630
// until April 2026, when the forecast CPI is 106: 21630 × 103.5 ÷ 106 =
// 21,119.858490566…, a real change of 0.00570755 on 21,000, labelled as a
// forecast. RPI and CPIH have no April 2026 value, so they are left out.
func TestDealChange(t *testing.T) {
	r := realResult(t, Options{})
	var got []DealChange
	for _, dc := range r.Real.Deals {
		if dc.Scenario == "Three per cent" && dc.Band == "Band A" && dc.Which == "top" {
			got = append(got, dc)
		}
	}
	if len(got) != 1 || got[0].Series != "CPI" {
		t.Fatalf("deal changes = %+v, want CPI only", got)
	}
	dc := got[0]
	if dc.End.String() != "2026-04-01" || !dc.Forecast {
		t.Errorf("end %s forecast %v; want 2026-04-01, true", dc.End, dc.Forecast)
	}
	eq(t, "before", dc.Before, "21000")
	eq(t, "after", dc.After, "21630")
	eq(t, "change", dc.Change, "0.00570755")
	// The flat offer's worst is Band B's top: 30,200 × 103.5 ÷ 106 =
	// 29,487.735849…; ÷ 29,000 − 1 = 0.01681848.
	w, ok := WorstDeal(r.Real.Deals, "Flat", "CPI")
	if !ok || w.Band != "Band B" || w.Which != "top" {
		t.Fatalf("worst flat = %+v, %v", w, ok)
	}
	eq(t, "worst flat", w.Change, "0.01681848")
}

// TestFloors checks hourly rates against the floors in force on the first
// day of each pay year. 37 × 52.143 = 1,929.291 hours a year:
//
//	Band A point 1 £20,000 → £10.3665…; point 2 £21,000 → £10.8848…
//	the 3% offer's point 1 £20,600 → £10.6775…
//
// Year 1 (2025-04-01): NLW £10.00, none below; RLW £10.90 (October 2024),
// both Band A points below under Current, point 1 under the offer. Year 2
// (2026-04-01): NLW £10.50: Current's point 1 is below (20,000 < 10.50 ×
// 1,929.291 = 20,257.5555), the offer's is not; the RLW value is more
// than a year old, so the floor is not yet known; in year 3 (2027) so is
// the NLW. The flat offer's point 1, £21,200 → £10.9885…, is above both.
func TestFloors(t *testing.T) {
	r := realResult(t, Options{})
	var got []string
	for _, b := range r.Real.Breaches {
		got = append(got, b.Scenario+" y"+string(rune('0'+b.Year))+" "+b.Floor+": "+strings.Join(b.Points, ", "))
	}
	want := []string{
		"Current y1 Real Living Wage: Band A point 1, Band A point 2",
		"Current y2 National Living Wage: Band A point 1",
		"Three per cent y1 Real Living Wage: Band A point 1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("breaches:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, row := range r.Real.Floors {
		if row.Scenario == "Current" && row.Year == 1 && row.Band == "Band A" && row.Point == "1" && row.Floor == "National Living Wage" {
			eq(t, "hourly", row.Hourly, "10.3665025131")
		}
		if row.Year == 2 && row.Floor == "Real Living Wage" && (row.Known || row.Below) {
			t.Errorf("%s year 2 RLW known %v below %v; want not yet known", row.Scenario, row.Known, row.Below)
		}
	}
}

// TestDifferentials: the gap between the lowest point and Band B's top.
// Current: 29,000 − 20,000 = 9,000, 45% of 20,000. Flat £1,200: 30,200 −
// 21,200 = 9,000, 9000 ÷ 21200 = 0.42452830: the same cash, a narrower
// differential.
func TestDifferentials(t *testing.T) {
	r := realResult(t, Options{})
	want := map[string][3]string{
		"Current":        {"20000", "9000", "0.45"},
		"Three per cent": {"20600", "9270", "0.45"},
		"Flat":           {"21200", "9000", "0.4245283"},
	}
	n := 0
	for _, df := range r.Real.Differentials {
		if df.Band != "Band B" || df.Year != 1 {
			continue
		}
		n++
		w := want[df.Scenario]
		eq(t, df.Scenario+" lowest", df.Lowest, w[0])
		eq(t, df.Scenario+" top gap", df.TopGap, w[1])
		eq(t, df.Scenario+" top pct", df.TopPct, w[2])
		if df.LowestAt != "Band A point 1" {
			t.Errorf("lowest at %s", df.LowestAt)
		}
	}
	if n != 3 {
		t.Errorf("%d Band B year-1 differentials, want 3", n)
	}
}

// TestIndexOption: --index picks the headline series; an unknown name is
// an error naming the series there are.
func TestIndexOption(t *testing.T) {
	r := realResult(t, Options{Index: "rpi"})
	if r.Real.Measures.Headline.Name != "RPI" || r.RealTerms[0].Series != "RPI" {
		t.Errorf("headline %s", r.Real.Measures.Headline.Name)
	}
	// RPI over the 12 months to April 2025: 346.5 ÷ 330 − 1 = 0.05.
	if r.Inflation == nil || !r.Inflation.Equal(d("0.05")) {
		t.Errorf("inflation = %v, want 0.05", r.Inflation)
	}
	def := realResult(t, Options{})
	if def.Real.Measures.Headline.Name != "CPI" {
		t.Errorf("default headline %s, want the first series", def.Real.Measures.Headline.Name)
	}
	_, err := Run(context.Background(), def.Dataset, def.Timelines, Options{Index: "HICP"})
	var ue *UnknownIndexError
	if !errors.As(err, &ue) || err.Error() != "--index HICP: the dataset's inflation.csv has no series HICP (it has CPI, CPIH, RPI)" {
		t.Errorf("err = %v", err)
	}
}
