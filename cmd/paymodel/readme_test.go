package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
)

// TestREADMECompareOutput keeps the compare output quoted in README.md true:
// it runs compare on the built-in sample and checks the README shows exactly
// what it prints.
func TestREADMECompareOutput(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"compare", "probation", "--no-pdf", "--out", t.TempDir()}, &stdout, &stderr); code != 0 {
		t.Fatalf("compare exited %d: %s", code, stderr.String())
	}
	var kept []string
	for _, line := range strings.Split(strings.TrimRight(stdout.String(), "\n"), "\n") {
		if !strings.HasPrefix(line, "Wrote ") {
			kept = append(kept, line)
		}
	}
	want := strings.TrimRight(strings.Join(kept, "\n"), "\n ") + "\n```"
	if !strings.Contains(string(readme), want) {
		t.Errorf("README.md does not show compare's current output; replace its block under \"### compare\" with:\n%s", want)
	}
}

// TestREADMEExplainOutput does the same for the explain example.
func TestREADMEExplainOutput(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	args := []string{"explain", "--scenario", "../../scenarios/probation/offers/napo-2016-principles.toml", "--band", "Band 3", "--point", "2", "--date", "2025-04-01"}
	if code := run(context.Background(), args, &stdout, &stderr); code != 0 {
		t.Fatalf("explain exited %d: %s", code, stderr.String())
	}
	// The README runs it from the repository's root.
	got := strings.ReplaceAll(stdout.String(), "../../scenarios/", "scenarios/")
	if !strings.Contains(string(readme), got) {
		t.Errorf("README.md does not show explain's current output:\n%s", got)
	}
}

// TestREADMEArrearsOutput does the same for the arrears table of the late
// example offer.
func TestREADMEArrearsOutput(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	args := []string{"compare", "--scenario", "../../scenarios/probation/examples/employer-offer-2025-late.toml", "--no-pdf", "--out", t.TempDir()}
	if code := run(context.Background(), args, &stdout, &stderr); code != 0 {
		t.Fatalf("compare exited %d: %s", code, stderr.String())
	}
	_, table, ok := strings.Cut(stdout.String(), "Offers implemented late: arrears\n")
	if !ok {
		t.Fatalf("compare printed no arrears table:\n%s", stdout.String())
	}
	lines := strings.SplitN(table, "\n", 3)
	want := "Offers implemented late: arrears\n" + lines[0] + "\n" + lines[1] + "\n```"
	if !strings.Contains(string(readme), want) {
		t.Errorf("README.md does not show the arrears table compare prints; under \"Deals settled late\" write:\n%s", want)
	}
}
