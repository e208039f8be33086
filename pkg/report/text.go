package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// WriteText prints a table as aligned plain text for a terminal: the title,
// the column names, each row's cells as Cell.Display shows them (text
// columns to the left, numeric ones to the right, two spaces between
// columns, no trailing spaces), then the note.
func WriteText(w io.Writer, t Table) error {
	if t.Title != "" {
		fmt.Fprintln(w, t.Title)
	}
	cells := make([][]string, len(t.Rows))
	width := make([]int, len(t.Columns))
	numeric := make([]bool, len(t.Columns))
	for j, c := range t.Columns {
		width[j] = utf8.RuneCountInString(c)
	}
	for i, row := range t.Rows {
		cells[i] = make([]string, len(row))
		for j, c := range row {
			cells[i][j] = c.Display()
			width[j] = max(width[j], utf8.RuneCountInString(cells[i][j]))
			if c.Numeric() {
				numeric[j] = true
			}
		}
	}
	line := func(vals []string) string {
		var b strings.Builder
		for j, v := range vals {
			pad := strings.Repeat(" ", width[j]-utf8.RuneCountInString(v))
			if j > 0 {
				b.WriteString("  ")
			}
			if numeric[j] {
				b.WriteString(pad + v)
			} else {
				b.WriteString(v + pad)
			}
		}
		return strings.TrimRight(b.String(), " ")
	}
	if _, err := fmt.Fprintln(w, line(t.Columns)); err != nil {
		return err
	}
	for _, row := range cells {
		if _, err := fmt.Fprintln(w, line(row)); err != nil {
			return err
		}
	}
	if t.Note != "" {
		fmt.Fprintln(w, t.Note)
	}
	return nil
}
