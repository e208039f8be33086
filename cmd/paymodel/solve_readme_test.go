package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestREADMESolveOutput keeps the solve example in README.md ("Solving for a
// pot") true: it runs the command the README shows and checks the README
// quotes exactly what it prints (the "Wrote" line left out), and the answer
// it gives for the underpin example.
func TestREADMESolveOutput(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	solve := func(example string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		args := []string{"solve", "--scenario", "../../scenarios/probation/examples/" + example,
			"--target", "../../scenarios/probation/offers/employer-offer-2025.toml", "--out", filepath.Join(t.TempDir(), "solved.toml")}
		if code := run(context.Background(), args, &stdout, &stderr); code != 0 {
			t.Fatalf("solve exited %d: %s", code, stderr.String())
		}
		// The README runs it from the repository's root.
		return strings.ReplaceAll(stdout.String(), "../../scenarios/", "scenarios/")
	}
	var kept []string
	for _, line := range strings.Split(strings.TrimRight(solve("flat-same-cost.toml"), "\n"), "\n") {
		if !strings.HasPrefix(line, "Wrote ") {
			kept = append(kept, line)
		}
	}
	want := "--target scenarios/probation/offers/employer-offer-2025.toml\n" + strings.TrimRight(strings.Join(kept, "\n"), "\n ") + "\n```"
	if !strings.Contains(string(readme), want) {
		t.Errorf("README.md does not show solve's current output; replace its block under \"### Solving for a pot\" with:\n%s", want)
	}
	answer := ""
	for _, line := range strings.Split(solve("underpin-same-cost.toml"), "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "Answer" {
			answer = f[1]
		}
	}
	if answer == "" || !strings.Contains(string(readme), "money buys 3% with an underpin of "+answer+".") {
		t.Errorf("README.md does not give the underpin example's answer, %q", answer)
	}
}
