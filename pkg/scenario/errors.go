package scenario

import (
	"fmt"

	"paymodel/pkg/diag"
)

// Error is one problem in a scenario file, at a position in it: a
// diag.Error (Line and Col count from 1; either is 0 when unknown; Column is
// unused). It prints as "file:line:col: message", or for a stand-in
// "… and N more errors in file".
type Error = diag.Error

// ErrorList is every problem found, sorted by file, line and column, with at
// most MaxErrors entries per file followed by an Omitted stand-in when there
// were more: a diag.List, the type dataset.ErrorList is too. Parse, Check
// and Apply return one (as error) rather than stopping at the first problem.
type ErrorList = diag.List

// listErr returns l as Parse, Check and Apply return it: in position order,
// the first MaxErrors of each file followed by a stand-in counting the rest
// (diag.List.Capped), no message longer than maxMsg characters; or nil when
// l is empty.
func listErr(l ErrorList) error {
	if len(l) == 0 {
		return nil
	}
	out := l.Capped(MaxErrors)
	for i, e := range out {
		if len(e.Msg) > maxMsg {
			c := *e
			c.Msg = diag.ClipTo(e.Msg, maxMsg)
			out[i] = &c
		}
	}
	return out
}

// Pos is a position in a scenario file.
type Pos struct {
	File      string
	Line, Col int
}

// String formats p as "file:line" (the form used in Source fields).
func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

// errs collects problems.
type errs struct{ list ErrorList }

// at records a problem at p; a string the format quotes with %q is cut to
// MaxQuote characters.
func (e *errs) at(p Pos, format string, args ...any) {
	e.list = append(e.list, &Error{File: p.File, Line: p.Line, Col: p.Col, Msg: fmt.Sprintf(format, diag.ClipQuoted(format, args)...)})
}
