package scenario

import "unicode/utf8"

// cursor walks a scenario file's text byte by byte, keeping the line and
// (lazily, in characters) the column: the pass before decoding (limits.go)
// and the key locator (locate.go) both read the raw text with it.
type cursor struct {
	src  string
	i    int
	line int // line of src[i]
	// The column is counted incrementally: byte offset colAt, on line
	// colLine, is in column colN, so asking for columns along a long line
	// costs its length once, not once a question.
	lineStart, colAt, colN, colLine int
}

func (c *cursor) eof() bool { return c.i >= len(c.src) }

func (c *cursor) peek() byte {
	if c.eof() {
		return 0
	}
	return c.src[c.i]
}

// col returns the column (in characters, from 1) of src[i].
func (c *cursor) col() int {
	if c.colLine != c.line || c.colAt < c.lineStart {
		c.colLine, c.colAt, c.colN = c.line, c.lineStart, 1
	}
	c.colN += utf8.RuneCountInString(c.src[c.colAt:c.i])
	c.colAt = c.i
	return c.colN
}

// advance moves past one byte, counting lines.
func (c *cursor) advance() {
	if c.src[c.i] == '\n' {
		c.line++
		c.lineStart = c.i + 1
	}
	c.i++
}
