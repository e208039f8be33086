package pdf

import (
	"fmt"
	"strings"
	"testing"

	"paymodel/pkg/calendar"
	"paymodel/pkg/report"
)

// TestChartsWithDegenerateSeries renders charts with no values, a single
// value, all-equal values and values only known to exceed a limit: each must
// render (never fail the whole report), and say what it shows.
func TestChartsWithDegenerateSeries(t *testing.T) {
	blank, ten := report.Blank(), report.Above(d("10"), 0)
	cases := []struct {
		name  string
		chart report.Chart
		want  []string // text that must be on the page
	}{
		{"no categories", report.Chart{Kind: report.LineChart, Title: "Empty"}, []string{"No values to show"}},
		{"no series", report.Chart{Kind: report.BarChart, Title: "No series", Categories: []string{"Band 4"}}, []string{"No values to show"}},
		{"every value blank", report.Chart{Kind: report.LineChart, Title: "All blank", Categories: []string{"2025", "2026"},
			Series: []report.Series{{Name: "Current", Values: []report.Cell{blank, blank}}}}, []string{"No values to show"}},
		{"every bar beyond the horizon", report.Chart{Kind: report.BarChart, Title: "Years to top", Categories: []string{"Band 4", "Band 5"},
			Series: []report.Series{{Name: "Current", Values: []report.Cell{ten, ten}}, {Name: "Offer", Values: []report.Cell{ten, ten}}}}, []string{"> 10"}},
		{"one bar beyond, one reached", report.Chart{Kind: report.BarChart, Title: "Mixed", Categories: []string{"Band 4", "Band 5"},
			Series: []report.Series{{Name: "Current", Values: []report.Cell{ten, report.Number(d("4"), 2)}}}}, []string{"> 10", "4.00"}},
		{"single value", report.Chart{Kind: report.LineChart, Title: "One", Categories: []string{"2025"},
			Series: []report.Series{{Name: "Current", Values: []report.Cell{report.Money(d("23500"))}}}}, []string{"£23,500"}},
		{"all equal money", report.Chart{Kind: report.LineChart, Title: "Flat", Categories: []string{"2025", "2026", "2027"},
			Series: []report.Series{{Name: "Current", Values: []report.Cell{report.Money(d("23500")), report.Money(d("23500")), report.Money(d("23500"))}}}}, []string{"£23,500"}},
		{"all equal zero percent", report.Chart{Kind: report.LineChart, Title: "Zero", Categories: []string{"2025", "2026"},
			Series: []report.Series{{Name: "Current", Values: []report.Cell{report.PercentChange(d("0")), report.PercentChange(d("0"))}}}}, []string{"Zero"}},
		{"all equal negative", report.Chart{Kind: report.LineChart, Title: "Negative", Categories: []string{"2025", "2026"},
			Series: []report.Series{{Name: "Current", Values: []report.Cell{report.Change(d("-5")), report.Change(d("-5"))}}}}, []string{"Negative"}},
		{"bars all zero", report.Chart{Kind: report.BarChart, Title: "Zeros", Categories: []string{"Band 2"},
			Series: []report.Series{{Name: "Current", Values: []report.Cell{report.Number(d("0"), 2)}}}}, []string{"0.00"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := &report.Document{Title: "Charts", Created: calendar.Date{Year: 2025, Month: 4, Day: 1}, Footer: footer,
				Blocks: []report.Block{tc.chart}}
			pdf := render(t, doc)
			if n := pageCount(pdf); n != 1 {
				t.Fatalf("%d pages, want 1", n)
			}
			text := pdfText(t, pdf, 1)
			for _, w := range append(tc.want, tc.chart.Title) {
				if !strings.Contains(text, w) {
					t.Errorf("page lacks %q:\n%s", w, text)
				}
			}
		})
	}
}

// TestAboveOnlyInBarCharts: a value beyond a limit has no place on a line.
func TestAboveOnlyInBarCharts(t *testing.T) {
	doc := &report.Document{Title: "Charts", Created: calendar.Date{Year: 2025, Month: 4, Day: 1}, Footer: footer,
		Blocks: []report.Block{report.Chart{Kind: report.LineChart, Title: "Line", Categories: []string{"a"},
			Series: []report.Series{{Name: "s", Values: []report.Cell{report.Above(d("10"), 0)}}}}}}
	err := Write(new(strings.Builder), doc)
	if err == nil || !strings.Contains(fmt.Sprint(err), "only a bar chart") {
		t.Fatalf("err = %v, want a refusal of a value beyond a limit on a line chart", err)
	}
}

// A table with more columns than the page can hold renders (its cells
// overflow) rather than panic: columns narrower than one character used to
// make the line breaker split an empty word.
func TestTableTooWideForThePage(t *testing.T) {
	cols := []string{"Scenario"}
	row := []report.Cell{report.Text("Current")}
	for i := 1; i <= 90; i++ {
		cols = append(cols, fmt.Sprint(i))
		row = append(row, report.Money(d("123456.78")))
	}
	doc := &report.Document{Title: "Wide", Created: calendar.Date{Year: 2025, Month: 4, Day: 1}, Footer: footer,
		Blocks: []report.Block{report.TableBlock{Table: report.Table{Title: "Ninety points", Columns: cols, Rows: [][]report.Cell{row}}}}}
	if n := pageCount(render(t, doc)); n < 1 {
		t.Fatalf("%d pages", n)
	}
}
