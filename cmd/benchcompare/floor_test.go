package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"paymodel/pkg/report/pdf/pdftext"
)

// The floor writes one readable one-page PDF per member, named as paymodel
// statements names them, each holding the statement's text with its id.
func TestWriteFloor(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "floor")
	if err := writeFloor(dir, 3); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 3 {
		t.Fatalf("%d files, want 3", len(entries))
	}
	text := strings.Join(strings.Fields(pdftext.File(t, filepath.Join(dir, "statement-P000002.pdf"), 0)), " ")
	for _, want := range []string{"Your pay (P000002)", "Employer pension contribution (29.6%) £5,766.08", "Page 1 of 1"} {
		if !strings.Contains(text, want) {
			t.Errorf("text has no %q:\n%s", want, text)
		}
	}
}
