package scenario

import (
	"fmt"
	"reflect"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/diag"
	"paymodel/pkg/money"
)

// Typed readers. Each reports a problem at the value and returns ok=false.

// shown is the value as the file spells it, for messages.
func (p *parser) shown(k path, v any) string {
	if s := p.loc.at[k].value; s != "" {
		return diag.Clip(s)
	}
	return diag.Clip(fmt.Sprint(v))
}

// kindOf names a TOML value's type in words.
func kindOf(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "a number"
	case bool:
		return "true or false"
	case time.Time:
		return "a date"
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	if reflect.ValueOf(v).CanFloat() {
		return "a number"
	}
	return "a value"
}

func (p *parser) notString(k path, v any, want string) {
	p.errs.at(p.valuePos(k), "%s: %s is %s; write %s", name(k), p.shown(k, v), kindOf(v), want)
}

func (p *parser) str(k path, v any) (string, bool) {
	if v == nil {
		return "", false
	}
	s, ok := v.(string)
	if !ok {
		p.notString(k, v, "it in quotes")
	}
	return s, ok
}

func (p *parser) strings(k path, v any) []string {
	list, ok := v.([]any)
	if !ok {
		if s, isStr := v.(string); isStr {
			p.errs.at(p.valuePos(k), "%s: expected a list such as [%q]", name(k), s)
		} else {
			p.errs.at(p.valuePos(k), `%s: expected a list of names such as ["Band 3"]`, name(k))
		}
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for i, e := range list {
		s, ok := e.(string)
		if !ok {
			p.errs.at(p.valuePos(k.elem(i)), "%s: %s is %s; write names in quotes", name(k), p.shown(k.elem(i), e), kindOf(e))
			continue
		}
		if seen[s] {
			p.errs.at(p.valuePos(k.elem(i)), "%s: %q is listed twice", name(k), s)
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	if len(list) == 0 {
		p.errs.at(p.valuePos(k), "%s: the list is empty", name(k))
	}
	return out
}

func (p *parser) amount(k path, v any) (decimal.Decimal, bool) { return p.amountAs(k, name(k), v) }

// amountAs is amount with the value's name for messages given.
func (p *parser) amountAs(k path, label string, v any) (decimal.Decimal, bool) {
	s, ok := v.(string)
	if !ok {
		example := `"£1,000"`
		if n, isInt := v.(int64); isInt {
			example = strconv.Quote(money.AmountText(decimal.NewFromInt(n)))
		}
		p.errs.at(p.valuePos(k), "%s: %s is %s; write an amount as a string such as %s", label, p.shown(k, v), kindOf(v), example)
		return decimal.Zero, false
	}
	d, err := money.ParseAmount(s)
	if err != nil {
		if !p.notHere(k, label, s) {
			p.errs.at(p.valuePos(k), "%s: %q is %v", label, s, err)
		}
		return decimal.Zero, false
	}
	return d, true
}

func (p *parser) rate(k path, v any) (decimal.Decimal, bool) {
	s, ok := v.(string)
	if !ok {
		example := `"3%"`
		if _, isStr := v.(string); !isStr && kindOf(v) == "a number" {
			example = strconv.Quote(p.shown(k, v) + "%")
		}
		p.notString(k, v, "a rate as a string such as "+example)
		return decimal.Zero, false
	}
	d, err := money.ParseRate(s)
	if err != nil {
		p.errs.at(p.valuePos(k), "%s: %q is %v", name(k), s, err)
		return decimal.Zero, false
	}
	return d, true
}

// number reads a non-negative decimal such as hours: a TOML integer or a
// quoted number. A TOML float is refused, so nothing passes through float64.
func (p *parser) number(k path, v any) (decimal.Decimal, bool) {
	switch x := v.(type) {
	case int64:
		if x < 0 {
			p.errs.at(p.valuePos(k), "%s: %d is negative", name(k), x)
			return decimal.Zero, false
		}
		return decimal.NewFromInt(x), true
	case string:
		d, err := money.ParseNumber(x)
		if err != nil {
			p.errs.at(p.valuePos(k), "%s: %q is %v", name(k), x, err)
			return decimal.Zero, false
		}
		return d, true
	}
	if kindOf(v) == "a number" {
		p.errs.at(p.valuePos(k), "%s: %s has a fraction; write a whole number, or a quoted number such as \"%s\"", name(k), p.shown(k, v), p.shown(k, v))
	} else {
		p.notString(k, v, "a number such as 30 or \"7.5\"")
	}
	return decimal.Zero, false
}

func (p *parser) integer(k path, v any) (int, bool) {
	n, ok := v.(int64)
	if !ok {
		p.errs.at(p.valuePos(k), "%s: %s is %s; write a whole number", name(k), p.shown(k, v), kindOf(v))
		return 0, false
	}
	if n < -1_000_000 || n > 1_000_000 {
		p.errs.at(p.valuePos(k), "%s: %d is out of range", name(k), n)
		return 0, false
	}
	return int(n), true
}

// date reads a TOML local date (or a quoted ISO date), which must be the
// first of a month.
func (p *parser) date(k path, v any, what string) (calendar.Date, bool) {
	var d calendar.Date
	var err error
	switch x := v.(type) {
	case time.Time:
		if x.Location().String() != "date-local" {
			p.errs.at(p.valuePos(k), "%s: %s has a time of day; write a date such as 2025-04-01", name(k), p.shown(k, v))
			return d, false
		}
		d, err = calendar.New(x.Year(), int(x.Month()), x.Day())
	case string:
		d, err = calendar.Parse(x)
	default:
		p.errs.at(p.valuePos(k), "%s: %s is %s; write a date such as 2025-04-01", name(k), p.shown(k, v), kindOf(v))
		return d, false
	}
	if err != nil {
		p.errs.at(p.valuePos(k), "%s: %s: %v", name(k), p.shown(k, v), err)
		return d, false
	}
	if d.Day != 1 {
		p.errs.at(p.valuePos(k), "%s: %s is not the first of a month; %s on the first of a month (write %s)", name(k), d, what, calendar.FirstOnOrAfter(d).First())
		return d, false
	}
	return d, true
}
