package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"sync"

	"github.com/klauspost/compress/zlib"
)

// Embedding.
//
// gofpdf lays out the pages but embeds no font: text selects fonts by
// resource names (/FR0, /FB1, …) that gofpdf's resource dictionary does not
// list. assemble then rewrites gofpdf's output, in one pass: it compresses
// each page's content stream, lists the fonts in the resource dictionary,
// appends for each (face, encoding) the page used a font dictionary, a
// descriptor and a compact subset of the glyphs of the codes it showed, and
// writes a new cross-reference table. Everything is made per document, so
// no font object is shared between documents and a statement carries only
// the glyphs it shows (about 11 KB of fonts instead of 53 KB); the subsets
// of recent glyph sets are kept (fontCache), as most statements show the
// same characters in their bold, italic and mono faces.

// codeSet is a set of single-byte codes.
type codeSet [4]uint64

func (s *codeSet) add(c byte)     { s[c>>6] |= 1 << (c & 63) }
func (s *codeSet) has(c int) bool { return s[c>>6]&(1<<(c&63)) != 0 }
func (s *codeSet) empty() bool    { return s[0]|s[1]|s[2]|s[3] == 0 }
func (s *codeSet) bounds() (lo, hi int) { // lowest and highest code; s is not empty
	lo, hi = 255, 0
	for c := 0; c < 256; c++ {
		if s.has(c) {
			lo, hi = min(lo, c), max(hi, c)
		}
	}
	return lo, hi
}

var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getBuffer() *bytes.Buffer { b := buffers.Get().(*bytes.Buffer); b.Reset(); return b }

// putBuffer returns b to the pool unless it grew unusually large (a long
// report), so the pool holds statement-sized buffers only.
func putBuffer(b *bytes.Buffer) {
	if b.Cap() <= 1<<20 {
		buffers.Put(b)
	}
}

// A zlib writer holds about 1 MB of tables; pooling them is what makes
// compressing every page of every statement affordable. The writers are
// github.com/klauspost/compress's (this is the one package that imports it),
// a drop-in for compress/zlib whose BestSpeed deflate took about a sixth less
// of a statement's CPU (BenchmarkStatement, 0.57–0.60 against 0.47–0.53 ms,
// alternating runs on a shared machine) for streams about 1% larger; its
// output is as reproducible, and decodes to the same page content.
var compressors = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return w
}}

// deflate appends the zlib compression of data to dst.
func deflate(dst *bytes.Buffer, data []byte) error {
	zw := compressors.Get().(*zlib.Writer)
	defer compressors.Put(zw)
	zw.Reset(dst)
	if _, err := zw.Write(data); err != nil {
		return err
	}
	return zw.Close()
}

// fontFile is a compressed compact subset, ready to embed.
type fontFile struct {
	name   string // subset tag and face, e.g. "QXBKMA+GoRegular"
	z      []byte
	length int // uncompressed
}

type fontKey struct {
	fc    face
	enc   int
	codes codeSet
}

// fontCache keeps the subsets made, up to fontCacheSize (then it starts
// again), so that a statement showing the same characters in a face as an
// earlier one reuses its bytes. It changes no output: a subset depends only
// on its key. The 20,000 statements of the sample need 2,017 subsets (1,963
// of them bold, for the names in the titles) for 61,389 fonts; a cache of
// 512 made 8,128 of them, as it started again every 512.
var fontCache struct {
	sync.Mutex
	m map[fontKey]*fontFile
}

const fontCacheSize = 4096 // at most about 16 MB

// file returns the compact subset of face fc in encoding e holding the
// glyphs of codes.
func (fs *fontSet) file(fc face, e int, codes *codeSet) (*fontFile, error) {
	key := fontKey{fc, e, *codes}
	fontCache.Lock()
	ff := fontCache.m[key]
	fontCache.Unlock()
	if ff != nil {
		return ff, nil
	}
	var chars []rune
	for c := 0; c < 256; c++ {
		if codes.has(c) && fs.encs[e].runes[c] != 0 {
			chars = append(chars, fs.encs[e].runes[c])
		}
	}
	sub, err := fs.sub[fc].Compact(chars)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", faceName[fc], err)
	}
	var z bytes.Buffer
	if err := deflate(&z, sub); err != nil {
		return nil, err
	}
	ff = &fontFile{name: subsetTag(key) + "+" + faceName[fc], z: z.Bytes(), length: len(sub)}
	fontCache.Lock()
	if fontCache.m == nil || len(fontCache.m) >= fontCacheSize {
		fontCache.m = make(map[fontKey]*fontFile)
	}
	fontCache.m[key] = ff
	fontCache.Unlock()
	return ff, nil
}

// subsetTag is the six capital letters that name a subset (PDF 32000-1
// 9.6.4): a hash of the face, encoding and codes, so that two different
// subsets of a face have different names even in different documents.
func subsetTag(k fontKey) string {
	h := fnv.New64a()
	var b [2 + 32]byte
	b[0], b[1] = byte(k.fc), byte(k.enc)
	for i, w := range k.codes {
		for j := 0; j < 8; j++ {
			b[2+8*i+j] = byte(w >> (8 * j))
		}
	}
	h.Write(b[:])
	v := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + byte(v%26)
		v /= 26
	}
	return string(tag)
}

// usedFont is one (face, encoding) a document shows.
type usedFont struct {
	fc    face
	enc   int
	codes *codeSet
	obj   int // its font dictionary; descriptor and file follow
}

// errAssemble is an internal error: gofpdf's output is not as expected.
var errAssemble = errors.New("internal error: unexpected PDF structure from gofpdf")

// xrefEntry is where an object is: at an offset in the file (inStream
// false), or at an index in the object stream.
type xrefEntry struct {
	inStream bool
	at       int
}

// assembly is a PDF being written: gofpdf's objects and every stream
// straight to out, the fonts' dictionaries and descriptors (with their
// widths, a tenth of a statement otherwise) into one compressed object
// stream (PDF 1.5). gofpdf's page tree, resources, information and catalog
// stay readable as they were.
type assembly struct {
	out    *bytes.Buffer
	xref   []xrefEntry // by object number
	index  []byte      // the object stream's "number offset" pairs
	plain  *bytes.Buffer
	nplain int
}

// direct writes object num (its body, without "num 0 obj" and "endobj").
func (a *assembly) direct(num int, body []byte) {
	a.xref[num] = xrefEntry{false, a.out.Len()}
	fmt.Fprintf(a.out, "%d 0 obj\n", num)
	a.out.Write(body)
	a.out.WriteString("endobj\n")
}

// stream writes object num: a stream of data whose dictionary, but for its
// length, is dict.
func (a *assembly) stream(num int, dict string, data []byte) {
	a.xref[num] = xrefEntry{false, a.out.Len()}
	fmt.Fprintf(a.out, "%d 0 obj\n<<%s /Length %d>>\nstream\n", num, dict, len(data))
	a.out.Write(data)
	a.out.WriteString("\nendstream\nendobj\n")
}

// compressed puts object num in the object stream.
func (a *assembly) compressed(num int, body []byte) {
	a.xref[num] = xrefEntry{true, a.nplain}
	a.index = fmt.Appendf(a.index, "%d %d ", num, a.plain.Len())
	a.plain.Write(body)
	a.nplain++
}

// assemble writes to out the PDF gofpdf wrote as raw, with the page
// content streams compressed, the fonts p used embedded, and every object
// without a stream in one compressed object stream with a cross-reference
// stream. Nothing a page shows changes.
func (r *Renderer) assemble(out *bytes.Buffer, raw []byte, p *page) error {
	// gofpdf's cross-reference table: "xref\n0 N\n" and N 20-byte entries,
	// then the trailer with /Root and /Info.
	sx := bytes.LastIndex(raw, []byte("startxref\n"))
	if sx < 0 || !bytes.HasPrefix(raw, []byte("%PDF-1.")) {
		return errAssemble
	}
	xrefAt, err := strconv.Atoi(string(bytes.TrimSpace(bytes.SplitN(raw[sx+10:], []byte("\n"), 2)[0])))
	if err != nil || xrefAt <= 0 || xrefAt >= sx || !bytes.HasPrefix(raw[xrefAt:], []byte("xref\n0 ")) {
		return errAssemble
	}
	line := raw[xrefAt+7:]
	nl := bytes.IndexByte(line, '\n')
	if nl < 0 {
		return errAssemble
	}
	size, err := strconv.Atoi(string(line[:nl]))
	entries := xrefAt + 7 + nl + 1
	trailer := entries + 20*size
	if err != nil || size < 2 || trailer > sx || !bytes.HasPrefix(raw[trailer:], []byte("trailer\n")) {
		return errAssemble
	}
	var root, info int
	if _, err := fmt.Sscanf(string(raw[trailer:sx]), "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n>>\n", new(int), &root, &info); err != nil {
		return errAssemble
	}
	type object struct{ num, at int }
	objs := make([]object, 0, size-1)
	for n := 1; n < size; n++ {
		at, err := strconv.Atoi(string(raw[entries+20*n : entries+20*n+10]))
		if err != nil || at <= 0 || at >= xrefAt {
			return errAssemble
		}
		objs = append(objs, object{n, at})
	}
	slices.SortFunc(objs, func(a, b object) int { return a.at - b.at })

	// The fonts the pages use, numbered after gofpdf's objects; then the
	// object stream and the cross-reference stream.
	var fonts []usedFont
	next := size
	for fc := range p.used {
		for e := range p.used[fc] {
			if !p.used[fc][e].empty() {
				fonts = append(fonts, usedFont{face(fc), e, &p.used[fc][e], next})
				next += 3
			}
		}
	}
	objStm, xrefStm := next, next+1

	plain := getBuffer()
	defer putBuffer(plain)
	a := &assembly{out: out, xref: make([]xrefEntry, xrefStm+1), plain: plain}
	out.WriteString("%PDF-1.5\n")
	for i, o := range objs {
		end := xrefAt
		if i+1 < len(objs) {
			end = objs[i+1].at
		}
		if err := r.copyObject(a, o.num, raw[o.at:end], fonts); err != nil {
			return err
		}
	}
	for _, uf := range fonts {
		if err := r.writeFont(a, uf); err != nil {
			return err
		}
	}

	// The object stream.
	z := getBuffer()
	defer putBuffer(z)
	if err := deflate(z, append(a.index, plain.Bytes()...)); err != nil {
		return err
	}
	a.stream(objStm, fmt.Sprintf("/Type /ObjStm /N %d /First %d /Filter /FlateDecode", a.nplain, len(a.index)), z.Bytes())

	// The cross-reference stream: type (1 byte), offset or object stream
	// (4), generation or index (2). It lists itself, so its offset is set
	// before its rows are made (a.stream sets the same offset again).
	xrefAt = out.Len()
	a.xref[xrefStm] = xrefEntry{false, xrefAt}
	rows := make([]byte, 0, 7*len(a.xref))
	rows = append(rows, 0, 0, 0, 0, 0, 0xFF, 0xFF) // object 0: free
	for _, e := range a.xref[1:] {
		if e.inStream {
			rows = append(rows, 2, byte(objStm>>24), byte(objStm>>16), byte(objStm>>8), byte(objStm), byte(e.at>>8), byte(e.at))
		} else {
			rows = append(rows, 1, byte(e.at>>24), byte(e.at>>16), byte(e.at>>8), byte(e.at), 0, 0)
		}
	}
	// Left uncompressed: a statement's is about 150 bytes.
	a.stream(xrefStm, fmt.Sprintf("/Type /XRef /Size %d /W [1 4 2] /Root %d 0 R /Info %d 0 R", xrefStm+1, root, info), rows)
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", xrefAt)
	return nil
}

var (
	contentHead = []byte("<</Length ")
	noFonts     = []byte("/Font <<\n>>")
	endobj      = []byte("endobj\n")
)

// copyObject copies one of gofpdf's objects: a page content stream
// compressed, the resource dictionary with the fonts listed, any other
// object as it is.
func (r *Renderer) copyObject(a *assembly, num int, obj []byte, fonts []usedFont) error {
	nl := bytes.IndexByte(obj, '\n')
	if nl < 0 || !bytes.HasSuffix(obj, endobj) {
		return errAssemble
	}
	body := obj[nl+1 : len(obj)-len(endobj)]
	switch {
	case bytes.HasPrefix(body, contentHead):
		rest := body[len(contentHead):]
		gt := bytes.Index(rest, []byte(">>\nstream\n"))
		if gt < 0 {
			return errAssemble
		}
		n, err := strconv.Atoi(string(rest[:gt]))
		start := gt + len(">>\nstream\n")
		if err != nil || start+n > len(rest) || !bytes.Equal(rest[start+n:], []byte("\nendstream\n")) {
			return errAssemble
		}
		z := getBuffer()
		defer putBuffer(z)
		if err := deflate(z, rest[start:start+n]); err != nil {
			return err
		}
		a.stream(num, "/Filter /FlateDecode", z.Bytes())
	case bytes.Contains(body, noFonts):
		at := bytes.Index(body, noFonts)
		var b bytes.Buffer
		b.Write(body[:at])
		b.WriteString("/Font <<\n")
		for _, uf := range fonts {
			fmt.Fprintf(&b, "/F%s %d 0 R\n", r.fonts.fonts[uf.fc][uf.enc].key, uf.obj)
		}
		b.WriteString(">>")
		b.Write(body[at+len(noFonts):])
		a.direct(num, b.Bytes())
	default:
		a.direct(num, body)
	}
	return nil
}

// writeFont writes a used font's three objects: the font dictionary (with
// its widths and, beyond Windows-1252, its encoding), the descriptor and
// the compressed subset.
func (r *Renderer) writeFont(a *assembly, uf usedFont) error {
	fs := r.fonts
	sf := &fs.fonts[uf.fc][uf.enc]
	ff, err := fs.file(uf.fc, uf.enc, uf.codes)
	if err != nil {
		return err
	}
	lo, hi := uf.codes.bounds()

	var b bytes.Buffer
	fmt.Fprintf(&b, "<</Type /Font /BaseFont /%s /Subtype /TrueType /FirstChar %d /LastChar %d /Widths [", ff.name, lo, hi)
	for c := lo; c <= hi; c++ {
		if c > lo {
			b.WriteByte(' ')
		}
		if !uf.codes.has(c) {
			b.WriteByte('0') // a code the document does not show
			continue
		}
		b.WriteString(strconv.Itoa(sf.widths[c]))
	}
	fmt.Fprintf(&b, "] /FontDescriptor %d 0 R /Encoding ", uf.obj+1)
	if uf.enc == 0 {
		b.WriteString("/WinAnsiEncoding")
	} else {
		b.WriteString("<</Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [")
		last := -2
		for c := 128; c < 256; c++ {
			if !uf.codes.has(c) || fs.encs[uf.enc].runes[c] == 0 {
				continue
			}
			if c != last+1 {
				fmt.Fprintf(&b, "%d ", c)
			}
			fmt.Fprintf(&b, "/uni%04X ", fs.encs[uf.enc].runes[c])
			last = c
		}
		b.WriteString("]>>")
	}
	b.WriteString(">>\n")
	a.compressed(uf.obj, b.Bytes())
	a.compressed(uf.obj+1, fmt.Appendf(nil, "<</Type /FontDescriptor /FontName /%s %s /FontFile2 %d 0 R>>\n", ff.name, sf.desc, uf.obj+2))
	a.stream(uf.obj+2, fmt.Sprintf("/Filter /FlateDecode /Length1 %d", ff.length), ff.z)
	return nil
}
