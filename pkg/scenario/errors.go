package scenario

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Error is one problem in a scenario file, at a position in it. Line and Col
// count from 1; either is 0 when unknown.
type Error struct {
	File string
	Line int
	Col  int
	Msg  string
}

// Error formats the problem as "file:line:col: message".
func (e *Error) Error() string {
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

// ErrorList is every problem found, sorted by file, line and column. Parse,
// Check and Apply return one (as error) rather than stopping at the first
// problem.
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
// position keep the order they were found in), or nil when it is empty.
func (l ErrorList) err() error {
	if len(l) == 0 {
		return nil
	}
	s := slices.Clone(l)
	slices.SortStableFunc(s, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	return s
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

func (e *errs) at(p Pos, format string, args ...any) {
	e.list = append(e.list, &Error{File: p.File, Line: p.Line, Col: p.Col, Msg: fmt.Sprintf(format, args...)})
}
