package money

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
)

func TestParseShare(t *testing.T) {
	for _, c := range []struct {
		in, want, err string
	}{
		{"0%", "0", ""},
		{"8%", "0.08", ""},
		{"12.5%", "0.125", ""},
		{" 100% ", "1", ""},
		{"-0%", "0", ""},
		{"100.001%", "", "must be between 0% and 100%"},
		{"150%", "", "must be between 0% and 100%"},
		{"-0.5%", "", "must be between 0% and 100%"},
		{"8", "", "not a rate: the % sign is missing (" + RateHint + ")"},
		{"x%", "", "not a rate (" + RateHint + ")"},
	} {
		got, err := ParseShare(c.in)
		if c.err != "" {
			if err == nil || err.Error() != c.err || !errors.Is(err, ErrSyntax) {
				t.Errorf("ParseShare(%q) = %s, %v; want error %q (ErrSyntax)", c.in, got, err, c.err)
			}
			continue
		}
		if err != nil || !got.Equal(decimal.RequireFromString(c.want)) {
			t.Errorf("ParseShare(%q) = %s, %v; want %s", c.in, got, err, c.want)
		}
	}
}
