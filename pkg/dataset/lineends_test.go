package dataset

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"testing/iotest"
)

// chunkReader returns r's bytes in reads of at most n bytes.
type chunkReader struct {
	r io.Reader
	n int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(p) > c.n {
		p = p[:c.n]
	}
	return c.r.Read(p)
}

// Lone CRs become LFs; CRLF and LF pass through; whatever the reads'
// sizes, encoding/csv reads the same records as from the LF text.
func TestLineEnds(t *testing.T) {
	for _, tc := range []struct {
		name, in, out string // out: the whole input read at once
	}{
		{"LF", "a,b\nc,d\n", "a,b\nc,d\n"},
		{"CRLF", "a,b\r\nc,d\r\n", "a,b\r\nc,d\r\n"},
		{"CR (Excel for Mac)", "a,b\rc,d\r", "a,b\nc,d\n"},
		{"CR without a final line end", "a,b\rc,d", "a,b\nc,d"},
		{"CR, LF and CRLF mixed", "a,b\rc,d\ne,f\r\ng,h\r", "a,b\nc,d\ne,f\r\ng,h\n"},
		{"blank lines in CR", "a,b\r\r\rc,d\r", "a,b\n\n\nc,d\n"},
		{"a line break inside quotes", "a,\"x\ry\"\rc,d\r", "a,\"x\ny\"\nc,d\n"},
		{"CRLF inside quotes", "a,\"x\r\ny\"\r\nc,d\r\n", "a,\"x\r\ny\"\r\nc,d\r\n"},
		{"no line end", "a,b", "a,b"},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := io.ReadAll(&lineEnds{r: strings.NewReader(tc.in)})
			if err != nil || string(got) != tc.out {
				t.Fatalf("read at once: %q, %v; want %q", got, err, tc.out)
			}
			want := csvRecords(t, strings.NewReader(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(tc.in)))
			for _, size := range []int{1, 2, 3, 5, 4096} {
				var r io.Reader = &lineEnds{r: &chunkReader{strings.NewReader(tc.in), size}}
				if size == 1 {
					r = &lineEnds{r: iotest.OneByteReader(strings.NewReader(tc.in))}
				}
				if got := csvRecords(t, r); !reflect.DeepEqual(got, want) {
					t.Errorf("reads of %d bytes: records %q, want %q", size, got, want)
				}
			}
		})
	}
}

// A read error after a CR is passed on, and the CR is still a line end.
func TestLineEndsError(t *testing.T) {
	r := &lineEnds{r: io.MultiReader(strings.NewReader("a\r"), iotest.ErrReader(io.ErrUnexpectedEOF))}
	got, err := io.ReadAll(r)
	if string(got) != "a\n" || err != io.ErrUnexpectedEOF {
		t.Errorf("got %q, %v", got, err)
	}
}

func csvRecords(t *testing.T, r io.Reader) [][]string {
	t.Helper()
	recs, err := csv.NewReader(r).ReadAll()
	if err != nil {
		t.Fatalf("csv: %v", err)
	}
	return recs
}

// withEnds rewrites every line end of text (LF or CRLF) as end, or, for
// end "mixed", as CR, LF and CRLF in turn.
func withEnds(text []byte, end string) []byte {
	lines := bytes.SplitAfter(bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n")), []byte("\n"))
	var b bytes.Buffer
	for i, l := range lines {
		if !bytes.HasSuffix(l, []byte("\n")) {
			b.Write(l)
			continue
		}
		e := end
		if end == "mixed" {
			e = []string{"\r", "\n", "\r\n"}[i%3]
		}
		b.Write(l[:len(l)-1])
		b.WriteString(e)
	}
	return b.Bytes()
}

// Every dataset file saved with CR line ends (Excel's "CSV (Macintosh)"),
// or with CR, LF and CRLF mixed, loads to exactly what the LF file gives:
// the same bands, structures, census groups, headcount and rows (only the
// checksum, of the files' bytes, differs). The generated census is large
// enough to span many batches of the census reader.
func TestLoadCRLineEnds(t *testing.T) {
	for _, dir := range []string{"testdata/good", "testdata/excel", "generated"} {
		lf := fstest.MapFS{}
		if dir == "generated" {
			lf = censusFS(t, 5000)
		} else {
			for _, name := range []string{BandsFile, IncrementsFile, InflationFile, OnCostsFile, StaffFile} {
				if b, err := os.ReadFile(dir + "/" + name); err == nil {
					lf[name] = &fstest.MapFile{Data: b}
				}
			}
		}
		for name, f := range lf {
			f.Data = withEnds(f.Data, "\n")
			lf[name] = f
		}
		want, err := Load(lf, "test")
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		if want.Census == nil || want.Census.Rows == 0 {
			t.Fatalf("%s: no census rows in the LF version", dir)
		}
		for _, end := range []string{"\r", "mixed"} {
			other := fstest.MapFS{}
			for name, f := range lf {
				other[name] = &fstest.MapFile{Data: withEnds(f.Data, end)}
			}
			if end == "\r" && bytes.Contains(other[StaffFile].Data, []byte("\n")) {
				t.Fatalf("%s: the CR version still has an LF", dir)
			}
			got, err := Load(other, "test")
			if err != nil {
				t.Fatalf("%s with %q line ends: %v", dir, end, err)
			}
			if got.Checksum == want.Checksum {
				t.Errorf("%s with %q line ends: the checksum should be of the files' own bytes", dir, end)
			}
			got.Checksum = want.Checksum
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s with %q line ends: the dataset differs from the LF one:\n%d rows, %d people, %d groups\nwant %d rows, %d people, %d groups",
					dir, end, got.Census.Rows, got.Census.Headcount, len(got.Census.Groups), want.Census.Rows, want.Census.Headcount, len(want.Census.Groups))
			}
		}
	}
}

// Errors in a CR file name the same lines as in the LF file.
func TestLoadCRErrorLines(t *testing.T) {
	staff := "id,band,point,fte\nA1,Band 1,1,1\nA2,Band 1,1,1.5\nA3,Band 9,1,1\nA1,Band 1,1,1\n"
	want := lines(
		`staff.csv:3: fte "1.5": must be more than 0 and at most 1 (write 0.6 for three days a week of five)`,
		`staff.csv:4: band "Band 9" is not in bands.csv`,
		`staff.csv:5: id "A1" is already on line 2`)
	for _, end := range []string{"\n", "\r", "mixed"} {
		_, err := Load(files(map[string]string{StaffFile: string(withEnds([]byte(staff), end))}), "test")
		if err == nil || err.Error() != want {
			t.Errorf("%q line ends: got\n%v\nwant\n%s", end, err, want)
		}
	}
}

// BenchmarkLineEnds reads a 100,000-row census through lineEnds, with each
// kind of line end; compare with the csv-ns/op of BenchmarkLoadCensus.
func BenchmarkLineEnds(b *testing.B) {
	crlf := generateStaff(100_000)
	for _, end := range []string{"\n", "\r\n", "\r"} {
		data := withEnds(crlf, end)
		b.Run(fmt.Sprintf("%q", end), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			buf := make([]byte, 4096)
			for b.Loop() {
				r := &lineEnds{r: bytes.NewReader(data)}
				for {
					if _, err := r.Read(buf); err != nil {
						break
					}
				}
			}
		})
	}
}
