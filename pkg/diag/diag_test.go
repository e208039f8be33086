package diag

import (
	"fmt"
	"strings"
	"testing"
)

func TestClip(t *testing.T) {
	x80, x81 := strings.Repeat("x", 80), strings.Repeat("x", 81)
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"£3", "£3"},
		{x80, x80},
		{x81, strings.Repeat("x", 79) + "…"},
		{strings.Repeat("£", 80), strings.Repeat("£", 80)},
		{strings.Repeat("£", 81), strings.Repeat("£", 79) + "…"},
		// 79 characters then one 4-byte rune: 80 characters, kept whole.
		{strings.Repeat("x", 79) + "😀", strings.Repeat("x", 79) + "😀"},
	} {
		if got := Clip(tc.in); got != tc.want {
			t.Errorf("Clip(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := ClipTo("abcdef", 3); got != "ab…" {
		t.Errorf("ClipTo(abcdef, 3) = %q", got)
	}
}

func TestClipQuoted(t *testing.T) {
	x81 := strings.Repeat("x", 81)
	cut := strings.Repeat("x", 79) + "…"
	for _, tc := range []struct {
		format string
		args   []any
		want   string
	}{
		// Only what %q quotes is cut; %s text is not.
		{"%s: %q is %5.2f%%, %-3q %s", []any{x81, x81, 1.5, "ab", x81}, x81 + `: "` + cut + `" is  1.50%, "ab" ` + x81},
		{"%q and %q", []any{x81, "short"}, `"` + cut + `" and "short"`},
		{"%d%%: %q", []any{3, x81}, `3%: "` + cut + `"`},
		{"no verbs", nil, "no verbs"},
		{"%q", []any{42}, "'*'"}, // not a string: left alone
	} {
		if got := fmt.Sprintf(tc.format, ClipQuoted(tc.format, tc.args)...); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.format, got, tc.want)
		}
	}
	args := []any{x81}
	ClipQuoted("%q", args)
	if args[0] != x81 {
		t.Error("ClipQuoted changed its argument slice")
	}
}
