package site_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/shopspring/decimal"

	"paymodel/pkg/internal/fixture"
	"paymodel/pkg/paystructure"
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
	ds, tls, err := fixture.Load(name, extra...)
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

// TestPointStatus: the probation sample's increments.csv marks Band 3
// points 2–4 illustrative and points 1 (the PQiP salary) and 5 (the
// maximum) published, so the page's data carries "illustrative" on those
// three and nothing on the others, and the generated page holds the data,
// the marker the script puts after such a salary and its note; the NHS
// sample's points are all published, so its data carries no status.
func TestPointStatus(t *testing.T) {
	s := loadSample(t, "probation")
	var got []string
	for _, b := range s.data.Bands {
		if b.Name != "Band 3" {
			continue
		}
		for _, p := range b.Points {
			got = append(got, p.Label+"="+p.Status)
		}
	}
	if want := "1= 2=illustrative 3=illustrative 4=illustrative 5="; strings.Join(got, " ") != want {
		t.Errorf("Band 3 statuses %q, want %q", strings.Join(got, " "), want)
	}
	for _, want := range []string{
		`{"label":"2","salary":`, `"st":"illustrative"`,
		`const MARK = "†";`,
		`Some of your salaries here are illustrative or derived points, or worked out from one, not published figures`,
		`pt.st ? MARK + " " + pt.st + " point, not published" : ""`,
	} {
		if !bytes.Contains(s.page, []byte(want)) {
			t.Errorf("the page does not contain %q", want)
		}
	}
	if n := bytes.Count(s.page, []byte(`"st":"illustrative"`)); n != 13 {
		t.Errorf("%d illustrative points in the page, want the sample's 13", n)
	}
	// Path.Unpublished: Band 3 point 5, the published top, never stands
	// on an illustrative point; point 2 stands on itself (illustrative) in
	// the first pay year under every scenario and point month; Band 2
	// point 2 (illustrative), under Current, stays there in the first pay
	// year when reached less than 6 months before 1 April 2025 and moves
	// to the published top that day when reached earlier, so its paths
	// are of both kinds.
	for _, c := range []struct {
		band, point string
		scenario    int
		want        string
	}{
		{"Band 3", "5", -1, "false"},
		{"Band 3", "2", -1, "true"},
		{"Band 2", "2", 0, "false true"},
	} {
		if got := unpublished(t, s.data, c.band, c.point, c.scenario); got != c.want {
			t.Errorf("%s point %s: paths unpublished %q, want %q", c.band, c.point, got, c.want)
		}
	}
	if bytes.Contains(loadSample(t, "nhs-afc").page, []byte(`"st":`)) {
		t.Error("the NHS page marks a point, but its dataset marks none")
	}
}

// unpublished lists, in order, the distinct Unpublished values of the
// paths of a band's point under scenario s (every scenario when s < 0).
func unpublished(t *testing.T, d *site.Data, band, point string, s int) string {
	t.Helper()
	seen := map[bool]bool{}
	for _, b := range d.Bands {
		for _, p := range b.Points {
			if b.Name != band || p.Label != point {
				continue
			}
			for i, spans := range p.Paths {
				if s >= 0 && i != s {
					continue
				}
				for _, sp := range spans {
					for k := 1; k < len(d.Spans[sp]); k += 2 {
						seen[d.Paths[d.Spans[sp][k]].Unpublished] = true
					}
				}
			}
		}
	}
	var out []string
	for _, v := range []bool{false, true} {
		if seen[v] {
			out = append(out, fmt.Sprint(v))
		}
	}
	if len(out) == 0 {
		t.Fatalf("no paths for %s point %s", band, point)
	}
	return strings.Join(out, " ")
}
