package scenarios_test

import (
	"io/fs"
	"strings"
	"testing"

	"paymodel/pkg/calendar"
	"paymodel/pkg/dataset"
	"paymodel/pkg/scenario"
	"paymodel/scenarios"
)

// TestBuiltinsLoadAndApply loads every built-in dataset and applies every
// offer file to it, so a change to a file (or to the formats) that breaks
// one fails here.
func TestBuiltinsLoadAndApply(t *testing.T) {
	for _, name := range scenarios.Datasets() {
		fsys, err := scenarios.FS(name)
		if err != nil {
			t.Fatal(err)
		}
		ds, err := dataset.Load(fsys, name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(ds.Warnings) > 0 {
			t.Errorf("%s: warnings %v", name, ds.Warnings)
		}
		if name == "probation" && (ds.Census == nil || ds.Census.Headcount != 20000) {
			t.Errorf("probation: census %+v, want 20,000 people", ds.Census)
		}
		offers, _ := fs.Glob(fsys, "offers/*.toml")
		for _, o := range offers {
			src, err := fs.ReadFile(fsys, o)
			if err != nil {
				t.Fatal(err)
			}
			sc, err := scenario.Parse(name+"/"+o, src)
			if err != nil {
				t.Errorf("%v", err)
				continue
			}
			if _, err := scenario.Apply(ds, sc); err != nil {
				t.Errorf("%s/%s: %v", name, o, err)
			}
		}
	}
}

// TestTeachersAward2023 checks that award-2023.toml turns the published
// 2022/23 table into the published 2023/24 table exactly.
func TestTeachersAward2023(t *testing.T) {
	fsys, _ := scenarios.FS("teachers")
	ds, err := dataset.Load(fsys, "teachers")
	if err != nil {
		t.Fatal(err)
	}
	src, err := fs.ReadFile(fsys, "offers/award-2023.toml")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := scenario.Parse("award-2023.toml", src)
	if err != nil {
		t.Fatal(err)
	}
	tl, err := scenario.Apply(ds, sc)
	if err != nil {
		t.Fatal(err)
	}
	from := calendar.Of(calendar.MustParse("2023-09-01"))
	got := tl.TableAt(from)
	if got.From != from {
		t.Fatalf("no table from %s (table in force from %s)", from, got.From)
	}
	want := ds.Structures[len(ds.Structures)-1]
	if want.EffectiveFrom != calendar.MustParse("2023-09-01") {
		t.Fatalf("latest structure is from %s", want.EffectiveFrom)
	}
	for _, ws := range want.Scales {
		gs, ok := got.Scale(ws.Band)
		if !ok || len(gs.Points) != len(ws.Points) {
			t.Errorf("%s: got %+v", ws.Band, gs)
			continue
		}
		for i, wp := range ws.Points {
			gp := gs.Points[i]
			if gp.Label != wp.Label || !gp.Salary.Equal(wp.Salary) {
				var steps []string
				for _, s := range gp.Derivation {
					steps = append(steps, s.Text)
				}
				t.Errorf("%s %s: got %s %s, published %s (%s)", ws.Band, wp.Label, gp.Label, gp.Salary, wp.Salary, strings.Join(steps, "; "))
			}
		}
	}
}
