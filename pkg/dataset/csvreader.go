package dataset

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"unsafe"
)

// csvReader reads CSV records exactly as an encoding/csv Reader with its
// defaults and ReuseRecord does (comma-separated, no comments, strict
// quotes, the field count fixed by the first record), more cheaply for the
// lines most census files are made of. A line without a double quote, read
// without error, is split at its commas here; any other record (quoted
// fields, a bad quote, a read error) is handed, from its first line, to an
// encoding/csv Reader, so that quoting and its errors are encoding/csv's
// own. Lines are read from the file through a 4 KiB bufio.Reader with the
// same calls encoding/csv makes, so the file is read in the same pieces.
type csvReader struct {
	br     *bufio.Reader
	raw    []byte // a line longer than br's buffer
	lines  int    // lines read, as encoding/csv counts them
	fields int    // fields per record: 0 until the first record
	rec    []string
	line   int // line of the last record's first field

	fb   *csv.Reader // for the other records, created when first needed
	feed *lineFeeder // its input

	// arena, when not nil, is where split puts each record's text instead
	// of in a new string: the record's fields then share the arena's
	// bytes, which its owner reuses once it is done with every record put
	// there, and anything kept longer must be copied (strings.Clone). The
	// census reader's batches use it, as a string per record was the
	// largest allocation in loading a census (about a sixth of compare's
	// CPU at a million rows).
	arena *[]byte
}

// arenaBlock is the least an arena grows by.
const arenaBlock = 64 << 10

func newCSVReader(r io.Reader) *csvReader {
	return &csvReader{br: bufio.NewReader(r)}
}

// FieldPos returns the line and column of field 0 of the last record read
// (the column is always 1: only field 0 is asked for).
func (r *csvReader) FieldPos(field int) (line, column int) {
	return r.line, 1
}

// readLine reads a line as encoding/csv's readLine does, without changing
// it: it may end in "\r\n".
func (r *csvReader) readLine() ([]byte, error) {
	line, err := r.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		r.raw = append(r.raw[:0], line...)
		for err == bufio.ErrBufferFull {
			line, err = r.br.ReadSlice('\n')
			r.raw = append(r.raw, line...)
		}
		line = r.raw
	}
	return line, err
}

// Read returns the next record, as (*csv.Reader).Read would.
func (r *csvReader) Read() ([]string, error) {
	for {
		line, err := r.readLine()
		if len(line) == 0 && err == io.EOF {
			r.lines++
			return nil, io.EOF
		}
		if err != nil && err != io.EOF || bytes.IndexByte(line, '"') >= 0 {
			return r.fallback(line, err)
		}
		// The line's content: encoding/csv turns a final "\r\n" into "\n",
		// and drops a "\r" ending the file.
		r.lines++
		content := line
		if n := len(content); err == io.EOF {
			if content[n-1] == '\r' {
				content = content[:n-1]
			}
		} else if n >= 2 && content[n-2] == '\r' {
			content = content[:n-2]
		} else {
			content = content[:n-1]
		}
		if len(content) == 0 {
			continue // a blank line
		}
		return r.split(content)
	}
}

// split returns the fields of a line without quotes.
func (r *csvReader) split(content []byte) ([]string, error) {
	var s string
	if r.arena != nil && len(content) > 0 {
		a := *r.arena
		if cap(a)-len(a) < len(content) {
			// A new block: the strings made in the old one keep it alive.
			a = make([]byte, 0, max(2*cap(a), len(content), arenaBlock))
		}
		at := len(a)
		a = append(a, content...)
		*r.arena = a
		s = unsafe.String(&a[at], len(content))
	} else {
		s = string(content) // one allocation for the record, as encoding/csv
	}
	rec := r.rec[:0]
	for {
		i := indexComma(s)
		if i < 0 {
			rec = append(rec, s)
			break
		}
		rec = append(rec, s[:i])
		s = s[i+1:]
	}
	r.rec = rec
	r.line = r.lines
	if r.fields == 0 {
		r.fields = len(rec)
	} else if len(rec) != r.fields {
		return rec, &csv.ParseError{StartLine: r.lines, Line: r.lines, Column: 1, Err: csv.ErrFieldCount}
	}
	return rec, nil
}

// indexComma returns the index of the first comma in s, or -1.
func indexComma(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == ',' {
			return i
		}
	}
	return -1
}

// fallback reads, with encoding/csv, the record that begins with line (read
// with err), translating its line numbers.
func (r *csvReader) fallback(line []byte, err error) ([]string, error) {
	if r.fb == nil {
		r.feed = &lineFeeder{br: r.br}
		r.fb = csv.NewReader(r.feed)
		r.fb.ReuseRecord = true
	}
	r.feed.pending, r.feed.err = line, err
	// Line k of what the feeder has handed over is line k+offset of the file.
	offset := r.lines - r.feed.lines
	r.fb.FieldsPerRecord = r.fields
	rec, err := r.fb.Read()
	r.fields = r.fb.FieldsPerRecord
	r.lines = r.feed.lines + offset
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		moved := *pe
		moved.StartLine += offset
		moved.Line += offset
		err = &moved
	}
	if len(rec) > 0 {
		l, _ := r.fb.FieldPos(0)
		r.line = l + offset
	}
	return rec, err
}

// lineFeeder is the fallback Reader's input: the line it is given, then
// the file, a line (or what a line's first read returned) at a time, so
// that the fallback never reads past the end of the record it is asked
// for. It counts the line ends it hands over.
type lineFeeder struct {
	br      *bufio.Reader
	pending []byte
	err     error // to return once pending is handed over
	lines   int
}

func (f *lineFeeder) Read(p []byte) (int, error) {
	if len(f.pending) == 0 && f.err == nil {
		line, err := f.br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			err = nil // the rest of the line follows
		}
		f.pending, f.err = line, err
	}
	n := copy(p, f.pending)
	f.lines += bytes.Count(f.pending[:n], []byte{'\n'})
	f.pending = f.pending[n:]
	if len(f.pending) == 0 && f.err != nil {
		err := f.err
		f.err = nil
		return n, err
	}
	return n, nil
}
