package plain

import (
	"errors"
	"strings"
	"testing"
)

func TestPlural(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{0, "points"}, {1, "point"}, {2, "points"}, {-1, "points"}} {
		if got := Plural(c.n, "point", "points"); got != c.want {
			t.Errorf("Plural(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

func TestWriteColumns(t *testing.T) {
	for _, c := range []struct {
		name  string
		rows  [][]string
		right []bool
		want  string
	}{
		{"text left, numbers right, header aligned with its column",
			[][]string{{"Band", "Points", "Top"}, {"A", "3", "£9"}, {"Band 10", "12", "£31,650"}},
			[]bool{false, true, true},
			"Band     Points      Top\n" +
				"A             3       £9\n" +
				"Band 10      12  £31,650\n"},
		// "£" and "Ç" are one character each, two bytes: widths count
		// characters.
		{"widths in characters, not bytes",
			[][]string{{"Çağla", "£1"}, {"Ann", "£10"}},
			[]bool{false, true},
			"Çağla   £1\n" +
				"Ann    £10\n"},
		{"no trailing spaces: a short last text cell, a blank last cell, a short row",
			[][]string{{"x", "long"}, {"yy", ""}, {"z"}},
			[]bool{true, false},
			" x  long\n" +
				"yy\n" +
				" z\n"},
		{"nothing", nil, []bool{false}, ""},
	} {
		var b strings.Builder
		if err := WriteColumns(&b, c.rows, c.right); err != nil {
			t.Fatal(err)
		}
		if b.String() != c.want {
			t.Errorf("%s: got\n%q\nwant\n%q", c.name, b.String(), c.want)
		}
	}
	if err := WriteColumns(failWriter{}, [][]string{{"a"}}, []bool{false}); err == nil {
		t.Error("a failing writer: no error")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }
