package dataset

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// failAfter reads r, then fails with err once n bytes have been read.
type failAfter struct {
	r   io.Reader
	n   int
	err error
}

func (f *failAfter) Read(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, f.err
	}
	if len(p) > f.n {
		p = p[:f.n]
	}
	n, err := f.r.Read(p)
	f.n -= n
	return n, err
}

// readLog records the reads made of r: the size asked for and returned.
type readLog struct {
	r   io.Reader
	log []int
}

func (l *readLog) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.log = append(l.log, len(p), n)
	return n, err
}

// csvTrace reads every record of src with read and describes each result:
// the fields, the error and the line of field 0, until EOF or a read error
// that is not a csv.ParseError (those stop a table).
func csvTrace(read func() ([]string, error), pos func() int) string {
	var b strings.Builder
	for range 100_000 {
		rec, err := read()
		if err == io.EOF {
			b.WriteString("EOF\n")
			break
		}
		fmt.Fprintf(&b, "%q", rec)
		if err != nil {
			fmt.Fprintf(&b, " error %v", err)
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				b.WriteString("\n")
				break
			}
			fmt.Fprintf(&b, " %d %d %d", pe.StartLine, pe.Line, pe.Column)
		} else {
			fmt.Fprintf(&b, " line %d", pos())
		}
		b.WriteString("\n")
	}
	return b.String()
}

// checkCSVReader compares csvReader with encoding/csv on data, whole and
// with the input failing after each of a few lengths.
func checkCSVReader(t *testing.T, data []byte) {
	t.Helper()
	for _, fail := range []int{-1, len(data) / 3, len(data) / 2, len(data) - 1} {
		src := func() io.Reader {
			if fail < 0 {
				return bytes.NewReader(data)
			}
			return &failAfter{r: bytes.NewReader(data), n: fail, err: errors.New("disk failed")}
		}
		stdLog, oursLog := &readLog{r: src()}, &readLog{r: src()}
		std := csv.NewReader(stdLog)
		std.ReuseRecord = true
		want := csvTrace(std.Read, func() int { l, _ := std.FieldPos(0); return l })
		ours := newCSVReader(oursLog)
		got := csvTrace(ours.Read, func() int { l, _ := ours.FieldPos(0); return l })
		if got != want {
			t.Fatalf("input %q (failing after %d bytes):\ncsvReader:\n%s\nencoding/csv:\n%s", data, fail, got, want)
		}
		// The same reads, so lineLimiter stops a table at the same place.
		if !slices.Equal(oursLog.log, stdLog.log) {
			t.Fatalf("input %q (failing after %d bytes): reads %v, encoding/csv's %v", data, fail, oursLog.log, stdLog.log)
		}
	}
}

func TestCSVReaderMatchesEncodingCSV(t *testing.T) {
	cases := []string{
		"", "\n", "a", "a\n", "a,b\nc,d\n", "a,b\r\nc,d\r\n", "a,b\rc\n", "a,b\r", "a,b\r\r\n", "\r\n\r\na,b\n\nc,d",
		"a,b\nc\n", "a,b\nc,d,e\nf,g\n", "a,\"b,c\"\nd,e\n", "\"a\nb\",c\nd,e\n", "a,b\"c\nd,e\n", "\"a\"b,c\nd,e\n",
		"\"a,b\nc,d\n", "a,b\n\"c,d", "a,\"\"\"\"\n", " a , b \n", "a,b\n\r\n,\n", ",\n,,\n", "a,b\n\"\"\n",
		"a,b\nc,\"d\r\ne\"\r\nf,g\r\n", "h1,h2\n" + strings.Repeat("x", 5000) + ",y\nz,w\n",
		"h1,h2\n\"" + strings.Repeat("x", 9000) + "\",y\nz,\"w\n",
	}
	for _, c := range cases {
		checkCSVReader(t, []byte(c))
	}
	r := rand.New(rand.NewPCG(9, 10))
	alphabet := []string{"a", "b", ",", ",", "\"", "\n", "\n", "\r\n", "\r", " ", "é", "\"\"", strings.Repeat("z", 3000)}
	for range 3000 {
		var b strings.Builder
		for range r.IntN(60) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		checkCSVReader(t, []byte(b.String()))
	}
	// Mostly well-formed files: a header and rows, some quoted.
	for range 300 {
		var b strings.Builder
		b.WriteString("id,name,band\r\n")
		for i := range r.IntN(200) {
			switch r.IntN(20) {
			case 0:
				fmt.Fprintf(&b, "E%d,\"Smith, J\",Band 1\r\n", i)
			case 1:
				fmt.Fprintf(&b, "E%d,\"two\nlines\",Band 1\n", i)
			case 2:
				fmt.Fprintf(&b, "E%d,Band 1\n", i)
			case 3:
				b.WriteString("\n")
			case 4:
				fmt.Fprintf(&b, "E%d,bad\"quote,Band 1\n", i)
			default:
				fmt.Fprintf(&b, "E%d,Person %d,Band %d\n", i, i, i%3)
			}
		}
		checkCSVReader(t, []byte(b.String()))
	}
}

func FuzzCSVReader(f *testing.F) {
	f.Add([]byte("a,b\nc,\"d\ne\"\n"))
	f.Add([]byte("a,b\r\nc\r\n\"x"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkCSVReader(t, data)
	})
}
