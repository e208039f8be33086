package propgen

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"paymodel/pkg/dataset"
	"paymodel/pkg/scenario"
)

// TestDeterministic: one seed, one case, byte for byte; another seed, another.
func TestDeterministic(t *testing.T) {
	a, b, c := Generate(7, Large), Generate(7, Large), Generate(8, Large)
	if len(a.Files) != len(b.Files) {
		t.Fatalf("seed 7 gave %d then %d files", len(a.Files), len(b.Files))
	}
	for name, data := range a.Files {
		if !bytes.Equal(data, b.Files[name]) {
			t.Errorf("seed 7: %s differs between two runs", name)
		}
	}
	if bytes.Equal(a.Files["increments.csv"], c.Files["increments.csv"]) && bytes.Equal(a.Files["bands.csv"], c.Files["bands.csv"]) {
		t.Errorf("seeds 7 and 8 gave the same structure")
	}
}

// TestValid: every generated case is a valid dataset whose offers parse and
// apply (the whole-pipeline tests then run them through the CLI), and the
// generator reaches the shapes it is for.
func TestValid(t *testing.T) {
	seen := map[string]int{}
	for seed := range uint64(300) {
		c := Generate(seed, Large)
		fsys := fstest.MapFS{}
		for name, data := range c.Files {
			fsys[name] = &fstest.MapFile{Data: data}
		}
		ds, err := dataset.Load(fsys, "gen")
		if err != nil {
			t.Fatalf("seed %d: dataset: %v", seed, err)
		}
		var scs []*scenario.Scenario
		for _, name := range c.Offers {
			sc, err := scenario.Parse(name, c.Files[name])
			if err != nil {
				t.Fatalf("seed %d: %v\n%s", seed, err, c.Files[name])
			}
			scs = append(scs, sc)
			if _, err := scenario.Apply(ds, sc); err != nil {
				t.Fatalf("seed %d: %v\n%s", seed, err, c.Files[name])
			}
		}
		if err := scenario.Check(scs); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		for _, sc := range ds.Latest().Scales {
			if len(sc.Points) >= 21 {
				seen["21+ points"]++
			}
		}
		for _, name := range c.Offers {
			text := string(c.Files[name])
			for _, k := range []string{"uplift", "flat =", "set =", "minimum", "maximum", "remove_points", "add_point", "floor_hourly",
				"bands =", "points =", "salary_below", "salary_from", "progress-first", "freeze", "accelerate_hours", "pathway",
				"[[lump_sum]]", "at_top_only", "cpd_days", `"none"`, `"up-pound"`, `"penny"`, "qualifying_months"} {
				if strings.Contains(text, k) {
					seen[k]++
				}
			}
		}
		if len(c.NullOffers) > 0 {
			seen["null offer"]++
		}
		if c.HasCensus {
			seen["census"]++
		}
		if bytes.Contains(c.Files["staff.csv"], []byte(",0.25,")) {
			seen["fte 0.25"]++
		}
	}
	for k, n := range seen {
		t.Logf("%-20s %d", k, n)
	}
	for _, k := range []string{"uplift", "flat =", "set =", "minimum", "maximum", "remove_points", "add_point", "floor_hourly",
		"bands =", "points =", "salary_below", "salary_from", "progress-first", "freeze", "accelerate_hours", "pathway",
		"[[lump_sum]]", "at_top_only", "cpd_days", "null offer", "census", "21+ points", "qualifying_months"} {
		if seen[k] < 5 {
			t.Errorf("only %d of 300 cases have %s", seen[k], k)
		}
	}
}
