package scenario

import (
	"strconv"
	"strings"
)

// The TOML decoder reports where a syntax error is, but not where each key
// is (its key positions are private and, for arrays of tables, keep only the
// last entry's). locate re-scans text the decoder has already accepted and
// records where every key and value starts, so that every problem can be
// reported at file:line:col.

// path names a key: table and key names, with "#n" for the n-th (0-based)
// entry of an array of tables and "@n" for the n-th element of an array. Segments are joined with a separator that
// cannot occur in a key typed in a file.
type path string

const pathSep = "\x1f"

func keyPath(segs ...string) path { return path(strings.Join(segs, pathSep)) }

func (p path) index(n int) path { return p + path(pathSep+"#"+strconv.Itoa(n)) }

// elem is the path of the n-th (0-based) element of an array value.
func (p path) elem(n int) path { return p + path(pathSep+"@"+strconv.Itoa(n)) }

// isElem reports whether p names an element of an array value.
func (p path) isElem() bool {
	i := strings.LastIndex(string(p), pathSep)
	return strings.HasPrefix(string(p)[i+1:], "@")
}

func (p path) key(k string) path {
	if p == "" {
		return path(k)
	}
	return p + path(pathSep+k)
}

// plain is the path without array indexes, as toml.Key.String() spells it
// (segments joined by dots, unquoted).
func (p path) plain() []string {
	var out []string
	for _, s := range strings.Split(string(p), pathSep) {
		if !strings.HasPrefix(s, "#") && !strings.HasPrefix(s, "@") {
			out = append(out, s)
		}
	}
	return out
}

// spot is where a key and its value start, and the value's text.
type spot struct {
	line, col   int // the key (for a table header, the '[')
	vline, vcol int // the value
	value       string
}

type locations struct {
	at    map[path]spot
	order []path // in file order
}

func (l *locations) keyPos(file string, p path) Pos {
	s := l.at[p]
	return Pos{File: file, Line: s.line, Col: s.col}
}

func (l *locations) valuePos(file string, p path) Pos {
	s, ok := l.at[p]
	if !ok {
		return Pos{File: file}
	}
	return Pos{File: file, Line: s.vline, Col: s.vcol}
}

// maxLocated is the most segments a recorded path has. The format's deepest
// key is award.#n.set.BAND.POINT (5 segments), so nothing deeper is looked
// up except to place an unknown key: a deeper key or value is recorded under
// its ancestor of maxLocated segments, at the first place that ancestor's
// path was seen (see truncated). With the column counted incrementally, this
// keeps locate linear in the size of the file however deeply it nests (a
// path string per nesting level made it quadratic).
const maxLocated = 8

// sub returns p extended by one segment, or p itself when it already has
// maxLocated segments.
func sub(p path, extend func(path) path) path {
	if truncated(p) {
		return p
	}
	return extend(p)
}

// truncated reports whether p has maxLocated segments, so that it may stand
// for deeper paths too.
func truncated(p path) bool { return strings.Count(string(p), pathSep)+1 >= maxLocated }

// locate scans src, which must be TOML the decoder accepted. It never fails:
// on anything it does not understand it stops, and positions it did not
// reach are reported as unknown (line 0). Its cost is linear in len(src).
func locate(src string) (l *locations) {
	s := &scanner{cursor: cursor{src: src, line: 1}, loc: &locations{at: map[path]spot{}}, count: map[path]int{}}
	s.i = len(src) - len(trimBOM(src))
	l = s.loc
	defer func() { _ = recover() }() // a scanner bug must not hide the real errors
	s.document()
	return l
}

type scanner struct {
	cursor
	loc   *locations
	count map[path]int // entries seen of each array of tables
}

// space skips blanks, and newlines and comments too when nl is set.
func (s *scanner) space(nl bool) {
	for !s.eof() {
		switch c := s.peek(); {
		case c == ' ' || c == '\t' || c == '\r':
			s.advance()
		case c == '\n' && nl:
			s.advance()
		case c == '#' && nl:
			for !s.eof() && s.peek() != '\n' {
				s.advance()
			}
		default:
			return
		}
	}
}

// record records where p is, unless it has been recorded already (which only
// a truncated path can be, in TOML the decoder accepted).
func (s *scanner) record(p path, sp spot) {
	if _, dup := s.loc.at[p]; !dup {
		s.loc.order = append(s.loc.order, p)
		s.loc.at[p] = sp
	}
}

func (s *scanner) document() {
	var table path
	for {
		s.space(true)
		if s.eof() {
			return
		}
		if s.peek() == '[' {
			line, col := s.line, s.col()
			s.advance()
			array := s.peek() == '['
			if array {
				s.advance()
			}
			s.space(false)
			keys := s.key()
			table = ""
			for i, k := range keys {
				table = sub(table, func(p path) path { return p.key(k) })
				n, isArray := s.count[table]
				switch {
				case array && i == len(keys)-1:
					s.count[table] = n + 1
					table = sub(table, func(p path) path { return p.index(n) })
				case isArray:
					table = sub(table, func(p path) path { return p.index(n - 1) })
				}
			}
			s.record(table, spot{line: line, col: col, vline: line, vcol: col})
			for !s.eof() && s.peek() != '\n' && s.peek() != '#' {
				s.advance()
			}
			continue
		}
		s.keyValue(table)
	}
}

func (s *scanner) keyValue(table path) {
	line, col := s.line, s.col()
	keys := s.key()
	p := table
	for _, k := range keys {
		p = sub(p, func(p path) path { return p.key(k) })
	}
	s.space(false)
	if s.peek() != '=' {
		panic("scanner: expected =")
	}
	s.advance()
	s.space(false)
	vline, vcol, start := s.line, s.col(), s.i
	_, seen := s.loc.at[p]
	s.value(p)
	sp := spot{line: line, col: col, vline: vline, vcol: vcol, value: s.src[start:s.i]}
	if _, inside := s.loc.at[p]; !seen && inside {
		s.loc.at[p] = sp // a truncated p was recorded by a key inside its value
		return
	}
	s.record(p, sp)
}

// key reads a dotted key.
func (s *scanner) key() []string {
	var keys []string
	for {
		s.space(false)
		switch c := s.peek(); c {
		case '"':
			start := s.i
			s.advance()
			for !s.eof() && s.peek() != '"' {
				if s.peek() == '\\' {
					s.advance()
				}
				s.advance()
			}
			s.advance()
			k, err := strconv.Unquote(s.src[start:s.i])
			if err != nil {
				k = s.src[start+1 : s.i-1]
			}
			keys = append(keys, k)
		case '\'':
			s.advance()
			start := s.i
			for !s.eof() && s.peek() != '\'' {
				s.advance()
			}
			keys = append(keys, s.src[start:s.i])
			s.advance()
		default:
			start := s.i
			for !s.eof() && isBare(s.peek()) {
				s.advance()
			}
			if start == s.i {
				panic("scanner: expected a key")
			}
			keys = append(keys, s.src[start:s.i])
		}
		s.space(false)
		if s.peek() != '.' {
			return keys
		}
		s.advance()
	}
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// value skips one value, recording the keys of inline tables under p.
func (s *scanner) value(p path) {
	switch {
	case strings.HasPrefix(s.src[s.i:], `"""`), strings.HasPrefix(s.src[s.i:], `'''`):
		q := s.src[s.i : s.i+3]
		for range 3 {
			s.advance()
		}
		for !s.eof() && !strings.HasPrefix(s.src[s.i:], q) {
			if q[0] == '"' && s.peek() == '\\' {
				s.advance()
			}
			s.advance()
		}
		for range 3 {
			s.advance()
		}
		for n := 0; n < 2 && s.peek() == q[0]; n++ { // content may end in quotes
			s.advance()
		}
	case s.peek() == '"' || s.peek() == '\'':
		q := s.peek()
		s.advance()
		for !s.eof() && s.peek() != q {
			if q == '"' && s.peek() == '\\' {
				s.advance()
			}
			s.advance()
		}
		s.advance()
	case s.peek() == '[':
		s.advance()
		for n := 0; ; n++ {
			s.space(true)
			if s.peek() == ']' {
				s.advance()
				return
			}
			line, col, start := s.line, s.col(), s.i
			e := sub(p, func(p path) path { return p.elem(n) })
			s.value(e)
			s.record(e, spot{line: line, col: col, vline: line, vcol: col, value: s.src[start:s.i]})
			s.space(true)
			if s.peek() == ',' {
				s.advance()
			}
		}
	case s.peek() == '{':
		s.advance()
		for {
			s.space(true)
			if s.peek() == '}' {
				s.advance()
				return
			}
			s.keyValue(p)
			s.space(true)
			if s.peek() == ',' {
				s.advance()
			}
		}
	default:
		start := s.i
		for !s.eof() && !strings.ContainsRune(" \t\r\n,]}#", rune(s.peek())) {
			s.advance()
		}
		// A local date-time may contain one space: 2025-04-01 09:00:00.
		if s.peek() == ' ' && s.i+1 < len(s.src) && s.src[s.i+1] >= '0' && s.src[s.i+1] <= '9' && strings.Count(s.src[start:s.i], "-") == 2 {
			s.advance()
			for !s.eof() && !strings.ContainsRune(" \t\r\n,]}#", rune(s.peek())) {
				s.advance()
			}
		}
		if start == s.i {
			panic("scanner: expected a value")
		}
	}
}
