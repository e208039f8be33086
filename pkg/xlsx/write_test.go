package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"paymodel/pkg/calendar"
	"paymodel/pkg/report"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// sampleTables is one table with a cell of every kind, and the run table.
func sampleTables() (report.Table, []report.Table) {
	run := report.Table{Name: "run", Columns: []string{"item", "value"}, Rows: [][]report.Cell{
		{report.Text("dataset"), report.Text("probation")},
	}}
	t := report.Table{Name: "points.csv", Columns: []string{"scenario", "date", "salary", "change", "change_pct", "share", "years", "people", "top"},
		Rows: [][]report.Cell{
			{report.Text("Offer"), report.Date(calendar.Date{Year: 2025, Month: 4, Day: 1}), report.Money(dec("31650")), report.Change(dec("-1020.5")),
				report.PercentChange(dec("0.03456")), report.Percent(dec("0.5")), report.Number(dec("2.125"), 2), report.Int(20000), report.Above(dec("10"), 2)},
			{report.Text("=HYPERLINK(1)"), report.Blank(), report.Money(dec("123456789012345.67")), report.Change(dec("0")),
				report.Blank(), report.Percent(dec("0.0001")), report.Exact(dec("0.125"), 2), report.Int(-3), report.Blank()},
		}}
	return run, []report.Table{t}
}

func writeSample(t *testing.T) []byte {
	t.Helper()
	run, tables := sampleTables()
	var buf bytes.Buffer
	if err := Write(&buf, run, tables, Props{Title: "Pay comparison", Created: "2025-04-01T00:00:00Z"}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Every cell of the sheet holds the CSV's value: read back raw with
// excelize, a number cell's stored text equals the CSV field as a decimal
// (a percentage ÷ 100; a date as Excel's day number, 45748 for 2025-04-01
// by hand: 45658 is 2025-01-01, then 31 + 28 + 31 days), a text cell the
// CSV field itself; a blank field is an empty cell. The money value
// 123456789012345.67 has 17 significant digits, more than a double
// keeps, so it is a text cell and the run sheet says so.
func TestWriteValuesEqualCSV(t *testing.T) {
	data := writeSample(t)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "run,points" {
		t.Fatalf("sheets %s", got)
	}
	_, tables := sampleTables()
	for r, row := range tables[0].Rows {
		for c, cell := range row {
			ref := CellName(r+2, c+1)
			raw, err := f.GetCellValue("points", ref, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			typ, _ := f.GetCellType("points", ref)
			csv := cell.CSV()
			switch {
			case csv == "":
				if raw != "" {
					t.Errorf("%s: %q for a blank CSV field", ref, raw)
				}
			case typ == excelize.CellTypeInlineString:
				if raw != csv {
					t.Errorf("%s: text %q, CSV %q", ref, raw, csv)
				}
			case cell.Kind == report.KindDate:
				if raw != "45748" {
					t.Errorf("%s: date %q, want 45748", ref, raw)
				}
			default:
				want := dec(csv)
				if cell.Kind == report.KindPercent || cell.Kind == report.KindPctChg {
					want = want.Shift(-2)
				}
				if !dec(raw).Equal(want) {
					t.Errorf("%s: number %s, CSV %s (want %s)", ref, raw, csv, want)
				}
			}
		}
	}
	// Spot checks of the cell types and formats chosen.
	for ref, want := range map[string]excelize.CellType{"A2": excelize.CellTypeInlineString, "C2": excelize.CellTypeUnset, "C3": excelize.CellTypeInlineString, "H3": excelize.CellTypeUnset} {
		if got, _ := f.GetCellType("points", ref); got != want {
			t.Errorf("%s: type %v, want %v", ref, got, want)
		}
	}
	if v, _ := f.GetCellValue("points", "A3"); v != "'=HYPERLINK(1)" {
		t.Errorf("A3 %q: a formula must stay neutralised text", v)
	}
	for ref, want := range map[string]string{"C2": "£31,650.00", "D2": "-£1,020.50", "E2": "+3.46%", "F2": "50.00%", "G2": "2.13", "H2": "20,000", "B2": "2025-04-01"} {
		if v, _ := f.GetCellValue("points", ref); v != want {
			t.Errorf("%s shows %q, want %q", ref, v, want)
		}
	}
	if note, _ := f.GetCellValue("run", "B3"); !strings.HasPrefix(note, "1 values have more than 15 significant digits") {
		t.Errorf("run note %q", note)
	}
	// The used range: the header and 2 rows of 9 columns (A to I), and
	// the run sheet's header, a row and the note, in 2 columns.
	for sheet, want := range map[string]string{"points": "A1:I3", "run": "A1:B3"} {
		if got, err := f.GetSheetDimension(sheet); got != want || err != nil {
			t.Errorf("%s: dimension %q (%v), want %s", sheet, got, err, want)
		}
	}
	panes, err := f.GetPanes("points")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v, %v", panes, err)
	}
	if st, _ := f.GetCellStyle("points", "A1"); st == 0 {
		t.Error("header has no style")
	} else if s, _ := f.GetStyle(st); s.Font == nil || !s.Font.Bold {
		t.Error("header is not bold")
	}
	names := f.GetDefinedName()
	if len(names) != 1 || names[0].Name != "_xlnm._FilterDatabase" || !strings.HasSuffix(names[0].RefersTo, "$A$1:$I$3") {
		t.Errorf("autofilter %+v", names)
	}
	props, _ := f.GetDocProps()
	if props.Created != "2025-04-01T00:00:00Z" || props.Creator != "paymodel" {
		t.Errorf("props %+v", props)
	}
}

// The same tables give the same bytes. The sheets are streamed, and
// excelize writes its streamed sheets in a map's order: with the run sheet
// and two tables there are 6 orders, so 10 writes would all agree by
// chance once in 6⁹ if the entries were not sorted.
func TestWriteReproducible(t *testing.T) {
	run, tables := sampleTables()
	second := tables[0]
	second.Name = "again.csv"
	tables = append(tables, second)
	var first []byte
	for i := range 10 {
		var buf bytes.Buffer
		if err := Write(&buf, run, tables, Props{Created: "2025-04-01T00:00:00Z"}); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = buf.Bytes()
		} else if !bytes.Equal(buf.Bytes(), first) {
			t.Fatalf("write %d differs from the first", i+1)
		}
	}
}

// What Write writes, Read reads as the CSV's values: money in its £
// format reads as the plain number, a percentage as the CSV's number
// with "%", a date as the ISO date.
func TestWriteThenRead(t *testing.T) {
	wb, err := Open(bytes.NewReader(writeSample(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	s, err := wb.Read("points")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Offer", "2025-04-01", "31650", "-1020.5", "3.46%", "50%", "2.13", "20000"}
	if got := s.Rows[1]; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("row 2 reads %q, want %q", got, want)
	}
}

func TestSheetName(t *testing.T) {
	for in, want := range map[string]string{"points.csv": "points", "a/b:c.csv": "a_b_c", strings.Repeat("x", 40) + ".csv": strings.Repeat("x", 31)} {
		if got := sheetName(report.Table{Name: in}); got != want {
			t.Errorf("sheetName(%q) = %q, want %q", in, got, want)
		}
	}
	if got := sheetName(report.Table{Title: "Run"}); got != "Run" {
		t.Errorf("untitled: %q", got)
	}
}

func TestDateSerial(t *testing.T) {
	// By hand: 1900-03-01 is day 61 (Excel counts a 29 February 1900);
	// 2025-04-01 is 45748 (see TestReadCells); 9999-12-31 is Excel's last
	// day, 2958465.
	for in, want := range map[string]string{"1900-03-01": "61", "2025-04-01": "45748", "9999-12-31": "2958465"} {
		if got, ok := DateSerial(in); !ok || got != want {
			t.Errorf("DateSerial(%s) = %s, %v; want %s", in, got, ok, want)
		}
	}
	for _, in := range []string{"1900-02-28", "2025-02-30", "x"} {
		if _, ok := DateSerial(in); ok {
			t.Errorf("DateSerial(%s) ok", in)
		}
	}
}
