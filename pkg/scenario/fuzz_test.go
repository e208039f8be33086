package scenario

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// addLimitSeeds adds, as fuzz seeds, a file exactly at each limit, one just
// over it, and small versions of the runaway shapes of issue 10 (deep arrays
// and inline tables, a many-part header, a long list of bands, many awards).
func addLimitSeeds(f *testing.F) {
	for _, src := range atLimits {
		f.Add([]byte(src))
	}
	for _, tc := range overLimits {
		f.Add([]byte(tc.src))
	}
	for _, src := range []string{
		"v = " + strings.Repeat("[", 40) + strings.Repeat("]", 40),
		"v = " + strings.Repeat("{a=", 40) + "1" + strings.Repeat("}", 40),
		"[" + strings.TrimSuffix(strings.Repeat("a.", 70), ".") + "]\nx = 1\n",
		header + "[[award]]\nfrom = 2025-04-01\nuplift = \"1%\"\nbands = [" + strings.Repeat(`"Band 2", `, 120) + "]\n",
		header + strings.Repeat("[[award]]\nfrom = 2025-04-01\nflat = \"£1\"\n", 101),
		header + strings.Repeat("[[lump_sum]]\npaid = 2025-10-01\namount = \"£1\"\n", 101),
		"name = \"" + strings.Repeat("x", 200) + "\"\n",
	} {
		f.Add([]byte(src))
	}
}

// FuzzPrescan: the limit pass never panics, places every error, and reads
// to the end of every file the TOML decoder accepts unless it has refused
// the file, so that no accepted file can escape the limits by confusing it.
func FuzzPrescan(f *testing.F) {
	addLimitSeeds(f)
	f.Add([]byte(header + "[[award]]\nfrom = 2025-04-01\nset = { \"Band 5\" = { \"1\" = \"£45,000\" } }\n"))
	f.Add([]byte("s = \"\"\"a\\\n  b\"\"\"\nt = '''c'''\nd = 1979-05-27 07:32:00\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		list, complete := prescan("fuzz.toml", string(src))
		var v map[string]any
		if _, err := toml.Decode(string(src), &v); err == nil && !complete && len(list) == 0 {
			t.Fatalf("the decoder accepts the file but the prescan stopped (errors: %v)", listErr(list))
		}
		for _, e := range list {
			if e.Line < 1 || e.Col < 1 || e.Msg == "" {
				t.Fatalf("badly placed error %+v", e)
			}
		}
	})
}

// FuzzParse: Parse never panics; its errors are capped in number and length;
// when Parse and Apply both succeed on a small fixed dataset, every table's
// salaries strictly increase within each band
// (merged points are removed, so this holds for them too), the dataset is
// untouched, and a scenario with no awards leaves the base structure as it
// is.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.toml")
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, s := range []string{
		header,
		header + "[[award]]\nfrom = 2025-04-01\nfloor_hourly = \"£15\"\n",
		header + "[[award]]\nfrom = 2026-04-01\nremove_points = { \"Band 4\" = [\"5\"] }\n",
		header + "[[award]]\nfrom = 2025-10-01\nadd_point = { band = \"Band 2\", point = \"0\", salary = \"£20,000\" }\n",
		header + "[[award]]\nfrom = 2025-04-01\nflat = \"£1,000\"\nmaximum = \"2%\"\nsalary_below = \"£40,000\"\n",
		header + "[[lump_sum]]\npaid = 2026-10-01\namount = \"£500\"\nat_top_only = true\n[progression]\non = \"anniversary\"\nfreeze = [2026-04-01]\n",
		"name = \"x\"\nyears = [1,\n",
	} {
		f.Add([]byte(s))
	}
	addLimitSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		sc, err := Parse("fuzz.toml", src)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			// At most MaxErrors errors and a count, and no line longer
			// than a position and the longest message.
			lines := strings.Split(err.Error(), "\n")
			if len(lines) > MaxErrors+1 {
				t.Fatalf("%d lines of errors", len(lines))
			}
			for _, l := range lines {
				if n := len([]rune(l)); n > maxMsg+len("fuzz.toml:1000000:1000000: ") {
					t.Fatalf("an error line of %d characters", n)
				}
			}
			return
		}
		ds := probationFull()
		tl, err := Apply(ds, sc)
		if !reflect.DeepEqual(ds, probationFull()) {
			t.Fatal("Apply modified the dataset")
		}
		if err != nil {
			return
		}
		if tl.Tables[0].From != tl.Start {
			t.Fatalf("Tables[0].From %s != Start %s", tl.Tables[0].From, tl.Start)
		}
		for i, tb := range tl.Tables {
			if i > 0 && tb.From <= tl.Tables[i-1].From {
				t.Fatalf("tables out of order: %s then %s", tl.Tables[i-1].From, tb.From)
			}
			for _, s := range tb.Scales {
				if len(s.Points) == 0 {
					t.Fatalf("%s has no points from %s", s.Band, tb.From)
				}
				for j := 1; j < len(s.Points); j++ {
					if !s.Points[j-1].Salary.LessThan(s.Points[j].Salary) {
						t.Fatalf("%s from %s: point %s (%s) not below %s (%s)", s.Band, tb.From,
							s.Points[j-1].Label, s.Points[j-1].Salary, s.Points[j].Label, s.Points[j].Salary)
					}
				}
			}
			for _, m := range tb.Moves {
				if s, ok := tb.Scale(m.Band); !ok || s.Index(m.To) < 0 {
					t.Fatalf("move %+v ends on a point not in the table from %s", m, tb.From)
				}
			}
		}
		if len(sc.Awards) == 0 {
			if len(tl.Tables) != 1 {
				t.Fatalf("%d tables without awards", len(tl.Tables))
			}
			assertSameScales(t, tl.Tables[0].Scales, ds.Latest().Scales)
		}
	})
}
