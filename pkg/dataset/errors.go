package dataset

import (
	"fmt"
	"slices"

	"paymodel/pkg/diag"
)

// Error is one problem in a dataset, positioned in its file: a diag.Error,
// the type scenario.Error is too. File is e.g. "staff.csv"; Line is the
// 1-based line the problem is on (the header is line 1), or 0 when it
// concerns the whole file; Col is unused (0); Column is the normalised name
// of the column concerned, or "" when the problem is not about one column;
// Msg says what is wrong and what was expected, quoting the value. It prints
// as "file:line: msg", "file: msg", or for a stand-in (Omitted > 0)
// "… and N more errors in file".
type Error = diag.Error

// ErrorList is every problem found in a dataset, sorted by file name then
// line, with at most MaxErrorsPerFile entries per file followed by an
// Omitted stand-in when there were more: a diag.List, the type
// scenario.ErrorList is too. Load returns it as its error; use errors.As to
// get at the entries.
type ErrorList = diag.List

// storeLimit bounds the errors kept per file while reading, so that a
// census with a million bad rows does not hold a million errors. The
// lowest-lined MaxErrorsPerFile of those kept are reported.
const storeLimit = 10 * MaxErrorsPerFile

// collector gathers errors while a dataset is read.
type collector struct {
	errs    []*Error
	kept    map[string]int // errors kept per file
	dropped map[string]int // errors beyond storeLimit per file
	// placer, when set, rewrites the errors before they are listed (see
	// sources.place: it puts errors found in sheets back in their cells).
	placer func(ErrorList) ErrorList
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

// addPlaced records an error that is already where list should put it.
func (c *collector) addPlaced(e *Error) {
	if c.kept[e.File] >= storeLimit {
		c.dropped[e.File]++
		return
	}
	c.kept[e.File]++
	c.errs = append(c.errs, e)
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

// list returns the errors, placed by the placer, sorted by file then line
// (stable: errors on one line keep the order they were found in), capped
// per file, with the errors beyond storeLimit counted in each file's
// stand-in.
func (c *collector) list() ErrorList {
	all := ErrorList(slices.Clip(c.errs)) // appending copies
	for file, n := range c.dropped {
		if n > 0 {
			all = append(all, &Error{File: file, Omitted: n})
		}
	}
	if c.placer != nil {
		all = c.placer(all)
	}
	return all.Capped(MaxErrorsPerFile)
}
