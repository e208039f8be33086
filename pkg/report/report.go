// Package report is the format-neutral model of what paymodel shows: titled
// tables of typed cells (Cell, Table) that every output format shares,
// documents made of blocks (Document, Meta and the Block types), and the
// writers that need nothing else: CSV (WriteCSV) and aligned plain text
// (WriteText). A cell keeps its exact decimal value and formats it two
// ways, for CSV (31650.00) and for display (£31,650), so a figure in a PDF
// is always the same figure as in the CSV, produced by the same code.
//
// It knows nothing of pay structures or projections: package
// report/content builds the tables and documents from an analysis.Result,
// and package report/pdf renders a Document, importing only this package
// and its drawing libraries.
package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/money"
)

// Kind says how a cell's value is formatted.
type Kind int

const (
	KindBlank   Kind = iota // an empty cell (a value that does not exist)
	KindText                // text, possibly from input (neutralised in CSV)
	KindMoney               // pounds: CSV 31650.00, display £31,650
	KindChange              // a change in pounds: CSV 1020.00, display +£1,020
	KindPercent             // a fraction shown as a percentage: CSV 3.46, display 3.5%
	KindPctChg              // a fractional change: CSV 3.46, display +3.5%
	KindNumber              // a plain decimal with fixed places (years, FTE)
	KindInt                 // a whole number (headcount): display with separators
	KindDate                // an ISO date
	// KindAbove is a value known only to exceed a limit, such as years to
	// the top of a band when the top is not reached within the horizon:
	// display "> 10", CSV blank (the value itself does not exist).
	KindAbove
)

// Cell is one value of a table.
type Cell struct {
	Kind   Kind
	Dec    decimal.Decimal
	Text   string
	Places int32 // KindNumber: decimal places shown in both formats
	// Mark is a footnote marker shown after the value in documents ("†");
	// CSV leaves it out.
	Mark string
}

// Marked returns c with the footnote marker mark shown after its value
// (a space between); mark "" gives c with no marker.
func Marked(c Cell, mark string) Cell {
	c.Mark = mark
	return c
}

// Text returns a text cell.
func Text(s string) Cell { return Cell{Kind: KindText, Text: s} }

// Blank returns an empty cell.
func Blank() Cell { return Cell{Kind: KindBlank} }

// Money returns an amount cell.
func Money(d decimal.Decimal) Cell { return Cell{Kind: KindMoney, Dec: d} }

// Change returns a signed amount cell.
func Change(d decimal.Decimal) Cell { return Cell{Kind: KindChange, Dec: d} }

// Percent returns a percentage cell from a fraction (0.035 is 3.5%).
func Percent(fraction decimal.Decimal) Cell { return Cell{Kind: KindPercent, Dec: fraction} }

// PercentChange returns a signed percentage cell from a fraction.
func PercentChange(fraction decimal.Decimal) Cell { return Cell{Kind: KindPctChg, Dec: fraction} }

// Number returns a decimal cell shown with places decimal places (halves away
// from zero) in every format.
func Number(d decimal.Decimal, places int32) Cell {
	return Cell{Kind: KindNumber, Dec: d, Places: places}
}

// Exact returns a decimal cell showing d in full, with at least minPlaces
// decimal places: a census's FTE (0.125) or headcount, which are never
// rounded.
func Exact(d decimal.Decimal, minPlaces int32) Cell {
	places := max(minPlaces, -d.Exponent())
	for places > minPlaces && d.Round(places-1).Equal(d) {
		places-- // trailing zeros
	}
	return Number(d, places)
}

// Above returns a cell for a value that exceeds limit by an unknown amount
// (years to top beyond the horizon), shown "> 10" with places decimal places
// and written blank in CSV.
func Above(limit decimal.Decimal, places int32) Cell {
	return Cell{Kind: KindAbove, Dec: limit, Places: places}
}

// Int returns a whole-number cell.
func Int(n int64) Cell { return Cell{Kind: KindInt, Dec: decimal.NewFromInt(n)} }

// Date returns a date cell.
func Date(d calendar.Date) Cell { return Cell{Kind: KindDate, Text: d.String()} }

// Optional returns c, or a blank cell when ok is false.
func Optional(c Cell, ok bool) Cell {
	if !ok {
		return Blank()
	}
	return c
}

// CSV formats the cell for a CSV table: money to the penny (31650.00),
// percentages to 2 places (3.46), dates ISO, text neutralised so that a
// spreadsheet cannot run it as a formula.
func (c Cell) CSV() string {
	switch c.Kind {
	case KindText:
		return Neutralise(c.Text)
	case KindMoney, KindChange:
		return money.CSVString(c.Dec)
	case KindPercent, KindPctChg:
		return money.PercentCSV(c.Dec)
	case KindNumber:
		return c.Dec.Round(c.Places).StringFixed(c.Places)
	case KindInt:
		return c.Dec.String()
	case KindDate:
		return c.Text
	}
	return ""
}

// Display formats the cell for people: £31,650, +£1,020, 3.5%, +3.5%.
// Money is shown in whole pounds unless it has pence after rounding to the
// penny, in which case pence are shown. A marked cell ends with a space
// and its Mark ("−14.0% †").
func (c Cell) Display() string {
	if c.Mark != "" && c.Kind != KindBlank {
		return c.display() + " " + c.Mark
	}
	return c.display()
}

func (c Cell) display() string {
	switch c.Kind {
	case KindText, KindDate:
		return c.Text
	case KindMoney:
		if p := money.Penny(c.Dec); !p.Equal(p.Truncate(0)) {
			return money.PoundsPence(p)
		}
		return money.Pounds(c.Dec)
	case KindChange:
		if p := money.Penny(c.Dec); !p.Equal(p.Truncate(0)) {
			return money.SignedPoundsPence(p)
		}
		return money.SignedPounds(c.Dec)
	case KindPercent:
		return c.Dec.Mul(money.Hundred).Round(1).StringFixed(1) + "%"
	case KindPctChg:
		return money.SignedPercent(c.Dec, 1)
	case KindNumber:
		whole, frac, _ := strings.Cut(c.Dec.Round(c.Places).StringFixed(c.Places), ".")
		if frac != "" {
			return money.Group(whole) + "." + frac
		}
		return money.Group(whole)
	case KindAbove:
		return "> " + Number(c.Dec, c.Places).Display()
	case KindInt:
		return money.Group(c.Dec.String())
	}
	return ""
}

// Numeric reports whether the cell holds a number (right-aligned in tables).
func (c Cell) Numeric() bool {
	switch c.Kind {
	case KindText, KindDate, KindBlank:
		return false
	}
	return true
}

// Neutralise makes text from input safe to open in a spreadsheet: a cell that
// begins with =, +, -, @, a tab or a carriage return is prefixed with a single
// quote so it is shown as text instead of being run as a formula.
func Neutralise(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// Table is a titled table: the unit of every report, in every format.
type Table struct {
	// Name is the CSV file name ("points.csv"), empty for tables that only
	// appear in documents.
	Name    string
	Title   string
	Columns []string
	Rows    [][]Cell
	// Note is a sentence shown under the table in documents.
	Note string
}

// WriteCSV writes t as CSV: a header row of t.Columns, then every row
// formatted with Cell.CSV, "\n" line endings.
func WriteCSV(w io.Writer, t Table) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(t.Columns); err != nil {
		return err
	}
	rec := make([]string, len(t.Columns))
	for i, row := range t.Rows {
		if len(row) != len(t.Columns) {
			return &rowWidthError{table: t.Name, row: i + 1, got: len(row), want: len(t.Columns)}
		}
		for j, c := range row {
			rec[j] = c.CSV()
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

type rowWidthError struct {
	table          string
	row, got, want int
}

func (e *rowWidthError) Error() string {
	return "report: table " + e.table + " row " + strconv.Itoa(e.row) + " has " + strconv.Itoa(e.got) + " cells for " + strconv.Itoa(e.want) + " columns"
}
