package scenario

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"paymodel/pkg/money"
)

// Each key that may hold the placeholder: what ParseUnknown says of it. The
// header is 5 lines, so an award's first key after from is on line 7.
func TestParseUnknown(t *testing.T) {
	largest := money.AmountLimit.Sub(dec("0.01")) // £999,999,999,999.99, the largest amount ParseAmount accepts
	tests := []struct {
		name        string
		body        string
		key, table  string
		n, line     int
		rate        bool
		min, max    decimal.Decimal
		minExcluded bool
	}{
		{name: "uplift", body: "[[award]]\nfrom = 2025-04-01\nuplift = \"?\"\n",
			key: "uplift", table: "award", n: 1, line: 7, rate: true, min: decimal.Zero, max: money.MaxRate},
		{name: "uplift written ?%", body: "[[award]]\nfrom = 2025-04-01\nuplift = \"?%\"\n",
			key: "uplift", table: "award", n: 1, line: 7, rate: true, min: decimal.Zero, max: money.MaxRate},
		{name: "flat in the second award", body: "[[award]]\nfrom = 2025-04-01\nuplift = \"3%\"\n\n[[award]]\nfrom = 2026-04-01\nflat = '?'\n",
			key: "flat", table: "award", n: 2, line: 11, min: decimal.Zero, max: largest},
		{name: "minimum amount under a maximum amount", body: "[[award]]\nfrom = 2025-04-01\nuplift = \"3%\"\nminimum = \"?\"\nmaximum = \"£2,500\"\n",
			key: "minimum", table: "award", n: 1, line: 8, min: decimal.Zero, max: dec("2500")},
		{name: "minimum rate beside a maximum amount", body: "[[award]]\nfrom = 2025-04-01\nflat = \"£500\"\nminimum = \"?%\"\nmaximum = \"£2,500\"\n",
			key: "minimum", table: "award", n: 1, line: 8, rate: true, min: decimal.Zero, max: money.MaxRate},
		{name: "maximum above a minimum rate", body: "[[award]]\nfrom = 2025-04-01\nuplift = \"3%\"\nminimum = \"2%\"\nmaximum = \"?%\"\n",
			key: "maximum", table: "award", n: 1, line: 9, rate: true, min: dec("0.02"), max: money.MaxRate},
		{name: "floor_hourly", body: "[[award]]\nfrom = 2025-04-01\nfloor_hourly = \"?\"\n",
			key: "floor_hourly", table: "award", n: 1, line: 7, min: decimal.Zero, max: largest, minExcluded: true},
		{name: "lump sum amount", body: "[[award]]\nfrom = 2025-04-01\nuplift = \"3%\"\n\n[[lump_sum]]\npaid = 2025-10-01\namount = \"?\"\n",
			key: "amount", table: "lump_sum", n: 1, line: 11, min: decimal.Zero, max: largest, minExcluded: true},
		{name: "lump sum rate", body: "[[lump_sum]]\npaid = 2025-10-01\namount = \"£100\"\n\n[[lump_sum]]\npaid = 2026-10-01\namount = \" ? % \"\n",
			key: "amount", table: "lump_sum", n: 2, line: 11, rate: true, min: decimal.Zero, max: money.MaxRate, minExcluded: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := ParseUnknown("offer.toml", []byte(header+tt.body))
			if err != nil {
				t.Fatalf("ParseUnknown:\n%v", err)
			}
			if u.Key != tt.key || u.Table != tt.table || u.N != tt.n || u.Pos.Line != tt.line || u.Rate != tt.rate || u.MinExcluded != tt.minExcluded {
				t.Errorf("got %s %s %d line %d rate %v min excluded %v, want %s %s %d line %d rate %v min excluded %v",
					u.Key, u.Table, u.N, u.Pos.Line, u.Rate, u.MinExcluded, tt.key, tt.table, tt.n, tt.line, tt.rate, tt.minExcluded)
			}
			if !u.Min.Equal(tt.min) || !u.Max.Equal(tt.max) {
				t.Errorf("range %s to %s, want %s to %s", u.Min, u.Max, tt.min, tt.max)
			}
		})
	}
}

// Text changes nothing but the placeholder (quotes included) and puts the
// comment first; With parses the result, so the value lands where the
// placeholder was.
func TestUnknownText(t *testing.T) {
	src := "\ufeff# An offer.\r\nname = \"Flat\"\r\nstart = 2025-04-01\r\n\r\n[[award]]\r\nfrom = 2025-04-01\r\nflat = '?'   # the unknown\r\n"
	u, err := ParseUnknown("flat.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := "\ufeff# solved\tby a\ntest\r\n# An offer.\r\nname = \"Flat\"\r\nstart = 2025-04-01\r\n\r\n[[award]]\r\nfrom = 2025-04-01\r\nflat = \"£1,234.50\"   # the unknown\r\n"
	want = strings.Replace(want, "solved\tby a\ntest", "solved by a test", 1) // control characters become spaces
	if got := u.Text(dec("1234.5"), "solved\tby a\ntest"); got != want {
		t.Errorf("Text:\n%q\nwant:\n%q", got, want)
	}
	if got, want := u.Text(dec("0"), ""), strings.Replace(src, "'?'", `"£0"`, 1); got != want {
		t.Errorf("Text without a comment:\n%q\nwant:\n%q", got, want)
	}
	sc, err := u.With(dec("1234.5"))
	if err != nil {
		t.Fatal(err)
	}
	if f := sc.Awards[0].Flat; f == nil || !f.Equal(dec("1234.5")) {
		t.Errorf("With(1234.5): flat %v", f)
	}

	r, err := ParseUnknown("r.toml", []byte(header+"[[award]]\nfrom = 2025-04-01\nuplift = \"?\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Written(dec("0.0325")); got != "3.25%" {
		t.Errorf("Written(0.0325) = %s, want 3.25%%", got)
	}
	if got := r.String(); got != "uplift (award 1, r.toml:7)" {
		t.Errorf("String() = %s", got)
	}
}

// A value out of the key's range is refused by With as it would be in the
// file.
func TestUnknownWithOutOfRange(t *testing.T) {
	u, err := ParseUnknown("offer.toml", []byte(header+"[[award]]\nfrom = 2025-04-01\nuplift = \"3%\"\nminimum = \"£1,000\"\nmaximum = \"?\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !u.Min.Equal(dec("1000")) {
		t.Fatalf("Min %s, want 1000 (the minimum)", u.Min)
	}
	_, err = u.With(dec("999"))
	if want := "offer.toml:9:11: maximum £999 is less than minimum £1,000"; err == nil || err.Error() != want {
		t.Errorf("With(999): %v, want %s", err, want)
	}
}

func TestPlaceholderErrors(t *testing.T) {
	tests := []struct {
		name    string
		solving bool // ParseUnknown rather than Parse
		body    string
		want    string
	}{
		{name: "Parse refuses it", body: "[[award]]\nfrom = 2025-04-01\nflat = \"?\"\n",
			want: `offer.toml:7:8: flat: "?" is only for paymodel solve, which finds the value; write an amount such as "£1,000"`},
		{name: "Parse refuses ?% in a lump sum", body: "[[lump_sum]]\npaid = 2025-10-01\namount = \"?%\"\n",
			want: `offer.toml:7:10: amount: "?%" is only for paymodel solve, which finds the value; write an amount or a rate such as "£500" or "2%"`},
		{name: "none", solving: true, body: "[[award]]\nfrom = 2025-04-01\nflat = \"£800\"\n",
			want: `offer.toml: no value is "?": paymodel solve needs one amount or rate written "?" (an award's uplift, flat, minimum, maximum or floor_hourly, or a lump sum's amount), the value it finds`},
		{name: "two", solving: true, body: "[[award]]\nfrom = 2025-04-01\nflat = \"?\"\n\n[[lump_sum]]\npaid = 2025-10-01\namount = \"?\"\n",
			want: `offer.toml:11:10: amount: a second "?" (the first is flat at line 7); paymodel solve finds one value at a time: write a value for all but one`},
		{name: "three, with another problem", solving: true, body: "[[award]]\nfrom = 2025-04-01\nuplift = \"?\"\nminimum = \"?\"\nmaximum = \"?%\"\nbands = \"Band 3\"\n",
			want: `offer.toml:8:11: minimum: a second "?" (the first is uplift at line 7); paymodel solve finds one value at a time: write a value for all but one
offer.toml:9:11: maximum: a second "?" (the first is uplift at line 7); paymodel solve finds one value at a time: write a value for all but one
offer.toml:10:9: bands: expected a list such as ["Band 3"]`},
		{name: "a rate for an amount", solving: true, body: "[[award]]\nfrom = 2025-04-01\nflat = \"?%\"\n",
			want: `offer.toml: no value is "?": paymodel solve needs one amount or rate written "?" (an award's uplift, flat, minimum, maximum or floor_hourly, or a lump sum's amount), the value it finds
offer.toml:7:8: flat: "?%": flat is an amount, so its unknown is written "?"`},
		{name: "a selection cannot be unknown", solving: true, body: "[[award]]\nfrom = 2025-04-01\nuplift = \"?\"\nsalary_below = \"?\"\n",
			want: `offer.toml:8:16: salary_below: "?" can stand only for an award's uplift, flat, minimum, maximum or floor_hourly, or a lump sum's amount (for paymodel solve)`},
		{name: "nor a set salary", body: "[[award]]\nfrom = 2025-04-01\nset = { \"Band 5\" = { \"1\" = \"?\" } }\n",
			want: `offer.toml:7:28: set: Band 5 point 1: "?" can stand only for an award's uplift, flat, minimum, maximum or floor_hourly, or a lump sum's amount (for paymodel solve)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.solving {
				_, err = ParseUnknown("offer.toml", []byte(header+tt.body))
			} else {
				_, err = Parse("offer.toml", []byte(header+tt.body))
			}
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error %v is %T, want an ErrorList", err, err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("error:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
