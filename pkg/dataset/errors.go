package dataset

import (
	"fmt"
	"sort"
	"strings"

	"paymodel/pkg/diag"
)

// Error is one problem in a dataset, positioned in its file.
type Error struct {
	File string // e.g. "staff.csv"
	// Line is the 1-based line the problem is on (the header is line 1), or
	// 0 when it concerns the whole file.
	Line int
	// Column is the normalised name of the column concerned, or "" when the
	// problem is not about one column.
	Column string
	// Msg says what is wrong and what was expected, quoting the value.
	Msg string
	// Omitted, when positive, makes this entry a stand-in for that many
	// further errors in File that are not listed.
	Omitted int
}

// Error formats e as "file:line: msg", "file: msg", or for a stand-in
// "… and N more errors in file".
func (e *Error) Error() string {
	switch {
	case e.Omitted > 0:
		return fmt.Sprintf("… and %d more errors in %s", e.Omitted, e.File)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

// ErrorList is every problem found in a dataset, sorted by file name then
// line, with at most MaxErrorsPerFile entries per file followed by an
// Omitted stand-in when there were more. Load returns it as its error;
// use errors.As to get at the entries.
type ErrorList []*Error

// Error prints one error per line.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// storeLimit bounds the errors kept per file while reading, so that a
// census with a million bad rows does not hold a million errors. The
// lowest-lined MaxErrorsPerFile of those kept are reported.
const storeLimit = 10 * MaxErrorsPerFile

// collector gathers errors while a dataset is read.
type collector struct {
	errs    []*Error
	kept    map[string]int // errors kept per file
	dropped map[string]int // errors beyond storeLimit per file
}

func newCollector() *collector {
	return &collector{kept: map[string]int{}, dropped: map[string]int{}}
}

// add records an error. col may be "".
func (c *collector) add(file string, line int, col, msg string) {
	if c.kept[file] >= storeLimit {
		c.dropped[file]++
		return
	}
	c.kept[file]++
	c.errs = append(c.errs, &Error{File: file, Line: line, Column: col, Msg: msg})
}

// addf records an error with a formatted message.
// Strings the format quotes with %q are cut to diag.MaxQuote characters.
func (c *collector) addf(file string, line int, col, format string, args ...any) {
	c.add(file, line, col, fmt.Sprintf(format, diag.ClipQuoted(format, args)...))
}

// merge adds o's errors to c.
func (c *collector) merge(o *collector) {
	for _, e := range o.errs {
		c.add(e.File, e.Line, e.Column, e.Msg)
	}
	for file, n := range o.dropped {
		c.dropped[file] += n
	}
}

// count returns how many errors file has so far.
func (c *collector) count(file string) int { return c.kept[file] + c.dropped[file] }

// empty reports whether no error has been recorded.
func (c *collector) empty() bool { return len(c.errs) == 0 }

// list returns the errors sorted by file then line (stable: errors on one
// line keep the order they were found in), capped per file.
func (c *collector) list() ErrorList {
	sort.SliceStable(c.errs, func(i, j int) bool {
		a, b := c.errs[i], c.errs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	var out ErrorList
	for i := 0; i < len(c.errs); {
		file := c.errs[i].File
		j := i
		for j < len(c.errs) && c.errs[j].File == file {
			j++
		}
		n := min(j-i, MaxErrorsPerFile)
		out = append(out, c.errs[i:i+n]...)
		if more := j - i - n + c.dropped[file]; more > 0 {
			out = append(out, &Error{File: file, Omitted: more})
		}
		i = j
	}
	return out
}
