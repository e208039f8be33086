// Package money owns every amount, rate and number of hours in paymodel: parsing
// them from the text people type into spreadsheets and scenario files,
// formatting them for reports, and the named rounding rules.
//
// All values are shopspring/decimal values. Nothing here (or anywhere in
// paymodel) passes money through float64: amounts are parsed from text and
// rounded only by the named functions below, at the points the README
// documents.
package money

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// MaxIntegerDigits bounds the size of any amount or number paymodel accepts.
// A pay figure with more than 12 digits before the point (a trillion pounds)
// is a typo, and refusing it keeps arithmetic on it cheap.
const MaxIntegerDigits = 12

// MaxAmountPlaces is how many decimal places an amount may carry: pence.
const MaxAmountPlaces = 2

// AmountLimit is £1,000,000,000,000 (10^MaxIntegerDigits): every amount
// ParseAmount accepts is below it, and so must every salary an award
// produces be (see SalaryInRange).
var AmountLimit = decimal.New(1, MaxIntegerDigits)

// MaxRate is 1000% (10 as a fraction): the largest rate a scenario may carry
// in an uplift, in a minimum or maximum written as a rate, or in a lump sum
// (and the most the rates of the lump sums paid in one pay year may add up
// to).
var MaxRate = decimal.NewFromInt(10)

// SalaryInRange reports whether d is a salary paymodel can carry: more than
// £0 and below AmountLimit.
func SalaryInRange(d decimal.Decimal) bool {
	return d.Sign() > 0 && d.LessThan(AmountLimit)
}

// MaxNumberPlaces is how many decimal places a rate's percentage or a
// number of hours may carry.
const MaxNumberPlaces = 6

// Hints shown after a value that could not be parsed.
const (
	AmountHint = "write 25524 or £25,524.00"
	RateHint   = `write a percentage such as "3.5%"`
	NumberHint = "write a number such as 30 or 7.5"
)

// ErrSyntax is matched (errors.Is) by every parse error, so callers can tell
// a bad value from other failures.
var ErrSyntax = errors.New("invalid value")

// syntaxError is a parse failure. Its text says what was expected, without
// the offending value: callers put the field name and quoted value in front
// ("salary \"25,5x4\": not an amount (write 25524 or £25,524.00)").
type syntaxError struct{ msg string }

func (e syntaxError) Error() string        { return e.msg }
func (e syntaxError) Is(target error) bool { return target == ErrSyntax }

func syntaxErrorf(format string, args ...any) error {
	return syntaxError{fmt.Sprintf(format, args...)}
}

// Hundred is 100, used to turn fractions into percentages.
var Hundred = decimal.NewFromInt(100)

// Twelve is the number of months in a year.
var Twelve = decimal.NewFromInt(12)

// ParseAmount parses a sum of money in pounds. Accepted forms are those a
// spreadsheet exports: "25524", "25524.00", "£25,524", "£25,524.50",
// "-£300" and "£-300". Thousands separators must sit in groups of three.
// At most two decimal places (pence) are allowed, and exponents ("1e5"),
// blank cells and more than MaxIntegerDigits digits are refused.
func ParseAmount(s string) (decimal.Decimal, error) {
	t := strings.TrimSpace(s)
	neg := false
	if strings.HasPrefix(t, "-") {
		neg, t = true, t[1:]
	}
	t = strings.TrimPrefix(t, "£")
	if !neg && strings.HasPrefix(t, "-") {
		neg, t = true, t[1:]
	}
	d, reason, ok := parseDigits(t, true, MaxAmountPlaces)
	if !ok {
		return decimal.Zero, syntaxErrorf("not an amount%s (%s)", reason, AmountHint)
	}
	if neg {
		d = d.Neg()
	}
	return d, nil
}

// ParseRate parses a percentage such as "3.5%" or "-0.1%" and returns it as a
// fraction (0.035). The % sign is required, so that "3" and "0.03" can never be
// confused.
func ParseRate(s string) (decimal.Decimal, error) {
	t := strings.TrimSpace(s)
	if !strings.HasSuffix(t, "%") {
		return decimal.Zero, syntaxErrorf("not a rate: the %% sign is missing (%s)", RateHint)
	}
	t = strings.TrimSpace(strings.TrimSuffix(t, "%"))
	neg := false
	if strings.HasPrefix(t, "-") {
		neg, t = true, t[1:]
	} else {
		t = strings.TrimPrefix(t, "+")
	}
	d, reason, ok := parseDigits(t, false, MaxNumberPlaces)
	if !ok {
		return decimal.Zero, syntaxErrorf("not a rate%s (%s)", reason, RateHint)
	}
	if neg {
		d = d.Neg()
	}
	return d.Shift(-2), nil
}

// ParseShare parses a rate that is a share of a whole, from 0% to 100%
// inclusive (ParseRate's forms), such as the share of staff leaving each
// year, and returns it as a fraction.
func ParseShare(s string) (decimal.Decimal, error) {
	d, err := ParseRate(s)
	if err != nil {
		return d, err
	}
	if d.IsNegative() || d.GreaterThan(decimal.NewFromInt(1)) {
		return d, syntaxErrorf("must be between 0%% and 100%%")
	}
	return d, nil
}

// ParseNumber parses a plain non-negative decimal number, such as a count of
// CPD hours ("30", "7.5"). Thousands separators are accepted.
func ParseNumber(s string) (decimal.Decimal, error) {
	d, reason, ok := parseDigits(strings.TrimSpace(s), true, MaxNumberPlaces)
	if !ok {
		return decimal.Zero, syntaxErrorf("not a number%s (%s)", reason, NumberHint)
	}
	return d, nil
}

// parseDigits parses an unsigned decimal: digits, optional comma thousands
// separators (in groups of three) and an optional fractional part of at most
// maxPlaces digits. When ok is false, reason is a suffix for the caller's
// message ("" or ": why").
func parseDigits(t string, allowCommas bool, maxPlaces int) (d decimal.Decimal, reason string, ok bool) {
	intPart, frac, hasPoint := strings.Cut(t, ".")
	if intPart == "" || (hasPoint && frac == "") {
		return d, "", false
	}
	if strings.Contains(intPart, ",") {
		if !allowCommas {
			return d, "", false
		}
		groups := strings.Split(intPart, ",")
		for i, g := range groups {
			if (i == 0 && (len(g) == 0 || len(g) > 3)) || (i > 0 && len(g) != 3) {
				return d, ": thousands separators must separate groups of three digits", false
			}
		}
		intPart = strings.Join(groups, "")
	}
	for _, r := range intPart + frac {
		if r < '0' || r > '9' {
			return d, "", false
		}
	}
	if n := len(strings.TrimLeft(intPart, "0")); n > MaxIntegerDigits {
		return d, fmt.Sprintf(": more than %d digits", MaxIntegerDigits), false
	}
	if len(frac) > maxPlaces {
		return d, fmt.Sprintf(": more than %d decimal places", maxPlaces), false
	}
	text := intPart
	if frac != "" {
		text += "." + frac
	}
	d, err := decimal.NewFromString(text)
	return d, "", err == nil
}

// Rule is a named rounding rule. The zero value is invalid; use the constants.
type Rule string

// The rounding rules a scenario can name. Each rounds a salary after an
// award changes it.
const (
	// RoundPound rounds to the nearest whole pound, halves away from zero
	// (£25,524.50 → £25,525).
	RoundPound Rule = "pound"
	// RoundPenny rounds to the nearest penny, halves away from zero
	// (£25,524.505 → £25,524.51).
	RoundPenny Rule = "penny"
	// RoundUpPound rounds up to the next whole pound (£25,524.01 → £25,525),
	// as the teachers' pay award 2023 did.
	RoundUpPound Rule = "up-pound"
	// RoundNone carries the exact value; money actually paid is still rounded
	// to the penny (see Penny).
	RoundNone Rule = "none"
)

// Rules lists every rounding rule in documentation order.
var Rules = []Rule{RoundPound, RoundPenny, RoundUpPound, RoundNone}

// ParseRule returns the rule named s.
func ParseRule(s string) (Rule, error) {
	for _, r := range Rules {
		if string(r) == s {
			return r, nil
		}
	}
	return "", syntaxErrorf("not a rounding rule (write pound, penny, up-pound or none)")
}

// Apply rounds d by rule r.
func (r Rule) Apply(d decimal.Decimal) decimal.Decimal {
	switch r {
	case RoundPound:
		return Pound(d)
	case RoundPenny:
		return Penny(d)
	case RoundUpPound:
		return UpPound(d)
	case RoundNone:
		return d
	}
	panic(fmt.Sprintf("money: unknown rounding rule %q", string(r)))
}

// Describe says in words what the rule does, for derivations and the
// comparison's appendix (which reads it from paystructure.Timeline.Rounding).
func (r Rule) Describe() string {
	switch r {
	case RoundPound:
		return "rounded to the pound"
	case RoundPenny:
		return "rounded to the penny"
	case RoundUpPound:
		return "rounded up to the pound"
	case RoundNone:
		return "not rounded"
	}
	return "rounded by " + string(r)
}

// Pound rounds to the nearest whole pound, halves away from zero.
func Pound(d decimal.Decimal) decimal.Decimal { return d.Round(0) }

// Penny rounds to the nearest penny, halves away from zero. Every sum of money
// actually paid (a month's pay, a lump sum, an on-cost) goes through Penny.
func Penny(d decimal.Decimal) decimal.Decimal { return d.Round(2) }

// UpPound rounds up (towards positive infinity) to the next whole pound.
func UpPound(d decimal.Decimal) decimal.Decimal { return d.RoundCeil(0) }

// MonthlyPay is one month's pay: annual full-time salary × fte ÷ 12, rounded
// to the penny (halves away from zero).
func MonthlyPay(annual, fte decimal.Decimal) decimal.Decimal {
	return annual.Mul(fte).DivRound(Twelve, 2)
}

// CSVString formats an amount for CSV tables: rounded to the penny, exactly
// two decimal places, no symbol or separators ("31650.00").
func CSVString(d decimal.Decimal) string { return Penny(d).StringFixed(2) }

// PercentCSV formats a fraction as a percentage with two places for CSV tables
// (0.03456 → "3.46"), halves away from zero.
func PercentCSV(fraction decimal.Decimal) string {
	return fraction.Mul(Hundred).Round(2).StringFixed(2)
}

// Pounds formats an amount for reports as whole pounds with thousands
// separators ("£25,524", "-£300"), rounding to the pound (halves away from
// zero) when it has pence.
func Pounds(d decimal.Decimal) string { return format(Pound(d), 0, false) }

// PoundsPence formats an amount with pence ("£25,524.50"), rounding to the
// penny.
func PoundsPence(d decimal.Decimal) string { return format(Penny(d), 2, false) }

// SignedPounds formats a change in whole pounds with its sign ("+£1,020",
// "-£300", "£0").
func SignedPounds(d decimal.Decimal) string { return format(Pound(d), 0, true) }

// SignedPoundsPence formats a change with pence and its sign ("+£1,020.50").
func SignedPoundsPence(d decimal.Decimal) string { return format(Penny(d), 2, true) }

// AmountText formats an amount as it was most likely written: whole pounds
// when it has no pence, pounds and pence otherwise. It never rounds.
func AmountText(d decimal.Decimal) string {
	if d.Equal(d.Truncate(0)) {
		return format(d, 0, false)
	}
	if d.Equal(d.Truncate(2)) {
		return format(d, 2, false)
	}
	return format(d, int32(-d.Exponent()), false)
}

func format(d decimal.Decimal, places int32, signed bool) string {
	s := d.Abs().StringFixed(places)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	switch {
	case d.Sign() < 0:
		b.WriteString("-")
	case d.Sign() > 0 && signed:
		b.WriteString("+")
	}
	b.WriteString("£")
	b.WriteString(Group(intPart))
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// SignedPercent formats a change as a percentage with its sign and exactly
// places decimal places ("+3.5%" with places 1, "-0.2%").
func SignedPercent(fraction decimal.Decimal, places int32) string {
	p := fraction.Mul(Hundred).Round(places)
	s := p.StringFixed(places)
	if p.Sign() > 0 {
		s = "+" + s
	}
	return s + "%"
}

// RateText formats a rate exactly, as it would be written in a scenario
// ("3.5%").
func RateText(fraction decimal.Decimal) string { return fraction.Mul(Hundred).String() + "%" }

// Change returns new − old and (new − old) ÷ old as a fraction rounded to
// 8 places (enough for any percentage shown to 2 places). The fraction is zero
// when old is zero.
func Change(old, new decimal.Decimal) (cash, fraction decimal.Decimal) {
	cash = new.Sub(old)
	if old.IsZero() {
		return cash, decimal.Zero
	}
	return cash, cash.DivRound(old, 8)
}

// Group puts comma thousands separators into a string of digits, with an
// optional leading minus sign ("-1234567" → "-1,234,567").
func Group(digits string) string {
	neg := strings.HasPrefix(digits, "-")
	digits = strings.TrimPrefix(digits, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
