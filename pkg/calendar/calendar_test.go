package calendar

import (
	"errors"
	"testing"
)

const notADate = "not a date (write YYYY-MM-DD, e.g. 2025-04-01)"

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		err  string
	}{
		{in: "2025-04-01", want: Date{2025, 4, 1}},
		{in: "2024-02-29", want: Date{2024, 2, 29}}, // a leap year
		{in: "2000-02-29", want: Date{2000, 2, 29}}, // divisible by 400: leap
		{in: "1900-01-01", want: Date{1900, 1, 1}},
		{in: "2200-12-31", want: Date{2200, 12, 31}},
		{in: "2025-04-31", err: "not a date: April 2025 has 30 days"},
		{in: "2023-02-29", err: "not a date: February 2023 has 28 days"},
		{in: "2100-02-29", err: "not a date: February 2100 has 28 days"}, // divisible by 100: not leap
		{in: "2025-13-01", err: "not a date: there is no month 13"},
		{in: "2025-00-10", err: "not a date: there is no month 0"},
		{in: "2025-01-00", err: "not a date: January 2025 has 31 days"},
		{in: "1899-12-31", err: "year 1899 is out of range (1900–2200)"},
		{in: "2201-01-01", err: "year 2201 is out of range (1900–2200)"},
		{in: "31/04/2025", err: notADate},
		{in: "2025-4-1", err: notADate},
		{in: "2025/04/01", err: notADate},
		{in: " 2025-04-01", err: notADate},
		{in: "2025-04-01T00:00", err: notADate},
		{in: "+025-04-01", err: notADate},
		{in: "2025-+4-01", err: notADate},
		{in: "2025-04-+1", err: notADate},
		{in: "2025--4-01", err: notADate},
		{in: "abcd-ef-gh", err: notADate},
		{in: "", err: notADate},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("Parse(%q) error = %v, want %q", tt.in, err, tt.err)
			} else if !errors.Is(err, ErrSyntax) {
				t.Errorf("Parse(%q) error does not match ErrSyntax", tt.in)
			}
			if !got.IsZero() {
				t.Errorf("Parse(%q) returned %v with an error", tt.in, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Parse(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
		if got.String() != tt.in {
			t.Errorf("Parse(%q).String() = %q", tt.in, got.String())
		}
	}
}

func TestMustParsePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustParse of a bad date did not panic")
		}
	}()
	MustParse("2025-02-30")
}

func TestDate(t *testing.T) {
	var zero Date
	if !zero.IsZero() || zero.String() != "" {
		t.Errorf("zero Date: IsZero %v, String %q", zero.IsZero(), zero.String())
	}
	a, b := MustParse("2024-12-31"), MustParse("2025-01-01")
	tests := []struct {
		x, y Date
		cmp  int
	}{
		{a, b, -1},
		{b, a, 1},
		{a, a, 0},
		{MustParse("2025-03-31"), MustParse("2025-04-01"), -1}, // month decides before day
		{MustParse("2025-04-02"), MustParse("2025-04-01"), 1},
	}
	for _, tt := range tests {
		if got := tt.x.Compare(tt.y); got != tt.cmp {
			t.Errorf("%v.Compare(%v) = %d, want %d", tt.x, tt.y, got, tt.cmp)
		}
		if got := tt.x.Before(tt.y); got != (tt.cmp < 0) {
			t.Errorf("%v.Before(%v) = %v", tt.x, tt.y, got)
		}
	}
}

func TestDaysIn(t *testing.T) {
	tests := []struct{ y, m, want int }{
		{2025, 1, 31}, {2025, 2, 28}, {2024, 2, 29}, {1900, 2, 28}, {2000, 2, 29},
		{2025, 4, 30}, {2025, 6, 30}, {2025, 9, 30}, {2025, 11, 30}, {2025, 12, 31}, {2025, 7, 31},
	}
	for _, tt := range tests {
		if got := DaysIn(tt.y, tt.m); got != tt.want {
			t.Errorf("DaysIn(%d, %d) = %d, want %d", tt.y, tt.m, got, tt.want)
		}
	}
}

func TestMonth(t *testing.T) {
	apr := MonthOf(2025, 4)
	if int(apr) != 2025*12+3 {
		t.Errorf("MonthOf(2025, 4) = %d, want %d", apr, 2025*12+3)
	}
	if apr.Year() != 2025 || apr.Number() != 4 || apr.String() != "2025-04" {
		t.Errorf("April 2025: Year %d, Number %d, String %q", apr.Year(), apr.Number(), apr.String())
	}
	if got := apr + 9; got.String() != "2026-01" || got.First() != (Date{2026, 1, 1}) {
		t.Errorf("April 2025 + 9 months = %v (first %v), want 2026-01", got, got.First())
	}
	if got := apr - 4; got.String() != "2024-12" {
		t.Errorf("April 2025 − 4 months = %v, want 2024-12", got)
	}
	if got := MonthOf(2026, 3) - apr; got != 11 {
		t.Errorf("March 2026 − April 2025 = %d months, want 11", got)
	}
	if got := Of(MustParse("2025-12-31")); got != MonthOf(2025, 12) {
		t.Errorf("Of(2025-12-31) = %v, want 2025-12", got)
	}
	if got := MonthOf(2025, 1).First(); got != (Date{2025, 1, 1}) {
		t.Errorf("January 2025 starts %v", got)
	}
}

func TestFirstOnOrAfter(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"2025-04-01", "2025-04"}, // the 1st: that month
		{"2025-04-02", "2025-05"},
		{"2025-04-30", "2025-05"},
		{"2025-12-15", "2026-01"}, // across a year end
		{"2024-02-29", "2024-03"},
	}
	for _, tt := range tests {
		if got := FirstOnOrAfter(MustParse(tt.in)).String(); got != tt.want {
			t.Errorf("FirstOnOrAfter(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestParseAnnual(t *testing.T) {
	const notYearly = `not a yearly date (write MM-DD, e.g. "04-01")`
	tests := []struct {
		in   string
		want AnnualDate
		err  string
	}{
		{in: "04-01", want: AnnualDate{4, 1}},
		{in: "09-01", want: AnnualDate{9, 1}},
		{in: "12-01", want: AnnualDate{12, 1}},
		{in: "04-15", err: "a yearly progression date must be the first of a month"},
		{in: "02-29", err: notYearly}, // not a day of every year
		{in: "13-01", err: notYearly},
		{in: "00-01", err: notYearly},
		{in: "04-31", err: notYearly},
		{in: "4-1", err: notYearly},
		{in: "04/01", err: notYearly},
		{in: "2025-04-01", err: notYearly},
		{in: "", err: notYearly},
	}
	for _, tt := range tests {
		got, err := ParseAnnual(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err || !errors.Is(err, ErrSyntax) {
				t.Errorf("ParseAnnual(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want || got.String() != tt.in {
			t.Errorf("ParseAnnual(%q) = %v (%q), %v; want %v", tt.in, got, got.String(), err, tt.want)
		}
	}
}

func TestMonthLong(t *testing.T) {
	for _, tt := range []struct {
		m    Month
		want string
	}{{MonthOf(2026, 1), "January 2026"}, {MonthOf(2025, 12), "December 2025"}, {MonthOf(999, 6), "June 999"}} {
		if got := tt.m.Long(); got != tt.want {
			t.Errorf("%s.Long() = %q, want %q", tt.m, got, tt.want)
		}
	}
}
