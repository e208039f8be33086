package content

import (
	"paymodel/pkg/analysis"
	"paymodel/pkg/report"
)

// RunTable is what a comparison was run on, one item a row: the dataset,
// its checksum, each scenario compared with Current (its name and file),
// the start, the horizon in years, the turnover and the paymodel version.
// It is the first sheet of tables.xlsx.
func RunTable(r *analysis.Result, version string) report.Table {
	cur := r.Current()
	t := report.Table{Name: "run", Title: "Run", Columns: []string{"item", "value"}}
	add := func(item string, value report.Cell) {
		t.Rows = append(t.Rows, []report.Cell{report.Text(item), value})
	}
	add("dataset", report.Text(r.Dataset.Name))
	add("checksum", report.Text(r.Dataset.Checksum))
	for _, tl := range r.Timelines[1:] {
		name := tl.Scenario
		if tl.Source != "" {
			name += " (" + tl.Source + ")"
		}
		add("scenario", report.Text(name))
	}
	add("start", report.Date(cur.Start.First()))
	add("horizon (years)", report.Int(int64(cur.Years)))
	add("turnover", report.Percent(r.Options.Turnover))
	add("version", report.Text(version))
	return t
}
