package dataset

import (
	"testing"

	"github.com/shopspring/decimal"
)

// TestParseFTE: the one FTE rule, 0 < FTE ≤ 1, as staff.csv's fte column
// (blank is 1 there) and paymodel statement --fte read it.
func TestParseFTE(t *testing.T) {
	const rangeMsg = "must be more than 0 and at most 1 (write 0.6 for three days a week of five)"
	for _, c := range []struct {
		in, want, err string
	}{
		{"1", "1", ""},
		{"0.6", "0.6", ""},
		{" 0.5 ", "0.5", ""},
		{"1.000", "1", ""},
		{"0.0001", "0.0001", ""},
		{"0", "", rangeMsg},
		{"0.000", "", rangeMsg},
		{"1.01", "", rangeMsg},
		{"2", "", rangeMsg},
		{"-0.5", "", "not a number"},
		{"", "", "not a number"},
		{"abc", "", "not a number"},
	} {
		got, err := ParseFTE(c.in)
		if c.err != "" {
			if err == nil || len(err.Error()) < len(c.err) || err.Error()[:len(c.err)] != c.err {
				t.Errorf("ParseFTE(%q) = %s, %v; want an error starting %q", c.in, got, err, c.err)
			}
			continue
		}
		if err != nil || !got.Equal(decimal.RequireFromString(c.want)) {
			t.Errorf("ParseFTE(%q) = %s, %v; want %s", c.in, got, err, c.want)
		}
	}
	// staff.csv: blank is 1; a bad value names the column and quotes it.
	if d, msg := parseFTE("  "); msg != "" || !d.Equal(decimal.NewFromInt(1)) {
		t.Errorf("parseFTE(blank) = %s, %q; want 1", d, msg)
	}
	if _, msg := parseFTE("1.5"); msg != `fte "1.5": `+rangeMsg {
		t.Errorf("parseFTE(1.5) = %q", msg)
	}
}
