package dataset

import (
	"slices"
	"testing"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
)

// TestCells checks each typed cell on a good value, a bad one and a blank
// one: the value, whether it is blank, and the message problem gives.
func TestCells(t *testing.T) {
	type result struct {
		val     string // the value's String
		blank   bool
		problem string
	}
	check := func(t *testing.T, name string, got, want result) {
		t.Helper()
		if got != want {
			t.Errorf("%s: got %+v, want %+v", name, got, want)
		}
	}
	decimals := []struct {
		in   string
		cell interface {
			UnmarshalCSV(string) error
		}
		want result
	}{
		{"£25,524.50", &amountCell{}, result{"25524.5", false, ""}},
		{" 25524 ", &amountCell{}, result{"25524", false, ""}},
		{"25,5x4", &amountCell{}, result{"0", false, `c "25,5x4": not an amount (write 25524 or £25,524.00)`}},
		{"  ", &amountCell{}, result{"0", true, ""}},
		{"37.5", &numberCell{}, result{"37.5", false, ""}},
		{"abc", &numberCell{}, result{"0", false, `c "abc": not a number (write a number such as 30 or 7.5)`}},
		{"", &numberCell{}, result{"0", true, ""}},
		{"15%", &rateCell{}, result{"0.15", false, ""}},
		{"3.5 %", &rateCell{}, result{"0.035", false, ""}},
		{"15", &rateCell{}, result{"0", false, `c "15": not a rate: the % sign is missing (write a percentage such as "3.5%")`}},
		{" ", &rateCell{}, result{"0", true, ""}},
	}
	for _, tc := range decimals {
		if err := tc.cell.UnmarshalCSV(tc.in); err != nil {
			t.Fatalf("UnmarshalCSV(%q) = %v; a cell never fails", tc.in, err)
		}
		var c *cell
		var val decimal.Decimal
		switch v := tc.cell.(type) {
		case *amountCell:
			c, val = &v.cell, v.val
		case *numberCell:
			c, val = &v.cell, v.val
		case *rateCell:
			c, val = &v.cell, v.val
		}
		check(t, tc.in, result{val.String(), c.blank(), c.problem("c")}, tc.want)
	}

	dates := []struct {
		in   string
		want result
	}{
		{" 2025-04-01 ", result{"2025-04-01", false, ""}},
		{"01/04/2025", result{calendar.Date{}.String(), false, `c "01/04/2025": not a date (write YYYY-MM-DD, e.g. 2025-04-01)`}},
		{"", result{calendar.Date{}.String(), true, ""}},
	}
	for _, tc := range dates {
		var d dateCell
		d.UnmarshalCSV(tc.in)
		check(t, "date "+tc.in, result{d.val.String(), d.blank(), d.problem("c")}, tc.want)
	}

	annual := func(m int) paystructure.Progression {
		return paystructure.Progression{Kind: paystructure.FixedDate, On: calendar.AnnualDate{Month: m, Day: 1}}
	}
	anniversary := paystructure.Progression{Kind: paystructure.Anniversary}
	progressions := []struct {
		in      string
		want    paystructure.Progression
		problem string
	}{
		{"", anniversary, ""},
		{" ANNIVERSARY ", anniversary, ""},
		{"04-01", annual(4), ""},
		{" 09-01 ", annual(9), ""},
		{"04-15", paystructure.Progression{}, `progression "04-15": a yearly progression date must be the first of a month`},
		{"13-01", paystructure.Progression{}, `progression "13-01": not a yearly date (write MM-DD, e.g. "04-01")`},
		{"monthly", paystructure.Progression{}, `progression "monthly": write anniversary or a yearly date such as 04-01`},
	}
	for _, tc := range progressions {
		var p progressionCell
		p.UnmarshalCSV(tc.in)
		if p.val != tc.want || p.problem("progression") != tc.problem {
			t.Errorf("progression %q: got %+v, %q; want %+v, %q", tc.in, p.val, p.problem("progression"), tc.want, tc.problem)
		}
	}
}

// TestWholeCellIn checks the default, the bounds (inclusive) and the
// message of a whole-number cell.
func TestWholeCellIn(t *testing.T) {
	tests := []struct {
		in   string
		want int
		msg  string
	}{
		{"", 6, ""},
		{"   ", 6, ""},
		{" 0 ", 0, ""},
		{"12", 12, ""},
		{"13", 0, `months "13": must be a whole number from 0 to 12`},
		{"-1", 0, `months "-1": must be a whole number from 0 to 12`},
		{"1.5", 0, `months "1.5": must be a whole number from 0 to 12`},
		{"six", 0, `months "six": must be a whole number from 0 to 12`},
	}
	for _, tc := range tests {
		var w wholeCell
		w.UnmarshalCSV(tc.in)
		if got, msg := w.in("months", 6, 0, 12); got != tc.want || msg != tc.msg {
			t.Errorf("%q: got %d, %q; want %d, %q", tc.in, got, msg, tc.want, tc.msg)
		}
	}
}

// TestColumnsOf checks that each small table's schema is its row's tags,
// in the order the error messages list them.
func TestColumnsOf(t *testing.T) {
	tests := []struct {
		got, want []string
	}{
		{bandsSchema.columns, []string{"band", "title", "weekly_hours", "order", "progression", "qualifying_months"}},
		{incrementsSchema.columns, []string{"band", "point", "salary", "effective_from", "months", "cpd_hours", "status", "source"}},
		{inflationSchema.columns, []string{"date", "series", "index", "status", "source"}},
		{floorsSchema.columns, []string{"date", "name", "hourly", "status", "source"}},
		{onCostsSchema.columns, []string{"name", "rate", "threshold"}},
	}
	for _, tc := range tests {
		if !slices.Equal(tc.got, tc.want) {
			t.Errorf("columns %q, want %q", tc.got, tc.want)
		}
	}
}

// TestDecodeEveryCell checks that every bad cell of a row is reported, not
// just the first (gocsv alone stops at the first), on the row's real line:
// a blank row and a quoted cell over two lines come before it, so gocsv's
// own count (row index + 2) would be wrong.
func TestDecodeEveryCell(t *testing.T) {
	bands := "band,title,weekly_hours,order,progression,qualifying_months\n" +
		"Band 1,\"Two\nlines\",37,1,04-01,6\n" +
		",,,,,\n" +
		"Band 2,Bad,abc,x,monthly,13\n"
	inc := "band,point,salary,effective_from,months,cpd_hours\n" +
		"Band 1,1,20000,,,\n" +
		"Band 2,1,2x,2025-13-01,0,-3\n"
	got := loadError(t, files(map[string]string{BandsFile: bands, IncrementsFile: inc}))
	want := lines(
		`bands.csv:5: weekly_hours "abc": not a number (write a number such as 30 or 7.5)`,
		`bands.csv:5: order "x": must be a whole number`,
		`bands.csv:5: progression "monthly": write anniversary or a yearly date such as 04-01`,
		`bands.csv:5: qualifying_months "13": must be a whole number from 0 to 12`,
		`bands.csv:5: band "Band 2" has no points in increments.csv`, // its one row is dropped: its date is bad
		`increments.csv:3: salary "2x": not an amount (write 25524 or £25,524.00)`,
		`increments.csv:3: effective_from "2025-13-01": not a date: there is no month 13`,
		`increments.csv:3: months "0": must be a whole number from 1 to 600`,
		`increments.csv:3: cpd_hours "-3": not a number (write a number such as 30 or 7.5)`,
	)
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
