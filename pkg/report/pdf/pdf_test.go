package pdf

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"paymodel/pkg/calendar"
	"paymodel/pkg/report"
	"paymodel/pkg/report/pdf/pdftext"
)

var update = flag.Bool("update", false, "rewrite golden files")

func render(t *testing.T, doc *report.Document) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, doc); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pageCount counts the page objects in a PDF.
func pageCount(pdf []byte) int {
	return len(regexp.MustCompile(`/Type /Page\b[^s]`).FindAll(pdf, -1))
}

// pdfText extracts the text of page (0 for all pages) with pdftext, its
// runs of white space made single spaces.
func pdfText(t *testing.T, pdf []byte, page int) string {
	t.Helper()
	return strings.Join(strings.Fields(pdftext.Extract(t, pdf, page)), " ")
}

func TestTextIsExtractable(t *testing.T) {
	doc := sampleDoc()
	pdf := render(t, doc)
	text := pdfText(t, pdf, 0)
	want := []string{
		doc.Title, doc.Subtitle,
		"Zoë Ó Súilleabháin", "Łukasz Wójcik", "Дмитрий Иванов", "Siân Ŵyn",
		"employer’s offer of 3.5%", "£3,000",
		"+£1,107.75", "£18,425,300", "20,418", "25.8%",
		"Salary per pay point", "Salary 2024/25",
		"Entry £29,970", "Top £36,483",
		"£50,000", "Union claim", "Years from entry",
		"Page 1 of 4", "Page 4 of 4",
		"Dataset: " + footer.Dataset, footer.Checksum, "paymodel " + footer.Version,
		`rounding = "penny"`,
	}
	// Every figure of the table, exactly as Cell.Display gives it.
	for _, row := range doc.Blocks[7].(report.TableBlock).Table.Rows {
		for _, c := range row[2:] {
			want = append(want, c.Display())
		}
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("text has no %q", w)
		}
	}
}

func TestPageCount(t *testing.T) {
	if n := pageCount(render(t, sampleDoc())); n != 4 {
		t.Errorf("sample has %d pages, want 4", n)
	}
	if n := pageCount(render(t, statementDoc("Дмитрий Иванов"))); n != 1 {
		t.Errorf("statement has %d pages, want 1", n)
	}
}

func TestDeterministic(t *testing.T) {
	want := render(t, sampleDoc())
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	got := make([][]byte, 4)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b bytes.Buffer
			if err := r.Write(&b, sampleDoc()); err != nil {
				t.Error(err)
			}
			got[i] = b.Bytes()
		}()
	}
	wg.Wait()
	for i, g := range got {
		if !bytes.Equal(g, want) {
			t.Errorf("render %d differs from the first (%d and %d bytes)", i+1, len(g), len(want))
		}
	}
	if !bytes.Contains(want, []byte("/CreationDate (D:20250401000000")) {
		t.Error("creation date is not the document's date")
	}
}

func longTable(n int) report.TableBlock {
	var rows [][]report.Cell
	for i := 1; i <= n; i++ {
		rows = append(rows, []report.Cell{report.Text(fmt.Sprintf("row-%03d", i)), report.Money(d(fmt.Sprint(20000 + 37*i)))})
	}
	return report.TableBlock{Table: report.Table{Title: "Long table", Columns: []string{"Name", "Annual salary"}, Rows: rows}}
}

func smallDoc(blocks ...report.Block) *report.Document {
	return &report.Document{Title: "Test", Created: calendar.Date{Year: 2025, Month: 4, Day: 1}, Footer: footer, Blocks: blocks}
}

func TestLongTableRepeatsHeader(t *testing.T) {
	pdf := render(t, smallDoc(longTable(150)))
	pages := pageCount(pdf)
	if pages < 3 {
		t.Fatalf("150 rows fit on %d pages", pages)
	}
	seen := map[string]int{}
	for pg := 1; pg <= pages; pg++ {
		text := pdfText(t, pdf, pg)
		if !strings.Contains(text, "Name Annual salary") {
			t.Errorf("page %d has no table header", pg)
		}
		if pg > 1 && !strings.Contains(text, "Long table (continued)") {
			t.Errorf("page %d does not say the table continues", pg)
		}
		for _, m := range regexp.MustCompile(`row-\d{3} £[\d,]+`).FindAllString(text, -1) {
			seen[m]++
		}
	}
	for i := 1; i <= 150; i++ {
		row := fmt.Sprintf("row-%03d %s", i, report.Money(d(fmt.Sprint(20000+37*i))).Display())
		if seen[row] != 1 {
			t.Errorf("%q appears %d times", row, seen[row])
		}
	}
}

func TestNoOrphanTitles(t *testing.T) {
	// A paragraph that fills most of the first page, then a heading and a
	// table: the heading, title and first rows must move on together.
	filler := report.Paragraph{Text: strings.Repeat("Filler text for the page. ", 230)}
	pdf := render(t, smallDoc(filler, report.Heading{Text: "Tables", Level: 1}, longTable(10)))
	if pageCount(pdf) != 2 {
		t.Fatalf("%d pages, want 2", pageCount(pdf))
	}
	first, second := pdfText(t, pdf, 1), pdfText(t, pdf, 2)
	if strings.Contains(first, "Tables") || strings.Contains(first, "Long table") {
		t.Errorf("heading or table title left at the foot of page 1: %q", first[len(first)-200:])
	}
	if !strings.Contains(second, "Tables Long table Name Annual salary row-001") {
		t.Errorf("page 2 does not start with heading, title and rows: %q", second[:120])
	}
}

func wideTable() report.TableBlock {
	cols := []string{"Scenario name", "Band", "Point", "Salary now", "Salary 2025/26", "Salary 2026/27", "Salary 2027/28", "Change", "Change %", "Years to top"}
	row := []report.Cell{
		report.Text("Union claim with a very long name indeed"), report.Text("Band 8a"), report.Int(12),
		report.Money(d("61234.56")), report.Money(d("63456.78")), report.Money(d("65678.90")), report.Money(d("67890.12")),
		report.Change(d("6655.56")), report.PercentChange(d("0.1087")), report.Number(d("4.5"), 1),
	}
	return report.TableBlock{Table: report.Table{Title: "Wide", Columns: cols, Rows: [][]report.Cell{row, row}}}
}

func TestWideTableIsNotClipped(t *testing.T) {
	tb := wideTable()
	pdf := render(t, smallDoc(tb))
	text := pdfText(t, pdf, 1)
	for _, c := range tb.Table.Rows[0] {
		for _, word := range strings.Fields(c.Display()) {
			if !strings.Contains(text, word) {
				t.Errorf("cell word %q is missing (clipped?)", word)
			}
		}
	}
}

func TestRunsSplitByEncoding(t *testing.T) {
	r, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	runs := r.fonts.runs("£5 Дима Ł中", nil)
	if len(runs) != 3 || runs[0].enc != 0 || runs[1].enc == 0 || runs[2].enc == runs[1].enc {
		t.Fatalf("runs = %+v", runs)
	}
	if !strings.HasSuffix(runs[2].text, "?") {
		t.Errorf("a character no font has is not shown as ?: %q", runs[2].text)
	}
}

func TestInvalidDocumentIsRefused(t *testing.T) {
	doc := smallDoc(report.Heading{Text: "x", Level: 7})
	if err := Write(&bytes.Buffer{}, doc); err == nil {
		t.Error("heading level 7 accepted")
	}
}

// TestGolden compares a small document with testdata/small.pdf, byte for
// byte. Run with -update after an intended change, and look at the result.
func TestGolden(t *testing.T) {
	doc := smallDoc(
		report.Heading{Text: "Golden", Level: 1},
		report.Paragraph{Text: "Zoë Ó Súilleabháin – Дмитрий Иванов – £31,650."},
		report.KeyFigures{Items: []report.KeyFigure{{Label: "Salary", Value: report.Money(d("31650"))}}},
		report.TableBlock{Table: report.Table{Title: "Points", Columns: []string{"Point", "Salary"}, Rows: [][]report.Cell{
			{report.Int(1), report.Money(d("24071"))}, {report.Int(2), report.Money(d("24683.50"))},
		}}},
	)
	got := render(t, doc)
	path := filepath.Join("testdata", "small.pdf")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (%d bytes, want %d); if intended, run go test -update and look at it", path, len(got), len(want))
	}
}

func TestLandscape(t *testing.T) {
	doc := smallDoc(wideTable())
	doc.Landscape = true
	if pdf := render(t, doc); !bytes.Contains(pdf, []byte("/MediaBox [0 0 841.89 595.28]")) {
		t.Error("landscape document does not have landscape A4 pages")
	}
}
