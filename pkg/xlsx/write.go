package xlsx

import (
	"archive/zip"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"paymodel/pkg/report"
)

// The number formats Write gives cells, by report.Kind.
const (
	MoneyFormat   = `"£"#,##0.00;-"£"#,##0.00`          // KindMoney
	ChangeFormat  = `+"£"#,##0.00;-"£"#,##0.00;"£"0.00` // KindChange
	PercentFormat = `0.00%`                             // KindPercent
	PctChgFormat  = `+0.00%;-0.00%;0.00%`               // KindPctChg
	IntFormat     = `#,##0`                             // KindInt
	DateFormat    = `yyyy-mm-dd`                        // KindDate
)

// MaxDigits is the most significant digits a number cell is written with.
// A spreadsheet holds a number as a binary double, which keeps every
// decimal of up to 15 significant digits exactly; a value with more is
// written as a text cell instead (see Write).
const MaxDigits = 15

// Props are the workbook's document properties.
type Props struct {
	Title string
	// Created is the creation and modification time recorded, in the
	// form 2025-04-01T00:00:00Z: a fixed time (never the clock), so the
	// same tables give the same bytes.
	Created string
}

// Write writes a workbook to w: a first sheet of run (what was run), then
// one sheet per table, named as its CSV file without ".csv" (points.csv is
// sheet points), with the same columns and rows in the same order as the
// CSV.
//
// Every value is the CSV's (report.Cell.CSV):
//   - money is a number in a £ format to the penny (31650.00 shown
//     £31,650.00; a change +£1,020.00);
//   - a percentage is the CSV's number ÷ 100 in a percent format, exactly
//     (3.46 is 0.0346, shown 3.46%);
//   - a date is a date cell (Excel's day number, shown 2025-04-01);
//   - other numbers are numbers with the CSV's decimal places shown;
//   - text is a text cell (an inline string) holding the CSV's text, with
//     the CSV's guard against formulas (a leading ' before =, +, -, @): a
//     text cell is never run, but the value stays the CSV's;
//   - a blank CSV field is an empty cell.
//
// Each number is written into the file as the shortest decimal that reads
// back as the same binary number, which for a number of up to MaxDigits
// significant digits is the CSV's value (31650.00 is written 31650). A
// value of more than MaxDigits significant digits, which a spreadsheet
// would round, is written as a text cell of the same text, and the run
// sheet says how many there are.
//
// Each table's header row is bold and frozen, with an autofilter; columns
// are as wide as their longest value. The sheets are written row by row
// (excelize's StreamWriter), not cell by cell. The same arguments give the
// same bytes.
func Write(w io.Writer, run report.Table, tables []report.Table, props Props) error {
	b := NewBuilder()
	names := map[string]bool{}
	sheetOf := func(t report.Table) string {
		name := sheetName(t)
		for i := 2; names[strings.ToLower(name)]; i++ {
			name = fmt.Sprintf("%s %d", sheetName(t), i)
		}
		names[strings.ToLower(name)] = true
		b.Sheet(name)
		return name
	}
	runSheet := sheetOf(run)
	sheets := make([]string, len(tables))
	for i, t := range tables {
		sheets[i] = sheetOf(t)
	}
	// Before the sheets are streamed: afterwards it would read them all
	// back.
	b.f.SetActiveSheet(0)
	texts := 0
	for i, t := range tables {
		n, err := b.table(sheets[i], t, true)
		if err != nil {
			return err
		}
		texts += n
	}
	if texts > 0 {
		run.Rows = append(run.Rows, []report.Cell{report.Text("note"), report.Text(fmt.Sprintf(
			"%d values have more than %d significant digits, more than a spreadsheet's numbers keep: they are text cells, exactly as in the CSV tables", texts, MaxDigits))})
	}
	if _, err := b.table(runSheet, run, false); err != nil {
		return err
	}
	b.fail(b.f.SetDocProps(&excelize.DocProperties{
		Creator: "paymodel", LastModifiedBy: "paymodel", Title: props.Title,
		Created: props.Created, Modified: props.Created,
	}))
	b.fail(b.f.SetAppProps(&excelize.AppProperties{Application: "paymodel"}))
	data, err := b.Bytes()
	if err == nil {
		data, err = sortZip(data)
	}
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// sortZip returns the zip file with its entries in a fixed order,
// [Content_Types].xml first and the others by name, their compressed data
// copied as it is: excelize writes the streamed sheets in the order of a
// map, so the same workbook could otherwise come out in different bytes.
func sortZip(file []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	files := slices.Clone(zr.File)
	rank := func(f *zip.File) int {
		if f.Name == "[Content_Types].xml" {
			return 0
		}
		return 1
	}
	slices.SortFunc(files, func(a, b *zip.File) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), strings.Compare(a.Name, b.Name))
	})
	var out bytes.Buffer
	out.Grow(len(file))
	zw := zip.NewWriter(&out)
	for _, f := range files {
		if err := zw.Copy(f); err != nil {
			return nil, fmt.Errorf("xlsx: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	return out.Bytes(), nil
}

// sheetName is a table's sheet name: its file name without ".csv" (or its
// title), without the characters a sheet name may not have, cut to Excel's
// 31 characters.
func sheetName(t report.Table) string {
	name := strings.TrimSuffix(t.Name, ".csv")
	if name == "" {
		name = t.Title
	}
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, name)
	for utf8.RuneCountInString(name) > 31 {
		_, size := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-size]
	}
	if strings.TrimSpace(name) == "" {
		name = "table"
	}
	return name
}

// table writes t's header and rows into sheet, with its column widths,
// and for a table (filtered) a frozen header row and an autofilter; it
// returns how many numbers were written as text. The sheet is streamed: its
// widths, panes and autofilter are set before its rows.
func (b *Builder) table(sheet string, t report.Table, filtered bool) (texts int, err error) {
	widths := make([]int, len(t.Columns))
	for c, h := range t.Columns {
		widths[c] = utf8.RuneCountInString(h) + 3 // room for the filter button
	}
	csv := make([]string, len(t.Rows)*len(t.Columns)) // each cell's CSV text, made once
	for r, row := range t.Rows {
		if len(row) != len(t.Columns) {
			return 0, fmt.Errorf("xlsx: table %s row %d has %d cells for %d columns", t.Name, r+1, len(row), len(t.Columns))
		}
		for c, cell := range row {
			text := cell.CSV()
			csv[r*len(t.Columns)+c] = text
			// The CSV text, and for a number room for what its format
			// adds (£, +, thousands separators, %): cheaper than
			// formatting each cell.
			w := utf8.RuneCountInString(text) + 1
			if cell.Numeric() {
				w += 2 + w/3
			}
			widths[c] = max(widths[c], w)
		}
	}
	// Set on the sheet before it is streamed, which writes them. The
	// dimension (the range the sheet uses) is what some readers go by
	// (openpyxl's read-only mode reads no further); excelize would leave
	// it "A1".
	used := "A1:" + CellName(len(t.Rows)+1, max(len(t.Columns), 1))
	b.fail(b.f.SetSheetDimension(sheet, used))
	if filtered {
		b.fail(b.f.AutoFilter(sheet, used, nil))
	}
	sw, err := b.f.NewStreamWriter(sheet)
	if err != nil {
		return 0, err
	}
	for c := len(widths) - 1; c >= 0; c-- { // each goes before the others: the last first
		b.fail(sw.SetColWidth(c+1, c+1, float64(min(max(widths[c], 8), 60))))
	}
	if filtered {
		b.fail(sw.SetPanes(&excelize.Panes{
			Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
		}))
	}
	bold, err := b.style(style{bold: true})
	b.fail(err)
	values := make([]any, len(t.Columns))
	for c, h := range t.Columns {
		values[c] = excelize.Cell{StyleID: bold, Value: h}
	}
	b.fail(sw.SetRow("A1", values))
	for r, row := range t.Rows {
		for c, cell := range row {
			v, numFmt, number := cellValue(cell, csv[r*len(t.Columns)+c])
			if !number {
				texts++
			}
			switch {
			case v == nil:
				values[c] = nil // no cell
			case numFmt == "":
				values[c] = excelize.Cell{Value: v}
			default:
				id, err := b.style(style{numFmt: numFmt})
				b.fail(err)
				values[c] = excelize.Cell{StyleID: id, Value: v}
			}
		}
		b.fail(sw.SetRow(CellName(r+2, 1), values))
	}
	b.fail(sw.Flush())
	return texts, b.err
}

// cellValue returns what Write writes for c, whose CSV text is csv (see
// Write): nil for a blank field, a string for a text cell, or a number
// (float64, or the int64 of a date) in the number format numFmt. It reports
// false when c is a number written as text.
func cellValue(c report.Cell, csv string) (v any, numFmt string, number bool) {
	if csv == "" {
		return nil, "", true
	}
	switch c.Kind {
	case report.KindMoney:
		numFmt = MoneyFormat
	case report.KindChange:
		numFmt = ChangeFormat
	case report.KindPercent, report.KindPctChg:
		numFmt = PercentFormat
		if c.Kind == report.KindPctChg {
			numFmt = PctChgFormat
		}
		if d, err := decimal.NewFromString(csv); err == nil && digits(csv) <= MaxDigits {
			if f, ok := float(d.Shift(-2).String()); ok {
				return f, numFmt, true
			}
		}
		return csv, "", false
	case report.KindNumber:
		numFmt = "#,##0"
		if c.Places > 0 {
			numFmt += "." + strings.Repeat("0", int(c.Places))
		}
	case report.KindInt:
		numFmt = IntFormat
	case report.KindDate:
		if n, ok := dateSerial(csv); ok {
			return n, DateFormat, true
		}
		return csv, "", true
	default:
		return csv, "", true
	}
	if digits(csv) > MaxDigits {
		return csv, "", false
	}
	if f, ok := float(csv); ok {
		return f, numFmt, true
	}
	return csv, "", false
}

// float returns the binary number nearest the decimal text s, which for s
// of up to MaxDigits significant digits the shortest round-trip text of the
// number (what the stream writer writes) gives back exactly: "31650.00" is
// 31650, "0.0346" 0.0346. A zero is a positive zero, so it is never written
// "-0".
func float(s string) (float64, bool) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	if f == 0 {
		f = 0
	}
	return f, true
}
