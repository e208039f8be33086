package xlsx

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// MaxUnzipped is the most bytes a workbook may unpack to (1 GiB), so that a
// small file that unpacks to a huge one fails clearly instead of exhausting
// memory.
const MaxUnzipped = 1 << 30

// Workbook is a workbook open for reading.
type Workbook struct {
	f        *excelize.File
	date1904 bool
	formats  map[int]format // style id → what its number format shows
}

// Open reads a workbook from r. The error says the file is not a workbook
// when it is not one (or is encrypted).
func Open(r io.Reader) (*Workbook, error) {
	f, err := excelize.OpenReader(r, excelize.Options{UnzipSizeLimit: MaxUnzipped, UnzipXMLSizeLimit: MaxUnzipped})
	if err != nil {
		return nil, fmt.Errorf("not a readable .xlsx workbook (%v)", err)
	}
	props, err := f.GetWorkbookProps()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("not a readable .xlsx workbook (%v)", err)
	}
	b := &Workbook{f: f, formats: map[int]format{}}
	if props.Date1904 != nil {
		b.date1904 = *props.Date1904
	}
	return b, nil
}

// Close releases the workbook.
func (b *Workbook) Close() error { return b.f.Close() }

// Sheets returns the names of the workbook's worksheets in workbook order.
func (b *Workbook) Sheets() []string { return b.f.GetSheetList() }

// Sheet is a worksheet's cells as text (see the package documentation for
// how each kind of cell reads).
type Sheet struct {
	Name string
	// Rows[r][c] is the text of the cell in row r+1, column c+1. Every row
	// up to the last that holds a value is present; a row may be shorter
	// than others (its missing cells are blank), and a blank row is empty.
	Rows [][]string
	// Problems are the cells that could not be read as text (they read "").
	Problems []Problem
	// Merged are the sheet's merged ranges.
	Merged []Range
	// HiddenRows and HiddenCols are the 1-based numbers of the rows and
	// columns that are hidden, within Rows and its widest row.
	HiddenRows, HiddenCols []int
}

// Problem is a cell that could not be read.
type Problem struct {
	Row, Col int // 1-based
	Msg      string
}

// Range is a rectangle of cells, 1-based and inclusive.
type Range struct{ Row1, Col1, Row2, Col2 int }

// String returns the range as Excel writes it, e.g. "B3:C4".
func (r Range) String() string { return CellName(r.Row1, r.Col1) + ":" + CellName(r.Row2, r.Col2) }

// CellName returns the name of the cell in row and col (1-based), e.g.
// "C14".
func CellName(row, col int) string { return ColumnName(col) + strconv.Itoa(row) }

// ColumnName returns the letters of column col (1-based): 1 is "A", 27
// "AA".
func ColumnName(col int) string {
	var b []byte
	for col > 0 {
		col--
		b = append(b, byte('A'+col%26))
		col /= 26
	}
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

// Read reads the worksheet called name.
func (b *Workbook) Read(name string) (*Sheet, error) {
	raw, err := b.f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	s := &Sheet{Name: name, Rows: raw}
	width := 0
	for r, row := range raw {
		width = max(width, len(row))
		for c := range row {
			text, msg, err := b.cell(name, r+1, c+1, row[c])
			if err != nil {
				return nil, err
			}
			row[c] = text
			if msg != "" {
				s.Problems = append(s.Problems, Problem{Row: r + 1, Col: c + 1, Msg: msg})
			}
		}
	}
	// A formula with no saved result reads as "" in GetRows, which keeps
	// every formula cell in its row: look for formulas in the blank cells
	// of each row (not those blank for a problem).
	reported := map[[2]int]bool{}
	for _, p := range s.Problems {
		reported[[2]int{p.Row, p.Col}] = true
	}
	for r := range raw {
		for c := range raw[r] {
			if raw[r][c] != "" || reported[[2]int{r + 1, c + 1}] {
				continue
			}
			ref := CellName(r+1, c+1)
			if f, err := b.f.GetCellFormula(name, ref); err != nil {
				return nil, err
			} else if f != "" && !b.savedString(name, ref) {
				s.Problems = append(s.Problems, Problem{Row: r + 1, Col: c + 1,
					Msg: "the formula has no saved result (open the workbook in Excel or LibreOffice and save it, so that its results are stored)"})
			}
		}
	}
	merged, err := b.f.GetMergeCells(name, true)
	if err != nil {
		return nil, err
	}
	for _, m := range merged {
		r1, c1, err1 := coordinates(m.GetStartAxis())
		r2, c2, err2 := coordinates(m.GetEndAxis())
		if err := errors.Join(err1, err2); err != nil {
			return nil, err
		}
		s.Merged = append(s.Merged, Range{r1, c1, r2, c2})
	}
	for r := 1; r <= len(raw); r++ {
		if visible, err := b.f.GetRowVisible(name, r); err != nil {
			return nil, err
		} else if !visible {
			s.HiddenRows = append(s.HiddenRows, r)
		}
	}
	for c := 1; c <= width; c++ {
		if visible, err := b.f.GetColVisible(name, ColumnName(c)); err != nil {
			return nil, err
		} else if !visible {
			s.HiddenCols = append(s.HiddenCols, c)
		}
	}
	return s, nil
}

// coordinates returns the row and column of a cell name.
func coordinates(ref string) (row, col int, err error) {
	col, row, err = excelize.CellNameToCoordinates(ref)
	return row, col, err
}

// savedString reports whether the formula cell ref saved a text result
// (possibly ""), as opposed to no result at all.
func (b *Workbook) savedString(sheet, ref string) bool {
	t, err := b.f.GetCellType(sheet, ref)
	return err == nil && t == excelize.CellTypeFormula
}

// cell returns the text of the non-blank cell at row, col whose raw value
// is raw, or a message saying why it cannot be read.
func (b *Workbook) cell(sheet string, row, col int, raw string) (text, msg string, err error) {
	if raw == "" {
		return "", "", nil
	}
	ref := CellName(row, col)
	t, err := b.f.GetCellType(sheet, ref)
	if err != nil {
		return "", "", err
	}
	switch t {
	case excelize.CellTypeBool:
		if raw == "1" {
			return "TRUE", "", nil
		}
		return "FALSE", "", nil
	case excelize.CellTypeError:
		return "", fmt.Sprintf("the cell holds the error %s (correct the formula or the value)", raw), nil
	case excelize.CellTypeDate:
		// An ISO 8601 date stored as such (rare: Excel writes numbers).
		if d, rest, ok := strings.Cut(raw, "T"); ok && strings.Trim(rest, "0:.Z") == "" {
			return d, "", nil
		}
		return raw, "", nil
	case excelize.CellTypeUnset, excelize.CellTypeNumber:
	default: // text: shared, inline, or a formula's text result
		return raw, "", nil
	}
	style, err := b.f.GetCellStyle(sheet, ref)
	if err != nil {
		return "", "", err
	}
	kind, err := b.format(style)
	if err != nil {
		return "", "", err
	}
	f, perr := strconv.ParseFloat(raw, 64)
	if perr != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return "", fmt.Sprintf("the cell's stored number %q cannot be read", raw), nil
	}
	return numberText(f, kind, b.date1904), "", nil
}

// numberText returns the text of a number cell holding f, shown in a
// format of kind k.
func numberText(f float64, k format, date1904 bool) string {
	if f == 0 {
		f = 0 // no "-0"
	}
	short := strconv.FormatFloat(f, 'f', -1, 64)
	switch k {
	case percentFormat:
		return decimal.RequireFromString(short).Shift(2).String() + "%"
	case dateFormat:
		t, err := excelize.ExcelDateToTime(f, date1904)
		if err != nil || t.Year() < 1 || t.Year() > 9999 {
			return short
		}
		if f == math.Trunc(f) {
			return t.Format("2006-01-02")
		}
		return t.Format("2006-01-02 15:04:05")
	}
	return short
}
