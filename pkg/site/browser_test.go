package site_test

// The browser suite: the page is opened from disk in headless Chromium
// (github.com/chromedp/chromedp) and every figure cell it shows is compared
// with what paymodel statement computes for the same member (the statement
// code, analysis.Members, called here directly). It skips when no chromium
// is installed, unless PAYMODEL_REQUIRE_CHROMIUM is set (as .ci/run does),
// when it fails instead.

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/shopspring/decimal"

	"paymodel/pkg/analysis"
	"paymodel/pkg/calendar"
	"paymodel/pkg/dataset"
	"paymodel/pkg/paystructure"
	"paymodel/scenarios"
)

// chromiumPath returns the browser to drive, or skips (fails under
// PAYMODEL_REQUIRE_CHROMIUM) when there is none.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("PAYMODEL_REQUIRE_CHROMIUM") != "" {
		t.Fatal("PAYMODEL_REQUIRE_CHROMIUM is set but there is no chromium on PATH (Debian: apt-get install chromium)")
	}
	t.Skip("no chromium on PATH; set PAYMODEL_REQUIRE_CHROMIUM=1 to make this a failure")
	return ""
}

// shared is the one headless Chromium of the test binary: each test opens
// its own tabs in it.
var shared struct {
	once   sync.Once
	ctx    context.Context
	cancel []context.CancelFunc
	err    error
}

// browser returns the shared browser, starting it on first use.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := chromiumPath(t)
	shared.once.Do(func() {
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(path),
			chromedp.NoSandbox, // CI runs as root
			chromedp.WindowSize(1200, 900),
		)
		actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
		bctx, cancel2 := chromedp.NewContext(actx)
		shared.ctx, shared.cancel = bctx, []context.CancelFunc{cancel2, cancel}
		shared.err = chromedp.Do(bctx) // starts the browser
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.ctx
}

// TestMain stops the shared browser after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	for _, c := range shared.cancel {
		c()
	}
	os.Exit(code)
}

// tab opens a tab that records every network request it makes.
type tab struct {
	ctx      context.Context
	mu       sync.Mutex
	requests []string
}

func newTab(t *testing.T, bctx context.Context) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(bctx)
	t.Cleanup(cancel)
	tb := &tab{ctx: ctx}
	// chromedp enables the network domain of every tab it opens.
	err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			tb.mu.Lock()
			tb.requests = append(tb.requests, e.Request.URL)
			tb.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// checkRequests fails unless every request the tab made was for the page
// file itself, or a data: URL (Chromium's own date-picker icon), which
// never leaves the browser.
func (tb *tab) checkRequests(t *testing.T, page string) int {
	t.Helper()
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, r := range tb.requests {
		u, err := url.Parse(r)
		if err != nil || !(u.Scheme == "file" && u.Path == page || u.Scheme == "data") {
			t.Errorf("the page made a request for %s", r)
		}
	}
	return len(tb.requests)
}

// setField sets a form control's value as a member's edit would, firing
// its input and change events.
func setField(id, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(e => { e.value = %q; e.dispatchEvent(new Event("input")); e.dispatchEvent(new Event("change")); })(document.getElementById(%q))`, value, id))
}

// cell is one figure cell of the page.
type cell struct {
	Scenario, Year, Kind, Value string
}

// shown is what the page shows after a navigation or an edit.
type shown struct {
	Cells  []cell
	Facts  map[string]string // data-fact → data-value of the key figures
	Search string
	Errors string
}

const readPage = `(() => ({
  Cells: Array.from(document.querySelectorAll("[data-kind]")).map(e => ({Scenario: e.dataset.scenario, Year: e.dataset.year, Kind: e.dataset.kind, Value: e.dataset.value})),
  Facts: Object.fromEntries(Array.from(document.querySelectorAll("[data-fact]")).map(e => [e.dataset.fact, e.dataset.value])),
  Search: location.search,
  Errors: Array.from(document.querySelectorAll(".error")).map(e => e.textContent).join(" ").trim(),
}))()`

func (tb *tab) read(actions ...chromedp.Action[chromedp.Void]) (shown, error) {
	if err := chromedp.Do(tb.ctx, actions...); err != nil {
		return shown{}, err
	}
	return chromedp.Run(tb.ctx, chromedp.Evaluate[shown](readPage))
}

// member is a set of inputs and what the statement code says about them.
type member struct {
	query string // the page's query string
	band  string
	point string
	fte   string
	date  string
	cpd   string
}

func (m member) person(t *testing.T) *paystructure.Person {
	t.Helper()
	p := &paystructure.Person{Band: m.band, Point: m.point, Count: 1}
	var err error
	if p.FTE, err = dataset.ParseFTE(m.fte); err != nil {
		t.Fatalf("fte %q: %v", m.fte, err)
	}
	if m.date != "" {
		p.PointDate = calendar.MustParse(m.date)
	}
	if m.cpd != "" {
		p.CPDHours, p.CPDRecorded = decimal.RequireFromString(m.cpd), true
	}
	return p
}

// compare checks every figure cell and key figure against the member's
// statement figures and returns how many it compared.
func compare(t *testing.T, ms *analysis.Members, m member, got shown) int {
	t.Helper()
	if got.Errors != "" {
		t.Errorf("%s: the page shows errors: %s", m.query, got.Errors)
		return 0
	}
	st, err := ms.Member(m.person(t))
	if err != nil {
		t.Fatal(err)
	}
	// The key figures now: full-time salary and pay at the FTE.
	f := st.Facts()
	for k, w := range map[string]decimal.Decimal{"salary": f.Salary, "pay": f.Pay} {
		if v, err := decimal.NewFromString(got.Facts[k]); err != nil || !v.Equal(w) {
			t.Errorf("%s: key figure %s %q, statement %s", m.query, k, got.Facts[k], w)
		}
	}
	// The statement's figures, keyed as the page's cells are.
	want := map[cell]decimal.Decimal{}
	for i, tr := range st.Tracks {
		for _, y := range tr.Years {
			yr := fmt.Sprint(y.Year)
			want[cell{tr.Scenario, yr, "salary", ""}] = y.Salary
			want[cell{tr.Scenario, yr, "pay", ""}] = y.Earnings
		}
		if a := st.Arrears[i]; a != nil {
			want[cell{tr.Scenario, fmt.Sprint(int(a.Month-calendar.Of(tr.Years[0].Date))/12 + 1), "arrears", ""}] = a.Amount
		}
	}
	if len(got.Cells) != len(want) {
		t.Errorf("%s: %d figure cells, want %d", m.query, len(got.Cells), len(want))
	}
	for _, c := range got.Cells {
		v, err := decimal.NewFromString(c.Value)
		if err != nil {
			t.Errorf("%s: data-value %q: %v", m.query, c.Value, err)
			continue
		}
		key := c
		key.Value = ""
		w, ok := want[key]
		if !ok {
			t.Errorf("%s: a cell for %+v, which the statement does not have", m.query, c)
		} else if !v.Equal(w) {
			t.Errorf("%s: %s year %s %s: page %s, statement %s", m.query, c.Scenario, c.Year, c.Kind, c.Value, w)
		}
	}
	return len(got.Cells) + len(got.Facts)
}

// query is a page query string as the page writes it.
func query(kv ...string) string {
	var b strings.Builder
	for i := 0; i < len(kv); i += 2 {
		if kv[i+1] == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(kv[i] + "=" + strings.ReplaceAll(url.QueryEscape(kv[i+1]), "+", "%20"))
	}
	return "?" + b.String()
}

// grid returns the members checked by URL on a sample: every band and
// point, four times: full time with nothing else, then FTEs 0.8, 0.6 and
// 0.37 each with a point date (the day before the start, mid-month, the
// first of a month, long enough ago to be moved by whole years, or none)
// and CPD hours around the CPD-gated offers' thresholds (not recorded, 0,
// just below and at 30, 75 and 150, far above), rotating so that every
// date meets every FTE and hours across the points; and once a band, its
// full-time weekly hours × 0.8 as weekly hours (FTE 0.8).
func grid(d *sampleData) []member {
	start := time.Date(d.start.Year(), time.Month(d.start.Number()), 1, 0, 0, 0, 0, time.UTC)
	day := func(t time.Time) string { return t.Format("2006-01-02") }
	dates := []string{day(start.AddDate(0, 0, -1)), day(start.AddDate(0, -7, 14)), day(start.AddDate(0, -13, 0)), day(start.AddDate(-6, -2, 9)), ""}
	cpds := []string{"", "0", "29.5", "30", "74", "75", "150", "1000"}
	ftes := []string{"0.8", "0.6", "0.37"}
	var out []member
	j := 0
	for _, b := range d.bands {
		for pi, pt := range b.points {
			out = append(out, member{query: query("band", b.name, "point", pt, "fte", "1"), band: b.name, point: pt, fte: "1"})
			for k, f := range ftes {
				m := member{band: b.name, point: pt, fte: f, date: dates[(j+k)%len(dates)], cpd: cpds[(3*j+k)%len(cpds)]}
				m.query = query("band", m.band, "point", m.point, "fte", m.fte, "date", m.date, "cpd", m.cpd)
				out = append(out, m)
			}
			if pi == 0 {
				hours := b.hours.Mul(decimal.RequireFromString("0.8")).String()
				out = append(out, member{query: query("band", b.name, "point", pt, "hours", hours), band: b.name, point: pt, fte: "0.8"})
			}
			j++
		}
	}
	return out
}

// sampleData is what the browser suite needs of a sample.
type sampleData struct {
	s     *sample
	ms    *analysis.Members
	start calendar.Month
	bands []struct {
		name   string
		hours  decimal.Decimal
		points []string
	}
	file string // the page on disk
}

func prepare(t *testing.T, name string) *sampleData {
	t.Helper()
	return prepareSample(t, loadSample(t, name))
}

func prepareSample(t *testing.T, s *sample) *sampleData {
	t.Helper()
	ms, err := analysis.NewMembers(s.ds, s.tls, true)
	if err != nil {
		t.Fatal(err)
	}
	d := &sampleData{s: s, ms: ms, start: s.tls[0].Start, file: filepath.Join(t.TempDir(), "index.html")}
	for _, b := range s.data.Bands {
		var pts []string
		for _, p := range b.Points {
			pts = append(pts, p.Label)
		}
		d.bands = append(d.bands, struct {
			name   string
			hours  decimal.Decimal
			points []string
		}{b.Name, decimal.RequireFromString(b.Hours), pts})
	}
	if err := os.WriteFile(d.file, s.page, 0o644); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestBrowserMatchesStatement opens each sample's page at every point of a
// grid of inputs given in the URL and compares every figure with the
// statement's.
func TestBrowserMatchesStatement(t *testing.T) {
	if testing.Short() {
		t.Skip("browser suite skipped in -short mode")
	}
	bctx := browser(t)
	var inputs, values atomic.Int64
	t.Cleanup(func() { t.Logf("compared %d figures over %d inputs", values.Load(), inputs.Load()) })
	for _, name := range scenarios.Datasets() {
		t.Run(name, func(t *testing.T) {
			t.Parallel() // a tab each, in one browser
			d := prepare(t, name)
			tb := newTab(t, bctx)
			for _, m := range grid(d) {
				got, err := tb.read(chromedp.Navigate("file://" + d.file + m.query))
				if err != nil {
					t.Fatalf("%s: %v", m.query, err)
				}
				values.Add(int64(compare(t, d.ms, m, got)))
				inputs.Add(1)
				if t.Failed() {
					t.FailNow() // one failing input shows the problem; the rest would repeat it
				}
			}
			if n := tb.checkRequests(t, d.file); n == 0 {
				t.Error("no request recorded: the network listener is not working")
			}
		})
	}
}

// TestBrowserForm drives the form by keyboard and typing, as a member
// would, and checks that the URL follows it, that the figures still match
// the statement, and that bad input is reported beside its control.
func TestBrowserForm(t *testing.T) {
	if testing.Short() {
		t.Skip("browser suite skipped in -short mode")
	}
	bctx := browser(t)
	d := prepare(t, "probation")
	tb := newTab(t, bctx)
	page := "file://" + d.file
	b0, b1 := d.bands[0], d.bands[1]

	// Opened with no query: the first band and point, full time.
	got, err := tb.read(chromedp.Navigate(page))
	if err != nil {
		t.Fatal(err)
	}
	compare(t, d.ms, member{query: "(none)", band: b0.name, point: b0.points[0], fte: "1"}, got)

	// Keyboard: the next band, then two points down; the URL follows.
	got, err = tb.read(
		chromedp.Focus(chromedp.CSS("#band")), chromedp.KeyEvent(kb.ArrowDown),
		chromedp.Focus(chromedp.CSS("#point")), chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown),
	)
	if err != nil {
		t.Fatal(err)
	}
	m := member{band: b1.name, point: b1.points[2], fte: "1"}
	m.query = query("band", m.band, "point", m.point, "fte", "1")
	if got.Search != m.query {
		t.Errorf("after choosing by keyboard the URL query is %q, want %q", got.Search, m.query)
	}
	compare(t, d.ms, m, got)

	// Typing an FTE, a point date and CPD hours.
	date := calendar.Month(d.start - 7).First()
	for i, a := range []chromedp.Action[chromedp.Void]{
		setField("fte", ""), chromedp.SendKeys(chromedp.CSS("#fte"), "0.37"),
		setField("date", date.String()), // a date control's keys depend on the locale
		chromedp.SendKeys(chromedp.CSS("#cpd"), "29.5"),
	} {
		if err := chromedp.Do(tb.ctx, a); err != nil {
			t.Fatalf("typing, step %d: %v", i, err)
		}
	}
	got, err = tb.read()
	if err != nil {
		t.Fatal(err)
	}
	m = member{band: b1.name, point: b1.points[2], fte: "0.37", date: date.String(), cpd: "29.5"}
	m.query = query("band", m.band, "point", m.point, "fte", m.fte, "date", m.date, "cpd", m.cpd)
	if got.Search != m.query {
		t.Errorf("after typing, the URL query is %q, want %q", got.Search, m.query)
	}
	compare(t, d.ms, m, got)

	// The URL round-trips: opening it again shows the same figures.
	again, err := tb.read(chromedp.Navigate(page + got.Search))
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(again.Cells) != fmt.Sprint(got.Cells) {
		t.Error("opening the URL the form wrote shows other figures")
	}

	// Weekly hours replace FTE: 29.6 of 37 is 0.8.
	got, err = tb.read(chromedp.SendKeys(chromedp.CSS("#hours"), "29.6"))
	if err != nil {
		t.Fatal(err)
	}
	m.fte = "0.8"
	m.query = query("band", m.band, "point", m.point, "hours", "29.6", "date", m.date, "cpd", m.cpd)
	if got.Search != m.query {
		t.Errorf("after typing hours, the URL query is %q, want %q", got.Search, m.query)
	}
	compare(t, d.ms, m, got)

	// 18 of 37 hours is 0.486486…: an exact fraction, so each figure lies
	// between the statement's at that FTE cut to 6 places (the most an FTE
	// may have) and raised to 6 places (pay never falls as FTE rises).
	got, err = tb.read(setField("hours", ""), chromedp.SendKeys(chromedp.CSS("#hours"), "18"))
	if err != nil {
		t.Fatal(err)
	}
	fte := decimal.NewFromInt(18).DivRound(decimal.NewFromInt(37), 12)
	lo, hi := m, m
	lo.fte, hi.fte = fte.RoundFloor(6).String(), fte.RoundCeil(6).String()
	loM, err := d.ms.Member(lo.person(t))
	if err != nil {
		t.Fatal(err)
	}
	hiM, err := d.ms.Member(hi.person(t))
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, c := range got.Cells {
		if c.Kind != "pay" {
			continue
		}
		for i, tr := range loM.Tracks {
			if tr.Scenario != c.Scenario {
				continue
			}
			y := int(decimal.RequireFromString(c.Year).IntPart()) - 1
			v := decimal.RequireFromString(c.Value)
			if v.LessThan(tr.Years[y].Earnings) || v.GreaterThan(hiM.Tracks[i].Years[y].Earnings) {
				t.Errorf("18 hours: %s year %s pay %s is not between %s and %s", c.Scenario, c.Year, v, tr.Years[y].Earnings, hiM.Tracks[i].Years[y].Earnings)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Error("18 hours: no pay cell checked")
	}

	// Bad input: shown beside the control, no figures.
	got, err = tb.read(setField("hours", ""), chromedp.SendKeys(chromedp.CSS("#hours"), "40"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got.Errors, "Weekly hours must be a number above 0 and at most 37") || len(got.Cells) != 0 {
		t.Errorf("40 hours: errors %q and %d figure cells, want the hours error and none", got.Errors, len(got.Cells))
	}
	if invalid, err := chromedp.Run(tb.ctx, chromedp.AttributeValue(chromedp.CSS("#hours"), "aria-invalid")); err != nil || invalid.Value != "true" {
		t.Errorf("40 hours: aria-invalid %q (%v), want true", invalid.Value, err)
	}
	tb.checkRequests(t, d.file)
}

// TestBrowserArrearsAndLumpSums: an offer put into pay late, with lump sums
// (an amount for everyone, a rate of salary for one band, an amount at the
// top only), shows the member's pay with the lump sums and their arrears
// and the month they are paid, the same as the statement's, at several
// FTEs and points (none of the shipped offers has lump sums).
func TestBrowserArrearsAndLumpSums(t *testing.T) {
	if testing.Short() {
		t.Skip("browser suite skipped in -short mode")
	}
	bctx := browser(t)
	s, err := buildSample("probation", "late.toml", `name = "Offer paid late"
description = "4% from April 2025, put into pay in January 2026 with nine months' arrears."
start = 2025-04-01
implemented = 2026-01-01

[[award]]
from = 2025-04-01
uplift = "4%"

[[lump_sum]]
paid = 2026-04-01
amount = "£333.33"

[[lump_sum]]
paid = 2026-10-01
amount = "1.5%"
bands = ["Band 4"]

[[lump_sum]]
paid = 2027-04-01
amount = "£250"
at_top_only = true
`)
	if err != nil {
		t.Fatal(err)
	}
	d := prepareSample(t, s)
	tb := newTab(t, bctx)
	late := 0
	lumps := 0
	for _, m := range []member{
		{band: "Band 4", point: "1", fte: "1"},
		{band: "Band 4", point: "2", fte: "0.37", date: "2024-07-15"},
		{band: "Band 4", point: "4", fte: "0.6"},
		{band: "Band 2", point: "1", fte: "0.6"},
		{band: "Band 6", point: "2", fte: "0.8", cpd: "10"},
	} {
		m.query = query("band", m.band, "point", m.point, "fte", m.fte, "date", m.date, "cpd", m.cpd)
		got, err := tb.read(chromedp.Navigate("file://" + d.file + m.query))
		if err != nil {
			t.Fatal(err)
		}
		compare(t, d.ms, m, got)
		for _, c := range got.Cells {
			if c.Kind == "arrears" {
				late++
			}
		}
		st, err := d.ms.Member(m.person(t))
		if err != nil {
			t.Fatal(err)
		}
		for _, y := range st.Tracks[len(st.Tracks)-1].Years {
			if y.LumpSums.IsPositive() {
				lumps++
			}
		}
	}
	if late != 5 { // one late offer, five members
		t.Errorf("%d arrears cells, want 5", late)
	}
	if lumps < 5 { // each member has at least the £333.33 in pay year 2
		t.Errorf("lump sums in only %d pay years: the test does not exercise them", lumps)
	}
	tb.checkRequests(t, d.file)
}
