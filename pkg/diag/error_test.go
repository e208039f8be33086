package diag

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestErrorFormat(t *testing.T) {
	for _, tc := range []struct {
		e    Error
		want string
	}{
		{Error{File: "offer.toml", Line: 3, Col: 9, Msg: "bad"}, "offer.toml:3:9: bad"},
		{Error{File: "staff.csv", Line: 14, Column: "salary", Msg: "bad"}, "staff.csv:14: bad"},
		{Error{File: "staff.csv", Msg: "is empty"}, "staff.csv: is empty"},
		// A column without a line is not printed: it would read as a line.
		{Error{File: "offer.toml", Col: 4, Msg: "bad"}, "offer.toml: bad"},
		{Error{File: "staff.csv", Line: 2, Msg: "ignored", Omitted: 7}, "… and 7 more errors in staff.csv"},
		// A workbook's cell, row and sheet, in the spreadsheet's notation.
		{Error{File: "census.xlsx", Sheet: "staff", Cell: "C14", Line: 14, Col: 3, Msg: "bad"}, "census.xlsx: staff!C14: bad"},
		{Error{File: "census.xlsx", Sheet: "staff", Cell: "14:14", Line: 14, Msg: "bad"}, "census.xlsx: staff!14:14: bad"},
		{Error{File: "census.xlsx", Sheet: "staff", Msg: "bad"}, "census.xlsx: staff: bad"},
		{Error{File: "pay.xlsx", Sheet: "Staff list", Cell: "A2", Msg: "bad"}, "pay.xlsx: 'Staff list'!A2: bad"},
		{Error{File: "pay.xlsx", Sheet: "staff", Omitted: 3}, "… and 3 more errors in pay.xlsx, sheet staff"},
	} {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("%+v: got %q, want %q", tc.e, got, tc.want)
		}
	}
	if got := (List{{File: "a", Line: 1, Msg: "x"}, {File: "b", Msg: "y"}}).Error(); got != "a:1: x\nb: y" {
		t.Errorf("List.Error() = %q", got)
	}
	if got := (List{}).Error(); got != "" {
		t.Errorf("empty List.Error() = %q", got)
	}
}

// A List wrapped with %w is found, entries and all.
func TestListErrorsAs(t *testing.T) {
	err := fmt.Errorf("dataset d is not valid:\n%w", List{{File: "bands.csv", Line: 2, Column: "band", Msg: "x"}})
	var l List
	if !errors.As(err, &l) || len(l) != 1 || l[0].Column != "band" {
		t.Fatalf("errors.As = %v, %v", l, err)
	}
}

func TestCapped(t *testing.T) {
	e := func(file string, line, col int, msg string) *Error {
		return &Error{File: file, Line: line, Col: col, Msg: msg}
	}
	show := func(l List) string { return l.Error() }
	for _, tc := range []struct {
		name  string
		in    List
		limit int
		want  string
	}{
		{"empty", nil, 3, ""},
		{"sorted by file, line, column; stable at one position",
			List{e("b", 1, 0, "b1"), e("a", 2, 5, "a2:5"), e("a", 2, 1, "first"), e("a", 2, 1, "second"), e("a", 0, 0, "whole")},
			10,
			"a: whole\na:2:1: first\na:2:1: second\na:2:5: a2:5\nb:1: b1"},
		{"cap per file: 4 in a, limit 2, so 2 counted; b under the cap",
			List{e("a", 4, 0, "4"), e("a", 1, 0, "1"), e("b", 9, 0, "9"), e("a", 3, 0, "3"), e("a", 2, 0, "2")},
			2,
			"a:1: 1\na:2: 2\n… and 2 more errors in a\nb:9: 9"},
		{"a stand-in already in the list adds its count",
			List{e("a", 2, 0, "2"), {File: "a", Omitted: 5}, e("a", 1, 0, "1")},
			1,
			"a:1: 1\n… and 6 more errors in a"},
		{"a workbook's sheets are sorted and capped apart",
			List{{File: "w", Sheet: "staff", Line: 2}, {File: "w", Sheet: "bands", Line: 9}, {File: "w", Sheet: "staff", Line: 1}, {File: "w", Sheet: "staff", Line: 3}},
			2,
			"w: bands: \nw: staff: \nw: staff: \n… and 1 more errors in w, sheet staff"},
		{"a stand-in is kept when nothing is cut",
			List{e("a", 1, 0, "1"), {File: "a", Omitted: 5}},
			100,
			"a:1: 1\n… and 5 more errors in a"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := show(tc.in)
			if got := show(tc.in.Capped(tc.limit)); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
			if show(tc.in) != before {
				t.Error("Capped changed its list")
			}
		})
	}
	// The limit counts listed errors, not lines: 100 of 250 leaves 150.
	var l List
	for i := 250; i > 0; i-- {
		l = append(l, e("f", i, 0, "m"))
	}
	got := l.Capped(100)
	if len(got) != 101 || got[99].Line != 100 || got[100].Omitted != 150 {
		t.Errorf("got %d entries, last listed line %d, stand-in %q", len(got), got[99].Line, got[100].Error())
	}
	if !strings.HasPrefix(got.Error(), "f:1: m\nf:2: m\n") {
		t.Errorf("not in line order: %.40q", got.Error())
	}
}

func TestSheetName(t *testing.T) {
	for in, want := range map[string]string{"staff": "staff", "Bands_2025": "Bands_2025", "Staff list": "'Staff list'", "Jo's": "'Jo''s'", "on-costs": "'on-costs'"} {
		if got := SheetName(in); got != want {
			t.Errorf("SheetName(%q) = %q, want %q", in, got, want)
		}
	}
}
