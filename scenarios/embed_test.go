package scenarios

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
)

func TestDatasets(t *testing.T) {
	want := []string{"nhs-afc", "probation", "teachers"}
	if got := Datasets(); !slices.Equal(got, want) {
		t.Fatalf("Datasets() = %v, want %v", got, want)
	}
	for _, name := range want {
		fsys, err := FS(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{"bands.csv", "increments.csv", "README.md"} {
			b, err := fs.ReadFile(fsys, f)
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			if len(b) == 0 {
				t.Errorf("%s/%s is empty", name, f)
			}
		}
		offers, err := fs.Glob(fsys, "offers/*.toml")
		if err != nil || len(offers) == 0 {
			t.Errorf("%s: no offers (%v)", name, err)
		}
	}
	if _, err := FS("nope"); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("FS(nope) error = %v", err)
	}
}

// TestOfferDatesAndSources checks two conventions of the offer files without
// parsing TOML: each starts with a comment naming its source, and every date
// is the first of a month.
func TestOfferDatesAndSources(t *testing.T) {
	for _, name := range Datasets() {
		fsys, _ := FS(name)
		offers, _ := fs.Glob(fsys, "offers/*.toml")
		for _, o := range offers {
			b, err := fs.ReadFile(fsys, o)
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			if !strings.HasPrefix(text, "# Source:") {
				t.Errorf("%s/%s: first line is not a # Source: comment", name, o)
			}
			for i, line := range strings.Split(text, "\n") {
				if strings.HasPrefix(line, "#") {
					continue
				}
				for _, f := range strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == '[' || r == ']' || r == ',' || r == '=' }) {
					if len(f) == 10 && f[4] == '-' && f[7] == '-' && f[0] == '2' && f[8:] != "01" {
						t.Errorf("%s/%s:%d: date %s is not the first of a month", name, o, i+1, f)
					}
				}
			}
		}
	}
}
