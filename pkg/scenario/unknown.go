package scenario

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"paymodel/pkg/money"
)

// Placeholder is the value a scenario file for paymodel solve writes in
// place of the one amount or rate it asks for: "?" (an amount, or for
// uplift a rate), or "?%" where a key takes either and the rate is meant
// (minimum, maximum, a lump sum's amount).
//
// Parse refuses a placeholder at its line, saying that it is only for
// paymodel solve; ParseUnknown accepts exactly one, in an award's uplift,
// flat, minimum, maximum or floor_hourly or a lump sum's amount, and
// describes it (Unknown). A "?" anywhere else is an error in both.
const Placeholder = "?"

// Unknown is the one value a scenario file for paymodel solve leaves open:
// where it is, whether it is an amount or a rate, and the range the file's
// other keys and the format's bounds allow it. With and Text put a value in
// its place.
type Unknown struct {
	// Key is uplift, flat, minimum, maximum or floor_hourly (in [[award]]
	// number N) or amount (in [[lump_sum]] number N).
	Key   string
	Table string // "award" or "lump_sum"
	N     int    // the table's number among the file's tables of its kind, from 1
	// Rate is set when the value is a rate (a fraction: 0.03 is 3%);
	// otherwise it is an amount in pounds.
	Rate bool
	Pos  Pos // the "?" value
	// Min and Max bound the value, both included unless MinExcluded: from
	// zero (or a same-kind minimum, for a maximum) to money.MaxRate for a
	// rate or the largest amount an amount may be (below
	// money.AmountLimit), or a same-kind maximum, for a minimum. floor_hourly
	// and a lump sum's amount must be more than zero (MinExcluded). Apply
	// may still refuse a value in range (a salary it takes to
	// money.AmountLimit, for one).
	Min, Max    decimal.Decimal
	MinExcluded bool

	file, text string
	off, end   int // the byte span of the value ("?" with its quotes) in text
}

// largestAmount is the largest amount money.ParseAmount accepts.
var largestAmount = money.AmountLimit.Sub(decimal.New(1, -money.MaxAmountPlaces))

// ParseUnknown reads a scenario file for paymodel solve: as Parse, but
// exactly one value must be the Placeholder. No placeholder, or more than
// one, is an error naming the file (and each placeholder's line), reported
// with the file's other problems.
func ParseUnknown(filename string, src []byte) (*Unknown, error) {
	p := &parser{file: filename, solving: true}
	sc, err := parse(p, src)
	if err != nil {
		return nil, err
	}
	u := p.unknowns[0]
	u.file, u.text = filename, sc.Text
	sp := p.loc.at[p.unknownAt]
	u.off = offset(sc.Text, sp.vline, sp.vcol)
	u.end = u.off + len(sp.value)
	if u.off < 0 || u.end > len(sc.Text) || strings.Trim(sc.Text[u.off:u.end], `"' %`) != Placeholder {
		return nil, fmt.Errorf("scenario %s: the placeholder at line %d could not be found in the text", filename, sp.vline)
	}
	u.Min, u.Max = decimal.Zero, largestAmount
	if u.Rate {
		u.Max = money.MaxRate
	}
	switch u.Key {
	case "floor_hourly", "amount":
		u.MinExcluded = true
	case "minimum":
		if b := sc.Awards[u.N-1].Maximum; b != nil && b.IsRate == u.Rate {
			u.Max = b.Amount
			if u.Rate {
				u.Max = b.Rate
			}
		}
	case "maximum":
		if b := sc.Awards[u.N-1].Minimum; b != nil && b.IsRate == u.Rate {
			u.Min = b.Amount
			if u.Rate {
				u.Min = b.Rate
			}
		}
	}
	return &u, nil
}

// Written is v as the file would carry it in place of the placeholder:
// "£1,234" or "£15.50" for an amount, "3.25%" for a rate (exactly, never
// rounded).
func (u *Unknown) Written(v decimal.Decimal) string {
	if u.Rate {
		return money.RateText(v)
	}
	return money.AmountText(v)
}

// Text returns the file's text with v written (Written, in double quotes)
// in place of the placeholder; every other byte is the file's. A non-empty
// comment is put before the file's first line as a TOML comment ("# "
// and the comment, with line breaks and other control characters made
// spaces), after a byte-order mark if the file has one.
func (u *Unknown) Text(v decimal.Decimal, comment string) string {
	text := u.text[:u.off] + `"` + u.Written(v) + `"` + u.text[u.end:]
	if comment == "" {
		return text
	}
	line := "# " + strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, comment)
	nl := "\n"
	if strings.Contains(text, "\r\n") {
		nl = "\r\n"
	}
	rest := strings.TrimPrefix(text, bom)
	return text[:len(text)-len(rest)] + line + nl + rest
}

// bom is the UTF-8 byte-order mark some editors put at the start of a file.
const bom = "\ufeff"

// With returns the scenario the file describes with v in place of the
// placeholder: Parse of Text(v, ""), with every check Parse makes (so a
// value out of range is an ErrorList naming the file and line, as it would
// be in the file itself).
func (u *Unknown) With(v decimal.Decimal) (*Scenario, error) {
	return Parse(u.file, []byte(u.Text(v, "")))
}

// String names the unknown for messages: "flat (award 1, offer.toml:12)".
func (u *Unknown) String() string {
	return fmt.Sprintf("%s (%s %d, %s)", u.Key, strings.ReplaceAll(u.Table, "_", " "), u.N, Pos{File: u.Pos.File, Line: u.Pos.Line})
}

// offset returns the byte offset of the character at line and col (both
// from 1, col in characters, as the locator counts them), or -1.
func offset(text string, line, col int) int {
	i := 0
	for l := 1; l < line; l++ {
		nl := strings.IndexByte(text[i:], '\n')
		if nl < 0 {
			return -1
		}
		i += nl + 1
	}
	for c := 1; c < col; c++ {
		if i >= len(text) {
			return -1
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return i
}

// placeholderKinds says, for each key that may hold the placeholder, what
// "?" stands for and whether "?%" may be written.
var placeholderKinds = map[string]struct {
	rate, either bool
	want         string // the value Parse asks for instead
}{
	"uplift":       {rate: true, want: `a rate such as "3%"`},
	"flat":         {want: `an amount such as "£1,000"`},
	"floor_hourly": {want: `an amount such as "£15.00"`},
	"minimum":      {either: true, want: `an amount or a rate such as "£1,000" or "2%"`},
	"maximum":      {either: true, want: `an amount or a rate such as "£2,500" or "5%"`},
	"amount":       {either: true, want: `an amount or a rate such as "£500" or "2%"`},
}

// standIn is what a placeholder is read as while its file is checked: a
// value every check of its key accepts, whatever the file's other keys are.
func standIn(key string, rate bool) string {
	switch {
	case key == "maximum" && rate:
		return money.RateText(money.MaxRate)
	case key == "maximum":
		return money.AmountText(largestAmount)
	case key == "floor_hourly", key == "amount" && !rate:
		return "£1"
	case key == "amount":
		return "1%"
	case rate:
		return "0%"
	}
	return "£0"
}

// isPlaceholder reports whether v is the placeholder, and whether it is
// written as a rate ("?%").
func isPlaceholder(v any) (found, rate bool) {
	s, ok := v.(string)
	if !ok {
		return false, false
	}
	s = strings.TrimSpace(s)
	if t, cut := strings.CutSuffix(s, "%"); cut {
		return strings.TrimSpace(t) == Placeholder, true
	}
	return s == Placeholder, false
}

// placeholder handles a placeholder in the value *v of key (in table number
// n at path k): outside ParseUnknown it is an error; in it, it is recorded
// as an Unknown. Either way *v becomes a stand-in, so that the file's other
// checks run as usual.
func (p *parser) placeholder(k path, table string, n int, key string, v *any) {
	found, rate := isPlaceholder(*v)
	if !found {
		return
	}
	kind := placeholderKinds[key]
	pos := p.valuePos(k.key(key))
	isRate := kind.rate || (rate && kind.either)
	switch {
	case !p.solving:
		p.errs.at(pos, "%s: %q is only for paymodel solve, which finds the value; write %s", key, *v, kind.want)
	case rate && !isRate:
		p.errs.at(pos, `%s: %q: %s is an amount, so its unknown is written "?"`, key, *v, key)
	default:
		if len(p.unknowns) == 0 {
			p.unknownAt = k.key(key)
		}
		p.unknowns = append(p.unknowns, Unknown{Key: key, Table: table, N: n, Rate: isRate, Pos: pos})
	}
	*v = standIn(key, isRate)
}

// awardPlaceholders handles a placeholder in any of an award's keys that
// may hold one.
func (p *parser) awardPlaceholders(raw *rawAward, k path, n int) {
	for _, f := range []struct {
		key string
		v   *any
	}{{"uplift", &raw.Uplift}, {"flat", &raw.Flat}, {"minimum", &raw.Minimum}, {"maximum", &raw.Maximum}, {"floor_hourly", &raw.FloorHourly}} {
		p.placeholder(k, "award", n, f.key, f.v)
	}
}

// notHere reports a placeholder where none may stand (a set salary, a
// selection's salary), and says whether s was one.
func (p *parser) notHere(k path, label, s string) bool {
	if found, _ := isPlaceholder(s); !found {
		return false
	}
	p.errs.at(p.valuePos(k), `%s: %q can stand only for an award's uplift, flat, minimum, maximum or floor_hourly, or a lump sum's amount (for paymodel solve)`, label, s)
	return true
}

// oneUnknown checks, in ParseUnknown, that the file has exactly one
// placeholder.
func (p *parser) oneUnknown() {
	if !p.solving {
		return
	}
	switch len(p.unknowns) {
	case 0:
		p.errs.at(Pos{File: p.file}, `no value is "?": paymodel solve needs one amount or rate written "?" (an award's uplift, flat, minimum, maximum or floor_hourly, or a lump sum's amount), the value it finds`)
	case 1:
	default:
		first := p.unknowns[0]
		for _, u := range p.unknowns[1:] {
			p.errs.at(u.Pos, `%s: a second "?" (the first is %s at line %d); paymodel solve finds one value at a time: write a value for all but one`, u.Key, first.Key, first.Pos.Line)
		}
	}
}
