package xlsx

import (
	"encoding/csv"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// CSV fills sheet from CSV text, each record in the row of the line it
// starts on (so a blank line is a blank row), as a person typing the values
// into a spreadsheet would have them stored: a number ("25524.5", "-3",
// "£25,524.50" in a currency format) becomes a number cell, a percentage
// ("3.5%") a number in a percent format (0.035), an ISO date a date cell,
// and anything else, numbers with a leading zero or more than 15
// significant digits included (a spreadsheet would change them), a text
// cell. Tests use it to turn CSV datasets into workbooks.
func (b *Builder) CSV(sheet string, r io.Reader) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		row, _ := cr.FieldPos(0)
		for i, f := range rec {
			if row == 1 && i == 0 {
				f = strings.TrimPrefix(f, "\ufeff")
			}
			b.typed(sheet, row, i+1, f)
		}
	}
}

var (
	typedNumber  = regexp.MustCompile(`^-?(£?)(0|[1-9][0-9]{0,2}(,[0-9]{3})+|[1-9][0-9]*)(\.[0-9]+)?$`)
	typedPercent = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?%$`)
	typedDate    = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
)

// typed sets the cell to f as a spreadsheet would store it typed in.
func (b *Builder) typed(sheet string, row, col int, f string) {
	switch {
	case f == "":
	case typedNumber.MatchString(f):
		m := typedNumber.FindStringSubmatch(f)
		value := strings.ReplaceAll(strings.ReplaceAll(f, "£", ""), ",", "")
		if digits(value) > 15 {
			b.Text(sheet, row, col, f)
		} else if m[1] != "" {
			b.Number(sheet, row, col, value, MoneyFormat)
		} else {
			b.Number(sheet, row, col, value, "")
		}
	case typedPercent.MatchString(f):
		value := decimal.RequireFromString(strings.TrimSuffix(f, "%")).Shift(-2).String()
		if digits(value) > 15 {
			b.Text(sheet, row, col, f)
		} else {
			b.Number(sheet, row, col, value, "0.00%")
		}
	case typedDate.MatchString(f):
		if serial, ok := DateSerial(f); ok {
			b.Number(sheet, row, col, serial, DateFormat)
		} else {
			b.Text(sheet, row, col, f)
		}
	default:
		b.Text(sheet, row, col, f)
	}
}

// digits returns how many significant digits the decimal text s has.
func digits(s string) int {
	s = strings.TrimLeft(strings.ReplaceAll(strings.ReplaceAll(s, "-", ""), ".", ""), "0")
	return len(s)
}

// excelEpoch is day 0 of Excel's 1900 date system, as it counts from 1 March
// 1900 (it takes 1900 for a leap year, so earlier days are off by one).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// DateSerial returns the day number Excel stores for the ISO date iso
// ("2025-04-01" is 45748), for dates from 1 March 1900 to 31 December 9999.
func DateSerial(iso string) (string, bool) {
	n, ok := dateSerial(iso)
	if !ok {
		return "", false
	}
	return strconv.FormatInt(n, 10), true
}

// dateSerial is DateSerial's day number as a number.
func dateSerial(iso string) (int64, bool) {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil || t.Before(time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC)) {
		return 0, false
	}
	return (t.Unix() - excelEpoch.Unix()) / 86400, true
}
