package content

import (
	"strings"

	"paymodel/pkg/analysis"
	"paymodel/pkg/report"
)

// PayGapCSV is the pay gap measures' table.
const PayGapCSV = "paygap.csv"

// PayGapTable is paygap.csv: for Current and each offer, each pay year's
// snapshot date and one row per measure (analysis.PayGapsOf): the
// statutory sex measures under their gender pay gap service names, then
// each other attribute's groups against its reference group and part-time
// against full-time staff. value is a percentage to one place, blank where
// there is nobody to compare or the disclosure policy withholds it; flag
// marks the EHRC's thresholds. The note says what was left out and why.
func PayGapTable(g *analysis.PayGaps) report.Table {
	t := report.Table{
		Name:    PayGapCSV,
		Title:   "Pay gaps",
		Columns: []string{"scenario", "year", "snapshot", "group", "measure", "value", "flag"},
		Note:    PayGapNote(g),
	}
	if g == nil {
		return t
	}
	for _, tg := range g.Timelines {
		for _, y := range tg.Years {
			for _, m := range y.Measures {
				t.Rows = append(t.Rows, []report.Cell{
					report.Text(tg.Scenario), report.Int(int64(y.Year)), report.Date(y.Snapshot),
					report.Text(m.Group), report.Text(m.Measure), gapCell(m), report.Text(m.Flag.String()),
				})
			}
		}
	}
	return t
}

// gapCell is a measure's value to one place, or blank.
func gapCell(m analysis.GapMeasure) report.Cell {
	if m.Value == nil {
		return report.Blank()
	}
	return report.Number(*m.Value, 1)
}

// PayGapNote says why there are no sex measures, if there are none, and
// what the reader should know of the others.
func PayGapNote(g *analysis.PayGaps) string {
	if g == nil {
		return ""
	}
	var parts []string
	if g.NoSex != "" {
		parts = append(parts, g.NoSex)
	}
	parts = append(parts, g.Notes...)
	for i, p := range parts {
		parts[i] = strings.ToUpper(p[:1]) + p[1:] + "."
	}
	return strings.Join(parts, " ")
}
