package xlsx

import (
	"fmt"
	"io"
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
//   - text is a text cell holding the CSV's text, with the CSV's guard
//     against formulas (a leading ' before =, +, -, @): a text cell is
//     never run, but the value stays the CSV's;
//   - a blank CSV field is an empty cell.
//
// Each number is written into the file as the CSV's decimal text. A value
// of more than MaxDigits significant digits, which a spreadsheet would
// round, is written as a text cell of the same text, and the run sheet
// says how many there are.
//
// Each table's header row is bold and frozen, with an autofilter; columns
// are as wide as their longest value. The same arguments give the same
// bytes.
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
	texts := 0
	for _, t := range tables {
		sheet := sheetOf(t)
		n, err := b.table(sheet, t)
		if err != nil {
			return err
		}
		texts += n
		last := CellName(len(t.Rows)+1, max(len(t.Columns), 1))
		b.fail(b.f.AutoFilter(sheet, "A1:"+last, nil))
		b.fail(b.f.SetPanes(sheet, &excelize.Panes{
			Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
		}))
	}
	if texts > 0 {
		run.Rows = append(run.Rows, []report.Cell{report.Text("note"), report.Text(fmt.Sprintf(
			"%d values have more than %d significant digits, more than a spreadsheet's numbers keep: they are text cells, exactly as in the CSV tables", texts, MaxDigits))})
	}
	if _, err := b.table(runSheet, run); err != nil {
		return err
	}
	b.fail(b.f.SetDocProps(&excelize.DocProperties{
		Creator: "paymodel", LastModifiedBy: "paymodel", Title: props.Title,
		Created: props.Created, Modified: props.Created,
	}))
	b.fail(b.f.SetAppProps(&excelize.AppProperties{Application: "paymodel"}))
	b.f.SetActiveSheet(0)
	data, err := b.Bytes()
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
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

// table writes t's header and rows into sheet, sets its column widths, and
// returns how many numbers were written as text.
func (b *Builder) table(sheet string, t report.Table) (texts int, err error) {
	widths := make([]int, len(t.Columns))
	for c, h := range t.Columns {
		b.Text(sheet, 1, c+1, h)
		b.Style(sheet, 1, c+1, "", true)
		widths[c] = utf8.RuneCountInString(h) + 3 // room for the filter button
	}
	for r, row := range t.Rows {
		if len(row) != len(t.Columns) {
			return 0, fmt.Errorf("xlsx: table %s row %d has %d cells for %d columns", t.Name, r+1, len(row), len(t.Columns))
		}
		for c, cell := range row {
			if !b.cell(sheet, r+2, c+1, cell) {
				texts++
			}
			// The CSV text, and for a number room for what its format
			// adds (£, +, thousands separators, %): cheaper than
			// formatting each cell.
			w := utf8.RuneCountInString(cell.CSV()) + 1
			if cell.Numeric() {
				w += 2 + w/3
			}
			widths[c] = max(widths[c], w)
		}
	}
	for c, w := range widths {
		col := ColumnName(c + 1)
		b.fail(b.f.SetColWidth(sheet, col, col, float64(min(max(w, 8), 60))))
	}
	return texts, b.err
}

// cell writes c at row and col (see Write), and reports false when it is
// a number written as text.
func (b *Builder) cell(sheet string, row, col int, c report.Cell) (number bool) {
	v := c.CSV()
	if v == "" {
		return true
	}
	numFmt := ""
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
		if d, err := decimal.NewFromString(v); err == nil && digits(v) <= MaxDigits {
			b.Number(sheet, row, col, d.Shift(-2).String(), numFmt)
			return true
		}
		b.Text(sheet, row, col, v)
		return false
	case report.KindNumber:
		numFmt = "#,##0"
		if c.Places > 0 {
			numFmt += "." + strings.Repeat("0", int(c.Places))
		}
	case report.KindInt:
		numFmt = IntFormat
	case report.KindDate:
		if serial, ok := DateSerial(v); ok {
			b.Number(sheet, row, col, serial, DateFormat)
			return true
		}
		b.Text(sheet, row, col, v)
		return true
	default:
		b.Text(sheet, row, col, v)
		return true
	}
	if digits(v) > MaxDigits {
		b.Text(sheet, row, col, v)
		return false
	}
	b.Number(sheet, row, col, v, numFmt)
	return true
}
