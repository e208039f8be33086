// Package plain holds the plain-text helpers that the packages printing for
// people share: aligned columns (report's text tables and dataset's
// summary) and plural words (dataset's and scenario's messages).
package plain

import (
	"io"
	"strings"
	"unicode/utf8"
)

// Plural returns one when n is 1, else many.
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// WriteColumns writes rows as aligned columns, two spaces apart: each cell
// padded to its column's width in characters (runes), to the right when
// right[j] is true (numbers), else to the left, and no trailing spaces on a
// line. Every row has at most len(right) cells. It returns the first write
// error.
func WriteColumns(w io.Writer, rows [][]string, right []bool) error {
	width := make([]int, len(right))
	for _, r := range rows {
		for j, c := range r {
			width[j] = max(width[j], utf8.RuneCountInString(c))
		}
	}
	var line strings.Builder
	for _, r := range rows {
		line.Reset()
		for j, c := range r {
			if j > 0 {
				line.WriteString("  ")
			}
			pad := strings.Repeat(" ", width[j]-utf8.RuneCountInString(c))
			if right[j] {
				line.WriteString(pad + c)
			} else {
				line.WriteString(c + pad)
			}
		}
		if _, err := io.WriteString(w, strings.TrimRight(line.String(), " ")+"\n"); err != nil {
			return err
		}
	}
	return nil
}
