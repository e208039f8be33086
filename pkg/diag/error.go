package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Error is one problem in an input file, at a position in it. The dataset
// and scenario packages both report their problems as Errors (dataset.Error
// and scenario.Error are this type), so a command prints and inspects them
// one way.
type Error struct {
	File string // the file's name as the user knows it, e.g. "staff.csv"
	// Line and Col count from 1; Line is 0 when the problem concerns the
	// whole file, Col 0 when the column is unknown. Col is printed only
	// with a Line.
	Line, Col int
	// Column is the normalised name of the CSV column concerned, or ""
	// when the problem is not about one column. It is not printed.
	Column string
	// Msg says what is wrong and what was expected, quoting the value.
	Msg string
	// Omitted, when positive, makes this entry a stand-in for that many
	// further errors in File that are not listed.
	Omitted int
	// Sheet, when not "", is the worksheet of the workbook File that the
	// problem is in, and Cell where in it, as spreadsheets write it ("C14",
	// a whole row "14:14", or "" for the whole sheet): the problem prints
	// as "file: sheet!C14: message". Line and Col are then the cell's row
	// and column, which order the errors.
	Sheet, Cell string
}

// Error formats the problem as "file:line:col: message", "file:line:
// message" (no column), "file: message" (no line), "file: sheet!cell:
// message" (a workbook), or for a stand-in "… and N more errors in file"
// (", sheet S" added for a workbook).
func (e *Error) Error() string {
	if e.Omitted > 0 {
		if e.Sheet != "" {
			return fmt.Sprintf("… and %d more errors in %s, sheet %s", e.Omitted, e.File, SheetName(e.Sheet))
		}
		return fmt.Sprintf("… and %d more errors in %s", e.Omitted, e.File)
	}
	var b strings.Builder
	b.WriteString(e.File)
	if e.Sheet != "" {
		b.WriteString(": ")
		b.WriteString(SheetName(e.Sheet))
		if e.Cell != "" {
			b.WriteString("!" + e.Cell)
		}
	} else if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// List is every problem found, as the reading package returns it (see
// Capped). Use errors.As to get at the entries.
type List []*Error

// Error prints one error per line.
func (l List) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Capped returns the list sorted by file, sheet, line and column (stable,
// so problems at one position keep the order they were found in), with at
// most limit entries per file (per sheet of a workbook) followed, when there were more, by one stand-in
// (an Error with Omitted set) counting the unlisted ones together with the
// Omitted counts of any stand-ins already in l. l is not changed.
func (l List) Capped(limit int) List {
	s := slices.Clone(l)
	slices.SortStableFunc(s, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Sheet, b.Sheet), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	var out List
	for i := 0; i < len(s); {
		j := i
		omitted := 0
		for ; j < len(s) && s[j].File == s[i].File && s[j].Sheet == s[i].Sheet; j++ {
			omitted += s[j].Omitted
		}
		listed := 0
		for _, e := range s[i:j] {
			if e.Omitted > 0 {
				continue
			}
			if listed == limit {
				omitted++
				continue
			}
			listed++
			out = append(out, e)
		}
		if omitted > 0 {
			out = append(out, &Error{File: s[i].File, Sheet: s[i].Sheet, Omitted: omitted})
		}
		i = j
	}
	return out
}

// SheetName returns a worksheet's name as a reference to it is written:
// as it is when made of letters, digits and "_", otherwise in single quotes
// with any quote doubled ('Staff list'!C14).
func SheetName(name string) string {
	for _, r := range name {
		if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return "'" + strings.ReplaceAll(name, "'", "''") + "'"
		}
	}
	return name
}
