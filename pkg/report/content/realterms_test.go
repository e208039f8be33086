package content_test

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"paymodel/pkg/analysis"
	"paymodel/pkg/calendar"
	"paymodel/pkg/report"
	"paymodel/pkg/report/content"
)

// smallReal compares Current with a 3% offer over two years on two bands
// of 37 hours, with CPI (a forecast for April 2026) and RPI, and the
// National Living Wage and the Real Living Wage as floors.
func smallReal(t *testing.T) *analysis.Result {
	t.Helper()
	fsys := fstest.MapFS{
		"bands.csv": {Data: []byte("band,weekly_hours\nBand A,37\nBand B,37.5\n")},
		"increments.csv": {Data: []byte("band,point,salary,effective_from\n" +
			"Band A,1,19000,2023-04-01\nBand A,2,20000,2023-04-01\nBand B,1,24000,2023-04-01\nBand B,2,28000,2023-04-01\n" +
			"Band A,1,20000,2024-04-01\nBand A,2,21000,2024-04-01\nBand B,1,25000,2024-04-01\nBand B,2,29000,2024-04-01\n")},
		"inflation.csv": {Data: []byte("date,series,index,status,source\n" +
			"2024-04-01,CPI,100,,\n2025-04-01,CPI,103.5,,\n2026-04-01,CPI,106,forecast,test forecast\n" +
			"2024-04-01,RPI,330,,\n2025-04-01,RPI,346.5,,\n")},
		"floors.csv": {Data: []byte("date,name,hourly\n2025-04-01,National Living Wage,10.00\n2026-04-01,National Living Wage,10.50\n2024-10-01,Real Living Wage,10.90\n")},
	}
	// Prices of 2024-04-01, the second structure's date.
	return compareMapFS(t, fsys, "small", analysis.Options{Base: calendar.MustParse("2024-04-01")},
		"offer.toml", "name = \"Three per cent\"\nstart = 2025-04-01\nyears = 2\n[[award]]\nfrom = 2025-04-01\nuplift = \"3%\"\n")
}

// TestRealTermsFloorsGolden pins realterms.csv and floors.csv on the small
// dataset. Spot checks, by hand: Current year 1 Band A entry £20,000 at
// April 2024 prices is 20000 × 100 ÷ 103.5 = £19,323.67 (CPI) and 20000 ×
// 330 ÷ 346.5 = £19,047.62 (RPI); year 2 CPI 20000 × 100 ÷ 106 =
// £18,867.92, a forecast; RPI has no April 2026 value (blank). Band A
// point 1: 20000 ÷ (37 × 52.143) = £10.37 an hour, below the Real Living
// Wage (£10.90) in year 1 and the April 2026 National Living Wage (£10.50)
// in year 2 under Current; in year 2 the Real Living Wage of October 2024
// is not yet known (blank).
func TestRealTermsFloorsGolden(t *testing.T) {
	r := smallReal(t)
	tables := content.CompareTables(r)
	if n := len(tables); n < 2 || tables[n-2].Name != content.RealTermsCSV || tables[n-1].Name != content.FloorsCSV {
		t.Fatalf("tables end %v", tables[len(tables)-1].Name)
	}
	for _, tab := range tables[len(tables)-2:] {
		checkGoldenCSV(t, "small-"+tab.Name, tab)
	}
}

// TestBriefingDealForecast: the small dataset's 3% offer ends its deal in
// April 2026, when only CPI has a value, a forecast (106): every point
// rises 3%, so each is 1.03 × 103.5 ÷ 106 − 1 = +0.57% in April 2025
// prices, shown +0.6% on the first, Band A's entry, and labelled a
// forecast with its source; RPI is not yet known. The wage-floor table
// names Band A point 1 below the April 2026 National Living Wage under
// Current only.
func TestBriefingDealForecast(t *testing.T) {
	r := smallReal(t)
	doc := content.Briefing(r, nil, report.Meta{})
	var deal, floors *report.Table
	for _, b := range doc.Blocks {
		if tb, ok := b.(report.TableBlock); ok {
			switch {
			case strings.HasPrefix(tb.Table.Title, "Each offer's real-terms change"):
				deal = &tb.Table
			case tb.Table.Title == "Points below a wage floor":
				floors = &tb.Table
			}
		}
	}
	if deal == nil || floors == nil {
		t.Fatal("no deal or wage-floor table")
	}
	var got []string
	for _, c := range deal.Rows[0] {
		got = append(got, c.Display())
	}
	want := []string{"Three per cent", "April 2026", "+0.6% (Band A entry), forecast", "not yet known"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("deal row %q, want %q", got, want)
	}
	if !strings.Contains(deal.Note, "(from test forecast)") {
		t.Errorf("deal note does not name the forecast's source: %s", deal.Note)
	}
	var rows []string
	for _, row := range floors.Rows {
		var cells []string
		for _, c := range row {
			cells = append(cells, c.Display())
		}
		rows = append(rows, strings.Join(cells, "|"))
	}
	wantRow := "National Living Wage, £10.50 from April 2026|April 2026|Current|Band A point 1"
	if !slices.Contains(rows, wantRow) {
		t.Errorf("floor rows %q lack %q", rows, wantRow)
	}
}
