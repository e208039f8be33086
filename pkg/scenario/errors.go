package scenario

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"paymodel/pkg/diag"
)

// Error is one problem in a scenario file, at a position in it. Line and Col
// count from 1; either is 0 when unknown.
type Error struct {
	File string
	Line int
	Col  int
	Msg  string
	// Omitted, when positive, makes this entry a stand-in for that many
	// further errors in File that are not listed.
	Omitted int
}

// Error formats the problem as "file:line:col: message", or for a stand-in
// "… and N more errors in file".
func (e *Error) Error() string {
	if e.Omitted > 0 {
		return fmt.Sprintf("… and %d more errors in %s", e.Omitted, e.File)
	}
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// ErrorList is every problem found, sorted by file, line and column, with at
// most MaxErrors entries per file followed by an Omitted stand-in when there
// were more. Parse, Check and Apply return one (as error) rather than
// stopping at the first problem.
type ErrorList []*Error

// Error lists the problems one per line.
func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// err returns the list in position order (stable, so problems at one
// position keep the order they were found in), the first MaxErrors of each
// file followed by a stand-in counting the rest, or nil when it is empty.
// No message is longer than maxMsg characters.
func (l ErrorList) err() error {
	if len(l) == 0 {
		return nil
	}
	s := slices.Clone(l)
	slices.SortStableFunc(s, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	var out ErrorList
	for i := 0; i < len(s); {
		j := i
		omitted := 0
		for ; j < len(s) && s[j].File == s[i].File; j++ {
			omitted += s[j].Omitted
		}
		listed := 0
		for _, e := range s[i:j] {
			if e.Omitted > 0 {
				continue
			}
			if listed == MaxErrors {
				omitted++
				continue
			}
			listed++
			if len(e.Msg) > maxMsg {
				c := *e
				c.Msg = diag.ClipTo(e.Msg, maxMsg)
				e = &c
			}
			out = append(out, e)
		}
		if omitted > 0 {
			out = append(out, &Error{File: s[i].File, Omitted: omitted})
		}
		i = j
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
