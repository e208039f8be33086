package pdf

import (
	"os"
	"testing"
)

// TestWriteSample writes the sample document to $PDF_SAMPLE for looking at.
func TestWriteSample(t *testing.T) {
	path := os.Getenv("PDF_SAMPLE")
	if path == "" {
		t.Skip("set PDF_SAMPLE=/path/sample.pdf to write the sample document")
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := Write(f, sampleDoc()); err != nil {
		t.Fatal(err)
	}
}
