package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// Builder makes a workbook cell by cell: tests use it to make workbooks
// holding every kind of cell, and Write uses its sheets and styles but
// streams each sheet's rows instead of setting cells one by one. Its
// methods record the first error, which Bytes returns; rows and columns
// count from 1. The same calls give the same bytes.
type Builder struct {
	f        *excelize.File
	sheets   int
	styles   map[style]int
	formulas []formulaCell
	err      error
}

// style is a cell style a Builder uses: a number format code ("" for
// General) and boldness.
type style struct {
	numFmt string
	bold   bool
}

// NewBuilder returns a Builder of a workbook with no sheets yet.
func NewBuilder() *Builder {
	return &Builder{f: excelize.NewFile(), styles: map[style]int{}}
}

func (b *Builder) fail(err error) {
	if err != nil && b.err == nil {
		b.err = err
	}
}

// Sheet adds a worksheet called name after the others.
func (b *Builder) Sheet(name string) {
	if b.sheets == 0 {
		b.fail(b.f.SetSheetName(b.f.GetSheetName(0), name))
	} else {
		_, err := b.f.NewSheet(name)
		b.fail(err)
	}
	b.sheets++
}

// Text sets a text cell.
func (b *Builder) Text(sheet string, row, col int, s string) {
	b.fail(b.f.SetCellStr(sheet, CellName(row, col), s))
}

// Number sets a number cell holding value, a decimal written into the
// file as it is ("31650.00"), shown in the number format numFmt (an Excel
// format code such as "0.00%" or "yyyy-mm-dd"; "" for General).
func (b *Builder) Number(sheet string, row, col int, value, numFmt string) {
	ref := CellName(row, col)
	b.fail(b.f.SetCellDefault(sheet, ref, value))
	if numFmt != "" {
		b.Style(sheet, row, col, numFmt, false)
	}
}

// Bool sets a TRUE or FALSE cell.
func (b *Builder) Bool(sheet string, row, col int, v bool) {
	b.fail(b.f.SetCellBool(sheet, CellName(row, col), v))
}

// Formula sets a cell holding formula (without "=", and without the
// characters <, > and &) whose saved result is the number result, as a
// spreadsheet program saves it, shown in the number format numFmt. A
// result of "" makes a formula saved without a result, as some programs
// other than spreadsheets write them.
func (b *Builder) Formula(sheet string, row, col int, formula, result, numFmt string) {
	value := result
	if value == "" {
		value = "0" // a placeholder that Bytes removes
	}
	b.Number(sheet, row, col, value, numFmt)
	b.formulas = append(b.formulas, formulaCell{sheet: b.sheetIndex(sheet), ref: CellName(row, col), formula: formula, result: result})
}

// Error sets a cell holding an error value such as "#N/A", the saved
// result of formula (written as in Formula; "" for none).
func (b *Builder) Error(sheet string, row, col int, formula, code string) {
	b.Number(sheet, row, col, "0", "")
	b.formulas = append(b.formulas, formulaCell{sheet: b.sheetIndex(sheet), ref: CellName(row, col), formula: formula, result: code, isError: true})
}

// formulaCell is a formula Bytes writes into a sheet's XML: excelize
// writes formulas with a text type ("str"), which is not how a spreadsheet
// saves a number result.
type formulaCell struct {
	sheet           int // 1-based, in the order of Sheet calls
	ref             string
	formula, result string
	isError         bool // result is an error value (Error)
}

func (b *Builder) sheetIndex(name string) int {
	i, err := b.f.GetSheetIndex(name)
	b.fail(err)
	return i + 1
}

// Style sets the number format and boldness of a cell.
func (b *Builder) Style(sheet string, row, col int, numFmt string, bold bool) {
	id, err := b.style(style{numFmt, bold})
	b.fail(err)
	ref := CellName(row, col)
	b.fail(b.f.SetCellStyle(sheet, ref, ref, id))
}

func (b *Builder) style(s style) (int, error) {
	if id, ok := b.styles[s]; ok {
		return id, nil
	}
	st := &excelize.Style{}
	if s.numFmt != "" {
		code := s.numFmt
		st.CustomNumFmt = &code
	}
	if s.bold {
		st.Font = &excelize.Font{Bold: true}
	}
	id, err := b.f.NewStyle(st)
	if err == nil {
		b.styles[s] = id
	}
	return id, err
}

// Merge merges the cells of r.
func (b *Builder) Merge(sheet string, r Range) {
	b.fail(b.f.MergeCell(sheet, CellName(r.Row1, r.Col1), CellName(r.Row2, r.Col2)))
}

// HideRow hides a row.
func (b *Builder) HideRow(sheet string, row int) {
	b.fail(b.f.SetRowVisible(sheet, row, false))
}

// Bytes returns the workbook's file, or the first error met in building
// it.
func (b *Builder) Bytes() ([]byte, error) {
	if b.err != nil {
		return nil, b.err
	}
	if b.sheets == 0 {
		return nil, errors.New("xlsx: a workbook needs a sheet")
	}
	var buf bytes.Buffer
	if err := b.f.Write(&buf); err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	if len(b.formulas) == 0 {
		return buf.Bytes(), nil
	}
	return addFormulas(buf.Bytes(), b.formulas)
}

// addFormulas returns the workbook file with the formulas and error values
// written into their cells: each cell's <f> goes before its <v>, a formula
// without a result loses its placeholder <v>, and an error value replaces
// it, with the cell's type "e".
func addFormulas(file []byte, formulas []formulaCell) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		for _, fc := range formulas {
			if zf.Name != fmt.Sprintf("xl/worksheets/sheet%d.xml", fc.sheet) {
				continue
			}
			start := bytes.Index(data, []byte(`<c r="`+fc.ref+`"`))
			v := bytes.Index(data[max(start, 0):], []byte("<v>"))
			if start < 0 || v < 0 {
				return nil, fmt.Errorf("xlsx: no cell %s in %s", fc.ref, zf.Name)
			}
			v += start
			end := v + bytes.Index(data[v:], []byte("</v>")) + len("</v>")
			var cell string
			if fc.formula != "" {
				cell = "<f>" + fc.formula + "</f>"
			}
			switch {
			case fc.isError:
				cell += "<v>" + fc.result + "</v>"
			case fc.result != "":
				end = v // keep the value
			}
			data = append(data[:v:v], append([]byte(cell), data[end:]...)...)
			if fc.isError {
				at := start + len(`<c r="`+fc.ref+`"`)
				data = append(data[:at:at], append([]byte(` t="e"`), data[at:]...)...)
			}
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
