package pdf

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"
)

// Page geometry and type sizes, in millimetres and points.
const (
	marginX      = 18.0
	marginTop    = 18.0
	marginBottom = 20.0 // the footer lives inside this
	headerY      = 10.0
	bodyPt       = 10.0
	smallPt      = 8.0
	lineFactor   = 1.35 // line height as a multiple of the type size
	ptToMM       = 25.4 / 72
	gap          = 4.0 // space after a block
)

// page is one document being laid out: gofpdf plus a cursor, the current
// type and which characters of which fonts it shows. Coordinates are millimetres
// from the top left. // float ok: drawing only (every float64 in this
// package is a drawing coordinate or a type size).
type page struct {
	f    *gofpdf.Fpdf
	fs   *fontSet
	used [numFaces][]codeSet // by face and encoding
	// tf is the font operator last written on this page: a font and size
	// stay set until the next, so the same one is not written again. (No
	// text is drawn inside a clip, whose q … Q would restore the font.)
	tf   string
	runs []run

	face face
	size float64

	w, h        float64 // page size
	left, right float64
	top, bottom float64 // usable band
	y           float64 // the cursor: top of the next thing drawn

	// block is the index of the document block being drawn. A heading
	// measures the block after it, to keep them together; when that is a
	// table, its layout is kept in nextTable (for block nextTableAt) and
	// drawn as it is, so each cell is laid out, and displayed, once.
	block       int
	nextTable   *tableLayout
	nextTableAt int
	laidOut     int // tables laid out, for tests
}

func (p *page) width() float64 { return p.right - p.left }

// setFont selects the face and size of the next text.
func (p *page) setFont(fc face, pt float64) { p.face, p.size = fc, pt }

// lineHeight is the line height of the current type in millimetres.
func (p *page) lineHeight() float64 { return p.size * lineFactor * ptToMM }

// textWidth is the width of s in the current type, in millimetres.
func (p *page) textWidth(s string) float64 {
	p.runs = p.fs.runs(s, p.runs)
	units := 0
	for _, r := range p.runs {
		w := &p.fs.fonts[p.face][r.enc].widths
		for i := 0; i < len(r.text); i++ {
			units += w[r.text[i]]
		}
	}
	return float64(units) * p.size / 1000 * ptToMM
}

// text draws s with its baseline at (x, y).
func (p *page) text(x, y float64, s string) {
	p.runs = p.fs.runs(s, p.runs)
	for _, r := range p.runs {
		sf := &p.fs.fonts[p.face][r.enc]
		used := &p.used[p.face][r.enc]
		for i := 0; i < len(r.text); i++ {
			used.add(r.text[i])
		}
		if strings.Contains(r.text, nbAlias) {
			// gofpdf puts the page count in its place.
			for c := byte('0'); c <= '9'; c++ {
				used.add(c)
			}
		}
		if tf := "BT /F" + sf.key + " " + strconv.FormatFloat(p.size, 'f', 2, 64) + " Tf ET"; tf != p.tf {
			p.f.RawWriteStr(tf)
			p.tf = tf
		}
		p.f.Text(x, y, r.text)
		units := 0
		for i := 0; i < len(r.text); i++ {
			units += sf.widths[r.text[i]]
		}
		x += float64(units) * p.size / 1000 * ptToMM
	}
}

// ascent is the distance from the top of a line box to the baseline.
func (p *page) ascent() float64 {
	lh := p.lineHeight()
	m := p.fs.metrics[p.face]
	glyphs := float64(m.ascent+m.descent) * p.size / 1000 * ptToMM
	return (lh-glyphs)/2 + float64(m.ascent)*p.size/1000*ptToMM
}

// align is horizontal alignment inside a box.
type align int

const (
	alignLeft align = iota
	alignRight
	alignCenter
)

// textIn draws one line of text in the line box whose top is y, within
// [x, x+w].
func (p *page) textIn(x, y, w float64, s string, a align) {
	tx := x
	switch a {
	case alignRight:
		tx = x + w - p.textWidth(s)
	case alignCenter:
		tx = x + (w-p.textWidth(s))/2
	}
	p.text(tx, y+p.ascent(), s)
}

// wrap breaks s into lines no wider than w in the current type. Spaces
// separate words; a word too long for a line is broken between characters,
// so no text is ever cut off. "\n" forces a line break.
func (p *page) wrap(s string, w float64) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			lines = append(lines, "")
			continue
		}
		line := ""
		for _, word := range words {
			try := word
			if line != "" {
				try = line + " " + word
			}
			if p.textWidth(try) <= w {
				line = try
				continue
			}
			if line != "" {
				lines = append(lines, line)
			}
			line = word
			// Break a word too wide for the line, a character at a time
			// at worst; a single character wider than w stays whole.
			for p.textWidth(line) > w && utf8.RuneCountInString(line) > 1 {
				head, rest := p.breakWord(line, w)
				lines = append(lines, head)
				line = rest
			}
		}
		lines = append(lines, line)
	}
	return lines
}

// breakWord splits word so that its head fits w (at least one character).
func (p *page) breakWord(word string, w float64) (string, string) {
	rs := []rune(word)
	n := 1
	for n < len(rs) && p.textWidth(string(rs[:n+1])) <= w {
		n++
	}
	return string(rs[:n]), string(rs[n:])
}

// room is how much height is left on the page below the cursor.
func (p *page) room() float64 { return p.bottom - p.y }

// atTop reports whether nothing has been drawn on the current page yet.
func (p *page) atTop() bool { return p.y <= p.top+0.01 }

// need starts a new page unless h millimetres fit below the cursor (or the
// page is empty, when nothing is gained by moving on).
func (p *page) need(h float64) {
	if h > p.room() && !p.atTop() {
		p.newPage()
	}
}

// newPage starts a new page; the header and footer are drawn by gofpdf's
// callbacks.
func (p *page) newPage() {
	p.f.AddPage()
	p.y = p.top
}

// grey sets the fill colour to a grey level (0 black … 255 white).
func (p *page) fillGrey(g int) { p.f.SetFillColor(g, g, g) }

// drawGrey sets the stroke colour to a grey level.
func (p *page) drawGrey(g int) { p.f.SetDrawColor(g, g, g) }

// textGrey sets the text colour to a grey level.
func (p *page) textGrey(g int) { p.f.SetTextColor(g, g, g) }
