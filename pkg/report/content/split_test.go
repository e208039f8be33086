package content

import (
	"fmt"
	"slices"
	"testing"

	"paymodel/pkg/report"
)

func TestSplitColumns(t *testing.T) {
	cols := []string{"Scenario"}
	row := []report.Cell{report.Text("Current")}
	for i := 1; i <= 19; i++ {
		cols = append(cols, fmt.Sprint(i))
		row = append(row, report.Int(int64(i)))
	}
	tab := report.Table{Columns: cols, Rows: [][]report.Cell{row}, Note: "note"}
	parts := splitColumns(tab, 8)
	if len(parts) != 3 {
		t.Fatalf("%d parts, want 3 (8 + 8 + 3 points)", len(parts))
	}
	for i, want := range [][]string{
		{"Scenario", "1", "2", "3", "4", "5", "6", "7", "8"},
		{"Scenario", "9", "10", "11", "12", "13", "14", "15", "16"},
		{"Scenario", "17", "18", "19"},
	} {
		if !slices.Equal(parts[i].Columns, want) {
			t.Errorf("part %d columns %v, want %v", i, parts[i].Columns, want)
		}
		r := parts[i].Rows[0]
		if r[0].Text != "Current" || len(r) != len(want) || r[1].Display() != want[1] {
			t.Errorf("part %d row %v", i, r)
		}
		if note := parts[i].Note; (i == 2) != (note == "note") {
			t.Errorf("part %d note %q: the note goes under the last part only", i, note)
		}
	}
	if got := splitColumns(report.Table{Columns: cols[:9]}, 8); len(got) != 1 {
		t.Errorf("8 points split into %d tables", len(got))
	}
}
