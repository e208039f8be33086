package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"

	"paymodel/pkg/report/pdf/internal/ttf"
)

// Fonts.
//
// gofpdf can embed a TrueType font as Unicode (AddUTF8FontFromBytes), but
// then parses, subsets and compresses the whole font again for every
// document: about 3 ms per font per file, too slow for one statement per
// member. Instead each Go font is prepared once, when a Renderer is made, as
// a few single-byte ("simple") TrueType fonts: encoding 0 is Windows-1252
// (ASCII, Latin-1, £, –, —, ‘ ’ “ ” € •), and further encodings each hold up to
// 128 more characters (Latin Extended-A, Cyrillic, …) in codes 128–255 with
// ASCII in 32–126. Every one is a subset of the Go font holding only its own
// glyphs, compressed once. A document embeds only the (face, encoding)
// pairs its text uses, by handing gofpdf the ready-made bytes, and text is
// written in runs, switching font where the encoding changes.
//
// Each simple font names its characters (/Differences with uniXXXX glyph
// names on a WinAnsi base), so text extraction and search recover Unicode.

// face is one of the typefaces a document uses.
type face int

const (
	regular face = iota
	bold
	italic
	mono
	numFaces
)

var faceTTF = [numFaces][]byte{goregular.TTF, gobold.TTF, goitalic.TTF, gomono.TTF}
var faceTag = [numFaces]string{"R", "B", "I", "M"}
var faceName = [numFaces]string{"GoRegular", "GoBold", "GoItalic", "GoMono"}

// cp1252High is Windows-1252 at codes 128–159 (0 where undefined).
var cp1252High = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// extraRanges are the characters beyond Windows-1252 a document can show,
// in the order they are packed into encodings 1, 2, …: Latin Extended-A
// (Welsh ŵ ŷ, Polish, Czech, Turkish, …), Romanian ș ț, Welsh ẁ ẃ ẅ ỳ,
// Cyrillic, and a few signs.
var extraRanges = [][2]rune{
	{0x0100, 0x017F},
	{0x0218, 0x021B},
	{0x1E80, 0x1E85},
	{0x1EF2, 0x1EF3},
	{0x0400, 0x045F},
	{0x0490, 0x0491},
	{0x2212, 0x2212}, // minus
	{0x2264, 0x2265}, // ≤ ≥
	{0x2190, 0x2193}, // arrows
}

// encoding maps single-byte codes to characters.
type encoding struct {
	runes [256]rune // 0 where the code is unused
}

// glyphRef is where a character lives: which encoding, which code.
type glyphRef struct {
	enc  uint8
	code byte
}

// simpleFont is one (face, encoding) font, ready to embed.
type simpleFont struct {
	family string // gofpdf family name
	widths [256]int
	embed  *embedding
}

// embedding is what a document embeds of a simpleFont: made the first time
// a document uses the font (subsetting and compressing every font up front
// took longer than most documents), then shared. The bytes do not depend on
// when they are made.
type embedding struct {
	once   sync.Once
	make   func() (def, z []byte, err error)
	def, z []byte // gofpdf font definition (JSON), zlib-compressed font file
	err    error
}

// files returns the font's definition and compressed file.
func (e *embedding) files() (def, z []byte, err error) {
	e.once.Do(func() { e.def, e.z, e.err = e.make() })
	return e.def, e.z, e.err
}

// faceMetrics are a face's vertical metrics in thousandths of an em.
type faceMetrics struct {
	ascent, descent, capHeight int
}

// fontSet is every font a document may use, prepared once and shared,
// read-only, by all documents.
type fontSet struct {
	encs    []encoding
	ref     map[rune]glyphRef
	fonts   [numFaces][]simpleFont
	metrics [numFaces]faceMetrics
}

// gofpdf's font definition JSON.
type fontDef struct {
	Tp           string
	Name         string
	Desc         fontDesc
	Up, Ut       int
	Cw           []int
	Enc          string
	Diff         string
	File         string
	OriginalSize int
}

type fontDesc struct {
	Ascent, Descent, CapHeight, Flags int
	FontBBox                          struct{ Xmin, Ymin, Xmax, Ymax int }
	ItalicAngle, StemV, MissingWidth  int
}

// newFontSet prepares the fonts' encodings and widths; each font's file is
// made when a document first uses it.
func newFontSet() (*fontSet, error) {
	fonts := make([]*ttf.Font, numFaces)
	for i, b := range faceTTF {
		f, err := ttf.Parse(b)
		if err != nil {
			return nil, fmt.Errorf("pdf: font %s: %w", faceName[i], err)
		}
		fonts[i] = f
	}
	has := func(r rune) bool {
		for _, f := range fonts {
			if f.Glyph(r) == 0 {
				return false
			}
		}
		return true
	}

	fs := &fontSet{ref: make(map[rune]glyphRef)}
	var base encoding
	for c := 32; c < 256; c++ {
		r := rune(c)
		if c >= 128 && c < 160 {
			r = cp1252High[c-128]
		}
		if c == 127 || r == 0 || !has(r) {
			continue
		}
		base.runes[c] = r
		fs.ref[r] = glyphRef{0, byte(c)}
	}
	fs.encs = append(fs.encs, base)
	var cur encoding
	next := 128
	for _, rg := range extraRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			if _, dup := fs.ref[r]; dup || !has(r) {
				continue
			}
			if next == 256 {
				fs.encs = append(fs.encs, cur)
				cur, next = encoding{}, 128
			}
			if next == 128 {
				for c := 32; c < 127; c++ {
					cur.runes[c] = rune(c)
				}
			}
			cur.runes[next] = r
			fs.ref[r] = glyphRef{uint8(len(fs.encs)), byte(next)}
			next++
		}
	}
	if next > 128 {
		fs.encs = append(fs.encs, cur)
	}

	for fc := face(0); fc < numFaces; fc++ {
		f := fonts[fc]
		fs.metrics[fc] = faceMetrics{ascent: f.Units(f.Ascent), descent: -f.Units(f.Descent), capHeight: f.Units(f.CapHeight)}
		for e := range fs.encs {
			sf, err := makeSimpleFont(f, faceTTF[fc], fc, e, &fs.encs[e])
			if err != nil {
				return nil, fmt.Errorf("pdf: font %s: %w", faceName[fc], err)
			}
			fs.fonts[fc] = append(fs.fonts[fc], sf)
		}
	}
	return fs, nil
}

func makeSimpleFont(f *ttf.Font, font []byte, fc face, e int, enc *encoding) (simpleFont, error) {
	var sf simpleFont
	var keep []uint16
	missing := f.Units(int(f.Advances[0]))
	var diff strings.Builder
	last := -2
	for c, r := range enc.runes {
		sf.widths[c] = missing
		if r == 0 {
			continue
		}
		g := f.Glyph(r)
		keep = append(keep, uint16(g))
		sf.widths[c] = f.Units(int(f.Advances[g]))
		if e > 0 && c >= 128 {
			if c != last+1 {
				fmt.Fprintf(&diff, "%d ", c)
			}
			fmt.Fprintf(&diff, "/uni%04X ", r)
			last = c
		}
	}
	diffText := strings.TrimSpace(diff.String())
	widths := sf.widths
	sf.embed = &embedding{make: func() ([]byte, []byte, error) {
		sub, err := ttf.Subset(font, keep)
		if err != nil {
			return nil, nil, err
		}
		var z bytes.Buffer
		zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
		zw.Write(sub)
		if err := zw.Close(); err != nil {
			return nil, nil, err
		}
		flags := 32 // nonsymbolic
		stemV := 70
		switch fc {
		case mono:
			flags |= 1
		case italic:
			flags |= 64
		case bold:
			stemV = 120
		}
		// A subset font's name carries a six-letter tag; it is fixed per face
		// and encoding so output is deterministic.
		name := fmt.Sprintf("PMS%s%c%c+%s", faceTag[fc], 'A'+rune(e/26), 'A'+rune(e%26), faceName[fc])
		def := fontDef{
			Tp:   "TrueType",
			Name: name,
			Desc: fontDesc{
				Ascent: f.Units(f.Ascent), Descent: f.Units(f.Descent), CapHeight: f.Units(f.CapHeight),
				Flags: flags, ItalicAngle: f.ItalicAngle, StemV: stemV, MissingWidth: missing,
			},
			Up:           f.Units(f.UnderlinePos),
			Ut:           f.Units(f.UnderlineThick),
			Cw:           widths[:],
			Enc:          "cp1252",
			Diff:         diffText,
			File:         name + ".z",
			OriginalSize: len(sub),
		}
		def.Desc.FontBBox.Xmin, def.Desc.FontBBox.Ymin = f.Units(f.BBox[0]), f.Units(f.BBox[1])
		def.Desc.FontBBox.Xmax, def.Desc.FontBBox.Ymax = f.Units(f.BBox[2]), f.Units(f.BBox[3])
		js, err := json.Marshal(def)
		if err != nil {
			return nil, nil, err
		}
		return js, z.Bytes(), nil
	}}
	sf.family = fmt.Sprintf("%s%d", strings.ToLower(faceTag[fc]), e)
	return sf, nil
}

// run is a stretch of text in one encoding, as single-byte codes.
type run struct {
	enc  uint8
	text string
}

// runs splits s into runs of one encoding each. ASCII joins the run it is
// in; a character no font has is shown as "?", and control characters
// other than tab (shown as a space) are dropped.
func (fs *fontSet) runs(s string, dst []run) []run {
	dst = dst[:0]
	var b []byte
	enc := uint8(0)
	started := false
	flush := func() {
		if len(b) > 0 {
			dst = append(dst, run{enc, string(b)})
			b = b[:0]
		}
	}
	for _, r := range s {
		if r == '\t' {
			r = ' '
		}
		if r < 32 || r == 127 {
			continue
		}
		if r < 127 {
			b = append(b, byte(r))
			started = true
			continue
		}
		g, ok := fs.ref[r]
		if !ok {
			g = glyphRef{enc, '?'}
		}
		if started && g.enc != enc && len(b) > 0 {
			flush()
		}
		enc, started = g.enc, true
		b = append(b, g.code)
	}
	flush()
	return dst
}
