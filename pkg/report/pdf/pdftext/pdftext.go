// Package pdftext extracts the text of PDFs for tests, with poppler's
// pdftotext. It exists so that every test that reads a PDF skips (or, in CI,
// fails) the same way when pdftotext is missing.
package pdftext

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// RequireEnv, when set to a non-empty value, turns a missing pdftotext into a
// test failure instead of a skip. .ci/run sets it after installing
// poppler-utils, so PDF checks can never be skipped silently in CI.
const RequireEnv = "PAYMODEL_REQUIRE_POPPLER"

// Available skips or fails t when pdftotext is not installed.
func Available(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		msg := "pdftotext not found: install poppler-utils (apt-get install -y poppler-utils) to run this test"
		if os.Getenv(RequireEnv) != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
}

// Extract returns the text of page (0 for every page) of pdf, laid out as
// pdftotext -layout does not: one text run per line, in reading order.
func Extract(t testing.TB, pdf []byte, page int) string {
	t.Helper()
	Available(t)
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	return File(t, path, page)
}

// File returns the text of page (0 for every page) of the PDF file at path.
func File(t testing.TB, path string, page int) string {
	t.Helper()
	Available(t)
	args := []string{"-enc", "UTF-8"}
	if page > 0 {
		args = append(args, "-f", fmt.Sprint(page), "-l", fmt.Sprint(page))
	}
	out, err := exec.Command("pdftotext", append(args, path, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}
