package dataset

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"paymodel/pkg/paystructure"
	"paymodel/pkg/xlsx"
)

// csvWorkbook returns a workbook of the CSV files of dir, one sheet each,
// named by sheetName, their values typed as a person typing them into a
// spreadsheet would have them (xlsx.Builder.CSV): amounts and numbers as
// numbers, rates as percentages, dates as dates.
func csvWorkbook(t *testing.T, dir string, files []string, sheetName func(string) string) []byte {
	t.Helper()
	b := xlsx.NewBuilder()
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		sheet := sheetName(f)
		b.Sheet(sheet)
		if err := b.CSV(sheet, strings.NewReader(string(data))); err != nil {
			t.Fatal(err)
		}
	}
	data, err := b.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// csvFiles lists the CSV files of dir.
func csvFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.csv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no CSV files in %s: %v", dir, err)
	}
	for i := range files {
		files[i] = filepath.Base(files[i])
	}
	return files
}

// datasetText describes everything a load gives but its checksum and
// warnings, with
// decimals as values (25524.00 and 25524 alike).
func datasetText(ds *paystructure.Dataset) string {
	var b strings.Builder
	fmt.Fprintf(&b, "bands %v\n", ds.Bands)
	for _, s := range ds.Structures {
		fmt.Fprintf(&b, "structure %s\n", s.EffectiveFrom)
		for _, sc := range s.Scales {
			fmt.Fprintln(&b, scaleText(sc))
		}
	}
	fmt.Fprintf(&b, "inflation %v\noncosts %v\nfloors %v\n", ds.Inflation, ds.OnCosts, ds.Floors)
	if ds.Census != nil {
		fmt.Fprintf(&b, "census %q %d %d\n", ds.Census.AttributeNames, ds.Census.Headcount, ds.Census.Rows)
		for _, g := range ds.Census.Groups {
			fmt.Fprintln(&b, groupText(g))
		}
	}
	return b.String()
}

// A dataset typed into a workbook loads to the same dataset as its CSV
// files, in both layouts: one workbook with a sheet per table (named in
// any case), and a folder of NAME.xlsx files.
func TestWorkbookLoadsAsCSV(t *testing.T) {
	const dir = "testdata/good"
	want := datasetText(mustLoad(t, dir))
	files := csvFiles(t, dir)

	book := csvWorkbook(t, dir, files, func(f string) string {
		return strings.ToUpper(strings.TrimSuffix(f, ".csv")[:1]) + strings.TrimSuffix(f, ".csv")[1:]
	})
	ds, err := LoadWorkbook(context.Background(), fstest.MapFS{"pay.xlsx": {Data: book}}, "pay.xlsx", "test")
	if err != nil {
		t.Fatalf("one workbook: %v", err)
	}
	if got := datasetText(ds); got != want {
		t.Errorf("one workbook:\n%s\nCSV:\n%s", got, want)
	}
	// The CSV's warnings, about the sheet's rows.
	if got, want := strings.Join(ds.Warnings, "\n"), "pay.xlsx: Staff: 1 row has a point_date before the start_date (the first on row 6)\n"+
		"overlapping bands: the top of Band 3 (£31,200.50) is above the entry point of Band 4 (£31,000)"; got != want {
		t.Errorf("warnings\n%s\nwant\n%s", got, want)
	}

	// Member statements read the census again, from the sheet.
	var ids []string
	if err := EachPerson(Workbook(fstest.MapFS{"pay.xlsx": {Data: book}}, "pay.xlsx"), ds, func(p *paystructure.Person) error {
		ids = append(ids, p.ID)
		return nil
	}); err != nil || strings.Join(ids, ",") != "E001,E002,E003,E004,E005," { // the last row has no id
		t.Errorf("EachPerson: %q, %v", ids, err)
	}

	folder := fstest.MapFS{}
	for i, f := range files {
		base := strings.TrimSuffix(f, ".csv")
		if i%2 == 0 { // half the tables as workbooks, half as CSV
			folder[base+".xlsx"] = &fstest.MapFile{Data: csvWorkbook(t, dir, []string{f}, func(string) string { return "Sheet1" })}
		} else {
			data, _ := os.ReadFile(filepath.Join(dir, f))
			folder[f] = &fstest.MapFile{Data: data}
		}
	}
	ds, err = Load(folder, "test")
	if err != nil {
		t.Fatalf("folder of workbooks: %v", err)
	}
	if got := datasetText(ds); got != want {
		t.Errorf("folder of workbooks:\n%s\nCSV:\n%s", got, want)
	}
	if got := ds.Warnings[0]; got != "staff.xlsx: Sheet1: 1 row has a point_date before the start_date (the first on row 6)" {
		t.Errorf("warning %q", got)
	}
}

// sheets is a workbook to build: each sheet's cells, row by row, typed by
// xlsx.Builder.CSV's rules.
type sheets []struct {
	name string
	csv  string
}

func (s sheets) book(t *testing.T, extra func(b *xlsx.Builder)) []byte {
	t.Helper()
	b := xlsx.NewBuilder()
	for _, sh := range s {
		b.Sheet(sh.name)
		if err := b.CSV(sh.name, strings.NewReader(sh.csv)); err != nil {
			t.Fatal(err)
		}
	}
	if extra != nil {
		extra(b)
	}
	data, err := b.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

const (
	bandsCSV      = "band,title\nBand 1,One\nBand 2,Two\n"
	incrementsCSV = "band,point,salary\nBand 1,1,21000\nBand 1,2,22000\nBand 2,1,25000\n"
)

// Errors in a workbook name the workbook, the sheet and the cell, with the
// same messages as in CSV; a line number in a message is the sheet's row.
func TestWorkbookErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		sheets sheets
		extra  func(b *xlsx.Builder)
		want   []string // every error, in order
	}{
		{
			name: "bad cells, named by sheet and cell",
			sheets: sheets{{"bands", bandsCSV}, {"increments", incrementsCSV},
				// fte is column D; the census's rows 3 and 4.
				{"staff", "id,band,point,fte,point_date\nP1,Band 1,1,0.6,2024-04-01\nP2,Band 1,1,1.5,2024-04-01\nP3,Band 9,2,0.5,45748\n"}},
			want: []string{
				`pay.xlsx: staff!D3: fte "1.5": must be more than 0 and at most 1 (write 0.6 for three days a week of five)`,
				`pay.xlsx: staff!B4: band "Band 9" is not in sheet bands`,
				`pay.xlsx: staff!E4: point_date "45748": not a date (write YYYY-MM-DD, e.g. 2025-04-01)`,
			},
		},
		{
			name: "a binary fraction is refused as over-precise, in its cell",
			sheets: sheets{{"bands", bandsCSV},
				{"increments", "band,point,salary\nBand 1,1,21000\nBand 1,2,22000.300000000003\nBand 2,1,25000\n"}},
			want: []string{`pay.xlsx: increments!C3: salary "22000.300000000003": not an amount: more than 2 decimal places (write 25524 or £25,524.00)`},
		},
		{
			name:   "a formula without a saved result is named once",
			sheets: sheets{{"bands", bandsCSV}, {"increments", incrementsCSV}},
			extra:  func(b *xlsx.Builder) { b.Formula("increments", 3, 3, "C2+1000", "", "") },
			want: []string{
				`pay.xlsx: increments!C3: the formula has no saved result (open the workbook in Excel or LibreOffice and save it, so that its results are stored)`,
			},
		},
		{
			name: "an error value is named once, not again as a blank band",
			sheets: sheets{{"bands", bandsCSV}, {"increments", incrementsCSV},
				{"staff", "id,band,point\nP1,Band 1,1\nP2,x,1\n"}},
			extra: func(b *xlsx.Builder) { b.Error("staff", 3, 2, "VLOOKUP(A3,X:Y,2,FALSE)", "#N/A") },
			want:  []string{`pay.xlsx: staff!B3: the cell holds the error #N/A (correct the formula or the value)`},
		},
		{
			name: "a repeated label is on a row, not a line",
			sheets: sheets{{"Bands", "Pay bands 2025\n\nband,title\nBand 1,One\nBand 1,Again\n"},
				{"increments", incrementsCSV}},
			// The title is row 1, then a blank row, the header in row 3:
			// CSV lines 2 and 3 are rows 4 and 5.
			want: []string{`pay.xlsx: Bands!A5: band "Band 1" is already on row 4`, `pay.xlsx: increments!A4: band "Band 2" is not in sheet bands`},
		},
		{
			name:   "merged cells and hidden rows below the header",
			sheets: sheets{{"bands", bandsCSV + "Band 3,Three\n"}, {"increments", incrementsCSV}},
			extra: func(b *xlsx.Builder) {
				b.Merge("bands", xlsx.Range{Row1: 2, Col1: 2, Row2: 3, Col2: 2})
				b.HideRow("bands", 4)
			},
			want: []string{
				`pay.xlsx: bands!B2: cells B2:B3 are merged: unmerge them, so that each value has a cell of its own`,
				`pay.xlsx: bands!4:4: row 4 is hidden: unhide the rows to read, and delete any that should not be, so that what is read is what you see`,
			},
		},
		{
			name:   "a value right of the header",
			sheets: sheets{{"bands", "band,title\nBand 1,One,oops\nBand 2,Two\n"}, {"increments", incrementsCSV}},
			want: []string{
				`pay.xlsx: bands!C2: a value to the right of the table (its header, in row 1, ends at column B): name the column in the header, or clear the cell`,
			},
		},
		{
			name:   "a missing sheet",
			sheets: sheets{{"bands", bandsCSV}, {"Notes", "x\n"}},
			want:   []string{`pay.xlsx: increments: no such sheet (a dataset needs sheet bands and sheet increments)`},
		},
		{
			name: "a repeated id is found on its row",
			sheets: sheets{{"bands", bandsCSV}, {"increments", incrementsCSV},
				{"staff", "id,band,point\nP1,Band 1,1\nP2,Band 1,1\nP1,Band 2,1\n"}},
			want: []string{`pay.xlsx: staff!A4: id "P1" is already on row 2`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{"pay.xlsx": {Data: tc.sheets.book(t, tc.extra)}}
			_, err := LoadWorkbook(context.Background(), fsys, "pay.xlsx", "test")
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("err = %v", err)
			}
			var got []string
			for _, e := range list {
				got = append(got, e.Error())
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// A title above the header is skipped with a warning, other sheets are
// named as not read, and blank rows are skipped.
func TestWorkbookWarnings(t *testing.T) {
	book := sheets{
		{"Notes", "Read me\n"},
		{"bands", "Pay bands\nfrom HR\n\nband,title\nBand 1,One\n\nBand 2,Two\n,\n"},
		{"increments", incrementsCSV},
	}.book(t, nil)
	ds, err := LoadWorkbook(context.Background(), fstest.MapFS{"pay.xlsx": {Data: book}}, "pay.xlsx", "test")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"pay.xlsx: bands: rows 1 to 3, above the header in row 4, are not read",
		"pay.xlsx: sheet Notes is not read (a dataset's sheets are bands, increments, ",
	}
	if len(ds.Warnings) != 2 || ds.Warnings[0] != want[0] || !strings.HasPrefix(ds.Warnings[1], want[1]) {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(ds.Warnings, "\n"), strings.Join(want, "\n"))
	}
	if len(ds.Bands) != 2 {
		t.Errorf("bands %v", ds.Bands)
	}
}

// In a folder, a table may be a CSV file or a workbook, not both; a file
// that is not a workbook is named.
func TestFolderWorkbooks(t *testing.T) {
	bands := sheets{{"Sheet1", bandsCSV}, {"old", "x\n"}}.book(t, nil)
	fsys := fstest.MapFS{
		"bands.xlsx":      {Data: bands},
		"increments.csv":  {Data: []byte(incrementsCSV)},
		"increments.xlsx": {Data: []byte("not a workbook")},
		"oncosts.xlsx":    {Data: []byte("not a workbook")},
	}
	_, err := Load(fsys, "test")
	want := "both increments.csv and increments.xlsx are in the folder: keep one of them\n" +
		"oncosts.xlsx: not a readable .xlsx workbook (zip: not a valid zip file)"
	if err == nil || !strings.Contains(err.Error(), "increments.csv: "+strings.Split(want, "\n")[0]) || !strings.Contains(err.Error(), strings.Split(want, "\n")[1]) {
		t.Errorf("err:\n%v\nwant:\n%s", err, want)
	}
	delete(fsys, "increments.xlsx")
	delete(fsys, "oncosts.xlsx")
	ds, err := Load(fsys, "test")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"bands.xlsx: only its first sheet, Sheet1, is read (the others: old)"}; !slices.Equal(ds.Warnings, want) {
		t.Errorf("warnings %q, want %q", ds.Warnings, want)
	}
}
