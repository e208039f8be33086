package dataset

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// Base files for the error cases: two bands of two points, undated.
const (
	baseBands      = "band,title\nBand 1,One\nBand 2,Two\n"
	baseIncrements = "band,point,salary\nBand 1,1,20000\nBand 1,2,21000\nBand 2,1,22000\nBand 2,2,23000\n"
	datedBands     = "band\nBand 1\nBand 2\n"
	datedInc       = "band,point,salary,effective_from\nBand 1,1,20000,2025-04-01\nBand 1,2,21000,2025-04-01\nBand 2,1,22000,2025-04-01\nBand 2,2,23000,2025-04-01\n"
)

// files returns the base dataset with some files replaced; a file given as
// "-" is left out.
func files(replace map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		BandsFile:      {Data: []byte(baseBands)},
		IncrementsFile: {Data: []byte(baseIncrements)},
	}
	for name, text := range replace {
		if text == "-" {
			delete(fsys, name)
			continue
		}
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

// loadError loads fsys, which must fail with an ErrorList, and returns its
// text.
func loadError(t *testing.T, fsys fstest.MapFS) string {
	t.Helper()
	ds, err := Load(fsys, "test")
	if err == nil {
		t.Fatalf("Load succeeded, want errors (warnings: %q)", ds.Warnings)
	}
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Load error %T is not an ErrorList: %v", err, err)
	}
	if ds != nil {
		t.Error("Load returned a dataset with its errors")
	}
	return err.Error()
}

// lines joins messages one per line, as ErrorList prints them.
func lines(msgs ...string) string { return strings.Join(msgs, "\n") }

func TestLoadErrors(t *testing.T) {
	notAmount := "not an amount (write 25524 or £25,524.00)"
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		// Files and headers.
		{"no required files", map[string]string{BandsFile: "-", IncrementsFile: "-"}, lines(
			"bands.csv: file not found (a dataset needs bands.csv and increments.csv)",
			"increments.csv: file not found (a dataset needs bands.csv and increments.csv)")},
		{"no increments", map[string]string{IncrementsFile: "-"},
			"increments.csv: file not found (a dataset needs bands.csv and increments.csv)"},
		{"empty bands", map[string]string{BandsFile: ""}, "bands.csv: file is empty"},
		{"empty lines only", map[string]string{BandsFile: "\r\n\n"}, "bands.csv: file is empty"},
		{"bands without rows", map[string]string{BandsFile: "band,title\n"},
			"bands.csv: file has no bands (write one band per row under the header)"},
		{"increments without rows", map[string]string{IncrementsFile: "band,point,salary\n"},
			"increments.csv: file has no points (write one pay point per row under the header)"},
		{"semicolons", map[string]string{BandsFile: "band;title\nBand 1;One\n"},
			`bands.csv:1: the file is separated by ";" — save it as comma-separated CSV`},
		{"unknown column", map[string]string{BandsFile: "band,weekly_hour\nBand 1,37\nBand 2,37\n"},
			`bands.csv:1: unknown column "weekly_hour" (expected one of band, title, weekly_hours, order, progression, qualifying_months)`},
		{"unknown increments column", map[string]string{IncrementsFile: "band,point,salary,efective_from\nBand 1,1,20000,\n"},
			`increments.csv:1: unknown column "efective_from" (expected one of band, point, salary, effective_from, months, cpd_hours, status, source)`},
		{"duplicate column", map[string]string{BandsFile: "band, Band ,title\nBand 1,Band 1,One\n"},
			`bands.csv:1: column "band" appears more than once`},
		{"unnamed column", map[string]string{BandsFile: "band,,title\nBand 1,,One\nBand 2,,Two\n"},
			"bands.csv:1: column 2 has no name"},
		{"missing band column", map[string]string{BandsFile: "title\nOne\n"},
			`bands.csv: missing required column "band"`},
		{"missing salary column", map[string]string{IncrementsFile: "band,point\nBand 1,1\n"},
			`increments.csv: missing required column "salary"`},
		{"missing point column", map[string]string{StaffFile: "band,fte\nBand 1,1\n"},
			`staff.csv: missing required column "point"`},
		{"wrong number of fields", map[string]string{BandsFile: "band,title\nBand 1,One\nBand 2,Two,extra\n"}, lines(
			"bands.csv:3: row has 3 fields but the header has 2",
			`increments.csv:4: band "Band 2" is not in bands.csv`,
			`increments.csv:5: band "Band 2" is not in bands.csv`)},
		{"bare quote", map[string]string{BandsFile: "band,title\nBand 1,One\nBand 2,T\"wo\n"}, lines(
			`bands.csv:3: bare " in non-quoted-field (put the whole field in double quotes, and write a " inside it as "")`,
			`increments.csv:4: band "Band 2" is not in bands.csv`,
			`increments.csv:5: band "Band 2" is not in bands.csv`)},

		// bands.csv values.
		{"blank band", map[string]string{BandsFile: "band,title\nBand 1,One\nBand 2,Two\n  ,Three\n"},
			"bands.csv:4: band is blank"},
		{"duplicate band", map[string]string{BandsFile: "band,title\nBand 1,One\nBand 2,Two\nBand 1,Again\n"},
			`bands.csv:4: band "Band 1" is already on line 2`},
		{"weekly hours", map[string]string{BandsFile: "band,weekly_hours\nBand 1,abc\nBand 2,0\nBand 3,100.5\nBand 4,100\n"}, lines(
			`bands.csv:2: weekly_hours "abc": not a number (write a number such as 30 or 7.5)`,
			`bands.csv:3: weekly_hours "0": must be more than 0 and at most 100`,
			`bands.csv:4: weekly_hours "100.5": must be more than 0 and at most 100`,
			`bands.csv:4: band "Band 3" has no points in increments.csv`,
			`bands.csv:5: band "Band 4" has no points in increments.csv`)},
		{"order", map[string]string{BandsFile: "band,order\nBand 1,first\nBand 2,2.5\n"}, lines(
			`bands.csv:2: order "first": must be a whole number`,
			`bands.csv:3: order "2.5": must be a whole number`)},
		{"progression", map[string]string{BandsFile: "band,progression\nBand 1,monthly\nBand 2,04-15\nBand 3,13-01\nBand 4,2025-04-01\n"}, lines(
			`bands.csv:2: progression "monthly": write anniversary or a yearly date such as 04-01`,
			`bands.csv:3: progression "04-15": a yearly progression date must be the first of a month`,
			`bands.csv:4: progression "13-01": not a yearly date (write MM-DD, e.g. "04-01")`,
			`bands.csv:4: band "Band 3" has no points in increments.csv`,
			`bands.csv:5: progression "2025-04-01": write anniversary or a yearly date such as 04-01`,
			`bands.csv:5: band "Band 4" has no points in increments.csv`)},
		{"qualifying months", map[string]string{BandsFile: "band,progression,qualifying_months\nBand 1,04-01,13\nBand 2,04-01,-1\n"}, lines(
			`bands.csv:2: qualifying_months "13": must be a whole number from 0 to 12`,
			`bands.csv:3: qualifying_months "-1": must be a whole number from 0 to 12`)},
		// Qualifying months mean something only with a fixed date, as in a
		// scenario's [progression]; a blank progression is anniversary.
		{"qualifying months with anniversary", map[string]string{BandsFile: "band,progression,qualifying_months\nBand 1,anniversary,6\nBand 2,,0\n"}, lines(
			`bands.csv:2: qualifying_months "6": only for fixed-date progression (this band progresses on anniversaries; leave qualifying_months blank or write a progression date such as 04-01)`,
			`bands.csv:3: qualifying_months "0": only for fixed-date progression (this band progresses on anniversaries; leave qualifying_months blank or write a progression date such as 04-01)`)},
		{"band without points", map[string]string{BandsFile: baseBands + "Band 3,Three\n"},
			`bands.csv:4: band "Band 3" has no points in increments.csv`},

		// increments.csv values.
		{"salary", map[string]string{IncrementsFile: "band,point,salary\nBand 1,1,\"25,5x4\"\nBand 1,2,\nBand 2,1,0\nBand 2,2,-£5\nBand 2,3,1e5\n"}, lines(
			`increments.csv:2: salary "25,5x4": `+notAmount,
			"increments.csv:3: salary is blank (write 25524 or £25,524.00)",
			`increments.csv:4: salary "0": must be more than £0`,
			`increments.csv:5: salary "-£5": must be more than £0`,
			`increments.csv:6: salary "1e5": `+notAmount)},
		{"status", map[string]string{IncrementsFile: "band,point,salary,status\nBand 1,1,20000,estimated\nBand 1,2,21000,Derived\nBand 2,1,22000,\nBand 2,2,23000,publish\n"}, lines(
			`increments.csv:2: status "estimated": must be published, derived or illustrative (blank: published)`,
			`increments.csv:5: status "publish": must be published, derived or illustrative (blank: published)`)},
		{"unknown band and blank point", map[string]string{IncrementsFile: baseIncrements + "Band 9,1,30000\nBand 2, ,31000\n,3,32000\n"}, lines(
			`increments.csv:6: band "Band 9" is not in bands.csv`,
			"increments.csv:7: point is blank",
			"increments.csv:8: band is blank")},
		{"no usable point", map[string]string{IncrementsFile: "band,point,salary\nBand 9,1,20000\n"}, lines(
			`bands.csv:2: band "Band 1" has no points in increments.csv`,
			`bands.csv:3: band "Band 2" has no points in increments.csv`,
			`increments.csv:2: band "Band 9" is not in bands.csv`)},
		{"duplicate point", map[string]string{IncrementsFile: baseIncrements + "Band 1,1,20500\n"},
			"increments.csv:6: Band 1 point 1 is already on line 2"},
		{"duplicate dated point", map[string]string{BandsFile: datedBands, IncrementsFile: datedInc + "Band 1,1,20500,2025-04-01\nBand 1,1,20500,2024-04-01\n"},
			"increments.csv:6: Band 1 point 1 on 2025-04-01 is already on line 2"},
		{"equal salaries", map[string]string{IncrementsFile: "band,point,salary\nBand 1,4,\"£31,200\"\nBand 1,5,31200.00\nBand 2,1,22000\nBand 2,2,23000\n"},
			"increments.csv:3: Band 1 point 5 (£31,200) is not above point 4 (£31,200)"},
		{"equal salaries out of file order", map[string]string{IncrementsFile: "band,point,salary\nBand 1,1,20000\nBand 1,2,21000.50\nBand 2,1,22000\nBand 2,2,23000\nBand 1,3,21000.5\n"},
			"increments.csv:6: Band 1 point 3 (£21,000.50) is not above point 2 (£21,000.50)"},
		{"effective_from", map[string]string{BandsFile: datedBands, IncrementsFile: datedInc + "Band 1,3,25000,2025-04-31\nBand 1,4,26000,01/04/2025\n"}, lines(
			`increments.csv:6: effective_from "2025-04-31": not a date: April 2025 has 30 days`,
			`increments.csv:7: effective_from "01/04/2025": not a date (write YYYY-MM-DD, e.g. 2025-04-01)`)},
		{"blank effective_from after dated", map[string]string{BandsFile: datedBands, IncrementsFile: datedInc + "Band 1,3,25000,\nBand 1,4,26000,\n"},
			"increments.csv:6: effective_from is blank but line 2 gives 2025-04-01 (give a date on every row, or on none)"},
		{"dated after blank", map[string]string{IncrementsFile: "band,point,salary,effective_from\nBand 1,1,20000,\nBand 1,2,21000,\nBand 2,1,22000,2025-04-01\nBand 2,2,23000,\n"},
			`increments.csv:4: effective_from "2025-04-01" is given but line 2 leaves it blank (give a date on every row, or on none)`},
		{"months", map[string]string{IncrementsFile: "band,point,salary,months\nBand 1,1,20000,0\nBand 1,2,21000,601\nBand 2,1,22000,1.5\nBand 2,2,23000,600\n"}, lines(
			`increments.csv:2: months "0": must be a whole number from 1 to 600`,
			`increments.csv:3: months "601": must be a whole number from 1 to 600`,
			`increments.csv:4: months "1.5": must be a whole number from 1 to 600`)},
		{"point cpd_hours", map[string]string{IncrementsFile: "band,point,salary,cpd_hours\nBand 1,1,20000,-1\nBand 1,2,21000,lots\nBand 2,1,22000,\nBand 2,2,23000,0\n"}, lines(
			`increments.csv:2: cpd_hours "-1": not a number (write a number such as 30 or 7.5)`,
			`increments.csv:3: cpd_hours "lots": not a number (write a number such as 30 or 7.5)`)},
		{"band missing from the latest structure", map[string]string{BandsFile: datedBands, IncrementsFile: datedInc + "Band 1,1,21000,2026-04-01\nBand 1,2,22000,2026-04-01\n"},
			`increments.csv: band "Band 2" has no points on 2026-04-01, the latest effective_from (the latest structure must contain every band)`},

		// staff.csv values.
		{"census band", map[string]string{StaffFile: "band,point\nBand 9,1\nBand 1,1\nBand 9,1\n ,1\n"}, lines(
			`staff.csv:2: band "Band 9" is not in bands.csv`,
			`staff.csv:4: band "Band 9" is not in bands.csv`, // reported on every line
			"staff.csv:5: band is blank")},
		{"census point", map[string]string{StaffFile: "band,point\nBand 1,9\nBand 1,\nBand 1,9\n"}, lines(
			`staff.csv:2: point "9" is not a point of Band 1`,
			"staff.csv:3: point is blank",
			`staff.csv:4: point "9" is not a point of Band 1`)},
		{"census point not in the latest structure", map[string]string{
			BandsFile:      datedBands,
			IncrementsFile: datedInc + "Band 1,0,19000,2024-04-01\n",
			StaffFile:      "band,point\nBand 1,0\nBand 1,1\n"},
			`staff.csv:2: point "0" is not a point of Band 1 in the latest structure (2025-04-01)`},
		{"fte", map[string]string{StaffFile: "band,point,fte\nBand 1,1,0\nBand 1,1,1.2\nBand 1,1,60%\nBand 1,1,-1\nBand 1,1,1.0\nBand 1,1,0.000001\nBand 1,1,1.2\n"}, lines(
			`staff.csv:2: fte "0": must be more than 0 and at most 1 (write 0.6 for three days a week of five)`,
			`staff.csv:3: fte "1.2": must be more than 0 and at most 1 (write 0.6 for three days a week of five)`,
			`staff.csv:4: fte "60%": not a number (write a number such as 30 or 7.5)`,
			`staff.csv:5: fte "-1": not a number (write a number such as 30 or 7.5)`,
			`staff.csv:8: fte "1.2": must be more than 0 and at most 1 (write 0.6 for three days a week of five)`)},
		{"census dates", map[string]string{StaffFile: "band,point,point_date,start_date\nBand 1,1,2025-02-29,2020-01-01\nBand 1,1,2025-01-01,1/1/2020\nBand 1,1,2025-02-29,\n"}, lines(
			`staff.csv:2: point_date "2025-02-29": not a date: February 2025 has 28 days`,
			`staff.csv:3: start_date "1/1/2020": not a date (write YYYY-MM-DD, e.g. 2025-04-01)`,
			`staff.csv:4: point_date "2025-02-29": not a date: February 2025 has 28 days`)},
		{"census cpd_hours", map[string]string{StaffFile: "band,point,cpd_hours\nBand 1,1,ten\nBand 1,1,-5\nBand 1,1,\n"}, lines(
			`staff.csv:2: cpd_hours "ten": not a number (write a number such as 30 or 7.5)`,
			`staff.csv:3: cpd_hours "-5": not a number (write a number such as 30 or 7.5)`)},
		{"count", map[string]string{StaffFile: "band,point,count\nBand 1,1,0\nBand 1,1,2.5\nBand 1,1,many\nBand 1,1,1000000001\nBand 1,1,1000000000\n"}, lines(
			`staff.csv:2: count "0": must be a whole number of people from 1 to 1000000000`,
			`staff.csv:3: count "2.5": must be a whole number of people from 1 to 1000000000`,
			`staff.csv:4: count "many": must be a whole number of people from 1 to 1000000000`,
			`staff.csv:5: count "1000000001": must be a whole number of people from 1 to 1000000000`)},
		{"duplicate ids", map[string]string{StaffFile: "id,band,point\nE1,Band 1,1\nE2,Band 1,1\nE1,Band 1,2\n,Band 1,1\n,Band 1,1\n E1 ,Band 2,1\n"}, lines(
			`staff.csv:4: id "E1" is already on line 2`,
			`staff.csv:7: id "E1" is already on line 2`)},
		{"several problems on one line", map[string]string{StaffFile: "band,point,fte,cpd_hours\nBand 9,1,2,x\n"}, lines(
			`staff.csv:2: band "Band 9" is not in bands.csv`,
			`staff.csv:2: fte "2": must be more than 0 and at most 1 (write 0.6 for three days a week of five)`,
			`staff.csv:2: cpd_hours "x": not a number (write a number such as 30 or 7.5)`)},

		// inflation.csv and oncosts.csv.
		{"inflation", map[string]string{InflationFile: "date,index\n2025-04-01,100\n2025-04-01,101\n,102\n2024-13-01,103\n2023-04-01,0\n2022-04-01,\n2021-04-01,1e3\n"}, lines(
			"inflation.csv:3: date 2025-04-01 is already on line 2",
			"inflation.csv:4: date is blank",
			`inflation.csv:5: date "2024-13-01": not a date: there is no month 13`,
			`inflation.csv:6: index "0": must be more than 0`,
			"inflation.csv:7: index is blank",
			`inflation.csv:8: index "1e3": not a number (write a number such as 30 or 7.5)`)},
		{"inflation columns", map[string]string{InflationFile: "date,cpi\n2025-04-01,100\n"},
			`inflation.csv: missing required column "index"`},
		{"oncosts", map[string]string{OnCostsFile: "name,rate,threshold\nPension,15,\nNI,150%,\nNI,-1%,\n,10%,-5\nLevy,,abc\n"}, lines(
			`oncosts.csv:2: rate "15": not a rate: the % sign is missing (write a percentage such as "3.5%")`,
			`oncosts.csv:3: rate "150%": must be from 0% to 100%`,
			`oncosts.csv:4: name "NI" is already on line 3`,
			`oncosts.csv:4: rate "-1%": must be from 0% to 100%`,
			"oncosts.csv:5: name is blank",
			`oncosts.csv:5: threshold "-5": must not be negative`,
			`oncosts.csv:6: rate is blank (write a percentage such as "3.5%")`,
			`oncosts.csv:6: threshold "abc": `+notAmount)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := loadError(t, files(tt.files)); got != tt.want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestErrorListPositions(t *testing.T) {
	_, err := Load(files(map[string]string{StaffFile: "band,point\nBand 1,1\nBand 9,1\n"}), "test")
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 1 {
		t.Fatalf("Load error = %v, want one error", err)
	}
	want := Error{File: StaffFile, Line: 3, Column: "band", Msg: `band "Band 9" is not in bands.csv`}
	if *list[0] != want {
		t.Errorf("error = %+v, want %+v", *list[0], want)
	}
}

func TestErrorCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("band,point\n")
	for range 150 {
		b.WriteString("Band 9,1\n")
	}
	b.WriteString("Band 1,1\n")
	text := loadError(t, files(map[string]string{StaffFile: b.String(), InflationFile: "date,index\n2025-04-01,0\n"}))
	got := strings.Split(text, "\n")
	if len(got) != 1+MaxErrorsPerFile+1 {
		t.Fatalf("%d lines printed, want %d", len(got), 1+MaxErrorsPerFile+1)
	}
	if want := `inflation.csv:2: index "0": must be more than 0`; got[0] != want {
		t.Errorf("first line %q, want %q", got[0], want)
	}
	for i, line := range got[1 : 1+MaxErrorsPerFile] {
		if want := fmt.Sprintf(`staff.csv:%d: band "Band 9" is not in bands.csv`, i+2); line != want {
			t.Fatalf("line %d = %q, want %q", i+2, line, want)
		}
	}
	if want := "… and 50 more errors in staff.csv"; got[len(got)-1] != want {
		t.Errorf("last line %q, want %q", got[len(got)-1], want)
	}
}

func TestErrorStoreLimit(t *testing.T) {
	// Far more errors than are kept: the count is still exact.
	var b strings.Builder
	b.WriteString("band,point\n")
	const rows = storeLimit + 500
	for range rows {
		b.WriteString("Band 9,1\n")
	}
	text := loadError(t, files(map[string]string{StaffFile: b.String()}))
	want := fmt.Sprintf("… and %d more errors in staff.csv", rows-MaxErrorsPerFile)
	if !strings.HasSuffix(text, "\n"+want) {
		t.Errorf("errors end %q, want %q", text[strings.LastIndex(text, "\n")+1:], want)
	}
}

func TestLimits(t *testing.T) {
	long := strings.Repeat("x", MaxLineBytes+1)
	t.Run("line", func(t *testing.T) {
		got := loadError(t, files(map[string]string{StaffFile: "band,point,name\nBand 1,1,Ann\nBand 1,1," + long + "\nBand 1,1,Bob\n"}))
		if want := "staff.csv:3: line is longer than 64 KiB (is this a CSV file?)"; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("line at the limit", func(t *testing.T) {
		name := strings.Repeat("x", MaxLineBytes-len("Band 1,1,")-1) // the \r counts
		if _, err := Load(files(map[string]string{StaffFile: "band,point,name\r\nBand 1,1," + name + "\r\n"}), "test"); err != nil {
			t.Errorf("a line of exactly %d bytes: %v", MaxLineBytes, err)
		}
	})
	t.Run("field", func(t *testing.T) {
		// A quoted field over several short lines.
		field := strings.Repeat("x\n", MaxFieldBytes/2+1)
		got := loadError(t, files(map[string]string{StaffFile: "band,point,name\nBand 1,1,\"" + field + "\"\nBand 1,1,Bob\n"}))
		if want := "staff.csv:2: name is longer than 64 KiB"; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("rows", func(t *testing.T) {
		defer func(n int) { maxRows = n }(maxRows)
		maxRows = 4 // increments.csv has 4
		got := loadError(t, files(map[string]string{StaffFile: "band,point\nBand 1,1\nBand 1,1\nBand 1,1\nBand 1,1\nBand 1,1\n"}))
		if want := "staff.csv:6: more than 4 rows (the most a dataset file may have)"; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
}

// TestCensusNotBuriedByStructureErrors checks that one unreadable row in
// increments.csv is reported once, not again on every census row on the
// point it lost: those rows are counted in one line. Points of bands that
// lost no row, and bands, are still checked row by row.
func TestCensusNotBuriedByStructureErrors(t *testing.T) {
	inc := "band,point,salary,effective_from\n" +
		"Band 1,1,20000,2025-04-01\n" +
		"Band 1,2,21000,2025-04-31\n" + // lost: no such date
		"Band 2,1,22000,2025-04-01\n" +
		"Band 2,2,23000,2025-04-01\n"
	staff := "band,point\n" +
		"Band 1,2\n" + // on the lost point
		"Band 1,2\n" +
		"Band 1,2\n" +
		"Band 2,3\n" + // Band 2 lost nothing: a real error
		"Band 9,1\n" // not a band: a real error
	want := lines(
		`increments.csv:3: effective_from "2025-04-31": not a date: April 2025 has 30 days`,
		"staff.csv: 3 rows name a point not found in increments.csv, which has rows that could not be read; points are checked once it is valid",
		`staff.csv:5: point "3" is not a point of Band 2 in the latest structure (2025-04-01)`,
		`staff.csv:6: band "Band 9" is not in bands.csv`,
	)
	if got := loadError(t, files(map[string]string{IncrementsFile: inc, StaffFile: staff})); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
	// A row lost before its band is known (a field too many) makes every
	// band's points unsure.
	inc = "band,point,salary\nBand 1,1,20000\nBand 1,2,21000,extra\nBand 2,1,22000\nBand 2,2,23000\n"
	want = lines(
		"increments.csv:3: row has 4 fields but the header has 3",
		"staff.csv: 2 rows name a point not found in increments.csv, which has rows that could not be read; points are checked once it is valid",
		`staff.csv:6: band "Band 9" is not in bands.csv`,
	)
	staff = "band,point\nBand 1,2\nBand 1,1\nBand 2,1\nBand 2,3\nBand 9,1\n"
	if got := loadError(t, files(map[string]string{IncrementsFile: inc, StaffFile: staff})); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}
