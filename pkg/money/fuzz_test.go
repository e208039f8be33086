package money

import (
	"strings"
	"testing"
)

// FuzzParseAmount checks that ParseAmount never panics, and that an amount
// it accepts survives formatting with AmountText and parsing again.
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"25524", "25524.00", "£25,524", "£25,524.50", "-£300", "£-300", "2,55,24", "1e5", "1e400", "1.234", "1234567890123", "", "£", "999,999,999,999.99", "-0.5", "0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseAmount(s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "not an amount") {
				t.Fatalf("ParseAmount(%q) error %q does not start with \"not an amount\"", s, err)
			}
			return
		}
		if -d.Exponent() > MaxAmountPlaces && !d.Equal(d.Round(MaxAmountPlaces)) {
			t.Fatalf("ParseAmount(%q) = %s has more than %d places", s, d, MaxAmountPlaces)
		}
		text := AmountText(d)
		back, err := ParseAmount(text)
		if err != nil {
			t.Fatalf("ParseAmount(%q) = %s, formatted %q, which does not parse: %v", s, d, text, err)
		}
		if !back.Equal(d) {
			t.Fatalf("ParseAmount(%q) = %s, formatted %q, parsed back as %s", s, d, text, back)
		}
	})
}

// FuzzParseRate checks that ParseRate never panics, and that a rate it
// accepts survives formatting with RateText and parsing again.
func FuzzParseRate(f *testing.F) {
	for _, s := range []string{"3%", "3.5%", "-0.1%", "+2%", "3", "0.03", "%", "1,000%", "3.1234567%", " 3.5 % "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseRate(s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "not a rate") {
				t.Fatalf("ParseRate(%q) error %q does not start with \"not a rate\"", s, err)
			}
			return
		}
		text := RateText(d)
		back, err := ParseRate(text)
		if err != nil {
			t.Fatalf("ParseRate(%q) = %s, formatted %q, which does not parse: %v", s, d, text, err)
		}
		if !back.Equal(d) {
			t.Fatalf("ParseRate(%q) = %s, formatted %q, parsed back as %s", s, d, text, back)
		}
	})
}
