package scenario

import (
	"strconv"
	"strings"

	"paymodel/pkg/diag"
	"paymodel/pkg/money"
)

// Limits on a scenario file. A real offer is a few KiB with a few dozen keys
// nested at most 3 deep, so each limit is far above anything written by
// hand; they exist so that a wrong or hostile file is refused in
// milliseconds instead of exhausting memory. Parse checks them with a cheap
// pass over the raw bytes (prescan) before the TOML decoder or the key
// locator runs.
const (
	// MaxFileBytes is the largest scenario file accepted (1 MiB).
	MaxFileBytes = 1 << 20
	// MaxDepth is how deeply arrays and inline tables may nest in one value:
	// x = [[1]] is 2 deep.
	MaxDepth = 32
	// MaxKeys is the most keys a file may have, counting every key of an
	// inline table and every table header ([progression], each [[award]]).
	MaxKeys = 10_000
	// MaxListElements is the most list elements a file may have, all its
	// arrays together (so that it bounds the values a file can make the
	// decoder and locator hold, not only how long one list is).
	MaxListElements = 10_000
	// MaxKeyParts is the most parts a key's full path may have: the parts of
	// its table header, of the keys of the inline tables around it, and of
	// its own dotted key (award.set."Band 5"."1" has 4).
	MaxKeyParts = 64
	// MaxKeyBytes is the longest a key's full path may be, in bytes as
	// written (parts, with any quotes, joined by one dot each).
	MaxKeyBytes = 1 << 10
	// MaxAwards and MaxLumpSums are the most [[award]] and [[lump_sum]]
	// tables a file may have (each costs work on every point or person).
	MaxAwards   = 100
	MaxLumpSums = 100
	// MaxNameChars is the longest a scenario's name may be, in characters:
	// it heads columns and labels charts, and is written in every row of
	// the CSV tables.
	MaxNameChars = 100
	// MaxErrors is how many errors are listed for one file before
	// "… and N more errors in FILE".
	MaxErrors = 100
	// MaxQuote is how many characters of a value a message quotes; a longer
	// value is cut and ends in "…" (diag.MaxQuote, shared with dataset).
	MaxQuote = diag.MaxQuote
	// maxMsg is the longest message kept, in characters: a backstop for a
	// message that quotes a value some other way.
	maxMsg = 500
)

// fail records a problem found by prescan.
func (ps *prescanner) fail(line, col int, format string, args ...any) {
	ps.errs.at(Pos{File: ps.file, Line: line, Col: col}, format, args...)
}

// prescan checks src against the limits above, in one pass over the bytes
// that understands just enough TOML to know what is a key, a string, a
// comment and a bracket. It reports each key over a limit, and the first
// key and list element over the file's count of each; on a
// value nested deeper than MaxDepth it stops. Text it does not understand
// (which is not TOML the decoder accepts) ends the pass without an error, so
// the decoder reports it. complete says whether the pass reached the end.
func prescan(file string, src string) (list ErrorList, complete bool) {
	ps := &prescanner{file: file, cursor: cursor{src: src, line: 1}}
	ps.i = len(src) - len(trimBOM(src))
	complete = ps.document()
	return ps.errs.list, complete
}

type prescanner struct {
	cursor
	file                           string
	keys, elements                 int
	keysReported, elementsReported bool
	tableReported                  bool // the current table header is over a limit
	errs                           errs
}

// space skips blanks, and newlines and comments too when nl is set.
func (ps *prescanner) space(nl bool) {
	for !ps.eof() {
		switch c := ps.peek(); {
		case c == ' ' || c == '\t' || c == '\r':
			ps.i++
		case c == '\n' && nl:
			ps.advance()
		case c == '#' && nl:
			for !ps.eof() && ps.peek() != '\n' {
				ps.i++
			}
		default:
			return
		}
	}
}

// rawKey is a key's full path as written, as measured for the limits. Its
// text is put together only for a message, so that measuring costs the same
// however long the path.
type rawKey struct {
	parts, bytes int
	own          string  // the dotted key as written, up to MaxKeyBytes+1 bytes
	outer        *rawKey // the table or inline table it is in, or nil
}

// text is the full path as written, cut to MaxKeyBytes+1 bytes.
func (k rawKey) text() string {
	if k.outer == nil {
		return k.own
	}
	t := k.outer.text()
	if len(t) > MaxKeyBytes {
		return t
	}
	t += "." + k.own
	return t[:min(len(t), MaxKeyBytes+1)]
}

func (k rawKey) join(o rawKey) rawKey {
	if k.parts == 0 {
		return o
	}
	return rawKey{parts: k.parts + o.parts, bytes: k.bytes + 1 + o.bytes, own: o.own, outer: &k}
}

// key reads a dotted key; ok is false on text that is not a key.
func (ps *prescanner) key() (k rawKey, ok bool) {
	ps.space(false)
	from := ps.i
	for {
		ps.space(false)
		start := ps.i
		switch ps.peek() {
		case '"':
			ps.i++
			for !ps.eof() && ps.peek() != '"' && ps.peek() != '\n' {
				if ps.peek() == '\\' {
					ps.i++
				}
				ps.i++
			}
			if ps.peek() != '"' {
				return k, false
			}
			ps.i++
		case '\'':
			ps.i++
			for !ps.eof() && ps.peek() != '\'' && ps.peek() != '\n' {
				ps.i++
			}
			if ps.peek() != '\'' {
				return k, false
			}
			ps.i++
		default:
			for !ps.eof() && isBare(ps.peek()) {
				ps.i++
			}
			if start == ps.i {
				return k, false
			}
		}
		k.parts++
		k.bytes += ps.i - start
		if k.parts > 1 {
			k.bytes++ // the dot
		}
		end := ps.i
		ps.space(false)
		if ps.peek() != '.' {
			k.own = ps.src[from:min(end, from+MaxKeyBytes+1)]
			return k, true
		}
		ps.i++
	}
}

// checkKey counts a key (or table header) starting at line, col with full
// path k, and reports whether it is over a limit (reporting it, unless its
// table header was).
func (ps *prescanner) checkKey(line, col int, k rawKey) bool {
	ps.keys++
	if ps.keys > MaxKeys && !ps.keysReported {
		ps.keysReported = true
		ps.fail(line, col, "more than %s keys and tables; a scenario has a few dozen (is this the right file?)", thousands(MaxKeys))
	}
	over := k.parts > MaxKeyParts || k.bytes > MaxKeyBytes
	switch {
	case ps.tableReported:
	case k.parts > MaxKeyParts:
		ps.fail(line, col, "key %q has %s parts; a key may have at most %d", k.text(), thousands(k.parts), MaxKeyParts)
	case k.bytes > MaxKeyBytes:
		ps.fail(line, col, "key %q is %s bytes long; a key may be at most %s", k.text(), thousands(k.bytes), thousands(MaxKeyBytes))
	}
	return over
}

func (ps *prescanner) document() bool {
	var table rawKey
	for {
		ps.space(true)
		if ps.eof() {
			return true
		}
		line, col := ps.line, ps.col()
		if ps.peek() == '[' {
			ps.i++
			array := ps.peek() == '['
			if array {
				ps.i++
			}
			k, ok := ps.key()
			if !ok || ps.peek() != ']' {
				return false
			}
			ps.i++
			if array {
				if ps.peek() != ']' {
					return false
				}
				ps.i++
			}
			ps.tableReported = false
			ps.tableReported = ps.checkKey(line, col, k)
			table = k
		} else {
			k, ok := ps.key()
			if !ok || ps.peek() != '=' {
				return false
			}
			ps.i++
			k = table.join(k)
			ps.checkKey(line, col, k)
			if !ps.value(k) {
				return false
			}
		}
		// The rest of the line may hold only blanks and a comment.
		ps.space(false)
		if ps.peek() == '#' {
			for !ps.eof() && ps.peek() != '\n' {
				ps.i++
			}
		}
		if !ps.eof() && ps.peek() != '\n' {
			return false
		}
	}
}

// frame is an array or inline table being read.
type frame struct {
	table bool
	k     rawKey // the key whose value this is
}

// value reads one value of key k, without recursion however deeply it
// nests. It returns false on text it does not understand, or at a value
// nested deeper than MaxDepth (after reporting it).
func (ps *prescanner) value(k rawKey) bool {
	var stack []frame
	const (
		start  = iota // a value starts here
		member        // the next member of the innermost array or inline table, or its end
		after         // a value has ended
	)
	state := start
	for {
		switch state {
		case start:
			ps.space(len(stack) > 0)
			switch c := ps.peek(); c {
			case '[', '{':
				if len(stack) == MaxDepth {
					ps.fail(ps.line, ps.col(), "%s: arrays and inline tables nested more than %d deep; a scenario nests at most 3 (is this the right file?)", diag.Clip(k.text()), MaxDepth)
					return false
				}
				ps.i++
				stack = append(stack, frame{table: c == '{', k: k})
				state = member
			case '"', '\'':
				if !ps.str() {
					return false
				}
				state = after
			default:
				from := ps.i
				for !ps.eof() && strings.IndexByte(",]}#\r\n", ps.peek()) < 0 {
					ps.i++
				}
				if from == ps.i {
					return false
				}
				state = after
			}
		case member:
			top := &stack[len(stack)-1]
			ps.space(true)
			if c := ps.peek(); c == ']' && !top.table || c == '}' && top.table {
				ps.i++
				stack = stack[:len(stack)-1]
				state = after
				continue
			}
			line, col := ps.line, ps.col()
			if top.table {
				key, ok := ps.key()
				if !ok || ps.peek() != '=' {
					return false
				}
				ps.i++
				k = top.k.join(key)
				ps.checkKey(line, col, k)
			} else {
				ps.elements++
				if ps.elements > MaxListElements && !ps.elementsReported {
					ps.elementsReported = true
					ps.fail(line, col, "%s: more than %s list elements in the file; a scenario's lists have a few (is this the right file?)", diag.Clip(top.k.text()), thousands(MaxListElements))
				}
				k = top.k
			}
			state = start
		case after:
			if len(stack) == 0 {
				return true
			}
			top := &stack[len(stack)-1]
			ps.space(true)
			switch c := ps.peek(); {
			case c == ',':
				ps.i++
				state = member
			case c == ']' && !top.table, c == '}' && top.table:
				ps.i++
				stack = stack[:len(stack)-1]
			default:
				return false
			}
		}
	}
}

// str reads a string of any of TOML's four kinds.
func (ps *prescanner) str() bool {
	q := ps.peek()
	if delim := ps.src[ps.i:min(ps.i+3, len(ps.src))]; delim == strings.Repeat(string(q), 3) {
		ps.i += 3
		for !ps.eof() {
			if q == '"' && ps.peek() == '\\' {
				ps.advance()
				if ps.eof() {
					return false
				}
				ps.advance()
				continue
			}
			if strings.HasPrefix(ps.src[ps.i:], delim) {
				ps.i += 3
				for n := 0; n < 2 && ps.peek() == q; n++ { // content may end in quotes
					ps.i++
				}
				return true
			}
			ps.advance()
		}
		return false
	}
	ps.i++
	for !ps.eof() && ps.peek() != q && ps.peek() != '\n' {
		if q == '"' && ps.peek() == '\\' && ps.i+1 < len(ps.src) && ps.src[ps.i+1] != '\n' {
			ps.i++
		}
		ps.i++
	}
	if ps.peek() != q {
		return false
	}
	ps.i++
	return true
}

// trimBOM removes a leading byte-order mark, as the TOML decoder does (it
// also skips a UTF-16 one, although what follows is then not UTF-16).
func trimBOM(src string) string {
	for _, bom := range []string{"\xef\xbb\xbf", "\xff\xfe", "\xfe\xff"} {
		if strings.HasPrefix(src, bom) {
			return src[len(bom):]
		}
	}
	return src
}

// thousands formats n with comma separators (10,000).
func thousands(n int) string { return money.Group(strconv.Itoa(n)) }
