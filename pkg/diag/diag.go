// Package diag owns how diagnostics quote the input they are about: every
// message that quotes a value from a file (a CSV field, a scenario value or
// key) quotes at most MaxQuote characters of it, so one bad 64 KiB field or
// 1 MB scenario value can never make an error line that long.
//
// It also owns the positioned problem both packages report: Error (file,
// line, column, message, or a stand-in counting errors not listed; in a
// workbook, its sheet and cell) and List,
// every problem found, with Capped to sort it by position and cap it per
// file. dataset.Error and scenario.Error are Error, dataset.ErrorList and
// scenario.ErrorList are List, so errors.As finds either as a List and the
// command prints both one way.
package diag

import (
	"strings"
	"unicode/utf8"
)

// MaxQuote is how many characters of a value a message quotes; a longer
// value is cut and ends in "…".
const MaxQuote = 80

// Clip returns s cut to MaxQuote characters, ending in "…" when cut.
func Clip(s string) string { return ClipTo(s, MaxQuote) }

// ClipTo returns s cut to n characters (runes), the last of them "…" when
// cut.
func ClipTo(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i, runes := 0, 0
	for i < len(s) {
		if runes == n-1 {
			rest := s[i:]
			if utf8.RuneCountInString(rest) <= 1 {
				return s
			}
			return s[:i] + "…"
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		runes++
	}
	return s
}

// ClipQuoted returns args with every string that format quotes with %q cut
// by Clip, so that a message never quotes more than MaxQuote characters of a
// value from a file. Other arguments, and strings printed with other verbs,
// are left as they are.
func ClipQuoted(format string, args []any) []any {
	var out []any
	n := 0 // index of the argument the next verb consumes
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		if i >= len(format) || format[i] == '%' {
			continue
		}
		if format[i] == 'q' && n < len(args) {
			if s, ok := args[n].(string); ok && len(s) > MaxQuote {
				if out == nil {
					out = append([]any(nil), args...)
				}
				out[n] = Clip(s)
			}
		}
		n++
	}
	if out == nil {
		return args
	}
	return out
}
