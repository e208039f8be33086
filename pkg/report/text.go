package report

import (
	"fmt"
	"io"

	"paymodel/pkg/internal/plain"
)

// WriteText prints a table as aligned plain text for a terminal: the title,
// the column names, each row's cells as Cell.Display shows them (text
// columns to the left, numeric ones to the right, two spaces between
// columns, no trailing spaces: plain.WriteColumns), then the note.
func WriteText(w io.Writer, t Table) error {
	if t.Title != "" {
		fmt.Fprintln(w, t.Title)
	}
	rows := make([][]string, 0, 1+len(t.Rows))
	rows = append(rows, t.Columns)
	numeric := make([]bool, len(t.Columns))
	for _, row := range t.Rows {
		cells := make([]string, len(row))
		for j, c := range row {
			cells[j] = c.Display()
			if c.Numeric() {
				numeric[j] = true
			}
		}
		rows = append(rows, cells)
	}
	if err := plain.WriteColumns(w, rows, numeric); err != nil {
		return err
	}
	if t.Note != "" {
		fmt.Fprintln(w, t.Note)
	}
	return nil
}
