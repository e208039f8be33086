package content

import (
	"fmt"
	"strings"

	"paymodel/pkg/analysis"
	"paymodel/pkg/report"
)

// The comparison report's real-terms, wage-floor and differentials blocks,
// arranged from analysis.Real without computing any figure.

// inflationLabel is how the 12-month inflation is introduced: "Inflation
// (CPI)" naming the headline series, or "Inflation" for a file of one
// unnamed series.
func inflationLabel(r *analysis.Result) string {
	if m := r.Real.Measures; m.Named() {
		return "Inflation (" + m.Headline.Label() + ")"
	}
	return "Inflation"
}

// indexText says which series the inflation figures come from, for the
// appendix.
func indexText(r *analysis.Result) string {
	m := r.Real.Measures
	if len(m.Series) == 0 {
		return ""
	}
	last, _ := m.Headline.Points.Latest()
	if !m.Named() {
		return fmt.Sprintf("Inflation from the dataset's price index (inflation.csv, latest %s).", last.Date)
	}
	return fmt.Sprintf("Inflation from the %s series of inflation.csv (latest %s; the file has %s; --index chooses). %s",
		m.Headline.Label(), last.Date, strings.Join(seriesNames(m), ", "), indexNote)
}

// floorBlocks are the comparison's wage-floor and differentials tables:
// the points below each floor in force at the start of each pay year
// (with floors.csv), and each band's gap above the lowest point in the
// first and last pay year.
func floorBlocks(r *analysis.Result) []report.Block {
	out := floorsBlocks(r, report.Heading{Text: "Wage floors", Level: 2})
	if t, ok := differentialsTable(r); ok {
		out = append(out, report.Heading{Text: "Differentials", Level: 2}, report.TableBlock{Table: t})
	}
	return out
}

// differentialsTable shows each band's entry and top above the structure's
// lowest point under each timeline, in the first and last pay year.
func differentialsTable(r *analysis.Result) (report.Table, bool) {
	years := r.Current().Years
	t := report.Table{Title: fmt.Sprintf("Gap above the lowest point, pay year 1 and pay year %d", years),
		Columns: []string{"Scenario", "Band", "Entry, year 1", "Top, year 1", fmt.Sprintf("Entry, year %d", years), fmt.Sprintf("Top, year %d", years)}}
	type key struct{ scenario, band string }
	first := map[key]analysis.Differential{}
	var keys []key
	for _, d := range r.Real.Differentials {
		k := key{d.Scenario, d.Band}
		if d.Year == 1 {
			first[k] = d
			keys = append(keys, k)
		}
	}
	last := map[key]analysis.Differential{}
	for _, d := range r.Real.Differentials {
		if d.Year == years {
			last[key{d.Scenario, d.Band}] = d
		}
	}
	gap := func(d analysis.Differential, ok, top bool) report.Cell {
		if !ok {
			return report.Blank()
		}
		g, p := d.EntryGap, d.EntryPct
		if top {
			g, p = d.TopGap, d.TopPct
		}
		return report.Text(report.Money(g).Display() + " (" + report.Percent(p).Display() + ")")
	}
	for _, k := range keys {
		l, ok := last[k]
		t.Rows = append(t.Rows, []report.Cell{report.Text(k.scenario), report.Text(k.band), gap(first[k], true, false), gap(first[k], true, true), gap(l, ok, false), gap(l, ok, true)})
	}
	t.Note = "Each band's entry and top salary less the lowest point of the whole structure in force at the start of the pay year, and that as a % of the lowest point: a floor or a flat award that lifts the lowest point narrows these gaps."
	return t, len(t.Rows) > 0
}
