package dataset

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/gocarina/gocsv"
	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
)

// The small tables (bands.csv, increments.csv, inflation.csv, oncosts.csv)
// are decoded by gocsv straight into typed rows (bandRow, incrementRow,
// inflationRow, onCostRow): a row's struct tags name its columns, and its
// field types say how each is read. The schemas take their column lists
// from the tags (columnsOf). staff.csv does not come this way: see the
// package doc.
//
// gocsv stops at the first error an UnmarshalCSV returns, and numbers its
// lines without the blank rows the reader skips. So a cell never fails:
// UnmarshalCSV keeps the text as written and, when it is not a value, why
// (err). The table reader then reports every bad cell of every row with its
// file, line, column and value (cell.problem). A blank cell (nothing but
// spaces), like a column the file does not have, has the zero value and no
// error: each reader says what blank means for its column.

// cell is the text of a cell as written, and why it is not a value (nil
// when it is one, or is blank).
type cell struct {
	raw string
	err error
}

// blank reports whether the cell holds nothing but spaces.
func (c *cell) blank() bool { return strings.TrimSpace(c.raw) == "" }

// problem returns "" when the cell is a value or blank; otherwise the
// message naming column col and quoting the text
// ("salary \"25,5x4\": not an amount (…)").
func (c *cell) problem(col string) string {
	if c.err == nil {
		return ""
	}
	return bad(col, c.raw, "%v", c.err)
}

// value is a cell and the value its text parses to.
type value[T any] struct {
	cell
	val T
}

// set keeps s and, unless it is blank, parses it with parse.
func (v *value[T]) set(s string, parse func(string) (T, error)) {
	*v = value[T]{cell: cell{raw: s}}
	if !v.blank() {
		v.val, v.err = parse(s)
	}
}

// amountCell is a money amount (money.ParseAmount): "25524", "£25,524.50".
type amountCell struct{ value[decimal.Decimal] }

func (c *amountCell) UnmarshalCSV(s string) error { c.set(s, money.ParseAmount); return nil }

// required returns the amount, or a message when it is blank or bad.
func (c *amountCell) required(col string) (decimal.Decimal, string) {
	if c.blank() {
		return decimal.Zero, fmt.Sprintf("%s is blank (%s)", col, money.AmountHint)
	}
	return c.val, c.problem(col)
}

// positive returns the amount, or a message when it is blank, bad or not
// more than £0.
func (c *amountCell) positive(col string) (decimal.Decimal, string) {
	d, msg := c.required(col)
	if msg == "" && d.Sign() <= 0 {
		msg = bad(col, c.raw, "must be more than £0")
	}
	return d, msg
}

// numberCell is a non-negative number (money.ParseNumber): hours, an index.
type numberCell struct{ value[decimal.Decimal] }

func (c *numberCell) UnmarshalCSV(s string) error { c.set(s, money.ParseNumber); return nil }

// or returns the number, def when the cell is blank, or a message when it
// is bad.
func (c *numberCell) or(col string, def decimal.Decimal) (decimal.Decimal, string) {
	if c.blank() {
		return def, ""
	}
	return c.val, c.problem(col)
}

// rateCell is a percentage (money.ParseRate), as a fraction: "15%" is 0.15.
type rateCell struct{ value[decimal.Decimal] }

func (c *rateCell) UnmarshalCSV(s string) error { c.set(s, money.ParseRate); return nil }

// dateCell is an ISO date (calendar.Parse), without surrounding spaces; the
// zero Date when blank.
type dateCell struct{ value[calendar.Date] }

func (c *dateCell) UnmarshalCSV(s string) error {
	c.set(s, func(s string) (calendar.Date, error) { return calendar.Parse(strings.TrimSpace(s)) })
	return nil
}

// wholeCell is a whole number, without surrounding spaces.
type wholeCell struct{ value[int] }

func (c *wholeCell) UnmarshalCSV(s string) error {
	c.set(s, func(s string) (int, error) { return strconv.Atoi(strings.TrimSpace(s)) })
	return nil
}

// in returns the number, def when the cell is blank, or 0 and a message
// when it is not a whole number from lo to hi.
func (c *wholeCell) in(col string, def, lo, hi int) (int, string) {
	if c.blank() {
		return def, ""
	}
	if c.err != nil || c.val < lo || c.val > hi {
		return 0, bad(col, c.raw, "must be a whole number from %d to %d", lo, hi)
	}
	return c.val, ""
}

// progressionCell is a band's progression: "anniversary" (any case; also
// when blank) or a yearly date such as "04-01".
type progressionCell struct {
	value[paystructure.Progression]
}

func (c *progressionCell) UnmarshalCSV(s string) error {
	c.set(s, parseProgression)
	if c.blank() {
		c.val = paystructure.Progression{Kind: paystructure.Anniversary}
	}
	return nil
}

// errProgression is parseProgression's error for text that is neither
// "anniversary" nor shaped like a yearly date.
var errProgression = errors.New("write anniversary or a yearly date such as 04-01")

// parseProgression parses "anniversary" or a yearly date such as "04-01".
func parseProgression(s string) (paystructure.Progression, error) {
	t := strings.TrimSpace(s)
	if strings.EqualFold(t, "anniversary") {
		return paystructure.Progression{Kind: paystructure.Anniversary}, nil
	}
	on, err := calendar.ParseAnnual(t)
	switch {
	case err == nil:
		return paystructure.Progression{Kind: paystructure.FixedDate, On: on}, nil
	case len(t) == 5 && t[2] == '-': // a yearly date, but not a real one
		return paystructure.Progression{}, err
	}
	return paystructure.Progression{}, errProgression
}

// columnsOf returns the columns of row type R: its fields' csv tags, in
// field order.
func columnsOf[R any]() []string {
	rt := reflect.TypeFor[R]()
	var cols []string
	for i := range rt.NumField() {
		if tag, ok := rt.Field(i).Tag.Lookup("csv"); ok {
			cols = append(cols, tag)
		}
	}
	return cols
}

// decodeRows reads every remaining row of t with gocsv into rows of type R
// (one of the typed rows above), and returns them with the line of each.
// gocsv is given the normalised header and then the rows table.next
// returns, so blank and malformed rows are skipped, and reported, as for
// every file. gocsv cannot fail on these rows (cells record their own
// errors); if it does, the reason is reported and no rows are returned.
func decodeRows[R any](t *table) ([]R, []int) {
	src := &gocsvSource{t: t}
	var rows []R
	if err := gocsv.UnmarshalCSV(src, &rows); err != nil {
		t.errs.addf(t.file, 0, "", "cannot decode the file: %v", err)
		return nil, nil
	}
	return rows, src.lines
}

// gocsvSource hands gocsv a table: its normalised header, then each row
// table.next returns (copied: next reuses its record), noting its line.
type gocsvSource struct {
	t      *table
	header bool // the header has been handed over
	lines  []int
}

func (s *gocsvSource) Read() ([]string, error) {
	if !s.header {
		s.header = true
		return s.t.header, nil
	}
	rec, line, ok := s.t.next()
	if !ok {
		return nil, io.EOF
	}
	s.lines = append(s.lines, line)
	return slices.Clone(rec), nil
}

func (s *gocsvSource) ReadAll() ([][]string, error) {
	var all [][]string
	for {
		rec, err := s.Read()
		if err == io.EOF {
			return all, nil
		} else if err != nil {
			return nil, err
		}
		all = append(all, rec)
	}
}
