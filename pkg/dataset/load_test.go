package dataset

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func mustLoad(t *testing.T, dir string) *paystructure.Dataset {
	t.Helper()
	ds, err := Load(os.DirFS(dir), "test")
	if err != nil {
		t.Fatalf("Load(%s): %v", dir, err)
	}
	return ds
}

// scaleText describes a scale as "label salary/months/cpd …".
func scaleText(s paystructure.Scale) string {
	var parts []string
	for _, p := range s.Points {
		parts = append(parts, fmt.Sprintf("%s %s/%d/%s", p.Label, p.Salary, p.Months, p.CPDHours))
	}
	return s.Band + ": " + strings.Join(parts, ", ")
}

// groupText describes a census group on one line.
func groupText(g paystructure.Group) string {
	cpd := "-"
	if g.CPDRecorded {
		cpd = g.CPDHours.String()
	}
	return fmt.Sprintf("%s/%s fte %s from %q cpd %s %q ×%d", g.Band, g.Point, g.FTE, g.PointDate.String(), cpd, g.Attributes, g.Count)
}

func TestLoadGood(t *testing.T) {
	ds := mustLoad(t, "testdata/good")
	if ds.Name != "test" {
		t.Errorf("Name = %q", ds.Name)
	}

	// Bands in display order, with defaults filled in.
	wantBands := []paystructure.Band{
		{Name: "Band 2", Title: "Administrator", WeeklyHours: dec("37.5"), Order: 1,
			Progression: paystructure.Progression{Kind: paystructure.FixedDate, On: calendar.AnnualDate{Month: 4, Day: 1}, QualifyingMonths: 6}},
		{Name: "Band 3", Title: "Probation services officer", WeeklyHours: dec("37"), Order: 2,
			Progression: paystructure.Progression{Kind: paystructure.Anniversary, QualifyingMonths: 6}},
		{Name: "Band 4", Title: "Probation officer", WeeklyHours: dec("37"), Order: 3,
			Progression: paystructure.Progression{Kind: paystructure.FixedDate, On: calendar.AnnualDate{Month: 4, Day: 1}, QualifyingMonths: 6}},
	}
	if len(ds.Bands) != len(wantBands) {
		t.Fatalf("%d bands, want %d", len(ds.Bands), len(wantBands))
	}
	for i, b := range ds.Bands {
		w := wantBands[i]
		if b.Name != w.Name || b.Title != w.Title || !b.WeeklyHours.Equal(w.WeeklyHours) || b.Order != w.Order || b.Progression != w.Progression {
			t.Errorf("band %d = %+v, want %+v", i, b, w)
		}
	}

	// Structures ascending, scales in band order, points by salary.
	var got []string
	for _, s := range ds.Structures {
		got = append(got, "from "+s.EffectiveFrom.String())
		for _, sc := range s.Scales {
			got = append(got, scaleText(sc))
		}
	}
	want := []string{
		"from 2024-04-01",
		"Band 2: 1 23500/12/0, 2 24350/12/0",
		"Band 3: 1 26475/12/0, 2 27800/12/0",
		"from 2025-04-01",
		"Band 2: 1 24300/12/0, 2 25200/12/0, 3 26100/12/0",
		"Band 3: 1 27400/24/10, 2 28780/12/10, 3 31200.5/12/0",
		"Band 4: 1 31000/12/0, 2 33500/12/0, 3 36000/12/0",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("structures:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Inflation in date order; on-costs in file order.
	got = nil
	for _, p := range ds.Inflation {
		got = append(got, p.Date.String()+" "+p.Index.String())
	}
	if want := []string{"2023-04-01 128.5", "2024-04-01 133", "2025-04-01 136.2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("inflation = %q, want %q", got, want)
	}
	got = nil
	for _, oc := range ds.OnCosts {
		got = append(got, oc.Name+" "+oc.Rate.String()+" "+oc.Threshold.String())
	}
	if want := []string{"Employer pension 0.296 0", "Employer National Insurance 0.15 5000"}; !reflect.DeepEqual(got, want) {
		t.Errorf("on-costs = %q, want %q", got, want)
	}

	// The census: E003 and E004 share a group; E001 and E002 differ in CPD
	// and gender; the last row stands for 3 people.
	c := ds.Census
	if c == nil {
		t.Fatal("no census")
	}
	if c.Rows != 6 || c.Headcount != 8 {
		t.Errorf("rows %d, headcount %d; want 6, 8", c.Rows, c.Headcount)
	}
	if want := []string{"gender", "region"}; !reflect.DeepEqual(c.AttributeNames, want) {
		t.Errorf("attributes %q, want %q", c.AttributeNames, want)
	}
	got = nil
	for _, g := range c.Groups {
		got = append(got, groupText(g))
	}
	want = []string{
		`Band 2/1 fte 1 from "2025-04-01" cpd - ["F" "North"] ×1`,
		`Band 2/1 fte 1 from "2025-04-01" cpd 12 ["M" "North"] ×1`,
		`Band 3/2 fte 0.6 from "2024-10-01" cpd 30 ["F" "South"] ×2`,
		`Band 4/1 fte 1 from "" cpd - ["M" "South"] ×3`,
		`Band 4/3 fte 0.8 from "2023-04-01" cpd 40 ["F" "North"] ×1`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("groups:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	wantWarnings := []string{
		"staff.csv: 1 row has a point_date before the start_date (the first on line 6)",
		"overlapping bands: the top of Band 3 (£31,200.50) is above the entry point of Band 4 (£31,000)",
	}
	if !reflect.DeepEqual(ds.Warnings, wantWarnings) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(ds.Warnings, "\n"), strings.Join(wantWarnings, "\n"))
	}
}

// TestChecksum recomputes the checksum as documented, independently.
func TestChecksum(t *testing.T) {
	ds := mustLoad(t, "testdata/good")
	h := sha256.New()
	for _, name := range []string{BandsFile, IncrementsFile, InflationFile, OnCostsFile, StaffFile} {
		data, err := os.ReadFile("testdata/good/" + name)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		fmt.Fprintf(h, "%s\x00%s\n", name, hex.EncodeToString(sum[:]))
	}
	if want := hex.EncodeToString(h.Sum(nil))[:12]; ds.Checksum != want {
		t.Errorf("Checksum = %s, want %s", ds.Checksum, want)
	}

	// Any change to any byte changes it.
	fsys := fstest.MapFS{}
	for _, name := range []string{BandsFile, IncrementsFile, InflationFile, OnCostsFile, StaffFile} {
		data, _ := os.ReadFile("testdata/good/" + name)
		fsys[name] = &fstest.MapFile{Data: data}
	}
	fsys[InflationFile].Data = append(fsys[InflationFile].Data, '\n')
	other, err := Load(fsys, "test")
	if err != nil {
		t.Fatal(err)
	}
	if other.Checksum == ds.Checksum {
		t.Error("a blank line added to inflation.csv left the checksum unchanged")
	}
}

// TestLoadExcel reads an export with byte-order marks, CRLF line endings,
// quoted fields with commas, quotes and a line break, £ amounts with
// thousands separators, and headers in other cases with spaces.
func TestLoadExcel(t *testing.T) {
	ds := mustLoad(t, "testdata/excel")
	var got []string
	for _, b := range ds.Bands {
		got = append(got, fmt.Sprintf("%s|%s|%s|%d|%s", b.Name, b.Title, b.WeeklyHours, b.Order, b.Progression))
	}
	if want := []string{`Band A|Assistant, grade A|37|1|anniversary`, `Band B|Officer "B"|36.5|2|each 04-01`}; !reflect.DeepEqual(got, want) {
		t.Errorf("bands = %q, want %q", got, want)
	}
	if len(ds.Structures) != 1 || !ds.Structures[0].EffectiveFrom.IsZero() {
		t.Fatalf("want one undated structure, got %d", len(ds.Structures))
	}
	got = nil
	for _, sc := range ds.Latest().Scales {
		got = append(got, scaleText(sc))
	}
	if want := []string{"Band A: A1 21000/12/0, A2 22050.5/12/0", "Band B: B1 25524/24/0, B2 25524.01/12/0"}; !reflect.DeepEqual(got, want) {
		t.Errorf("scales = %q, want %q", got, want)
	}
	got = nil
	for _, g := range ds.Census.Groups {
		got = append(got, groupText(g))
	}
	want := []string{
		`Band A/A1 fte 0.5 from "" cpd - ["North \"East\""] ×1`,
		`Band A/A2 fte 1 from "" cpd - [""] ×3`,
		`Band B/B2 fte 1 from "" cpd - ["South"] ×2`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("groups:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if c := ds.Census; c.Rows != 3 || c.Headcount != 6 || !reflect.DeepEqual(c.AttributeNames, []string{"region"}) {
		t.Errorf("census rows %d, headcount %d, attributes %q", c.Rows, c.Headcount, c.AttributeNames)
	}
	if len(ds.OnCosts) != 1 || ds.OnCosts[0].Name != "Employer NI" || !ds.OnCosts[0].Rate.Equal(dec("0.138")) || !ds.OnCosts[0].Threshold.Equal(dec("9100")) {
		t.Errorf("on-costs = %+v", ds.OnCosts)
	}
	if ds.Inflation != nil || len(ds.Warnings) != 0 {
		t.Errorf("inflation %v, warnings %q; want none", ds.Inflation, ds.Warnings)
	}
}

// TestLoadSeveral plants errors in every file: all are reported, sorted by
// file and line.
func TestLoadSeveral(t *testing.T) {
	_, err := Load(os.DirFS("testdata/several"), "several")
	want := lines(
		`bands.csv:3: weekly_hours "1O": not a number (write a number such as 30 or 7.5)`,
		`increments.csv:3: salary "25,5x4": not an amount (write 25524 or £25,524.00)`,
		`increments.csv:5: Band 2 point 2 (£30,000) is not above point 1 (£30,000)`,
		`increments.csv:6: band "Band 3" is not in bands.csv`,
		`inflation.csv:3: date 2024-04-01 is already on line 2`,
		`oncosts.csv:2: rate "20": not a rate: the % sign is missing (write a percentage such as "3.5%")`,
		`staff.csv:3: band "Band 9" is not in bands.csv`,
		`staff.csv:4: point "3" is not a point of Band 2`,
		`staff.csv:4: id "A1" is already on line 2`,
	)
	if err == nil || err.Error() != want {
		t.Errorf("errors:\n%v\nwant:\n%s", err, want)
	}
}

func TestLoadSemicolon(t *testing.T) {
	_, err := Load(os.DirFS("testdata/semicolon"), "semicolon")
	want := lines(
		`bands.csv:1: the file is separated by ";" — save it as comma-separated CSV`,
		`increments.csv:1: the file is separated by ";" — save it as comma-separated CSV`,
	)
	if err == nil || err.Error() != want {
		t.Errorf("errors:\n%v\nwant:\n%s", err, want)
	}
}

func TestLoadMissingFolder(t *testing.T) {
	_, err := Load(os.DirFS("testdata/no-such-folder"), "none")
	want := lines(
		"bands.csv: file not found (a dataset needs bands.csv and increments.csv)",
		"increments.csv: file not found (a dataset needs bands.csv and increments.csv)",
	)
	if err == nil || err.Error() != want {
		t.Errorf("errors:\n%v\nwant:\n%s", err, want)
	}
}

// TestLoadOrdering checks the orders Load promises: bands by order then file
// order, points by salary whatever their file order, the latest structure
// last.
func TestLoadOrdering(t *testing.T) {
	ds, err := Load(fstest.MapFS{
		BandsFile: {Data: []byte("band,order\nC,2\nA,1\nB,2\nD,-5\n")},
		IncrementsFile: {Data: []byte("band,point,salary,effective_from\n" +
			"A,top,30000,2025-04-01\nA,mid,20000.01,2025-04-01\nA,low,20000,2025-04-01\n" +
			"B,1,40000,2025-04-01\nC,1,50000,2025-04-01\nD,1,10000,2025-04-01\n" +
			"A,only,1000,2020-04-01\n")},
	}, "test")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, b := range ds.Bands {
		names = append(names, b.Name)
	}
	if want := []string{"D", "A", "C", "B"}; !reflect.DeepEqual(names, want) {
		t.Errorf("bands in order %q, want %q", names, want)
	}
	if len(ds.Structures) != 2 || ds.Structures[0].EffectiveFrom.String() != "2020-04-01" || ds.Latest().EffectiveFrom.String() != "2025-04-01" {
		t.Fatalf("structures %+v", ds.Structures)
	}
	var scales []string
	for _, sc := range ds.Latest().Scales {
		scales = append(scales, scaleText(sc))
	}
	want := []string{"D: 1 10000/12/0", "A: low 20000/12/0, mid 20000.01/12/0, top 30000/12/0", "C: 1 50000/12/0", "B: 1 40000/12/0"}
	if !reflect.DeepEqual(scales, want) {
		t.Errorf("scales %q, want %q", scales, want)
	}
	// D's top (£10,000) is below A's entry; A's top (£30,000) is below C's
	// entry; C's top (£50,000) is above B's entry (£40,000).
	if want := []string{"overlapping bands: the top of C (£50,000) is above the entry point of B (£40,000)"}; !reflect.DeepEqual(ds.Warnings, want) {
		t.Errorf("warnings %q, want %q", ds.Warnings, want)
	}
}

// TestCensusGroups checks that rows whose values are written differently but
// mean the same ("1" and "1.0", " F" and "F") fall in one group, and that
// groups are sorted by band, point, FTE, point date, CPD and attributes.
func TestCensusGroups(t *testing.T) {
	ds, err := Load(files(map[string]string{StaffFile: "band,point,fte,point_date,cpd_hours,count,sex\n" +
		"Band 2,1,1,,,,F\n" +
		"Band 1,2,1.0,,,2, F\n" +
		"Band 1,2,1,,,,F\n" +
		"Band 1,2,0.5,,,,F\n" +
		"Band 1,1,1,2024-01-01,,,M\n" +
		"Band 1,1,1,2023-01-01,10,,M\n" +
		"Band 1,1,1,2023-01-01,,,M\n" +
		"Band 1,1,1,2023-01-01,5,,M\n" +
		"Band 1,1,1,2023-01-01,5,,F\n" +
		"Band 1,1,1,2023-01-01,5.0,4,F\n"}), "test")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, g := range ds.Census.Groups {
		got = append(got, groupText(g))
	}
	want := []string{
		`Band 1/1 fte 1 from "2023-01-01" cpd - ["M"] ×1`,
		`Band 1/1 fte 1 from "2023-01-01" cpd 5 ["F"] ×5`,
		`Band 1/1 fte 1 from "2023-01-01" cpd 5 ["M"] ×1`,
		`Band 1/1 fte 1 from "2023-01-01" cpd 10 ["M"] ×1`,
		`Band 1/1 fte 1 from "2024-01-01" cpd - ["M"] ×1`,
		`Band 1/2 fte 0.5 from "" cpd - ["F"] ×1`,
		`Band 1/2 fte 1 from "" cpd - ["F"] ×3`,
		`Band 2/1 fte 1 from "" cpd - ["F"] ×1`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("groups:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if c := ds.Census; c.Rows != 10 || c.Headcount != 14 {
		t.Errorf("rows %d, headcount %d; want 10, 14", c.Rows, c.Headcount)
	}
}

func TestWarnings(t *testing.T) {
	ds, err := Load(files(map[string]string{
		StaffFile:     "band,point,point_date,start_date\nBand 1,1,2020-01-01,2021-01-01\nBand 1,1,2021-01-01,2021-01-01\nBand 1,1,2020-01-01,2020-06-01\n",
		InflationFile: "date,index,note\n2025-04-01,100,ONS\n",
	}), "test")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`inflation.csv: column "note" is not used (inflation.csv reads date, series, index, status, source)`,
		"staff.csv: 2 rows have a point_date before the start_date (the first on line 2)",
	}
	if !reflect.DeepEqual(ds.Warnings, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(ds.Warnings, "\n"), strings.Join(want, "\n"))
	}
}

func TestNoCensus(t *testing.T) {
	ds, err := Load(files(nil), "test")
	if err != nil {
		t.Fatal(err)
	}
	if ds.Census != nil || ds.Inflation != nil || ds.OnCosts != nil || len(ds.Warnings) != 0 {
		t.Errorf("census %v, inflation %v, on-costs %v, warnings %q; want none", ds.Census, ds.Inflation, ds.OnCosts, ds.Warnings)
	}
	if err := EachPerson(files(nil), ds, func(*paystructure.Person) error { t.Error("called without a census"); return nil }); err != nil {
		t.Error(err)
	}
}
