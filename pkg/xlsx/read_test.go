package xlsx

import (
	"bytes"
	"math"
	"reflect"
	"strings"
	"testing"
)

// open builds a workbook with build and opens it.
func open(t *testing.T, build func(b *Builder)) *Workbook {
	t.Helper()
	b := NewBuilder()
	build(b)
	data, err := b.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	wb, err := Open(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { wb.Close() })
	return wb
}

// Each kind of cell reads as the text the package documentation gives.
// The expected texts are worked out by hand: Excel's day 45748 is
// 2025-04-01 (day 45658 is 2025-01-01, plus 31 + 28 + 31 days); 0.035
// shifted two places is 3.5; 0.1 + 0.2 in binary is 0.30000000000000004.
func TestReadCells(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  func(b *Builder)
		want string
		msg  string // the Problem, if any
	}{
		{"number", func(b *Builder) { b.Number("s", 1, 1, "25524.1", "") }, "25524.1", ""},
		{"number stored with 17 digits reads shortest", func(b *Builder) { b.Number("s", 1, 1, "25524.099999999999", "") }, "25524.1", ""},
		{"whole number", func(b *Builder) { b.Number("s", 1, 1, "3", "") }, "3", ""},
		{"negative", func(b *Builder) { b.Number("s", 1, 1, "-1500.25", "") }, "-1500.25", ""},
		{"currency format is not read", func(b *Builder) { b.Number("s", 1, 1, "25524.5", `"£"#,##0.00`) }, "25524.5", ""},
		{"over-precise float stays over-precise", func(b *Builder) { b.Number("s", 1, 1, "0.30000000000000004", "") }, "0.30000000000000004", ""},
		{"percent", func(b *Builder) { b.Number("s", 1, 1, "0.035", "0.0%") }, "3.5%", ""},
		{"percent, built-in 0.00%", func(b *Builder) { b.Number("s", 1, 1, "0.138", "0.00%") }, "13.8%", ""},
		{"percent is shifted exactly", func(b *Builder) { b.Number("s", 1, 1, "0.0007", "0%") }, "0.07%", ""},
		{"date serial", func(b *Builder) { b.Number("s", 1, 1, "45748", "yyyy-mm-dd") }, "2025-04-01", ""},
		{"date serial, UK format", func(b *Builder) { b.Number("s", 1, 1, "45748", "dd/mm/yyyy") }, "2025-04-01", ""},
		{"date with a time", func(b *Builder) { b.Number("s", 1, 1, "45748.5", "yyyy-mm-dd hh:mm") }, "2025-04-01 12:00:00", ""},
		{"time of day alone is a number", func(b *Builder) { b.Number("s", 1, 1, "0.5", "hh:mm") }, "0.5", ""},
		{"text date", func(b *Builder) { b.Text("s", 1, 1, "2025-04-01") }, "2025-04-01", ""},
		{"text amount", func(b *Builder) { b.Text("s", 1, 1, "£25,524") }, "£25,524", ""},
		{"text with spaces kept", func(b *Builder) { b.Text("s", 1, 1, " Band 4 ") }, " Band 4 ", ""},
		{"boolean", func(b *Builder) { b.Bool("s", 1, 1, true) }, "TRUE", ""},
		{"formula reads its saved result", func(b *Builder) { b.Formula("s", 1, 1, "25524.1*1", "25524.1", "") }, "25524.1", ""},
		{"formula result in a percent format", func(b *Builder) { b.Formula("s", 1, 1, "3/100", "0.03", "0%") }, "3%", ""},
		{"formula result over-precise", func(b *Builder) { b.Formula("s", 1, 1, "0.1+0.2", "0.30000000000000004", "") }, "0.30000000000000004", ""},
		{"error value", func(b *Builder) { b.Error("s", 1, 1, "", "#N/A") }, "", "the cell holds the error #N/A (correct the formula or the value)"},
		{"formula with an error result", func(b *Builder) { b.Error("s", 1, 1, "1/0", "#DIV/0!") }, "", "the cell holds the error #DIV/0! (correct the formula or the value)"},
		{"formula without a saved result", func(b *Builder) { b.Text("s", 1, 2, "x"); b.Formula("s", 1, 1, "B1*2", "", "") }, "",
			"the formula has no saved result (open the workbook in Excel or LibreOffice and save it, so that its results are stored)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wb := open(t, func(b *Builder) { b.Sheet("s"); tc.set(b) })
			s, err := wb.Read("s")
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Rows) != 1 || len(s.Rows[0]) < 1 {
				t.Fatalf("rows %q", s.Rows)
			}
			if got := s.Rows[0][0]; got != tc.want {
				t.Errorf("A1 reads %q, want %q", got, tc.want)
			}
			var msg string
			for _, p := range s.Problems {
				if p.Row == 1 && p.Col == 1 {
					msg = p.Msg
				} else {
					t.Errorf("problem at %s: %s", CellName(p.Row, p.Col), p.Msg)
				}
			}
			if msg != tc.msg {
				t.Errorf("problem %q, want %q", msg, tc.msg)
			}
		})
	}
}

// A sheet keeps its layout: blank rows and short rows, merged ranges and
// hidden rows and columns are reported where they are.
func TestReadLayout(t *testing.T) {
	wb := open(t, func(b *Builder) {
		b.Sheet("first")
		b.Sheet("Staff")
		b.Text("Staff", 1, 1, "Census")
		b.Merge("Staff", Range{1, 1, 1, 3})
		b.Text("Staff", 3, 1, "band")
		b.Text("Staff", 3, 3, "fte")
		b.Text("Staff", 4, 1, "Band 4")
		b.Number("Staff", 4, 3, "0.6", "")
		b.HideRow("Staff", 4)
	})
	if got := wb.Sheets(); !reflect.DeepEqual(got, []string{"first", "Staff"}) {
		t.Errorf("sheets %q", got)
	}
	s, err := wb.Read("Staff")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"Census"}, nil, {"band", "", "fte"}, {"Band 4", "", "0.6"}}
	if len(s.Rows) != len(want) {
		t.Fatalf("rows %q", s.Rows)
	}
	for i := range want {
		if strings.Join(s.Rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d: %q, want %q", i+1, s.Rows[i], want[i])
		}
	}
	if len(s.Merged) != 1 || s.Merged[0].String() != "A1:C1" {
		t.Errorf("merged %v", s.Merged)
	}
	if !reflect.DeepEqual(s.HiddenRows, []int{4}) || len(s.HiddenCols) != 0 {
		t.Errorf("hidden rows %v, columns %v", s.HiddenRows, s.HiddenCols)
	}
	if _, err := wb.Read("nope"); err == nil {
		t.Error("reading a missing sheet: no error")
	}
}

func TestOpenNotAWorkbook(t *testing.T) {
	_, err := Open(strings.NewReader("band,title\nBand 1,x\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "not a readable .xlsx workbook") {
		t.Errorf("err = %v", err)
	}
}

func TestFormatOf(t *testing.T) {
	for _, tc := range []struct {
		code string
		want format
	}{
		{"General", numberFormat},
		{"0.00", numberFormat},
		{`"£"#,##0.00`, numberFormat},
		{`[$£-809]#,##0.00;[Red]-[$£-809]#,##0.00`, numberFormat},
		{`0.00" days"`, numberFormat}, // the d is quoted
		{`0\d`, numberFormat},         // the d is escaped
		{"0.00E+00", numberFormat},
		{"h:mm", numberFormat},
		{"[h]:mm:ss", numberFormat},
		{"mm:ss", numberFormat},
		{"0%", percentFormat},
		{"0.0%;[Red]-0.0%", percentFormat},
		{"yyyy-mm-dd", dateFormat},
		{"[$-809]dd/mm/yyyy", dateFormat},
		{"mmm-yy", dateFormat},
		{"mmmm", dateFormat},
		{"d-mmm", dateFormat},
		{"DD/MM/YYYY", dateFormat},
		{"yyyy-mm-dd hh:mm", dateFormat},
	} {
		if got := formatOf(tc.code); got != tc.want {
			t.Errorf("formatOf(%q) = %d, want %d", tc.code, got, tc.want)
		}
	}
	for id, want := range map[int]format{0: numberFormat, 2: numberFormat, 9: percentFormat, 10: percentFormat, 14: dateFormat, 20: numberFormat, 22: dateFormat, 49: numberFormat} {
		if got := builtinFormat(id); got != want {
			t.Errorf("builtinFormat(%d) = %d, want %d", id, got, want)
		}
	}
}

func TestColumnName(t *testing.T) {
	for col, want := range map[int]string{1: "A", 3: "C", 26: "Z", 27: "AA", 52: "AZ", 53: "BA", 702: "ZZ", 703: "AAA"} {
		if got := ColumnName(col); got != want {
			t.Errorf("ColumnName(%d) = %q, want %q", col, got, want)
		}
	}
	if got := CellName(14, 3); got != "C14" {
		t.Errorf("CellName(14, 3) = %q", got)
	}
}

// numberText by hand: in the 1904 date system (old Mac workbooks) day 0 is
// 1904-01-01, 1462 days after the 1900 system's, so 2025-04-01 is
// 45748 − 1462 = 44286; a percentage is shifted, not multiplied, so the
// binary 0.1 + 0.2 stays over-precise; −0 reads as 0.
func TestNumberText(t *testing.T) {
	for _, tc := range []struct {
		f        float64
		k        format
		date1904 bool
		want     string
	}{
		{44286, dateFormat, true, "2025-04-01"},
		{45748, dateFormat, false, "2025-04-01"},
		{-1, dateFormat, false, "-1"},                                      // before Excel's first day: left a number
		{0.30000000000000004, percentFormat, false, "30.000000000000004%"}, // what the double 0.1 + 0.2 holds
		{0.035, percentFormat, false, "3.5%"},
		{math.Copysign(0, -1), numberFormat, false, "0"},
		{1e21, numberFormat, false, "1000000000000000000000"},
	} {
		if got := numberText(tc.f, tc.k, tc.date1904); got != tc.want {
			t.Errorf("numberText(%v, %d, %v) = %q, want %q", tc.f, tc.k, tc.date1904, got, tc.want)
		}
	}
}

// A formula without a saved result at the end of its row, the last row of
// the sheet, is still found (GetRows keeps formula cells in their row).
func TestReadFormulaWithoutResultLast(t *testing.T) {
	wb := open(t, func(b *Builder) {
		b.Sheet("s")
		b.Text("s", 1, 1, "band")
		b.Text("s", 2, 1, "Band 1")
		b.Formula("s", 2, 3, "A2", "", "")
	})
	s, err := wb.Read("s")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Problems) != 1 || CellName(s.Problems[0].Row, s.Problems[0].Col) != "C2" {
		t.Errorf("problems %+v, want one at C2", s.Problems)
	}
}
