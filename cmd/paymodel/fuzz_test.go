package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"paymodel/pkg/paystructure"
	"paymodel/scenarios"
)

// FuzzCompare runs the whole compare pipeline (load, validate, parse and
// apply the scenario, project, cross-check, write the CSVs and, when pdf is
// set, the PDF and tables.xlsx) on fuzzed bands.csv, increments.csv,
// staff.csv and one scenario file. Whatever the bytes: run returns 0 or 2 (1
// would mean a failure while running, which a temporary folder should never
// give), never panics, writes nothing when it fails, and on success
// cost.csv's All rows are the sum of its band rows and tables.xlsx, when
// written, holds the CSVs' values cell for cell (checkTablesXLSX). The
// workbook is left out (--no-xlsx) with the PDF, to keep most cases quick.
//
//	go test ./cmd/paymodel -run '^$' -fuzz FuzzCompare -fuzztime 5m
func FuzzCompare(f *testing.F) {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(tinyDataset, name))
		if err != nil {
			f.Fatal(err)
		}
		return b
	}
	bands, inc, staff, offer := read("bands.csv"), read("increments.csv"), read("staff.csv"), read("offers/offer.toml")
	f.Add(bands, inc, staff, offer, false)
	f.Add(bands, inc, staff, offer, true)
	f.Add(bands, inc, []byte{}, offer, false)
	f.Add(bands, inc, staff, []byte("name = \"Cut\"\n[[award]]\nfrom = 2025-04-01\nremove_points = { \"Band A\" = [\"1\"] }\n"), false)
	f.Add(bands, inc, staff, []byte("name = \"Floor\"\n[[award]]\nfrom = 2025-04-01\nfloor_hourly = \"£15\"\n[[lump_sum]]\npaid = 2025-10-01\namount = \"2%\"\n"), false)
	f.Add(bands, inc, []byte("band,point,count,gender\nBand A,1,3,=cmd|' /C calc'!A0\nBand B,2,2,F\n"), []byte("name = \"=HYPERLINK(\\\"x\\\")\"\n[[award]]\nfrom = 2025-04-01\nflat = \"£500\"\n"), false)
	// regressions: a band named All (the total row) and an offer named
	// Current (the baseline) made ambiguous tables; both are now refused
	all := func(b []byte) []byte { return []byte(strings.ReplaceAll(string(b), "Band B", "All")) }
	f.Add(all(bands), all(inc), all(staff), offer, false)
	f.Add(bands, inc, staff, []byte(strings.Replace(string(offer), "Offer", "Current", 1)), false)
	for _, ds := range []string{"probation", "teachers", "nhs-afc"} {
		fsys, err := scenarios.FS(ds)
		if err != nil {
			f.Fatal(err)
		}
		sc, _ := readScenarios(&source{fsys: fsys}, nil)
		for _, s := range sc {
			f.Add(bands, inc, staff, s.src, false)
		}
	}
	f.Fuzz(func(t *testing.T, bands, inc, staff, offer []byte, pdf bool) {
		dir := t.TempDir()
		ds := filepath.Join(dir, "ds")
		if err := os.Mkdir(ds, 0o755); err != nil {
			t.Fatal(err)
		}
		write := func(name string, b []byte) {
			if err := os.WriteFile(name, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		write(filepath.Join(ds, "bands.csv"), bands)
		write(filepath.Join(ds, "increments.csv"), inc)
		if len(staff) > 0 {
			write(filepath.Join(ds, "staff.csv"), staff)
		}
		sc := filepath.Join(dir, "offer.toml")
		write(sc, offer)
		out := filepath.Join(dir, "out")
		args := []string{"compare", ds, "--scenario", sc, "--out", out}
		if !pdf {
			args = append(args, "--no-pdf", "--no-xlsx")
		}
		code, _, stderr := runCLI(t, args...)
		switch code {
		case exitOK:
			if len(staff) > 0 {
				b, err := os.ReadFile(filepath.Join(out, "cost.csv"))
				if err != nil {
					t.Fatalf("exit 0 without cost.csv: %v", err)
				}
				if err := checkCostAll(b); err != nil {
					t.Fatal(err)
				}
			}
			if pdf {
				if _, _, err := checkTablesXLSX(out); err != nil {
					t.Fatal(err)
				}
			} else if _, err := os.Stat(filepath.Join(out, "tables.xlsx")); err == nil {
				t.Error("tables.xlsx written with --no-xlsx")
			}
			for _, f := range listFiles(t, out) {
				if strings.HasSuffix(f, ".tmp") {
					t.Errorf("temporary file left: %s", f)
				}
			}
		case exitUsage:
			if stderr == "" {
				t.Error("exit 2 with nothing on stderr")
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("exit 2 but %s was created: %v", out, listFiles(t, out))
			}
		default:
			t.Fatalf("exit %d:\n%s", code, stderr)
		}
	})
}

// FuzzStatementFile: whatever the census id, a statement's file name is
// refused (exit 2), or is a plain file name inside the output folder that
// is safe on every system: one path element (no separators), no leading
// dot or dash,
// printable ASCII, at most 100 bytes, and ".pdf".
func FuzzStatementFile(f *testing.F) {
	for _, id := range []string{"P000001", "", "../../etc/x", "a/b", "..", ".", "CON", "nul", "Ann Lee", "Çağla", "-rf", ".hidden", "a\\b", "x\x00y", strings.Repeat("x", 300), "row-1", "a..b", "\u202eevil"} {
		f.Add(id, 2)
	}
	f.Fuzz(func(t *testing.T, id string, line int) {
		name, err := statementFile(&paystructure.Person{ID: id, Line: line})
		if err != nil {
			var in inputError
			if !errors.As(err, &in) {
				t.Fatalf("id %q: error %v is not an input error", id, err)
			}
			return
		}
		if filepath.Base(name) != name || strings.ContainsAny(name, `/\:`) ||
			strings.HasPrefix(name, ".") || strings.HasPrefix(name, "-") || !strings.HasSuffix(name, ".pdf") ||
			!strings.HasPrefix(name, "statement-") || len(name) > 100 {
			t.Fatalf("id %q: unsafe file name %q", id, name)
		}
		for _, r := range name {
			if r < 0x21 || r > 0x7e {
				t.Fatalf("id %q: file name %q has %q", id, name, r)
			}
		}
		dir := filepath.Join("out", "statements")
		if filepath.Dir(filepath.Join(dir, name)) != dir {
			t.Fatalf("id %q: %q leaves the folder", id, name)
		}
	})
}
