// Package calendar owns the dates paymodel works with: civil dates with no
// time of day or zone, parsed strictly from ISO text, and months counted as
// whole numbers so that careers and costs can step through time month by
// month.
//
// Nothing here reads the clock: every date comes from input.
package calendar

import (
	"errors"
	"fmt"
	"strconv"
)

// ErrSyntax is matched (errors.Is) by every date parse error.
var ErrSyntax = errors.New("invalid date")

type syntaxError struct{ msg string }

func (e syntaxError) Error() string        { return e.msg }
func (e syntaxError) Is(target error) bool { return target == ErrSyntax }

// Date is a civil date. The zero Date means "no date" (a blank cell).
type Date struct {
	Year  int
	Month int // 1–12
	Day   int // 1–31
}

// IsZero reports whether d is the zero Date (no date given).
func (d Date) IsZero() bool { return d == Date{} }

// String formats d as ISO YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return sign(d.Year - e.Year)
	case d.Month != e.Month:
		return sign(d.Month - e.Month)
	default:
		return sign(d.Day - e.Day)
	}
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// MonthOf returns the month numbered month (1–12) of year.
func MonthOf(year, month int) Month { return Month(year*12 + month - 1) }

// MinYear and MaxYear bound the years paymodel accepts, to catch typos such as
// 0205 or 20255 early.
const (
	MinYear = 1900
	MaxYear = 2200
)

// Parse parses an ISO date YYYY-MM-DD, rejecting impossible dates (2025-04-31,
// 2023-02-29) and other notations (31/04/2025).
func Parse(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, syntaxError{"not a date (write YYYY-MM-DD, e.g. 2025-04-01)"}
	}
	y, err1 := strconv.Atoi(s[0:4])
	m, err2 := strconv.Atoi(s[5:7])
	d, err3 := strconv.Atoi(s[8:10])
	if err1 != nil || err2 != nil || err3 != nil || s[0] == '+' || s[5] == '+' || s[8] == '+' || s[0] == '-' || s[5] == '-' || s[8] == '-' {
		return Date{}, syntaxError{"not a date (write YYYY-MM-DD, e.g. 2025-04-01)"}
	}
	date, err := New(y, m, d)
	if err != nil {
		return Date{}, err
	}
	return date, nil
}

// New returns the date y-m-d, or an error if there is no such day or the
// year is outside MinYear–MaxYear.
func New(y, m, d int) (Date, error) {
	if y < MinYear || y > MaxYear {
		return Date{}, syntaxError{fmt.Sprintf("year %d is out of range (%d–%d)", y, MinYear, MaxYear)}
	}
	if m < 1 || m > 12 {
		return Date{}, syntaxError{"not a date: there is no month " + strconv.Itoa(m)}
	}
	if d < 1 || d > DaysIn(y, m) {
		return Date{}, syntaxError{fmt.Sprintf("not a date: %s %d has %d days", monthNames[m-1], y, DaysIn(y, m))}
	}
	return Date{y, m, d}, nil
}

// MustParse is Parse for dates known to be valid (tests and constants).
func MustParse(s string) Date {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

var monthNames = [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// DaysIn returns the number of days in month m of year y.
func DaysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// Month is a calendar month counted from year 0: 12×year + month − 1. Months
// are plain integers so that "months at a point" is a subtraction.
type Month int

// Of returns the month date d falls in.
func Of(d Date) Month { return MonthOf(d.Year, d.Month) }

// Year returns the calendar year of m.
func (m Month) Year() int { return int(m) / 12 }

// Number returns m's month of the year, 1–12.
func (m Month) Number() int { return int(m)%12 + 1 }

// First returns the first day of m.
func (m Month) First() Date { return Date{m.Year(), m.Number(), 1} }

// String formats m as YYYY-MM.
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year(), m.Number()) }

// Long formats m for people: "January 2026".
func (m Month) Long() string { return fmt.Sprintf("%s %d", monthNames[m.Number()-1], m.Year()) }

// FirstOnOrAfter returns the first month whose first day is on or after d:
// the month of d when d is the 1st, otherwise the next month.
func FirstOnOrAfter(d Date) Month {
	m := Of(d)
	if d.Day > 1 {
		m++
	}
	return m
}

// AnnualDate is a fixed day each year, such as 1 April ("04-01").
type AnnualDate struct {
	Month int
	Day   int
}

// ParseAnnual parses MM-DD. Only the first of a month is accepted, since
// time in paymodel runs in whole months.
func ParseAnnual(s string) (AnnualDate, error) {
	if len(s) != 5 || s[2] != '-' {
		return AnnualDate{}, syntaxError{`not a yearly date (write MM-DD, e.g. "04-01")`}
	}
	m, err1 := strconv.Atoi(s[0:2])
	d, err2 := strconv.Atoi(s[3:5])
	if err1 != nil || err2 != nil || m < 1 || m > 12 || d < 1 || d > DaysIn(2001, m) {
		return AnnualDate{}, syntaxError{`not a yearly date (write MM-DD, e.g. "04-01")`}
	}
	if d != 1 {
		return AnnualDate{}, syntaxError{"a yearly progression date must be the first of a month"}
	}
	return AnnualDate{m, d}, nil
}

// String formats a as MM-DD.
func (a AnnualDate) String() string { return fmt.Sprintf("%02d-%02d", a.Month, a.Day) }
