package dataset

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/csv"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"slices"
	"strings"
	"unicode/utf8"
)

// maxRows is MaxRows, as a variable so that tests can lower it.
var maxRows = MaxRows

// unknownPolicy says what a file's unknown columns mean.
type unknownPolicy int

const (
	rejectUnknown    unknownPolicy = iota // an error: a typo must not be ignored
	warnUnknown                           // a warning: the column is not used
	attributeUnknown                      // staff.csv: an attribute kept for breakdowns
)

// schema describes the header a file must have.
type schema struct {
	file     string
	columns  []string // known columns, in documentation order
	required []string
	unknown  unknownPolicy
}

// table is an open CSV file whose header has been read and checked. Every
// file goes through it, so BOMs, CRLF and CR line ends, quoting, header
// normalisation and the size limits are handled in one place.
type table struct {
	file string
	errs *collector
	src  io.Reader // the file, through the hash
	hash hash.Hash // SHA-256 of the file's bytes
	// While deferHash is set, bytes read are kept in unhashed for another
	// goroutine to hash, rather than hashed as they are read.
	deferHash bool
	unhashed  []byte
	lim       *lineLimiter
	r         *csvReader
	header    []string       // normalised column names
	col       map[string]int // column name → index
	extra     []int          // indexes of unknown columns (attributeUnknown)
	rows      int
	closer    io.Closer // the file, when opened by openTable
	// ctx, when not nil, stops the reading of a long file (staff.csv)
	// part way: see censusReader.readAll and idSet.reportDuplicates.
	ctx context.Context
	// notUTF8 is set once a field that is not UTF-8 has been reported.
	notUTF8 bool
}

var bom = []byte("\ufeff")

// skipBOM returns r without a leading UTF-8 byte-order mark.
func skipBOM(r io.Reader) io.Reader {
	head := make([]byte, len(bom))
	n, err := io.ReadFull(r, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return io.MultiReader(bytes.NewReader(head[:n]), errReader{err})
	}
	if bytes.Equal(head[:n], bom) {
		return r
	}
	return io.MultiReader(bytes.NewReader(head[:n]), r)
}

// errReader fails every read with its error.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// normalizeHeader returns the canonical form of a header cell: lower case,
// without surrounding spaces or a byte-order mark.
func normalizeHeader(h string) string {
	return strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
}

// openTable opens sc.file in fsys and checks its header. It returns
// found=false when the file does not exist, and t=nil when the file cannot
// be used (the reasons are recorded in errs). Unused columns of a
// warnUnknown file are appended to warnings.
//
// The file is looked at before it is opened (see checkFile): a named pipe,
// a device, a folder or a link to a missing file is refused without
// opening it, so that opening never blocks.
func openTable(fsys fs.FS, sc *schema, errs *collector, warnings *[]string) (t *table, found bool) {
	if src, ok := fsys.(*sources); ok {
		return src.open(sc, errs, warnings) // perhaps a sheet (workbook.go)
	}
	found, problem := checkFile(fsys, sc.file)
	if !found {
		return nil, false
	}
	if problem != "" {
		errs.add(sc.file, 0, "", problem)
		return nil, true
	}
	f, err := fsys.Open(sc.file)
	if err != nil {
		errs.add(sc.file, 0, "", "cannot be read: "+errText(err))
		return nil, true
	}
	t = newTable(f, sc, errs, warnings)
	if t == nil {
		f.Close()
		return nil, true
	}
	t.closer = f
	return t, true
}

// checkFile looks at name in fsys without opening it. found is false when
// nothing of that name exists (not even a link); otherwise problem, when not
// "", says why the file cannot be read as a table: it is a link to a missing
// file, it is not a regular file (a named pipe would block the read for
// ever, a folder or a device is not a table), or it cannot be looked at.
func checkFile(fsys fs.FS, name string) (found bool, problem string) {
	if lfs, ok := fsys.(fs.ReadLinkFS); ok {
		li, err := lfs.Lstat(name)
		if errors.Is(err, fs.ErrNotExist) {
			return false, ""
		}
		if err != nil {
			return true, "cannot be read: " + errText(err)
		}
		if li.Mode()&fs.ModeSymlink != 0 {
			fi, err := fs.Stat(fsys, name)
			if errors.Is(err, fs.ErrNotExist) {
				target, _ := lfs.ReadLink(name)
				return true, fmt.Sprintf("a link to a missing file (%s); is the drive or share it is on connected?", target)
			}
			if err != nil {
				return true, "cannot be read: " + errText(err)
			}
			return true, notRegular(fi.Mode())
		}
		return true, notRegular(li.Mode())
	}
	fi, err := fs.Stat(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return false, ""
	}
	if err != nil {
		return true, "cannot be read: " + errText(err)
	}
	return true, notRegular(fi.Mode())
}

// notRegular says what a file of mode m is, when it is not a regular file.
func notRegular(m fs.FileMode) string {
	var what string
	switch {
	case m.IsRegular():
		return ""
	case m.IsDir():
		what = "a folder"
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeDevice != 0:
		what = "a device"
	default:
		what = "a special file"
	}
	return "is " + what + ", not a regular file"
}

// errText is err without the operation and path an *fs.PathError adds
// (the file is named by the message it goes into).
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// stopped reports whether the table's reading should stop because its
// context is done.
func (t *table) stopped() bool { return t.ctx != nil && t.ctx.Err() != nil }

// close closes the table's file, if it has one.
func (t *table) close() {
	if t != nil && t.closer != nil {
		t.closer.Close()
	}
}

// newTable reads and checks the header of the CSV in src.
func newTable(src io.Reader, sc *schema, errs *collector, warnings *[]string) *table {
	t := &table{file: sc.file, errs: errs, hash: sha256.New()}
	t.src = &hashingReader{r: src, t: t}
	t.lim = &lineLimiter{r: &lineEnds{r: skipBOM(t.src)}}
	t.r = newCSVReader(t.lim)

	header, err := t.r.Read()
	if err == io.EOF {
		errs.add(t.file, 0, "", "file is empty")
		return nil
	}
	if err != nil {
		t.readError(err)
		return nil
	}
	if h := strings.Join(header, ","); strings.HasPrefix(h, "PK\x03\x04") {
		errs.addf(t.file, 1, "", `the file is a spreadsheet workbook (.xlsx), not CSV — name it %s to read it as a workbook, or save it as "CSV UTF-8 (comma delimited)"`, strings.TrimSuffix(t.file, ".csv")+".xlsx")
		return nil
	} else if strings.ContainsRune(h, 0) || strings.HasPrefix(h, "\xff\xfe") || strings.HasPrefix(h, "\xfe\xff") {
		errs.add(t.file, 1, "", `the file is not UTF-8 text (UTF-16 "Unicode Text", or not text at all) — save it as "CSV UTF-8 (comma delimited)"`)
		return nil
	}
	if len(header) == 1 && strings.Contains(header[0], ";") {
		errs.add(t.file, 1, "", `the file is separated by ";" — save it as comma-separated CSV`)
		return nil
	}
	if len(header) == 1 && strings.Contains(header[0], "\t") {
		errs.add(t.file, 1, "", "the file is separated by tabs — save it as comma-separated CSV")
		return nil
	}
	t.header = make([]string, len(header))
	t.col = make(map[string]int, len(header))
	ok := true
	for i, h := range header {
		name := normalizeHeader(h)
		t.header[i] = name
		switch {
		case name == "":
			errs.addf(t.file, 1, "", "column %d has no name", i+1)
			ok = false
			continue
		case len(name) > MaxFieldBytes:
			errs.addf(t.file, 1, "", "column %d's name is longer than 64 KiB", i+1)
			ok = false
			continue
		}
		if _, dup := t.col[name]; dup {
			errs.addf(t.file, 1, name, "column %q appears more than once", name)
			ok = false
			continue
		}
		t.col[name] = i
		if slices.Contains(sc.columns, name) {
			continue
		}
		expected := strings.Join(sc.columns, ", ")
		switch sc.unknown {
		case rejectUnknown:
			errs.addf(t.file, 1, name, "unknown column %q (expected one of %s)", name, expected)
			ok = false
		case warnUnknown:
			*warnings = append(*warnings, fmt.Sprintf("%s: column %q is not used (%s reads %s)", t.file, name, t.file, expected))
		case attributeUnknown:
			t.extra = append(t.extra, i)
		}
	}
	for _, req := range sc.required {
		if _, has := t.col[req]; !has {
			errs.addf(t.file, 0, req, "missing required column %q", req)
			ok = false
		}
	}
	if !ok {
		return nil
	}
	return t
}

// index returns the position of column name, or -1 if the file lacks it.
func (t *table) index(name string) int {
	if i, ok := t.col[name]; ok {
		return i
	}
	return -1
}

// next returns the next well-formed data row and its line. Rows of blank
// cells are skipped; malformed rows (wrong number of fields, bad quoting,
// an oversized field) are reported and skipped. ok is false at the end of
// the file, or when reading cannot go on (an over-long line, too many
// rows). rec is only valid until the next call.
func (t *table) next() (rec []string, line int, ok bool) {
	for {
		rec, err := t.r.Read()
		if err == io.EOF {
			return nil, 0, false
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount) {
				t.errs.addf(t.file, pe.StartLine, "", "row has %d fields but the header has %d", len(rec), len(t.header))
				continue
			}
			if !t.readError(err) {
				return nil, 0, false
			}
			continue
		}
		line, _ = t.r.FieldPos(0)
		if blankRow(rec) {
			continue // spreadsheets export rows of empty cells
		}
		t.rows++
		if t.rows > maxRows {
			t.errs.addf(t.file, line, "", "more than %s rows (the most a dataset file may have)", thousands(int64(maxRows)))
			return nil, 0, false
		}
		tooLong := false
		for i, f := range rec {
			if len(f) > MaxFieldBytes {
				t.errs.addf(t.file, line, t.header[i], "%s is longer than 64 KiB", t.header[i])
				tooLong = true
			}
			if !t.notUTF8 && t.lim.nonASCII && !utf8.ValidString(f) {
				// Reported once per file: every non-ASCII character of a
				// Windows-1252 export would repeat it.
				t.notUTF8 = true
				t.errs.addf(t.file, line, t.header[i], "%s %q is not UTF-8 text (Excel's \"CSV (Comma delimited)\" writes Windows-1252) — save the file as \"CSV UTF-8 (comma delimited)\"", t.header[i], f)
			}
		}
		if tooLong {
			continue
		}
		return rec, line, true
	}
}

// blankRow reports whether every field of rec is blank.
func blankRow(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// readError reports a read failure and says whether reading may continue.
func (t *table) readError(err error) (more bool) {
	var le *lineTooLong
	if errors.As(err, &le) {
		t.errs.addf(t.file, le.line, "", "line is longer than 64 KiB (is this a CSV file?)")
		return false
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		t.errs.addf(t.file, pe.Line, "", "%v (put the whole field in double quotes, and write a \" inside it as \"\")", pe.Err)
		return true
	}
	t.errs.add(t.file, 0, "", "cannot be read: "+errText(err))
	return false
}

// sum drains the rest of the file and returns its SHA-256.
func (t *table) sum() []byte {
	io.Copy(io.Discard, t.src)
	return t.hash.Sum(nil)
}

// hashingReader reads a table's file, hashing every byte, or keeping it
// for hashing later (table.deferHash).
type hashingReader struct {
	r io.Reader
	t *table
}

func (h *hashingReader) Read(p []byte) (int, error) {
	n, err := h.r.Read(p)
	if n > 0 {
		if h.t.deferHash {
			h.t.unhashed = append(h.t.unhashed, p[:n]...)
		} else {
			h.t.hash.Write(p[:n])
		}
	}
	return n, err
}

// lineLimiter passes bytes through, failing once a line exceeds
// MaxLineBytes (not counting its "\n").
type lineLimiter struct {
	r     io.Reader
	cur   int // length of the current line so far
	lines int // complete lines passed through
	err   error
	// nonASCII is set once a byte above 0x7f has passed through. Until
	// then every field read is ASCII, so valid UTF-8 without a check.
	nonASCII bool
}

// lineTooLong is the error of an over-long line.
type lineTooLong struct{ line int }

func (e *lineTooLong) Error() string { return fmt.Sprintf("line %d is longer than 64 KiB", e.line) }

func (l *lineLimiter) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	n, err := l.r.Read(p)
	if !l.nonASCII && !isASCII(p[:n]) {
		l.nonASCII = true
	}
	if l.check(p[:n]) {
		l.err = &lineTooLong{line: l.lines + 1}
		return 0, l.err
	}
	return n, err
}

// check accounts for b and reports whether a line has grown too long.
func (l *lineLimiter) check(b []byte) (tooLong bool) {
	first := bytes.IndexByte(b, '\n')
	if first < 0 {
		l.cur += len(b)
		return l.cur > MaxLineBytes
	}
	if l.cur+first > MaxLineBytes {
		return true
	}
	last := bytes.LastIndexByte(b, '\n')
	if last-first > MaxLineBytes {
		// A chunk larger than a line may hold a long line between its
		// first and last line breaks: count them one by one.
		l.cur = 0
		l.lines++
		for rest := b[first+1 : last+1]; len(rest) > 0; {
			i := bytes.IndexByte(rest, '\n')
			if i > MaxLineBytes {
				return true
			}
			l.lines++
			rest = rest[i+1:]
		}
	} else {
		l.lines += 1 + bytes.Count(b[first+1:last+1], []byte{'\n'})
	}
	l.cur = len(b) - last - 1
	return l.cur > MaxLineBytes
}

// isASCII reports whether every byte of b is below 0x80.
func isASCII(b []byte) bool {
	for len(b) >= 8 {
		if binary.LittleEndian.Uint64(b)&0x8080808080808080 != 0 {
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}
