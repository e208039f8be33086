package analysis

import (
	"errors"
	"testing"
	"testing/fstest"

	"paymodel/pkg/dataset"
	"paymodel/pkg/scenario"
)

// TestScenarioErrorStructured: a scenario that cannot be applied gives a
// ScenarioError whose text is the heading and each problem a line, and
// whose problems stay positioned (errors.As finds the scenario.ErrorList).
func TestScenarioErrorStructured(t *testing.T) {
	fsys := fstest.MapFS{
		"bands.csv":      {Data: []byte("band,title,progression\nBand A,Clerk,anniversary\n")},
		"increments.csv": {Data: []byte("band,point,salary,effective_from\nBand A,1,20000,2024-04-01\nBand A,2,21000,2024-04-01\n")},
	}
	ds, err := dataset.Load(fsys, "ds")
	if err != nil {
		t.Fatal(err)
	}
	var scs []*scenario.Scenario
	for _, f := range []struct{ name, src string }{
		{"a.toml", "name = \"A\"\nstart = 2025-04-01\nyears = 3\n\n[[award]]\nfrom = 2025-04-01\nuplift = \"3%\"\nbands = [\"Band Z\"]\n"},
		{"b.toml", "name = \"B\"\nstart = 2025-04-01\nyears = 3\n\n[[award]]\nfrom = 2025-04-01\nuplift = \"2%\"\n"},
		{"c.toml", "name = \"C\"\nstart = 2025-04-01\nyears = 3\n\n[[award]]\nfrom = 2025-04-01\nuplift = \"1%\"\nbands = [\"Band Y\"]\n"},
	} {
		sc, err := scenario.Parse(f.name, []byte(f.src))
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		scs = append(scs, sc)
	}
	_, err = Timelines(ds, scs, 0)
	want := "scenarios cannot be applied to dataset ds:\n" +
		"a.toml:8:9: bands: no band \"Band Z\" in the dataset (its bands are Band A)\n" +
		"c.toml:8:9: bands: no band \"Band Y\" in the dataset (its bands are Band A)"
	if err == nil || err.Error() != want {
		t.Fatalf("got error %v, want\n%s", err, want)
	}
	var se *ScenarioError
	if !errors.As(err, &se) || len(se.Errs) != 2 {
		t.Fatalf("errors.As(*ScenarioError) failed or wrong count: %#v", err)
	}
	var list scenario.ErrorList
	if !errors.As(err, &list) {
		t.Fatal("errors.As does not find the scenario.ErrorList")
	}
	if len(list) != 1 || list[0].File != "a.toml" || list[0].Line != 8 || list[0].Col != 9 {
		t.Errorf("first list = %v, want one problem at a.toml:8:9", list)
	}
}
