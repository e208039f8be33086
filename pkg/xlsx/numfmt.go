package xlsx

import "strings"

// format is what a number format shows a number as, as far as reading
// goes: a plain number (currency, thousands and decimal places included),
// a percentage, or a date.
type format int

const (
	numberFormat format = iota
	percentFormat
	dateFormat
)

// format returns the kind of the number format of style id, cached.
func (b *Workbook) format(id int) (format, error) {
	if k, ok := b.formats[id]; ok {
		return k, nil
	}
	st, err := b.f.GetStyle(id)
	if err != nil {
		return numberFormat, err
	}
	k := builtinFormat(st.NumFmt)
	if st.CustomNumFmt != nil {
		k = formatOf(*st.CustomNumFmt)
	}
	b.formats[id] = k
	return k, nil
}

// builtinFormat returns the kind of Excel's built-in number format id: 9
// and 10 are percentages (0%, 0.00%); 14–17 and 22 dates (22 with a time);
// 27–36 and 50–58 the dates of East Asian locales. Times of day alone
// (18–21, 45–47) are numbers: they are not dates.
func builtinFormat(id int) format {
	switch {
	case id == 9 || id == 10:
		return percentFormat
	case id >= 14 && id <= 17, id == 22, id >= 27 && id <= 36, id >= 50 && id <= 58:
		return dateFormat
	}
	return numberFormat
}

// formatOf returns the kind of a custom number format code, judged by its
// first section (for positive numbers) without its quoted text, escaped
// characters and [bracketed] parts (colours, conditions, locales): a "%"
// makes a percentage; a y or d, or an m without h or s beside it (minutes),
// a date.
func formatOf(code string) format {
	section := code
	var b strings.Builder
	for i := 0; i < len(section); i++ {
		switch c := section[i]; c {
		case '"':
			j := strings.IndexByte(section[i+1:], '"')
			if j < 0 {
				i = len(section)
			} else {
				i += j + 1
			}
		case '\\', '_', '*':
			i++ // the next character is literal, or padding
		case '[':
			j := strings.IndexByte(section[i:], ']')
			if j < 0 {
				i = len(section)
			} else {
				i += j
			}
		case ';':
			i = len(section) // only the first section
		default:
			b.WriteByte(c)
		}
	}
	s := strings.ToLower(b.String())
	switch {
	case strings.Contains(s, "%"):
		return percentFormat
	case strings.ContainsAny(s, "yd"):
		return dateFormat
	case strings.Contains(s, "m") && !strings.ContainsAny(s, "hs"):
		return dateFormat
	}
	return numberFormat
}
