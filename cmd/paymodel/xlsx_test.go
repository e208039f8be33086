package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"paymodel/pkg/xlsx"
	"paymodel/scenarios"
)

// sampleWorkbooks writes the built-in dataset name three ways under dir:
// csv/ (its files), book/NAME.xlsx (one workbook, a sheet per table) and
// folder/ (a NAME.xlsx file per table), each with the sample's offers. The
// workbooks' values are typed as a person typing them into a spreadsheet
// would have them (xlsx.Builder.CSV): amounts and numbers as numbers, rates
// as percentages, dates as dates. It returns the three DATASET arguments
// (folder/ holds only the offers unless perTable).
func sampleWorkbooks(t *testing.T, dir, name string, perTable bool) (csvDir, book, folder string) {
	t.Helper()
	fsys, err := scenarios.FS(name)
	if err != nil {
		t.Fatal(err)
	}
	csvDir, folder = filepath.Join(dir, "csv"), filepath.Join(dir, "folder")
	book = filepath.Join(dir, "book", name+".xlsx")
	for _, d := range []string{csvDir, filepath.Dir(book), folder} {
		if err := copyFS(d, fsys); err != nil {
			t.Fatal(err)
		}
	}
	files, err := fs.Glob(fsys, "*.csv")
	if err != nil || len(files) < 2 {
		t.Fatalf("%s: %v %v", name, files, err)
	}
	all := xlsx.NewBuilder()
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			t.Fatal(err)
		}
		sheet := strings.TrimSuffix(f, ".csv")
		all.Sheet(sheet)
		if err := all.CSV(sheet, bytes.NewReader(data)); err != nil {
			t.Fatal(err)
		}
		if perTable {
			one := xlsx.NewBuilder()
			one.Sheet("Sheet1")
			if err := one.CSV("Sheet1", bytes.NewReader(data)); err != nil {
				t.Fatal(err)
			}
			writeBook(t, filepath.Join(folder, sheet+".xlsx"), one)
		}
		for _, d := range []string{folder, filepath.Dir(book)} {
			if err := os.Remove(filepath.Join(d, f)); err != nil {
				t.Fatal(err)
			}
		}
	}
	writeBook(t, book, all)
	return csvDir, book, folder
}

func writeBook(t *testing.T, path string, b *xlsx.Builder) {
	t.Helper()
	data, err := b.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Each built-in sample typed into a workbook, as one workbook and as a
// folder of one workbook per table, gives byte for byte the CSV tables its
// CSV files give. (The probation sample's 20,000-row census is read as a
// workbook once, to keep the test quick: the folder layout reads each
// sheet by the same code, and pkg/dataset tests it with a census.)
func TestSamplesRoundTripThroughWorkbooks(t *testing.T) {
	for _, name := range scenarios.Datasets() {
		t.Run(name, func(t *testing.T) {
			if name == "probation" && testing.Short() {
				t.Skip("-short: the probation census is 20,000 rows (a few seconds of work)")
			}
			dir := t.TempDir()
			perTable := name != "probation"
			csvDir, book, folder := sampleWorkbooks(t, dir, name, perTable)
			layouts := []string{csvDir, book, folder}
			if !perTable {
				layouts = layouts[:2]
			}
			outs := map[string]string{}
			for _, ds := range layouts {
				out := filepath.Join(dir, "out-"+filepath.Base(ds))
				outs[ds] = out
				if code, _, stderr := runCLI(t, "compare", ds, "--out", out, "--no-pdf", "--no-xlsx"); code != 0 {
					t.Fatalf("compare %s: exit %d\n%s", ds, code, stderr)
				}
			}
			want := listFiles(t, outs[csvDir])
			if len(want) < 3 {
				t.Fatalf("CSV run wrote %q", want)
			}
			for _, ds := range layouts[1:] {
				if got := listFiles(t, outs[ds]); strings.Join(got, " ") != strings.Join(want, " ") {
					t.Fatalf("%s wrote %q, the CSV files %q", ds, got, want)
				}
				for _, f := range want {
					a, _ := os.ReadFile(filepath.Join(outs[csvDir], f))
					b, _ := os.ReadFile(filepath.Join(outs[ds], f))
					if !bytes.Equal(a, b) {
						t.Errorf("%s: %s differs from the CSV dataset's", filepath.Base(ds), f)
					}
				}
			}
		})
	}
}

// compare writes tables.xlsx beside the CSV tables: a run sheet, then a
// sheet per table whose every cell reads back as the CSV's value (money
// 31650.00 as 31650, a percentage 3.46 as 3.46%, as xlsx.Read reads
// them); two runs give the same bytes; --no-xlsx leaves it out. (The tiny
// dataset keeps it quick: pkg/xlsx tests every kind of cell.)
func TestCompareTablesXLSX(t *testing.T) {
	dir := t.TempDir()
	for _, out := range []string{"a", "b"} {
		if code, _, stderr := runCLI(t, "compare", tinyDataset, "--out", filepath.Join(dir, out), "--no-pdf"); code != 0 {
			t.Fatalf("exit %d\n%s", code, stderr)
		}
	}
	a, err := os.ReadFile(filepath.Join(dir, "a", "tables.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "b", "tables.xlsx")); !bytes.Equal(a, b) {
		t.Error("two runs wrote different tables.xlsx")
	}
	tables, converted, err := checkTablesXLSX(filepath.Join(dir, "a"))
	if err != nil {
		t.Fatal(err)
	}
	if tables < 5 || converted < 50 {
		t.Errorf("only %d tables and %d numbers written as other text (31650.00 as 31650): the test checks too little", tables, converted)
	}
	if err := os.RemoveAll(filepath.Join(dir, "a")); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, "compare", tinyDataset, "--out", filepath.Join(dir, "a"), "--no-pdf", "--no-xlsx"); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "a", "tables.xlsx")); err == nil {
		t.Error("--no-xlsx wrote tables.xlsx")
	}
}

// checkTablesXLSX checks the tables.xlsx that compare wrote into out: it
// opens, its first sheet is run, and it has a sheet per CSV table whose
// every cell reads back (xlsx.Read) as the CSV's value. It returns how many
// tables it compared, and how many numbers read back as other text than
// the CSV's (31650.00 as 31650), so that a caller can tell it checked
// something.
func checkTablesXLSX(out string) (tables, converted int, err error) {
	a, err := os.ReadFile(filepath.Join(out, "tables.xlsx"))
	if err != nil {
		return 0, 0, err
	}
	wb, err := xlsx.Open(bytes.NewReader(a))
	if err != nil {
		return 0, 0, err
	}
	defer wb.Close()
	sheets := wb.Sheets()
	if sheets[0] != "run" {
		return 0, 0, fmt.Errorf("tables.xlsx: first sheet %q", sheets[0])
	}
	csvs, _ := filepath.Glob(filepath.Join(out, "*.csv"))
	if len(sheets) != len(csvs)+1 {
		return 0, 0, fmt.Errorf("tables.xlsx: sheets %q for %d CSV tables", sheets, len(csvs))
	}
	var errs []error
	for _, path := range csvs {
		name := strings.TrimSuffix(filepath.Base(path), ".csv")
		data, _ := os.ReadFile(path)
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			return 0, 0, fmt.Errorf("%s: %v", path, err)
		}
		sh, err := wb.Read(name)
		if err != nil {
			return 0, 0, fmt.Errorf("tables.xlsx: sheet %s: %v", name, err)
		}
		if len(sh.Rows) != len(rows) {
			errs = append(errs, fmt.Errorf("tables.xlsx: %s: %d rows, the CSV %d", name, len(sh.Rows), len(rows)))
			continue
		}
		for r, row := range rows {
			for c, want := range row {
				got := ""
				if c < len(sh.Rows[r]) {
					got = sh.Rows[r][c]
				}
				if !sameValue(got, want) {
					errs = append(errs, fmt.Errorf("tables.xlsx: %s!%s: %q, the CSV %q", name, xlsx.CellName(r+1, c+1), got, want))
				}
				if _, err := decimal.NewFromString(want); err == nil && got != want {
					converted++ // a number whose sheet text is not the CSV's
				}
			}
		}
	}
	return len(csvs), converted, errors.Join(errs...)
}

// sameValue reports whether a cell read from tables.xlsx is the CSV field:
// the same text, or the same number (a percentage read as "3.46%" is the
// CSV's 3.46).
func sameValue(cell, field string) bool {
	if cell == field {
		return true
	}
	a, err1 := decimal.NewFromString(strings.TrimSuffix(cell, "%"))
	b, err2 := decimal.NewFromString(field)
	return err1 == nil && err2 == nil && a.Equal(b)
}
