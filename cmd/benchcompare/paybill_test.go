package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// paybill.py, run on the built-in probation sample (20,000 people, start
// 2025-04-01, 10 years), gives exactly the basic pay of every Current row of
// the sample's cost.csv golden file (written by paymodel's engine and
// reviewed there); a figure one penny out is caught.
func TestPaybillMatchesCost(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3")
	}
	golden := filepath.Join("..", "..", "pkg", "report", "content", "testdata", "golden", "cost.csv")
	out := filepath.Join(t.TempDir(), "paybill.csv")
	cmd := exec.Command(python, filepath.Join("testdata", "paybill.py"), filepath.Join("..", "..", "scenarios", "probation"), paybillStart, "10", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("paybill.py: %v\n%s", err, b)
	}
	rows, err := samePaybill(golden, out)
	if err != nil {
		t.Fatal(err)
	}
	// 5 bands and All, 10 years
	if rows != 60 {
		t.Errorf("%d rows compared, want 60", rows)
	}

	// Year 1's All row is 638910066.00 in the golden file; one penny more
	// must be reported.
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(b), "1,2025-04-01,All,638910066.00", "1,2025-04-01,All,638910066.01", 1)
	if bad == string(b) {
		t.Fatal("paybill.py's output has no year-1 All row of 638910066.00")
	}
	if err := os.WriteFile(out, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := samePaybill(golden, out); err == nil || !strings.Contains(err.Error(), "638910066.01") {
		t.Errorf("a penny out: got %v, want an error naming 638910066.01", err)
	}
}
