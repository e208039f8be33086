package scenario

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// nums is n lines "kI = 1", I counting from 1.
func nums(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "k%d = 1\n", i)
	}
	return b.String()
}

// dotted is n copies of part joined by dots.
func dotted(part string, n int) string {
	return strings.TrimSuffix(strings.Repeat(part+".", n), ".")
}

// atLimits is one file exactly at each limit the prescan checks; overLimits
// are the same one step over, with the error each gives. Both are fuzz seeds
// too.
var atLimits = map[string]string{
	"depth of arrays":         "v = " + strings.Repeat("[", 32) + strings.Repeat("]", 32) + "\n",
	"depth of inline tables":  "v = " + strings.Repeat("{a=", 32) + "1" + strings.Repeat("}", 32) + "\n",
	"depth of a mix":          "v = " + strings.Repeat("[{a=", 16) + "1" + strings.Repeat("}]", 16) + "\n",
	"keys":                    nums(10_000),
	"keys with tables":        "[t]\n" + nums(9_999),
	"keys of inline tables":   "v = {" + strings.TrimSuffix(strings.Repeat("a.b=1,", 5_000), ",") + "}\nw = {" + strings.TrimSuffix(strings.Repeat("c=1,", 4_998), ",") + "}\n",
	"array length":            "v = [" + strings.Repeat("1,", 10_000) + "]\n",
	"array length, multiline": "v = [\n" + strings.Repeat("  \"Band 2\", # c\n", 10_000) + "]\n",
	"elements of all lists":   "v = [" + strings.Repeat("1,", 5_000) + "]\nw = [[" + strings.Repeat("1,", 4_997) + "], [1]]\n",
	"parts of a header":       "[" + dotted("a", 64) + "]\n",
	"parts of a dotted key":   dotted("a", 64) + " = 1\n",
	"parts under a header":    "[a.b]\n" + dotted("c", 62) + " = 1\n",
	"parts in inline tables":  "[a]\nb = {" + dotted("c", 31) + " = {" + dotted("d", 31) + " = 1}}\n",
	"bytes of a key":          strings.Repeat("a", 1024) + " = 1\n",
	"bytes under a header":    "[" + strings.Repeat("a", 500) + "]\n" + strings.Repeat("b", 523) + " = 1\n",
	"bytes of a quoted key":   `"` + strings.Repeat("a", 1022) + `" = 1` + "\n",
}

var overLimits = []struct{ name, src, want string }{
	{"depth of arrays", "v = " + strings.Repeat("[", 33) + strings.Repeat("]", 33) + "\n",
		"f.toml:1:37: v: arrays and inline tables nested more than 32 deep; a scenario nests at most 3 (is this the right file?)"},
	{"depth of inline tables", "v = " + strings.Repeat("{a=", 33) + "1" + strings.Repeat("}", 33) + "\n",
		"f.toml:1:101: v" + strings.Repeat(".a", 32) + ": arrays and inline tables nested more than 32 deep; a scenario nests at most 3 (is this the right file?)"},
	{"depth of a mix", "x = 1\nv = " + strings.Repeat("[{a=", 16) + "[]" + strings.Repeat("}]", 16) + "\n",
		"f.toml:2:69: v" + strings.Repeat(".a", 16) + ": arrays and inline tables nested more than 32 deep; a scenario nests at most 3 (is this the right file?)"},
	{"keys", nums(10_001),
		"f.toml:10001:1: more than 10,000 keys and tables; a scenario has a few dozen (is this the right file?)"},
	{"keys with tables", "[t]\n" + nums(10_000),
		"f.toml:10001:1: more than 10,000 keys and tables; a scenario has a few dozen (is this the right file?)"},
	{"keys of inline tables", "v = {" + strings.TrimSuffix(strings.Repeat("c=1,", 10_001), ",") + "}\n",
		"f.toml:1:40002: more than 10,000 keys and tables; a scenario has a few dozen (is this the right file?)"},
	{"array length", "v = [" + strings.Repeat("1,", 10_001) + "]\n",
		"f.toml:1:20006: v: more than 10,000 list elements in the file; a scenario's lists have a few (is this the right file?)"},
	{"array length, multiline", "v = [\n" + strings.Repeat("  \"Band 2\", # c\n", 10_001) + "]\n",
		"f.toml:10002:3: v: more than 10,000 list elements in the file; a scenario's lists have a few (is this the right file?)"},
	{"elements of all lists", "v = [" + strings.Repeat("1,", 5_000) + "]\nw = [[" + strings.Repeat("1,", 4_997) + "], [1, 2]]\n",
		"f.toml:2:10008: w: more than 10,000 list elements in the file; a scenario's lists have a few (is this the right file?)"},
	{"parts of a header", "[" + dotted("a", 65) + "]\nx = 1\n",
		`f.toml:1:1: key "` + dotted("a", 39) + `.a…" has 65 parts; a key may have at most 64`},
	{"parts of a dotted key", dotted("a", 65) + " = 1\n",
		`f.toml:1:1: key "` + dotted("a", 39) + `.a…" has 65 parts; a key may have at most 64`},
	{"parts under a header", "[a.b]\n" + dotted("c", 63) + " = 1\n",
		`f.toml:2:1: key "a.b.` + strings.Repeat("c.", 37) + `c…" has 65 parts; a key may have at most 64`},
	{"parts in inline tables", "[a]\nb = {" + dotted("c", 31) + " = {" + dotted("d", 32) + " = 1}}\n",
		`f.toml:2:71: key "a.b.` + dotted("c", 31) + "." + dotted("d", 7) + `…" has 65 parts; a key may have at most 64`},
	{"bytes of a key", strings.Repeat("a", 1025) + " = 1\n",
		`f.toml:1:1: key "` + strings.Repeat("a", 79) + `…" is 1,025 bytes long; a key may be at most 1,024`},
	{"bytes under a header", "[" + strings.Repeat("a", 500) + "]\n" + strings.Repeat("b", 524) + " = 1\n",
		`f.toml:2:1: key "` + strings.Repeat("a", 79) + `…" is 1,025 bytes long; a key may be at most 1,024`},
	{"bytes of a quoted key", `"` + strings.Repeat("a", 1023) + `" = 1` + "\n",
		`f.toml:1:1: key "\"` + strings.Repeat("a", 78) + `…" is 1,025 bytes long; a key may be at most 1,024`},
}

// TestPrescanLimits: a file exactly at each limit passes the prescan to its
// end; one step over gives exactly the expected error.
func TestPrescanLimits(t *testing.T) {
	for name, src := range atLimits {
		t.Run("at/"+name, func(t *testing.T) {
			list, complete := prescan("f.toml", src)
			if len(list) > 0 || !complete {
				t.Fatalf("complete %v, errors:\n%v", complete, listErr(list))
			}
		})
	}
	for _, tc := range overLimits {
		t.Run("over/"+tc.name, func(t *testing.T) {
			if _, ok := atLimits[tc.name]; !ok {
				t.Fatalf("no file at the limit named %q", tc.name)
			}
			list, _ := prescan("f.toml", tc.src)
			if got := listErr(list); got == nil || got.Error() != tc.want {
				t.Fatalf("got\n%v\nwant\n%s", got, tc.want)
			}
			// Parse refuses it with the same error, before decoding.
			if _, err := Parse("f.toml", []byte(tc.src)); err == nil || err.Error() != tc.want {
				t.Fatalf("Parse: got\n%v\nwant\n%s", err, tc.want)
			}
		})
	}
}

// TestPrescanReadsTOML: brackets, quotes and dots inside strings and
// comments are not structure; every kind of string, a date-time with a
// space and an array of tables are understood to the end of the file.
func TestPrescanReadsTOML(t *testing.T) {
	deep := strings.Repeat("[{", 40)
	for _, src := range []string{
		"v = \"" + deep + "\"\n",
		"v = '" + deep + "'\n",
		"v = \"\"\"\n" + deep + "\\\"\"\" \"\"\"\n",
		"v = '''" + deep + "\n''''\n",
		"v = \"\"\"x\"\"\"\"\"\n",
		"# " + deep + "\nv = 1 # " + deep + "\n",
		"v = [ # " + deep + "\n 1, # ]\n 2 ]\n",
		"v = \"\\\"[[[\"\n",
		"\"a.b.c\" = 1\n'd.e' = 2\n",
		" a . b = 1\n[ t . u ]\n[[ award ]]\nfrom = 2025-04-01\n",
		"d = 2025-04-01 09:00:00\ne = [2025-04-01 09:00:00, 1979-05-27T07:32:00Z]\n",
		"v = { a = 1, b = [1, 2,], c = { d = \"}\" } }\r\nw = 1\r\n",
		"v = []\nw = {}\n",
		"\ufeffv = 1\n", "\xff\xfe", // byte-order marks, which the decoder skips
	} {
		list, complete := prescan("f.toml", src)
		if len(list) > 0 || !complete {
			t.Errorf("%q: complete %v, errors:\n%v", src, complete, listErr(list))
		}
	}
	// Not TOML: the pass stops without an error, for the decoder to report.
	for _, src := range []string{"v = \"open\n", "[a\n", "= 1\n", "v = {a}\n"} {
		list, complete := prescan("f.toml", src)
		if len(list) > 0 || complete {
			t.Errorf("%q: complete %v, errors:\n%v", src, complete, listErr(list))
		}
	}
}

// TestPrescanReportsEach: every key over a limit is reported (not only the
// first), but not keys under a table header already reported; too many list
// elements are reported once.
func TestPrescanReportsEach(t *testing.T) {
	src := "v = [" + strings.Repeat("1,", 10_001) + "]\n" + // line 1
		"w = [" + strings.Repeat("1,", 10_001) + "]\n" + // line 2
		dotted("a", 65) + " = 1\n" + // line 3
		"[" + dotted("b", 70) + "]\n" + // line 4
		"c = 1\nd = 2\n"
	list, _ := prescan("f.toml", src)
	var got []string
	for _, e := range listErr(list).(ErrorList) {
		got = append(got, fmt.Sprintf("%d:%d", e.Line, e.Col))
	}
	if want := "1:20006 3:1 4:1"; strings.Join(got, " ") != want {
		t.Fatalf("errors at %v, want %s", got, want)
	}
}

func TestParseTableLimits(t *testing.T) {
	awards := func(n int) string {
		return header + strings.Repeat("[[award]]\nfrom = 2025-04-01\nflat = \"£1\"\n", n)
	}
	lumps := func(n int) string {
		return header + strings.Repeat("[[lump_sum]]\npaid = 2025-10-01\namount = \"£1\"\n", n)
	}
	for _, src := range []string{awards(100), lumps(100), strings.Replace(header, `"Test"`, `"`+strings.Repeat("é", 100)+`"`, 1)} {
		mustParse(t, src)
	}
	for _, tc := range []struct{ src, want string }{
		{awards(101), "offer.toml:305:1: more than 100 [[award]] tables; a scenario has a few (is this the right file?)"},
		{lumps(101), "offer.toml:305:1: more than 100 [[lump_sum]] tables; a scenario has a few (is this the right file?)"},
		{strings.Replace(header, `"Test"`, `"`+strings.Repeat("é", 101)+`"`, 1),
			`offer.toml:1:8: name: "` + strings.Repeat("é", 79) + `…" is 101 characters long; a name may have at most 100 (it heads columns and charts)`},
		{header + "# " + strings.Repeat("x", MaxFileBytes), "offer.toml: 1,048,640 bytes is larger than 1 MiB, which no scenario file is (is this the right file?)"},
	} {
		_, err := Parse("offer.toml", []byte(tc.src))
		if err == nil || err.Error() != tc.want {
			t.Errorf("got\n%v\nwant\n%s", err, tc.want)
		}
	}
}

// TestErrorCap: at most MaxErrors errors per file, then a count of the rest
// in the words the dataset uses; long values are quoted cut to 80
// characters.
func TestErrorCap(t *testing.T) {
	src := header + "[[award]]\nfrom = 2025-04-01\nflat = \"£1\"\nbands = [\n" + strings.Repeat("\"Band 2\",\n", 151) + "]\n"
	_, err := Parse("offer.toml", []byte(src))
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("got %v", err)
	}
	if len(list) != 101 {
		t.Fatalf("%d entries, want 100 and a count", len(list))
	}
	if got, want := list[0].Error(), `offer.toml:10:1: bands: "Band 2" is listed twice`; got != want {
		t.Errorf("first: got %q, want %q", got, want)
	}
	if got, want := list[99].Error(), `offer.toml:109:1: bands: "Band 2" is listed twice`; got != want {
		t.Errorf("100th: got %q, want %q", got, want)
	}
	if got, want := list[100].Error(), "… and 50 more errors in offer.toml"; got != want {
		t.Errorf("last: got %q, want %q", got, want)
	}
	// Capping again (as Apply does with Parse's list) keeps the count.
	again := listErr(list).(ErrorList)
	if got := again[len(again)-1].Error(); got != "… and 50 more errors in offer.toml" || len(again) != 101 {
		t.Errorf("capped twice: %d entries, last %q", len(again), got)
	}
	// Two files: each is capped on its own.
	var two errs
	for i := range 103 {
		two.at(Pos{File: "b.toml", Line: i + 1}, "b%d", i)
		two.at(Pos{File: "a.toml", Line: i + 1}, "a%d", i)
	}
	two.at(Pos{File: "c.toml", Line: 1}, "c")
	got := listErr(two.list).(ErrorList)
	if len(got) != 203 || got[100].Error() != "… and 3 more errors in a.toml" || got[201].Error() != "… and 3 more errors in b.toml" || got[202].Error() != "c.toml:1: c" {
		t.Errorf("two files: %d entries: %v / %v / %v", len(got), got[100], got[201], got[len(got)-1])
	}
}

// Scenario messages quote values through diag (see its tests for the
// cutting itself).
func TestClip(t *testing.T) {
	x81 := strings.Repeat("x", 81)
	// Only what %q quotes is cut; %s text (a message, a file name) is not.
	var e errs
	e.at(Pos{File: "f.toml"}, "%s: %q is %5.2f%%, %-3q %s", x81, x81, 1.5, "ab", x81)
	want := "f.toml: " + x81 + ": \"" + strings.Repeat("x", 79) + "…\" is  1.50%, \"ab\" " + x81
	if got := e.list[0].Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// A message is never longer than maxMsg characters.
	e = errs{}
	e.at(Pos{File: "f.toml"}, "%s", strings.Repeat("y", 1000))
	if got := listErr(e.list).(ErrorList)[0].Msg; got != strings.Repeat("y", maxMsg-1)+"…" {
		t.Errorf("long message kept %d characters", len([]rune(got)))
	}
	// A bad value is quoted cut, so a 1 MB value gives a short line.
	_, err := Parse("offer.toml", []byte(header+"[[award]]\nfrom = 2025-04-01\nuplift = \""+strings.Repeat("9", 1_000_000)+"\"\n"))
	want = `offer.toml:7:10: uplift: "` + strings.Repeat("9", 79) + `…" is not a rate: the % sign is missing (write a percentage such as "3.5%")`
	if err == nil || err.Error() != want {
		t.Errorf("got\n%.300v\nwant\n%s", err, want)
	}
}

// runaway is each shape of file from issue 10 (and a few more), at the size
// that took seconds to minutes and gigabytes before the limits, each under
// 1 MiB, with the first line of the error it now gives.
var runaway = []struct{ name, src, want string }{
	{"20,000 nested arrays", "v = " + strings.Repeat("[", 20_000) + strings.Repeat("]", 20_000),
		"offer.toml:1:37: v: arrays and inline tables nested more than 32 deep"},
	{"100,000 nested arrays", "v = " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000),
		"offer.toml:1:37: v: arrays and inline tables nested more than 32 deep"},
	{"a 50,000-part table header", "[" + dotted("a", 50_000) + "]\nx = 1\n",
		`offer.toml:1:1: key "a.a.a`},
	{"20,000 nested inline tables", "v = " + strings.Repeat("{a=", 20_000) + "1" + strings.Repeat("}", 20_000),
		"offer.toml:1:101: v.a.a"},
	{"100,000 entries in bands", header + "[[award]]\nfrom = 2025-04-01\nuplift = \"1%\"\nbands = [" + strings.Repeat(`"Band 2", `, 100_000) + "]\n",
		"offer.toml:8:100010: award.bands: more than 10,000 list elements in the file"},
	{"24,000 awards", header + strings.Repeat("[[award]]\nfrom = 2025-04-01\nuplift = \"1%\"\n", 24_000),
		"offer.toml:"},
	{"95,000 keys", nums(95_000), "offer.toml:10001:1: more than 10,000 keys"},
	{"500,000 elements on one line", "v = [" + strings.Repeat("1,", 500_000) + "]\n", "offer.toml:1:20006: v: more than 10,000 list elements"},
	{"a 1 MB string", "name = \"" + strings.Repeat("x", 1_000_000) + "\"\n", `offer.toml:1:8: name: "xxx`},
	{"100,000 keys under a 1,000-byte header", "[" + strings.Repeat("t", 1000) + "]\n" + strings.Repeat("k=1\n", 100_000),
		"offer.toml:10001:1: more than 10,000 keys"},
	{"1,000 ever deeper tables", func() string {
		var b strings.Builder
		for i := 1; i <= 1000; i++ {
			b.WriteString("[" + dotted("a", i) + "]\n")
		}
		return b.String()
	}(), `offer.toml:65:1: key "a.a.a`},
}

// TestRunawayShapes: each runaway shape is refused quickly, in a few
// lines, allocating little. Allocation is measured rather than time, which
// a shared machine makes noisy; before the limits the first shapes
// allocated gigabytes.
func TestRunawayShapes(t *testing.T) {
	for _, tc := range runaway {
		if len(tc.src) > MaxFileBytes {
			t.Fatalf("%s: %d bytes", tc.name, len(tc.src))
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		_, err := Parse("offer.toml", []byte(tc.src))
		took := time.Since(start)
		runtime.ReadMemStats(&after)
		alloc := after.TotalAlloc - before.TotalAlloc
		t.Logf("%-40s %6d KB %8v %6.1f MB allocated", tc.name, len(tc.src)/1000, took.Round(time.Microsecond), float64(alloc)/1e6)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: got\n%.300v\nwant it to begin %s", tc.name, err, tc.want)
			continue
		}
		if lines := strings.Count(err.Error(), "\n") + 1; lines > MaxErrors+1 {
			t.Errorf("%s: %d lines", tc.name, lines)
		}
		for _, line := range strings.Split(err.Error(), "\n") {
			if n := len([]rune(line)); n > maxMsg+100 {
				t.Errorf("%s: a line of %d characters", tc.name, n)
			}
		}
		if alloc > 50<<20 {
			t.Errorf("%s: %d MB allocated", tc.name, alloc>>20)
		}
	}
}

// TestLocateLinear: the key locator allocates in proportion to the file,
// however deeply it nests (it kept a path string per nesting level, which
// took a gigabyte for 20,000 levels), and counts columns incrementally on a
// long line.
func TestLocateLinear(t *testing.T) {
	for _, src := range []string{
		"v = " + strings.Repeat("[", 20_000) + strings.Repeat("]", 20_000) + "\n",
		"v = " + strings.Repeat("{a=", 20_000) + "1" + strings.Repeat("}", 20_000) + "\n",
		"[" + dotted("a", 50_000) + "]\nx = 1\n",
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		l := locate(src)
		runtime.ReadMemStats(&after)
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 40*uint64(len(src))+1<<20 {
			t.Errorf("%.20s…: %d bytes allocated for %d bytes", src, alloc, len(src))
		}
		if len(l.order) > 2*maxLocated {
			t.Errorf("%.20s…: %d paths recorded", src, len(l.order))
		}
	}
	// 100,000 elements on one line: the last is at the right column.
	src := "v = [" + strings.Repeat("1,", 99_999) + "2]\n"
	start := time.Now()
	l := locate(src)
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("100,000 elements on one line took %v", took)
	}
	if s := l.at[keyPath("v").elem(99_999)]; s.line != 1 || s.col != 6+2*99_999 || s.value != "2" {
		t.Errorf("last element at %+v", s)
	}
	if s := l.at[keyPath("v").elem(0)]; s.col != 6 || s.value != "1" {
		t.Errorf("first element at %+v", s)
	}
}

// TestDeepUnknownKey: a key deeper than the locator records (but within the
// limits) is still reported at its line and column.
func TestDeepUnknownKey(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{header + "[" + dotted("a", 20) + "]\nx = 1\n", `offer.toml:5:1: unknown key "a" in [` + dotted("a", 19) + "]"},
		{header + "\n" + dotted("b", 20) + " = 1\n", `offer.toml:6:1: unknown key "b" in [` + dotted("b", 19) + "]"},
		{header + "[[award]]\nfrom = 2025-04-01\nflat = \"£1\"\n  " + dotted("c", 20) + " = 1\n",
			`offer.toml:8:3: unknown key "c" in [award.` + dotted("c", 19) + "]"},
		{header + "[" + dotted("d", 60) + "]\n", `offer.toml:5:1: unknown key "d" in [` + dotted("d", 40) + "…]"},
		{header + "[progression]\nw = " + strings.Repeat("{a=", 20) + "1" + strings.Repeat("}", 20) + "\n", `offer.toml:6:1: unknown key "w" in [progression]`},
	} {
		if _, err := Parse("offer.toml", []byte(tc.src)); err == nil || err.Error() != tc.want {
			t.Errorf("got\n%v\nwant\n%s", err, tc.want)
		}
	}
}
