package dataset

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/diag"
	"paymodel/pkg/money"
)

// The parse helpers below return a message naming the column and quoting
// the value ("salary \"25,5x4\": not an amount (…)"), or "" when the value is
// good.

// bad formats a message about value raw in column col.
func bad(col, raw, format string, args ...any) string {
	return fmt.Sprintf("%s %q: %s", col, diag.Clip(raw), fmt.Sprintf(format, args...))
}

// label returns a label (band, point, id) without surrounding spaces.
func label(s string) string { return strings.TrimSpace(s) }

// parseNumber parses a non-negative number, or returns def when blank.
func parseNumber(col, raw string, def decimal.Decimal) (decimal.Decimal, string) {
	if strings.TrimSpace(raw) == "" {
		return def, ""
	}
	d, err := money.ParseNumber(raw)
	if err != nil {
		return d, bad(col, raw, "%v", err)
	}
	return d, ""
}

// parseDate parses an ISO date, or returns the zero Date when blank.
func parseDate(col, raw string) (calendar.Date, string) {
	t := strings.TrimSpace(raw)
	if t == "" {
		return calendar.Date{}, ""
	}
	d, err := calendar.Parse(t)
	if err != nil {
		return d, bad(col, raw, "%v", err)
	}
	return d, ""
}

// parseFTE parses staff.csv's fte column by ParseFTE, 1 when blank.
func parseFTE(raw string) (decimal.Decimal, string) {
	if strings.TrimSpace(raw) == "" {
		return decimal.NewFromInt(1), ""
	}
	d, err := ParseFTE(raw)
	if err != nil {
		return d, bad("fte", raw, "%v", err)
	}
	return d, ""
}

// ParseFTE parses a full-time equivalent, the one FTE rule: a number
// (money.ParseNumber's forms) more than 0 and at most 1. A blank value is
// not a number: staff.csv reads a blank fte as 1 before asking. The error
// says what was expected, without the value.
func ParseFTE(s string) (decimal.Decimal, error) {
	d, err := money.ParseNumber(s)
	if err != nil {
		return d, err
	}
	if d.Sign() <= 0 || d.Cmp(decimal.NewFromInt(1)) > 0 {
		return d, errFTERange
	}
	return d, nil
}

// errFTERange is ParseFTE's error for a number out of range.
var errFTERange = errors.New("must be more than 0 and at most 1 (write 0.6 for three days a week of five)")

// parseCount parses a census row's count: a whole number of people from 1
// to maxCount, 1 when blank.
func parseCount(raw string) (int64, string) {
	t := strings.TrimSpace(raw)
	if t == "" {
		return 1, ""
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n < 1 || n > maxCount {
		return 0, bad("count", raw, "must be a whole number of people from 1 to %d", maxCount)
	}
	return n, ""
}

// maxCount bounds a census row's count, so that headcounts cannot overflow
// (MaxRows × maxCount < 2⁶³).
const maxCount = 1_000_000_000
