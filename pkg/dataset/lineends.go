package dataset

import (
	"bytes"
	"io"
)

// lineEnds passes a file's bytes through, turning every carriage return
// that is not followed by a line feed (a lone CR, as Excel's "CSV
// (Macintosh)" ends its lines) into a line feed. CRLF and LF are passed on
// unchanged, so a line may end in CR, LF or CRLF, even within one file; the
// CSV reader then sees LF or CRLF only. A lone CR inside a quoted field
// becomes an LF: still a line break within the cell.
//
// A CR that ends one read is passed on as an LF at once; if the next read
// begins with an LF, that LF is dropped (the pair was a CRLF, now one LF,
// which a CSV reader treats the same way).
//
// Files without a CR cost one bytes.IndexByte scan per read.
type lineEnds struct {
	r io.Reader
	// afterCR is set when the last byte passed on was a CR turned into an
	// LF at the end of a read.
	afterCR bool
}

func (l *lineEnds) Read(p []byte) (int, error) {
	for {
		n, err := l.r.Read(p)
		if n == 0 {
			return 0, err
		}
		b := p[:n]
		if l.afterCR {
			l.afterCR = false
			if b[0] == '\n' {
				n = copy(b, b[1:])
				b = b[:n]
				if n == 0 {
					if err != nil {
						return 0, err
					}
					continue // a read of just that LF: read on
				}
			}
		}
		for i := bytes.IndexByte(b, '\r'); i >= 0; {
			if i+1 == len(b) {
				b[i] = '\n'
				l.afterCR = true
				break
			}
			if b[i+1] != '\n' {
				b[i] = '\n'
			}
			j := bytes.IndexByte(b[i+1:], '\r')
			if j < 0 {
				break
			}
			i += 1 + j
		}
		return n, err
	}
}
