package site_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/shopspring/decimal"

	"paymodel/pkg/analysis"
	"paymodel/pkg/dataset"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/scenario"
	"paymodel/pkg/site"
	"paymodel/scenarios"
)

// sample is a built-in dataset with every shipped offer, its page data and
// the page, built once per test binary.
type sample struct {
	ds   *paystructure.Dataset
	tls  []*paystructure.Timeline
	data *site.Data
	page []byte
}

var samples sync.Map // name → func() (*sample, error)

func loadSample(t testing.TB, name string) *sample {
	t.Helper()
	f, _ := samples.LoadOrStore(name, sync.OnceValues(func() (*sample, error) { return buildSample(name) }))
	s, err := f.(func() (*sample, error))()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// buildSample builds the page of a built-in dataset with its shipped
// offers and then the scenario files in extra (name, text, name, text…).
func buildSample(name string, extra ...string) (*sample, error) {
	fsys, err := scenarios.FS(name)
	if err != nil {
		return nil, err
	}
	ds, err := dataset.Load(fsys, name)
	if err != nil {
		return nil, err
	}
	files, err := fs.Glob(fsys, "offers/*.toml")
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var srcs []string // name, text, …
	for _, f := range files {
		src, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, f, string(src))
	}
	srcs = append(srcs, extra...)
	var scs []*scenario.Scenario
	for i := 0; i < len(srcs); i += 2 {
		sc, err := scenario.Parse(srcs[i], []byte(srcs[i+1]))
		if err != nil {
			return nil, err
		}
		scs = append(scs, sc)
	}
	tls, err := analysis.Timelines(ds, scs, 0)
	if err != nil {
		return nil, err
	}
	d, err := site.Build(ds, tls, "test")
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := site.Write(&b, d); err != nil {
		return nil, err
	}
	return &sample{ds: ds, tls: tls, data: d, page: b.Bytes()}, nil
}

// TestExact: data-value's decimal form.
func TestExact(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"39000", "39000.00"},
		{"39000.5", "39000.50"},
		{"-12.5", "-12.50"},
		{"25524.0625", "25524.0625"}, // an unrounded NHS salary keeps its places
		{"0", "0.00"},
	} {
		if got := site.Exact(decimal.RequireFromString(c.in)); got != c.want {
			t.Errorf("Exact(%s) = %s, want %s", c.in, got, c.want)
		}
	}
}

// TestPageHoldsNoCensus: no census id or name appears in the page, and a
// second build from the dataset without its census gives the same bytes
// (so the page is also reproducible).
func TestPageHoldsNoCensus(t *testing.T) {
	s := loadSample(t, "probation")
	fsys, err := scenarios.FS("probation")
	if err != nil {
		t.Fatal(err)
	}
	staff, err := fs.ReadFile(fsys, "staff.csv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(staff), "\n")[1:]
	checked := 0
	for _, l := range lines {
		f := strings.Split(l, ",")
		if len(f) < 2 {
			continue
		}
		for _, v := range f[:2] { // id and name
			if bytes.Contains(s.page, []byte(v)) {
				t.Fatalf("the page contains a census value %q", v)
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Fatalf("checked only %d census values", checked)
	}
	noCensus := *s.ds
	noCensus.Census = nil
	d, err := site.Build(&noCensus, s.tls, "test")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := site.Write(&b, d); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), s.page) {
		t.Error("the page changes with the census")
	}
}

// TestPageIsSelfContained: nothing in the page names another resource.
func TestPageIsSelfContained(t *testing.T) {
	for _, name := range scenarios.Datasets() {
		s := loadSample(t, name)
		for _, re := range []string{`(?i)<(link|img|iframe|object|embed)\b`, `(?i)\bsrc\s*=`, `(?i)https?://(?:[^w]|w[^w]|ww[^w])`, `(?i)@import`, `(?i)\burl\(`, `(?i)\bfetch\(|XMLHttpRequest`} {
			if m := regexp.MustCompile(re).Find(s.page); m != nil {
				t.Errorf("%s: the page contains %q", name, m)
			}
		}
	}
}

// TestDataIsCompact: the embedded data of each sample stays small, and
// amounts are strings.
func TestDataIsCompact(t *testing.T) {
	for _, c := range []struct {
		name string
		max  int // bytes of the whole page
	}{
		{"probation", 80 << 10},
		{"nhs-afc", 160 << 10},
		{"teachers", 60 << 10},
	} {
		s := loadSample(t, c.name)
		t.Logf("%s: page %d bytes, %d paths, %d spans, %d values", c.name, len(s.page), len(s.data.Paths), len(s.data.Spans), len(s.data.Values))
		if len(s.page) > c.max {
			t.Errorf("%s: page of %d bytes, want at most %d", c.name, len(s.page), c.max)
		}
		js, err := json.Marshal(s.data.Values)
		if err != nil {
			t.Fatal(err)
		}
		var vs []any
		if err := json.Unmarshal(js, &vs); err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			if _, ok := v.(string); !ok {
				t.Fatalf("%s: value %v is not a string", c.name, v)
			}
		}
	}
}
