package dataset

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"paymodel/pkg/diag"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/xlsx"
)

// MaxWorkbookBytes is the largest workbook file read (256 MiB).
const MaxWorkbookBytes = 256 << 20

// LoadWorkbook is LoadContext for a dataset that is one workbook, the file
// called file in fsys: each table is the sheet named like its file without
// ".csv" (bands, increments, staff, …), matched ignoring case and
// surrounding spaces. Other sheets are not read (a warning names them).
// Errors name the workbook, sheet and cell: "census.xlsx: staff!C14: …".
func LoadWorkbook(ctx context.Context, fsys fs.FS, file, name string) (*paystructure.Dataset, error) {
	return LoadContext(ctx, Workbook(fsys, file), name)
}

// Workbook returns the dataset that is the workbook called file in fsys,
// for LoadContext and EachPerson, which read it as LoadWorkbook does.
func Workbook(fsys fs.FS, file string) fs.FS { return &sources{FS: fsys, book: file} }

// sources is where a load finds its tables. In a folder (book == ""), a
// table is NAME.csv or, in its place, the first sheet of NAME.xlsx; in a
// workbook, it is the sheet called NAME. openTable asks it for every
// table, so every table, those added later included, can come from a
// sheet.
//
// A sheet is turned into CSV text (sheetTable) that goes through the same
// reader and checks as a CSV file; errors found in it are put back in the
// sheet's cells by place.
type sources struct {
	fs.FS
	book   string                 // the workbook the dataset is, or ""
	books  map[string]*openBook   // workbooks opened, by file name
	tables map[string]*sheetTable // tables read from sheets, by CSV name
	asked  []string               // every table asked for, by CSV name
}

// openBook is a workbook opened for reading, or why it could not be.
type openBook struct {
	wb       *xlsx.Workbook
	problem  string
	reported bool // the problem is in the errors
}

// sourcesOf returns new sources reading fsys: a folder, or the workbook of
// Workbook. Each load starts afresh, so that every problem of a sheet is
// reported by each load that reads it.
func sourcesOf(fsys fs.FS) *sources {
	if s, ok := fsys.(*sources); ok {
		return &sources{FS: s.FS, book: s.book}
	}
	return &sources{FS: fsys}
}

// close closes the workbooks opened.
func (s *sources) close() {
	for _, b := range s.books {
		if b.wb != nil {
			b.wb.Close()
		}
	}
}

// open is openTable for a dataset's sources.
func (s *sources) open(sc *schema, errs *collector, warnings *[]string) (t *table, found bool) {
	if !slices.Contains(s.asked, sc.file) {
		s.asked = append(s.asked, sc.file)
	}
	base := strings.TrimSuffix(sc.file, ".csv")
	st, ok := s.tables[sc.file]
	if !ok {
		if s.book == "" {
			book := base + ".xlsx"
			hasCSV, _ := checkFile(s.FS, sc.file)
			hasBook, _ := checkFile(s.FS, book)
			switch {
			case !hasBook:
				return openTable(s.FS, sc, errs, warnings)
			case hasCSV:
				errs.addf(sc.file, 0, "", "both %s and %s are in the folder: keep one of them", sc.file, book)
				return nil, true
			}
			st = s.readSheet(book, "", sc, errs, warnings)
		} else {
			st = s.readSheet(s.book, base, sc, errs, warnings)
		}
		if s.tables == nil {
			s.tables = map[string]*sheetTable{}
		}
		s.tables[sc.file] = st
	}
	if st == nil || st.csv == nil {
		return nil, st != nil
	}
	return newTable(bytes.NewReader(st.csv), sc, errs, warnings), true
}

// workbook opens file, once.
func (s *sources) workbook(file string) *openBook {
	if b, ok := s.books[file]; ok {
		return b
	}
	b := &openBook{}
	if s.books == nil {
		s.books = map[string]*openBook{}
	}
	s.books[file] = b
	found, problem := checkFile(s.FS, file)
	if !found {
		b.problem = "file not found"
		return b
	}
	if problem != "" {
		b.problem = problem
		return b
	}
	f, err := s.FS.Open(file)
	if err != nil {
		b.problem = "cannot be read: " + errText(err)
		return b
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxWorkbookBytes+1))
	switch {
	case err != nil:
		b.problem = "cannot be read: " + errText(err)
	case len(data) > MaxWorkbookBytes:
		b.problem = "is larger than 256 MiB (the largest workbook read)"
	default:
		if b.wb, err = xlsx.Open(bytes.NewReader(data)); err != nil {
			b.problem = err.Error()
		}
	}
	return b
}

// readSheet reads the table sc from a sheet of the workbook book: the sheet
// called name, or its first sheet when name is "". It returns nil when
// there is no such sheet, and a sheetTable without csv when the sheet
// cannot be used (the reasons are recorded in errs).
func (s *sources) readSheet(book, name string, sc *schema, errs *collector, warnings *[]string) *sheetTable {
	b := s.workbook(book)
	if b.problem != "" {
		if !b.reported {
			errs.add(book, 0, "", b.problem)
			b.reported = true
		}
		return &sheetTable{book: book}
	}
	sheets := b.wb.Sheets()
	var sheet string
	if name == "" {
		sheet = sheets[0]
		if len(sheets) > 1 {
			*warnings = append(*warnings, fmt.Sprintf("%s: only its first sheet, %s, is read (the others: %s)", book, sheetList(sheets[:1]), sheetList(sheets[1:])))
		}
	} else {
		var matches []string
		for _, sh := range sheets {
			if normalizeHeader(sh) == name {
				matches = append(matches, sh)
			}
		}
		switch len(matches) {
		case 0:
			return nil
		case 1:
			sheet = matches[0]
		default:
			errs.addf(book, 0, "", "sheets %s are all called %s: keep one", sheetList(matches), name)
			return &sheetTable{book: book}
		}
	}
	sh, err := b.wb.Read(sheet)
	st := &sheetTable{book: book, sheet: sheet}
	if err != nil {
		errs.addPlaced(&Error{File: book, Sheet: sheet, Msg: "cannot be read: " + err.Error()})
		return st
	}
	st.convert(sh, sc, errs, warnings)
	return st
}

// sheetList lists sheet names as references write them, e.g. "staff,
// 'Staff list'".
func sheetList(names []string) string {
	var out []string
	for _, n := range names {
		out = append(out, sheetRef(n))
	}
	return strings.Join(out, ", ")
}

// sheetTable is a table read from a worksheet: the CSV text its cells make,
// and where each line and column of that text is in the sheet.
type sheetTable struct {
	book, sheet string
	csv         []byte         // nil when the sheet cannot be used
	rows        []int          // rows[i] is the sheet row of CSV line i+1
	cols        map[string]int // a column's normalised name → sheet column
	// problems are the cells the sheet itself has a problem with; a
	// problem the CSV checks then find in the same cell is not reported
	// again.
	problems map[[2]int]bool
}

// headerSearch is how many rows from the top a sheet's header is looked
// for in.
const headerSearch = 20

// convert turns the sheet's rows into CSV text, recording the sheet's own
// problems in errs:
//
//   - The header is the first row, among the top headerSearch, that names
//     every required column of the table; else the first row that is not
//     blank. Rows above it (a title) are not read, with a warning.
//   - The table is the header's columns, from column A to its last named
//     column; a value to the right of that is an error.
//   - Merged cells, hidden rows and hidden columns from the header down are
//     errors: what is read must be what is seen, one value to a cell.
//   - Blank rows are skipped, as in CSV.
func (st *sheetTable) convert(sh *xlsx.Sheet, sc *schema, errs *collector, warnings *[]string) {
	st.problems = map[[2]int]bool{}
	problem := func(row, col int, format string, args ...any) {
		st.problems[[2]int{row, col}] = true
		errs.addPlaced(st.at(row, col, fmt.Sprintf(format, args...)))
	}
	header := 0 // index into sh.Rows
	for header < len(sh.Rows) && blankRow(sh.Rows[header]) {
		header++
	}
	if header == len(sh.Rows) {
		problem(0, 0, "the sheet is empty")
		return
	}
	for i := header; i < min(len(sh.Rows), headerSearch); i++ {
		if hasColumns(sh.Rows[i], sc.required) {
			header = i
			break
		}
	}
	hrow := header + 1
	if title := slices.IndexFunc(sh.Rows[:header], func(r []string) bool { return !blankRow(r) }); title >= 0 {
		rows := fmt.Sprintf("rows %d to %d, above the header in row %d, are", title+1, header, hrow)
		if title+1 == header {
			rows = fmt.Sprintf("row %d, above the header in row %d, is", header, hrow)
		}
		*warnings = append(*warnings, fmt.Sprintf("%s: %s: %s not read", st.book, sheetRef(st.sheet), rows))
	}
	width := len(sh.Rows[header])
	for width > 0 && strings.TrimSpace(sh.Rows[header][width-1]) == "" {
		width--
	}
	for _, p := range sh.Problems {
		if p.Row >= hrow {
			problem(p.Row, p.Col, "%s", p.Msg)
		}
	}
	for _, m := range sh.Merged {
		if m.Row2 >= hrow {
			problem(m.Row1, m.Col1, "cells %s are merged: unmerge them, so that each value has a cell of its own", m)
		}
	}
	if i := slices.IndexFunc(sh.HiddenRows, func(r int) bool { return r >= hrow }); i >= 0 {
		n := len(sh.HiddenRows) - i - 1
		more := ""
		if n > 0 {
			more = fmt.Sprintf(" (and %d more rows below it)", n)
		}
		problem(sh.HiddenRows[i], 0, "row %d is hidden%s: unhide the rows to read, and delete any that should not be, so that what is read is what you see", sh.HiddenRows[i], more)
	}
	for _, c := range sh.HiddenCols {
		if c <= width {
			problem(hrow, c, "column %s is hidden: unhide it, or delete it if it should not be read", xlsx.ColumnName(c))
		}
	}

	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	rec := make([]string, width)
	st.cols = map[string]int{}
	for r := header; r < len(sh.Rows); r++ {
		row := sh.Rows[r]
		clear(rec)
		copy(rec, row)
		if r == header {
			for c, name := range rec {
				if n := normalizeHeader(name); n != "" {
					if _, dup := st.cols[n]; !dup {
						st.cols[n] = c + 1
					}
				}
			}
		} else if len(row) > width {
			for c := width; c < len(row); c++ {
				if strings.TrimSpace(row[c]) != "" {
					problem(r+1, c+1, "a value to the right of the table (its header, in row %d, ends at column %s): name the column in the header, or clear the cell", hrow, xlsx.ColumnName(width))
					break
				}
			}
		}
		w.Write(rec)
		for range 1 + lineBreaks(rec) {
			st.rows = append(st.rows, r+1)
		}
	}
	w.Flush()
	st.csv = buf.Bytes()
}

// hasColumns reports whether row names every one of cols.
func hasColumns(row []string, cols []string) bool {
	for _, c := range cols {
		if !slices.ContainsFunc(row, func(h string) bool { return normalizeHeader(h) == c }) {
			return false
		}
	}
	return len(cols) > 0
}

// lineBreaks counts the line ends in the fields of rec as the reader
// counts them: "\r\n", a lone "\r" and "\n" are one each.
func lineBreaks(rec []string) int {
	n := 0
	for _, f := range rec {
		n += strings.Count(f, "\n") + strings.Count(f, "\r") - strings.Count(f, "\r\n")
	}
	return n
}

// at returns an error at row and col of the sheet (0 when not known).
func (st *sheetTable) at(row, col int, msg string) *Error {
	e := &Error{File: st.book, Sheet: st.sheet, Line: row, Col: col, Msg: msg}
	switch {
	case row > 0 && col > 0:
		e.Cell = xlsx.CellName(row, col)
	case row > 0:
		e.Cell = strconv.Itoa(row) + ":" + strconv.Itoa(row)
	}
	return e
}

// row returns the sheet row of CSV line (0 for 0).
func (st *sheetTable) row(line int) int {
	if line <= 0 || len(st.rows) == 0 {
		return 0
	}
	return st.rows[min(line, len(st.rows))-1]
}

// place returns l with every error about a table read from a sheet put in
// the sheet's cells, and its messages' line numbers and names of tables
// read from sheets written as the sheet's: "already on line 7" becomes
// "already on row 9", "bands.csv" becomes "sheet bands" (or "bands.xlsx").
// An error in a cell, or a row, the sheet itself had a problem with is
// dropped: the sheet's problem is the one to fix.
func (s *sources) place(l ErrorList) ErrorList {
	if len(s.tables) == 0 && s.book == "" {
		return l
	}
	var out ErrorList
	for _, e := range l {
		st := s.tables[e.File]
		if st == nil || st.sheet == "" {
			p := *e
			if st == nil && s.book != "" && slices.Contains(s.asked, e.File) {
				// A table the workbook has no sheet for.
				p.File, p.Sheet = s.book, strings.TrimSuffix(e.File, ".csv")
				p.Msg = strings.Replace(p.Msg, "file not found", "no such sheet", 1)
			}
			p.Msg = s.rewrite(p.Msg, nil)
			out = append(out, &p)
			continue
		}
		col := 0
		if e.Column != "" {
			col = st.cols[e.Column]
		}
		p := st.at(st.row(e.Line), col, s.rewrite(e.Msg, st))
		if st.problems[[2]int{p.Line, p.Col}] || st.problems[[2]int{p.Line, 0}] {
			continue
		}
		p.Column, p.Omitted = e.Column, e.Omitted
		out = append(out, p)
	}
	return out
}

// warnings returns ws with the warnings about tables read from sheets
// written as about the sheets (see place), and a warning naming each sheet
// of a workbook dataset that is not read.
func (s *sources) warnings(ws []string) []string {
	var out []string
	for _, w := range ws {
		file, rest, ok := strings.Cut(w, ": ")
		if st := s.tables[file]; ok && st != nil && st.sheet != "" {
			w = st.book + ": " + sheetRef(st.sheet) + ": " + s.rewrite(rest, st)
		} else {
			w = s.rewrite(w, nil)
		}
		out = append(out, w)
	}
	if b := s.books[s.book]; s.book != "" && b != nil && b.wb != nil {
		var names []string
		for _, f := range s.asked {
			names = append(names, strings.TrimSuffix(f, ".csv"))
		}
		for _, sh := range b.wb.Sheets() {
			if !slices.Contains(names, normalizeHeader(sh)) {
				out = append(out, fmt.Sprintf("%s: sheet %s is not read (a dataset's sheets are %s)", s.book, sheetRef(sh), strings.Join(names, ", ")))
			}
		}
	}
	return out
}

var (
	lineNumber = regexp.MustCompile(`\bline (\d+)`)
	tableName  = regexp.MustCompile(`\b[a-z_]+\.csv\b`)
)

// rewrite writes the line numbers (of st, when not nil) and the names of
// tables read from sheets in msg as the sheets', leaving the values msg
// quotes alone.
func (s *sources) rewrite(msg string, st *sheetTable) string {
	var b strings.Builder
	for len(msg) > 0 {
		q := strings.IndexByte(msg, '"')
		if q < 0 {
			q = len(msg)
		}
		plain := msg[:q]
		if st != nil {
			plain = lineNumber.ReplaceAllStringFunc(plain, func(m string) string {
				n, _ := strconv.Atoi(m[len("line "):])
				return "row " + strconv.Itoa(st.row(n))
			})
		}
		plain = tableName.ReplaceAllStringFunc(plain, func(m string) string {
			switch t, ok := s.tables[m]; {
			case s.book != "":
				return "sheet " + strings.TrimSuffix(m, ".csv")
			case ok && t != nil && t.sheet != "":
				return t.book
			}
			return m
		})
		b.WriteString(plain)
		msg = msg[q:]
		if msg == "" {
			break
		}
		end := quoteEnd(msg)
		b.WriteString(msg[:end])
		msg = msg[end:]
	}
	return b.String()
}

// quoteEnd returns the length of the Go-quoted string that s starts with
// (all of s when it is not closed).
func quoteEnd(s string) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(s)
}

// sheetRef is a sheet's name as a reference writes it.
func sheetRef(name string) string { return diag.SheetName(name) }
