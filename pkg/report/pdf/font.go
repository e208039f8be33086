package pdf

import (
	"fmt"

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
// member. Instead each Go font is read once, when a Renderer is made, and
// shown as a few single-byte ("simple") TrueType fonts: encoding 0 is
// Windows-1252 (ASCII, Latin-1, £, –, —, ‘ ’ “ ” € •), and further encodings
// each hold up to 128 more characters (Latin Extended-A, Cyrillic, …) in
// codes 128–255 with ASCII in 32–126. Text is written in runs, switching
// font where the encoding changes. gofpdf draws the pages but never sees
// these fonts: the page records which codes of which (face, encoding) it
// shows, and embed.go embeds, for each pair used, a compact subset of only
// those characters' glyphs (ttf.Subsetter.Compact).
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

// simpleFont is one (face, encoding) font: what a document needs to draw
// with it, and what it needs to embed it.
type simpleFont struct {
	key    string // resource name in content streams: "R0", "B1", …
	widths [256]int
	// desc is the font descriptor's entries other than its name and file.
	desc string
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
	sub     [numFaces]*ttf.Subsetter
}

// newFontSet reads the fonts once and prepares their encodings, widths and
// descriptors; each document embeds subsets of only the characters it
// shows (embed.go).
func newFontSet() (*fontSet, error) {
	fs := &fontSet{ref: make(map[rune]glyphRef)}
	fonts := make([]*ttf.Font, numFaces)
	for i, b := range faceTTF {
		s, err := ttf.NewSubsetter(b)
		if err != nil {
			return nil, fmt.Errorf("pdf: font %s: %w", faceName[i], err)
		}
		fs.sub[i], fonts[i] = s, s.Font()
	}
	has := func(r rune) bool {
		for _, f := range fonts {
			if f.Glyph(r) == 0 {
				return false
			}
		}
		return true
	}

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
			fs.fonts[fc] = append(fs.fonts[fc], makeSimpleFont(f, fc, e, &fs.encs[e]))
		}
	}
	return fs, nil
}

func makeSimpleFont(f *ttf.Font, fc face, e int, enc *encoding) simpleFont {
	sf := simpleFont{key: fmt.Sprintf("%s%d", faceTag[fc], e)}
	missing := f.Units(int(f.Advances[0]))
	for c, r := range enc.runes {
		sf.widths[c] = missing
		if r != 0 {
			sf.widths[c] = f.Units(int(f.Advances[f.Glyph(r)]))
		}
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
	sf.desc = fmt.Sprintf("/Ascent %d /Descent %d /CapHeight %d /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %d /StemV %d /MissingWidth %d",
		f.Units(f.Ascent), f.Units(f.Descent), f.Units(f.CapHeight), flags,
		f.Units(f.BBox[0]), f.Units(f.BBox[1]), f.Units(f.BBox[2]), f.Units(f.BBox[3]),
		f.ItalicAngle, stemV, missing)
	return sf
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
