package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"paymodel/pkg/synth"
)

func TestRunBuiltin(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-n", "3", "-seed", "42"}, &out); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := synth.Census(&want, synth.Probation(), 3, 42); err != nil {
		t.Fatal(err)
	}
	if out.String() != want.String() {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want.String())
	}
}

func TestRunDatasets(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "staff.csv")
	// A built-in dataset by name, and the same dataset as a folder.
	if err := run([]string{"-dataset", "teachers", "-n", "50", "-out", file, "-weights", "Main pay range=3"}, nil); err != nil {
		t.Fatal(err)
	}
	byName, _ := os.ReadFile(file)
	var byDir bytes.Buffer
	if err := run([]string{"-dataset", "../../scenarios/teachers", "-n", "50", "-weights", "Main pay range=3"}, &byDir); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(byName, byDir.Bytes()) {
		t.Error("embedded dataset and folder gave different censuses")
	}
	if n := strings.Count(string(byName), "\n"); n != 51 {
		t.Errorf("%d lines", n)
	}
	if !strings.Contains(string(byName), ",Main pay range,M") || !strings.Contains(string(byName), ",Upper pay range,U") {
		t.Errorf("unexpected census:\n%s", byName)
	}
}

func TestRunErrors(t *testing.T) {
	for _, args := range [][]string{
		{"-dataset", "no-such-thing"},
		{"-weights", "Band 2=1"},                         // weights on the built-in spec
		{"-dataset", "nhs-afc", "-weights", "Band 99=1"}, // unknown band
		{"-dataset", "nhs-afc", "-weights", "Band 2=x"},  // bad weight
		{"-dataset", "nhs-afc", "-asat", "2025-02-30"},   // bad date
		{"-n", "-1"},
		{"extra"},
	} {
		var out bytes.Buffer
		if err := run(args, &out); err == nil {
			t.Errorf("%q: no error", args)
		}
	}
}
