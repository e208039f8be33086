package content_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/shopspring/decimal"

	"paymodel/pkg/analysis"
	"paymodel/pkg/calendar"
	"paymodel/pkg/dataset"
	"paymodel/pkg/internal/fixture"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/report"
	"paymodel/pkg/report/content"
	"paymodel/pkg/report/pdf"
	"paymodel/pkg/report/pdf/pdftext"
	"paymodel/pkg/scenario"
)

var update = flag.Bool("update", false, "rewrite golden files")

// sample runs the comparison of the built-in probation sample with every
// shipped offer, once per test binary.
var sample = sync.OnceValues(func() (*analysis.Result, error) {
	return runSample("probation")
})

func runSample(name string) (*analysis.Result, error) { return fixture.Run(name) }

func mustSample(t *testing.T) *analysis.Result {
	t.Helper()
	r, err := sample()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// compareMapFS runs the comparison of the dataset called name in fsys,
// with opt, against the offers in files, given as file name, TOML text,
// file name, TOML text….
func compareMapFS(t *testing.T, fsys fstest.MapFS, name string, opt analysis.Options, files ...string) *analysis.Result {
	t.Helper()
	ds, err := dataset.Load(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	var scs []*scenario.Scenario
	for i := 0; i+1 < len(files); i += 2 {
		sc, err := scenario.Parse(files[i], []byte(files[i+1]))
		if err != nil {
			t.Fatal(err)
		}
		scs = append(scs, sc)
	}
	tls, err := analysis.Timelines(ds, scs, 0)
	if err != nil {
		t.Fatal(err)
	}
	r, err := analysis.Run(context.Background(), ds, tls, opt)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestSampleCSVGolden pins every CSV table of the sample comparison. After an
// intended change, run go test ./pkg/report/content -update and review the diff.
func TestSampleCSVGolden(t *testing.T) {
	r := mustSample(t)
	tables := content.CompareTables(r)
	want := []string{content.PointsCSV, content.CareersCSV, content.SummaryCSV, content.CostCSV, content.DistributionCSV, content.EqualityCSV, content.PayGapCSV,
		content.RealTermsCSV, content.FloorsCSV}
	if len(tables) != len(want) {
		t.Fatalf("got %d tables, want %d", len(tables), len(want))
	}
	for i, tab := range tables {
		if tab.Name != want[i] {
			t.Errorf("table %d is %s, want %s", i, tab.Name, want[i])
		}
		checkGoldenCSV(t, tab.Name, tab)
	}
}

// checkGoldenCSV compares tab written as CSV with testdata/golden/file, or
// rewrites the file under -update.
func checkGoldenCSV(t *testing.T, file string, tab report.Table) {
	t.Helper()
	var buf bytes.Buffer
	if err := report.WriteCSV(&buf, tab); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "golden", file)
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./pkg/report/content -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("%s differs from %s; first difference:\n%s", tab.Name, golden, firstDiff(buf.String(), string(want)))
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n  got:  " + gl + "\n  want: " + wl
		}
	}
	return "(none)"
}

// csvCell returns the cell in column col of the first row of tab whose CSV
// values match every entry of match.
func csvCell(t *testing.T, tab report.Table, match map[string]string, col string) report.Cell {
	t.Helper()
	idx := map[string]int{}
	for i, c := range tab.Columns {
		idx[c] = i
	}
	for _, row := range tab.Rows {
		ok := true
		for k, v := range match {
			if row[idx[k]].CSV() != v {
				ok = false
				break
			}
		}
		if ok {
			return row[idx[col]]
		}
	}
	t.Fatalf("%s: no row matching %v", tab.Name, match)
	return report.Cell{}
}

func tableNamed(t *testing.T, tables []report.Table, name string) report.Table {
	t.Helper()
	for _, tab := range tables {
		if tab.Name == name {
			return tab
		}
	}
	t.Fatalf("no table %s", name)
	return report.Table{}
}

var meta = report.Meta{
	Created: calendar.MustParse("2024-04-01"),
	Footer:  report.Footer{Report: "Pay comparison", Dataset: "probation", Checksum: "test", Version: "test"},
}

// TestComparisonPDF checks that the comparison report shows the sample's key
// figures exactly as the CSV tables hold them, and renders identically twice.
func TestComparisonPDF(t *testing.T) {
	r := mustSample(t)
	doc := content.Comparison(r, meta)
	var a, b bytes.Buffer
	if err := pdf.Write(&a, doc); err != nil {
		t.Fatal(err)
	}
	if err := pdf.Write(&b, content.Comparison(r, meta)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two renders of the same comparison differ")
	}
	if n := pages(a.Bytes()); n < 10 || n > 40 {
		t.Errorf("comparison has %d pages; expected 10–40", n)
	}
	text := normalise(pdftext.Extract(t, a.Bytes(), 0))
	tables := content.CompareTables(r)
	cost := tableNamed(t, tables, content.CostCSV)
	summary := tableNamed(t, tables, content.SummaryCSV)
	points := tableNamed(t, tables, content.PointsCSV)
	want := []report.Cell{
		// Year-1 paybill of Current and the employer offer, from cost.csv.
		csvCell(t, cost, map[string]string{"scenario": "Current", "year": "1", "band": "All"}, "total"),
		csvCell(t, cost, map[string]string{"scenario": "Employer offer 2025/26", "year": "1", "band": "All"}, "total"),
		csvCell(t, cost, map[string]string{"scenario": "Employer offer 2025/26", "year": "1", "band": "All"}, "change"),
		// Band 4 point 5 under the employer offer and its change, from points.csv.
		csvCell(t, points, map[string]string{"scenario": "Employer offer 2025/26", "date": "2025-04-01", "band": "Band 4", "point": "5"}, "salary"),
		csvCell(t, points, map[string]string{"scenario": "Employer offer 2025/26", "date": "2025-04-01", "band": "Band 4", "point": "5"}, "change"),
		// Career earnings from summary.csv.
		csvCell(t, summary, map[string]string{"scenario": "Joint union claim 2025/26", "band": "Band 3"}, "career_earnings"),
	}
	for _, c := range want {
		if !strings.Contains(text, c.Display()) {
			t.Errorf("comparison.pdf does not show %s (CSV %s)", c.Display(), c.CSV())
		}
	}
	// Hand-checked anchors: 4% on £42,000 is £43,680, a rise of £1,680.
	for _, s := range []string{"£43,680", "+£1,680", "Balanced scorecard", "Appendix: assumptions and rules", "name = \"Employer offer 2025/26\""} {
		if !strings.Contains(text, s) {
			t.Errorf("comparison.pdf does not contain %q", s)
		}
	}
}

// TestBriefingPDF checks the campaign briefing's length and its figures,
// worked by hand from the sample's ONS index levels: Band 4's top of April
// 2021 (£37,174) at April 2025 CPI prices is 37174 × 138.2 ÷ 110.1 =
// £46,661.64, and £42,000 is 42000 ÷ 46661.64 − 1 = −9.99…% ≈ 10.0% less;
// CPI over the 12 months to April 2025 is 138.2 ÷ 133.5 − 1 = 3.5%; Band 2
// point 1 (£23,500) is below the April 2026 National Living Wage, 12.71 ×
// 37 × 52.143 = £24,521.29 a year. The sample's 2021 structure is marked
// derived or illustrative (increments.csv's status column), so its
// real-terms figures carry a † and the footnote; the NHS sample's history
// is published, so its briefing has none.
func TestBriefingPDF(t *testing.T) {
	r := mustSample(t)
	nhs, err := runSample("nhs-afc")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, content.Briefing(r, nil, meta)); err != nil {
		t.Fatal(err)
	}
	if n := pages(buf.Bytes()); n < 2 || n > 4 {
		t.Errorf("briefing has %d pages; want 2–4", n)
	}
	text := normalise(pdftext.Extract(t, buf.Bytes(), 0))
	for _, s := range []string{"Band 4 top is worth 10.0% † less than in April 2021", "† From a salary the dataset marks derived or illustrative", "Inflation (CPI)", "3.5%", "Smallest rise",
		"National Living Wage, £12.71 from April 2026 April 2026 Current Band 2 point 1", "Days worked unpaid (CPI)"} {
		if !strings.Contains(text, s) {
			t.Errorf("briefing does not contain %q", s)
		}
	}
	buf.Reset()
	if err := pdf.Write(&buf, content.Briefing(nhs, []*paystructure.Dataset{r.Dataset}, meta)); err != nil {
		t.Fatal(err)
	}
	if n := pages(buf.Bytes()); n < 2 || n > 4 {
		t.Errorf("NHS briefing has %d pages; want 2–4", n)
	}
	if text := pdftext.Extract(t, buf.Bytes(), 0); strings.Contains(text, "†") {
		t.Error("NHS briefing marks a figure †, but its history is published")
	}
}

func pages(pdf []byte) int {
	return len(regexp.MustCompile(`/Type /Page\b[^s]`).FindAll(pdf, -1))
}

// normalise joins pdftotext's line breaks so figures split across lines
// still match.
func normalise(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// TestStatementPDF renders the statement of a census member with a Cyrillic
// name and checks the figures a member reads, worked by hand: P000106 is on
// Band 4 point 5 (the top, £42,000) at 1 FTE; the employer pension is 29.6%,
// so £12,432 and a total reward of £54,432; the employer offer's 4% makes
// £43,680 from 2025/26.
func TestStatementPDF(t *testing.T) {
	r := mustSample(t)
	ms, err := analysis.NewMembers(r.Dataset, r.Timelines, false)
	if err != nil {
		t.Fatal(err)
	}
	p := &paystructure.Person{ID: "P000106", Name: "Дмитрий Смирнова", Band: "Band 4", Point: "5",
		FTE: decimal.NewFromInt(1), PointDate: calendar.MustParse("2024-04-01"), Count: 1}
	m, err := ms.Member(p)
	if err != nil {
		t.Fatal(err)
	}
	f := m.Facts()
	if f.PointIndex != 5 || f.PointCount != 5 || !f.Pension.Equal(decimal.NewFromInt(12432)) || !f.TotalReward.Equal(decimal.NewFromInt(54432)) {
		t.Errorf("facts = point %d of %d, pension %s, total %s; want 5 of 5, 12432, 54432", f.PointIndex, f.PointCount, f.Pension, f.TotalReward)
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, content.Statement(m, meta)); err != nil {
		t.Fatal(err)
	}
	if n := pages(buf.Bytes()); n != 1 {
		t.Errorf("statement has %d pages, want 1", n)
	}
	text := normalise(pdftext.Extract(t, buf.Bytes(), 0))
	for _, s := range []string{"Дмитрий Смирнова", "5 of 5", "£42,000", "100.0%", "£12,432", "£54,432", "£43,680", "+£1,680", "You are at the top of Band 4"} {
		if !strings.Contains(text, s) {
			t.Errorf("statement does not contain %q", s)
		}
	}

	redacted, err := analysis.NewMembers(r.Dataset, r.Timelines, true)
	if err != nil {
		t.Fatal(err)
	}
	m, err = redacted.Member(p)
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if err := pdf.Write(&buf, content.Statement(m, meta)); err != nil {
		t.Fatal(err)
	}
	text = normalise(pdftext.Extract(t, buf.Bytes(), 0))
	if strings.Contains(text, "Дмитрий") || !strings.Contains(text, "Member P000106") {
		t.Errorf("redacted statement shows the name or lacks the id:\n%s", text)
	}
}
