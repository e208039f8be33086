package money

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

const (
	notAmount = "not an amount (write 25524 or £25,524.00)"
	groups    = "not an amount: thousands separators must separate groups of three digits (write 25524 or £25,524.00)"
	notRate   = `not a rate (write a percentage such as "3.5%")`
	noPercent = `not a rate: the % sign is missing (write a percentage such as "3.5%")`
	notNumber = "not a number (write a number such as 30 or 7.5)"
)

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in   string
		want string // the value, when err is ""
		err  string
	}{
		{in: "25524", want: "25524"},
		{in: "25524.00", want: "25524"},
		{in: "£25,524", want: "25524"},
		{in: "£25,524.50", want: "25524.5"},
		{in: "£1,234,567.89", want: "1234567.89"},
		{in: "0", want: "0"},
		{in: "0.01", want: "0.01"},
		{in: "-300", want: "-300"},
		{in: "-£300", want: "-300"},
		{in: "£-300", want: "-300"},
		{in: "  25524 ", want: "25524"},
		{in: "\t£25,524.5\t", want: "25524.5"},
		{in: "000000000000001", want: "1"},                  // leading zeros are not digits of size
		{in: "999,999,999,999.99", want: "999999999999.99"}, // 12 digits is the most
		{in: "2,55,24", err: groups},
		{in: "12,34", err: groups},
		{in: ",123", err: groups},
		{in: "1234,567", err: groups},
		{in: "1e5", err: notAmount},
		{in: "1e400", err: notAmount},
		{in: "1.234", err: "not an amount: more than 2 decimal places (write 25524 or £25,524.00)"},
		{in: "1234567890123", err: "not an amount: more than 12 digits (write 25524 or £25,524.00)"},
		{in: "1,000,000,000,000", err: "not an amount: more than 12 digits (write 25524 or £25,524.00)"},
		{in: "", err: notAmount},
		{in: "   ", err: notAmount},
		{in: "£", err: notAmount},
		{in: "£ 25524", err: notAmount},
		{in: "+5", err: notAmount},
		{in: "--5", err: notAmount},
		{in: "-£-5", err: notAmount},
		{in: ".5", err: notAmount},
		{in: "5.", err: notAmount},
		{in: "25,5x4", err: notAmount},
		{in: "$25", err: notAmount},
		{in: "25 524", err: notAmount},
		{in: "٣", err: notAmount}, // a non-ASCII digit
	}
	for _, tt := range tests {
		got, err := ParseAmount(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("ParseAmount(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			if err != nil && !errors.Is(err, ErrSyntax) {
				t.Errorf("ParseAmount(%q) error does not match ErrSyntax", tt.in)
			}
			continue
		}
		if err != nil || !got.Equal(dec(tt.want)) {
			t.Errorf("ParseAmount(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

func TestParseRate(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{in: "3%", want: "0.03"},
		{in: "3.5%", want: "0.035"},
		{in: "-0.1%", want: "-0.001"},
		{in: "+2%", want: "0.02"},
		{in: " 3.5 % ", want: "0.035"},
		{in: "0%", want: "0"},
		{in: "100%", want: "1"},
		{in: "3.123456%", want: "0.03123456"},
		{in: "3", err: noPercent},
		{in: "0.03", err: noPercent},
		{in: "", err: noPercent},
		{in: "%", err: notRate},
		{in: "1,000%", err: notRate}, // no thousands separators in a rate
		{in: "abc%", err: notRate},
		{in: "3.1234567%", err: `not a rate: more than 6 decimal places (write a percentage such as "3.5%")`},
		{in: "1e2%", err: notRate},
	}
	for _, tt := range tests {
		got, err := ParseRate(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err || !errors.Is(err, ErrSyntax) {
				t.Errorf("ParseRate(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || !got.Equal(dec(tt.want)) {
			t.Errorf("ParseRate(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
	}
	if _, err := ParseRate("3"); err == nil || !strings.Contains(err.Error(), "%") {
		t.Errorf(`ParseRate("3") must say the %% sign is missing, got %v`, err)
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{in: "30", want: "30"},
		{in: "7.5", want: "7.5"},
		{in: " 37.5 ", want: "37.5"},
		{in: "1,000", want: "1000"},
		{in: "0.123456", want: "0.123456"},
		{in: "-3", err: notNumber},
		{in: "", err: notNumber},
		{in: "7.5h", err: notNumber},
		{in: "1.1234567", err: "not a number: more than 6 decimal places (write a number such as 30 or 7.5)"},
		{in: "1,00", err: "not a number: thousands separators must separate groups of three digits (write a number such as 30 or 7.5)"},
	}
	for _, tt := range tests {
		got, err := ParseNumber(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("ParseNumber(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || !got.Equal(dec(tt.want)) {
			t.Errorf("ParseNumber(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

func TestRules(t *testing.T) {
	tests := []struct {
		rule     Rule
		in, want string
	}{
		{RoundPound, "25524.50", "25525"}, // halfway: away from zero
		{RoundPound, "25524.49", "25524"},
		{RoundPound, "-25524.5", "-25525"},
		{RoundPound, "-0.5", "-1"},
		{RoundPound, "0.5", "1"},
		{RoundPenny, "25524.505", "25524.51"},
		{RoundPenny, "25524.504", "25524.50"},
		{RoundPenny, "1.005", "1.01"},
		{RoundPenny, "-1.005", "-1.01"},
		{RoundUpPound, "25524.01", "25525"},
		{RoundUpPound, "25524", "25524"}, // an exact pound stays
		{RoundUpPound, "25524.00", "25524"},
		{RoundUpPound, "-0.5", "0"}, // up is towards +∞
		{RoundUpPound, "-25524.99", "-25524"},
		{RoundNone, "25524.0625", "25524.0625"},
	}
	for _, tt := range tests {
		if got := tt.rule.Apply(dec(tt.in)); !got.Equal(dec(tt.want)) {
			t.Errorf("%s.Apply(%s) = %s, want %s", tt.rule, tt.in, got, tt.want)
		}
	}
}

func TestParseRule(t *testing.T) {
	for _, r := range Rules {
		got, err := ParseRule(string(r))
		if err != nil || got != r {
			t.Errorf("ParseRule(%q) = %q, %v", r, got, err)
		}
		if r.Describe() == "" || strings.HasPrefix(r.Describe(), "rounded by") {
			t.Errorf("%s has no description", r)
		}
	}
	for _, s := range []string{"Pound", "", "nearest"} {
		if _, err := ParseRule(s); err == nil || err.Error() != "not a rounding rule (write pound, penny, up-pound or none)" {
			t.Errorf("ParseRule(%q) error = %v", s, err)
		}
	}
}

// Describe is the wording of each rule in derivations and in the
// comparison's appendix ("awards rounded to the pound").
func TestRuleDescribe(t *testing.T) {
	for _, tt := range []struct {
		rule Rule
		want string
	}{
		{RoundPound, "rounded to the pound"},
		{RoundPenny, "rounded to the penny"},
		{RoundUpPound, "rounded up to the pound"},
		{RoundNone, "not rounded"},
		{Rule("bankers"), "rounded by bankers"},
	} {
		if got := tt.rule.Describe(); got != tt.want {
			t.Errorf("%q.Describe() = %q, want %q", tt.rule, got, tt.want)
		}
	}
}

func TestApplyUnknownRulePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Apply with an unknown rule did not panic")
		}
	}()
	Rule("bankers").Apply(decimal.NewFromInt(1))
}

func TestMonthlyPay(t *testing.T) {
	tests := []struct{ annual, fte, want string }{
		{"25524", "0.6", "1276.20"}, // 15314.40 / 12
		{"31650", "1", "2637.50"},
		{"25524.06", "1", "2127.01"}, // 2127.005: halfway, away from zero
		{"25524.05", "1", "2127.00"}, // 2127.0041…
		{"30000", "0.5", "1250"},
		{"0", "1", "0"},
	}
	for _, tt := range tests {
		if got := MonthlyPay(dec(tt.annual), dec(tt.fte)); !got.Equal(dec(tt.want)) {
			t.Errorf("MonthlyPay(%s, %s) = %s, want %s", tt.annual, tt.fte, got, tt.want)
		}
	}
}

func TestChange(t *testing.T) {
	tests := []struct{ old, new, cash, fraction string }{
		{"25000", "25750", "750", "0.03"},
		{"30000", "29700", "-300", "-0.01"},
		{"3", "1", "-2", "-0.66666667"}, // −2/3 to 8 places, away from zero
		{"3", "4", "1", "0.33333333"},
		{"0", "100", "100", "0"}, // no fraction of nothing
		{"25524", "25524", "0", "0"},
	}
	for _, tt := range tests {
		cash, fraction := Change(dec(tt.old), dec(tt.new))
		if !cash.Equal(dec(tt.cash)) || !fraction.Equal(dec(tt.fraction)) {
			t.Errorf("Change(%s, %s) = %s, %s; want %s, %s", tt.old, tt.new, cash, fraction, tt.cash, tt.fraction)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		name string
		f    func(decimal.Decimal) string
		in   string
		want string
	}{
		{"Pounds", Pounds, "25524", "£25,524"},
		{"Pounds", Pounds, "25524.50", "£25,525"},
		{"Pounds", Pounds, "999.5", "£1,000"},
		{"Pounds", Pounds, "1234567", "£1,234,567"},
		{"Pounds", Pounds, "100", "£100"},
		{"Pounds", Pounds, "-300", "-£300"},
		{"Pounds", Pounds, "-0.4", "£0"}, // rounds to zero: no sign
		{"Pounds", Pounds, "0", "£0"},
		{"PoundsPence", PoundsPence, "25524.5", "£25,524.50"},
		{"PoundsPence", PoundsPence, "25524", "£25,524.00"},
		{"PoundsPence", PoundsPence, "0.005", "£0.01"},
		{"SignedPounds", SignedPounds, "1020", "+£1,020"},
		{"SignedPounds", SignedPounds, "-300", "-£300"},
		{"SignedPounds", SignedPounds, "0", "£0"},
		{"SignedPoundsPence", SignedPoundsPence, "1020.5", "+£1,020.50"},
		{"SignedPoundsPence", SignedPoundsPence, "-0.125", "-£0.13"},
		{"AmountText", AmountText, "25524", "£25,524"},
		{"AmountText", AmountText, "25524.00", "£25,524"},
		{"AmountText", AmountText, "25524.5", "£25,524.50"},
		{"AmountText", AmountText, "1.005", "£1.005"}, // never rounds
		{"AmountText", AmountText, "-0.5", "-£0.50"},
		{"CSVString", CSVString, "31650", "31650.00"},
		{"CSVString", CSVString, "1276.195", "1276.20"},
		{"PercentCSV", PercentCSV, "0.03456", "3.46"},
		{"PercentCSV", PercentCSV, "0.03455", "3.46"}, // 3.455: halfway, away from zero
		{"PercentCSV", PercentCSV, "-0.001", "-0.10"},
		{"RateText", RateText, "0.035", "3.5%"},
		{"RateText", RateText, "0.15", "15%"},
		{"RateText", RateText, "-0.001", "-0.1%"},
	}
	for _, tt := range tests {
		if got := tt.f(dec(tt.in)); got != tt.want {
			t.Errorf("%s(%s) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestSignedPercent(t *testing.T) {
	tests := []struct {
		in     string
		places int32
		signed string
	}{
		{"0.035", 1, "+3.5%"},
		{"0.035", 2, "+3.50%"},
		{"-0.002", 1, "-0.2%"},
		{"0", 1, "0.0%"},
		{"0.03456", 1, "+3.5%"},
		{"0.00045", 2, "+0.05%"}, // 0.045: halfway, away from zero
	}
	for _, tt := range tests {
		if got := SignedPercent(dec(tt.in), tt.places); got != tt.signed {
			t.Errorf("SignedPercent(%s, %d) = %q, want %q", tt.in, tt.places, got, tt.signed)
		}
	}
}

func TestGroup(t *testing.T) {
	for in, want := range map[string]string{
		"0": "0", "999": "999", "1000": "1,000", "25524": "25,524",
		"1234567": "1,234,567", "-1234567": "-1,234,567", "-300": "-300",
	} {
		if got := Group(in); got != want {
			t.Errorf("Group(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSalaryInRange(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"0.01", true},
		{"25524", true},
		{"999999999999.99", true}, // the largest amount ParseAmount accepts
		{"999999999999.999", true},
		{"1000000000000", false}, // AmountLimit itself
		{"1000000000000.01", false},
		{"0", false},
		{"0.00001", true},
		{"-0.01", false},
		{"-6500", false},
	} {
		if got := SalaryInRange(dec(tt.in)); got != tt.want {
			t.Errorf("SalaryInRange(%s) = %v, want %v", tt.in, got, tt.want)
		}
	}
	if !AmountLimit.Equal(dec("1000000000000")) || !MaxRate.Equal(dec("10")) {
		t.Errorf("AmountLimit = %s, MaxRate = %s; want 10^12 and 10 (1000%%)", AmountLimit, MaxRate)
	}
	// Every amount ParseAmount accepts is below AmountLimit.
	if d, err := ParseAmount("£999,999,999,999.99"); err != nil || !d.LessThan(AmountLimit) {
		t.Errorf("largest amount %s, %v: not below AmountLimit", d, err)
	}
}
