package pdf

import (
	"os"
	"path/filepath"
	"testing"

	"paymodel/pkg/report"
)

// TestWriteSamples writes sample documents to $PDF_SAMPLES (a directory) to
// be looked at, for example as PNGs made with pdftoppm -png -r 70.
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("PDF_SAMPLES")
	if dir == "" {
		t.Skip("set PDF_SAMPLES=/some/dir to write sample documents to look at")
	}
	wide := smallDoc(wideTable(), report.Chart{
		Kind: report.BarChart, Title: "Many series", YLabel: "Change (%)", XLabel: "Band",
		Categories: []string{"Band 2", "Band 3", "Band 4"},
		Series: []report.Series{
			{Name: "A", Values: []report.Cell{report.PercentChange(d("0.035")), report.PercentChange(d("-0.01")), report.PercentChange(d("0.05"))}},
			{Name: "B", Values: []report.Cell{report.PercentChange(d("0.02")), report.PercentChange(d("0.03")), report.PercentChange(d("0.04"))}},
			{Name: "C", Values: []report.Cell{report.PercentChange(d("0.01")), report.PercentChange(d("0.06")), report.PercentChange(d("0.02"))}},
			{Name: "D", Values: []report.Cell{report.PercentChange(d("0.04")), report.PercentChange(d("0.02")), report.PercentChange(d("0.01"))}},
			{Name: "E – hatched", Values: []report.Cell{report.PercentChange(d("0.03")), report.PercentChange(d("0.01")), report.PercentChange(d("0.03"))}},
		},
	})
	landscape := smallDoc(wideTable())
	landscape.Landscape = true
	docs := map[string]*report.Document{
		"sample.pdf":    sampleDoc(),
		"statement.pdf": statementDoc("Дмитрий Иванов"),
		"wide.pdf":      wide,
		"landscape.pdf": landscape,
	}
	for name, doc := range docs {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := Write(f, doc); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
