package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"testing"

	"paymodel/pkg/report"
)

// inflate returns the zlib-decompressed data.
func inflate(t *testing.T, z []byte) []byte {
	t.Helper()
	r, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// streamAfter returns the stream of the object whose dictionary starts at
// dict in pdf, by its /Length.
func streamAfter(t *testing.T, pdf []byte, dict int) []byte {
	t.Helper()
	m := regexp.MustCompile(`^<<[^>]*/Length (\d+)[^>]*>>\nstream\n`).FindSubmatch(pdf[dict:])
	if m == nil {
		t.Fatalf("no stream at %d", dict)
	}
	n, _ := strconv.Atoi(string(m[1]))
	start := dict + len(m[0])
	if !bytes.HasPrefix(pdf[start+n:], []byte("\nendstream\n")) {
		t.Fatalf("stream at %d is not %d bytes long", dict, n)
	}
	return pdf[start : start+n]
}

// objects reads a PDF's cross-reference stream, independently of
// assemble, and checks it: every object written directly starts where the
// table says, every object in the object stream is listed in its index,
// and the trailer names the catalog and information. It returns each
// object's text (a dictionary, or a stream object's dictionary and
// stream) by number.
func objects(t *testing.T, pdf []byte) map[int][]byte {
	t.Helper()
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no startxref at the end")
	}
	at, _ := strconv.Atoi(string(m[1]))
	head := regexp.MustCompile(`^(\d+) 0 obj\n<</Type /XRef /Size (\d+) /W \[1 4 2\] /Root (\d+) 0 R /Info (\d+) 0 R /Length \d+>>\n`).FindSubmatch(pdf[at:])
	if head == nil {
		t.Fatalf("no cross-reference stream at %d: %.60q", at, pdf[at:])
	}
	size, _ := strconv.Atoi(string(head[2]))
	rows := streamAfter(t, pdf, at+bytes.IndexByte(pdf[at:], '\n')+1)
	if len(rows) != 7*size {
		t.Fatalf("cross-reference stream has %d bytes for %d objects", len(rows), size)
	}
	objs := map[int][]byte{}
	type inStm struct{ num, stm, index int }
	var packed []inStm
	for n := 1; n < size; n++ {
		row := rows[7*n:]
		f2, f3 := int(binary.BigEndian.Uint32(row[1:])), int(binary.BigEndian.Uint16(row[5:]))
		switch row[0] {
		case 1:
			prefix := fmt.Sprintf("%d 0 obj\n", n)
			if !bytes.HasPrefix(pdf[f2:], []byte(prefix)) {
				t.Fatalf("object %d is not at %d", n, f2)
			}
			end := bytes.Index(pdf[f2:], []byte("endobj\n"))
			if bytes.Contains(pdf[f2:f2+end], []byte("\nstream\n")) {
				end = bytes.Index(pdf[f2:], []byte("\nendstream\nendobj\n")) + len("\nendstream\n")
			}
			objs[n] = pdf[f2+len(prefix) : f2+end]
		case 2:
			packed = append(packed, inStm{n, f2, f3})
		default:
			t.Fatalf("object %d has type %d", n, row[0])
		}
	}
	for _, p := range packed {
		stm := objs[p.stm]
		mm := regexp.MustCompile(`^<</Type /ObjStm /N (\d+) /First (\d+) `).FindSubmatch(stm)
		if mm == nil {
			t.Fatalf("object %d is in %d, not an object stream", p.num, p.stm)
		}
		count, _ := strconv.Atoi(string(mm[1]))
		first, _ := strconv.Atoi(string(mm[2]))
		data := inflate(t, streamAfter(t, stm, 0))
		var nums, offs []int
		for _, f := range bytes.Fields(data[:first]) {
			v, _ := strconv.Atoi(string(f))
			if len(nums) == len(offs) {
				nums = append(nums, v)
			} else {
				offs = append(offs, v)
			}
		}
		if len(nums) != count || p.index >= count || nums[p.index] != p.num {
			t.Fatalf("object %d is not at index %d of object stream %d", p.num, p.index, p.stm)
		}
		end := len(data)
		if p.index+1 < count {
			end = first + offs[p.index+1]
		}
		objs[p.num] = data[first+offs[p.index] : end]
	}
	for _, ref := range [][]byte{head[3], head[4]} {
		n, _ := strconv.Atoi(string(ref))
		if objs[n] == nil {
			t.Errorf("trailer names object %d, which is not there", n)
		}
	}
	return objs
}

// glyphCounts returns how many glyphs each embedded subset of a PDF has,
// by font name (tag and face).
func glyphCounts(t *testing.T, pdf []byte) map[string]int {
	t.Helper()
	objs := objects(t, pdf)
	counts := map[string]int{}
	re := regexp.MustCompile(`/FontName /[A-Z]{6}\+(Go[A-Za-z]+) .*/FontFile2 (\d+) 0 R`)
	encs := map[string]int{}
	for n := 1; n <= len(objs)+2; n++ {
		m := re.FindSubmatch(objs[n])
		if m == nil {
			continue
		}
		file, _ := strconv.Atoi(string(m[2]))
		font := inflate(t, streamAfter(t, objs[file], 0))
		// maxp's numGlyphs, found through the table directory.
		tables := int(binary.BigEndian.Uint16(font[4:]))
		for i := 0; i < tables; i++ {
			rec := font[12+16*i:]
			if string(rec[:4]) == "maxp" {
				at := binary.BigEndian.Uint32(rec[8:])
				name := fmt.Sprintf("%s/%d", m[1], encs[string(m[1])])
				encs[string(m[1])]++
				counts[name] = int(binary.BigEndian.Uint16(font[at+4:]))
			}
		}
	}
	return counts
}

// Every PDF reads back through its cross-reference stream, and has the
// pages it should.
func TestCrossReferenceStream(t *testing.T) {
	for name, tc := range map[string]struct {
		doc   *report.Document
		pages int
	}{
		"sample":    {sampleDoc(), 4},
		"statement": {statementDoc("Дмитрий Иванов"), 1},
		"long":      {smallDoc(longTable(150)), pageCount(render(t, smallDoc(longTable(150))))},
	} {
		pdf := render(t, tc.doc)
		objs := objects(t, pdf)
		pages := 0
		for _, o := range objs {
			if regexp.MustCompile(`^<</Type /Page\n`).Match(o) {
				pages++
			}
		}
		if pages != tc.pages {
			t.Errorf("%s: %d page objects, want %d", name, pages, tc.pages)
		}
	}
}

// A document embeds only the glyphs it shows: the same document with one
// more character in a paragraph, Q, which nothing else in it shows, embeds
// one more glyph in the regular face (encoding 0) and the same in every
// other. Each subset has .notdef and the glyphs of the characters shown in
// its face, a few dozen, where the Windows-1252 subset had 220.
func TestSubsetsHoldOnlyShownGlyphs(t *testing.T) {
	a := glyphCounts(t, render(t, smallDoc(report.Paragraph{Text: "Hello"})))
	b := glyphCounts(t, render(t, smallDoc(report.Paragraph{Text: "Hello Q"})))
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("fonts %v and %v", a, b)
	}
	for name, n := range a {
		want := n
		if name == "GoRegular/0" {
			want = n + 1
		}
		if b[name] != want {
			t.Errorf("%s: %d glyphs with Q, %d without; want %d", name, b[name], n, want)
		}
		if n > 60 {
			t.Errorf("%s: %d glyphs for a one-line document", name, n)
		}
	}
}

// A one-page statement, Cyrillic name and all, is at most 16 KB (it was
// 63 KB with every font's Windows-1252 subset embedded whole).
func TestStatementSize(t *testing.T) {
	for _, name := range []string{"Zoë Ó Súilleabháin", "Дмитрий Иванов"} {
		if n := len(render(t, statementDoc(name))); n > 16<<10 {
			t.Errorf("statement for %s is %d bytes, want at most 16 KB", name, n)
		}
	}
}

// The font cache changes no output: a document rendered with every
// subset made afresh is the same as with them cached.
func TestFontCacheChangesNothing(t *testing.T) {
	doc := statementDoc("Siân Ŵyn")
	render(t, doc) // every subset cached
	warm := render(t, doc)
	fontCache.Lock()
	fontCache.m = nil
	fontCache.Unlock()
	if cold := render(t, doc); !bytes.Equal(cold, warm) {
		t.Error("a document differs when its subsets are made afresh")
	}
}
