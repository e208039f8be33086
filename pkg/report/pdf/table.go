package pdf

import (
	"paymodel/pkg/report"
)

// Table style.
const (
	tableMaxPt   = 9.0
	tableMinPt   = 7.0
	cellPadX     = 1.5
	cellPadY     = 0.9
	tableTitlePt = 11.0
	tableNotePt  = 8.0
	headerGrey   = 215
	zebraGrey    = 243 // light enough to vanish in poor black-and-white print
	minStartRows = 3   // a table starts on a page only with this many rows
)

// tableLayout is a table measured for the page: type size, column widths,
// and every row's wrapped lines and height. Each cell's text comes from one
// call of Cell.Display.
type tableLayout struct {
	pt      float64
	widths  []float64
	numeric []bool
	title   []string
	header  [][]string
	headerH float64
	rows    [][][]string
	rowH    []float64
	note    []string
}

func layoutTable(p *page, b report.TableBlock) *tableLayout {
	t := b.Table
	n := len(t.Columns)
	tl := &tableLayout{numeric: make([]bool, n)}
	p.laidOut++
	cells := make([][]string, len(t.Rows))
	for i, row := range t.Rows {
		cells[i] = make([]string, len(row))
		for j, c := range row {
			cells[i][j] = c.Display()
			if c.Numeric() {
				tl.numeric[j] = true
			}
		}
	}
	avail := p.width()
	switch {
	case b.Widths != nil:
		tl.pt = tableMaxPt
		total := 0
		for _, w := range b.Widths {
			total += w
		}
		tl.widths = make([]float64, n)
		for j, w := range b.Widths {
			tl.widths[j] = avail * float64(w) / float64(total)
		}
	default:
		// Prefer headers on one line, then headers wrapped between words,
		// then smaller type.
		natural := naturalWidths(p, t.Columns, cells, tableMaxPt, false)
		tl.pt = tableMaxPt
		for ; sum(natural) > avail; tl.pt -= 0.5 {
			natural = naturalWidths(p, t.Columns, cells, tl.pt, true)
			if sum(natural) <= avail || tl.pt <= tableMinPt {
				break
			}
		}
		tl.widths = fitWidths(natural, tl.numeric, avail)
	}

	p.setFont(bold, tableTitlePt)
	if t.Title != "" {
		tl.title = p.wrap(t.Title, avail)
	}
	p.setFont(bold, tl.pt)
	lh := p.lineHeight()
	tl.header = make([][]string, n)
	lines := 1
	for j, col := range t.Columns {
		tl.header[j] = p.wrap(col, tl.widths[j]-2*cellPadX)
		lines = max(lines, len(tl.header[j]))
	}
	tl.headerH = float64(lines)*lh + 2*cellPadY
	p.setFont(regular, tl.pt)
	tl.rows = make([][][]string, len(t.Rows))
	tl.rowH = make([]float64, len(t.Rows))
	for i, row := range cells {
		tl.rows[i] = make([][]string, n)
		lines := 1
		for j, text := range row {
			tl.rows[i][j] = p.wrap(text, tl.widths[j]-2*cellPadX)
			lines = max(lines, len(tl.rows[i][j]))
		}
		tl.rowH[i] = float64(lines)*lh + 2*cellPadY
	}
	if t.Note != "" {
		p.setFont(italic, tableNotePt)
		tl.note = p.wrap(t.Note, avail)
	}
	return tl
}

// naturalWidths is each column's width with no wrapping of cells (their
// texts, by row), and headers on one line or, with wrapHeaders, as narrow
// as their longest word.
func naturalWidths(p *page, columns []string, cells [][]string, pt float64, wrapHeaders bool) []float64 {
	w := make([]float64, len(columns))
	p.setFont(bold, pt)
	for j, col := range columns {
		if !wrapHeaders {
			w[j] = p.textWidth(col)
			continue
		}
		for _, word := range splitWords(col) {
			w[j] = max(w[j], p.textWidth(word))
		}
	}
	p.setFont(regular, pt)
	for _, row := range cells {
		for j, text := range row {
			w[j] = max(w[j], p.textWidth(text))
		}
	}
	for j := range w {
		w[j] += 2 * cellPadX
	}
	return w
}

// fitWidths makes natural widths fill avail: spare width is shared in
// proportion; when they are too wide, numbers keep their width and text
// columns give way (their cells wrap), and failing that every column
// shrinks in proportion (cells wrap, never clip).
func fitWidths(natural []float64, numeric []bool, avail float64) []float64 {
	out := append([]float64(nil), natural...)
	total := sum(natural)
	if total <= avail {
		for j := range out {
			out[j] *= avail / total
		}
		return out
	}
	var num, text float64
	for j, w := range natural {
		if numeric[j] {
			num += w
		} else {
			text += w
		}
	}
	if text > 0 && num < avail*0.8 {
		for j, w := range natural {
			if !numeric[j] {
				out[j] = w * (avail - num) / text
			}
		}
		return out
	}
	for j := range out {
		out[j] *= avail / total
	}
	return out
}

func splitWords(s string) []string {
	var words []string
	word := []rune{}
	for _, r := range s {
		if r == ' ' || r == '\n' {
			if len(word) > 0 {
				words = append(words, string(word))
			}
			word = word[:0]
			continue
		}
		word = append(word, r)
	}
	if len(word) > 0 {
		words = append(words, string(word))
	}
	return words
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

func (tl *tableLayout) titleHeight(p *page) float64 {
	if len(tl.title) == 0 {
		return 0
	}
	p.setFont(bold, tableTitlePt)
	return float64(len(tl.title))*p.lineHeight() + 1
}

// startHeight is the height the table needs to start on a page: its title,
// header and first minStartRows rows.
func (tl *tableLayout) startHeight(p *page) float64 {
	h := tl.titleHeight(p) + tl.headerH
	for i := 0; i < len(tl.rowH) && i < minStartRows; i++ {
		h += tl.rowH[i]
	}
	return h
}

// drawTable draws a table laid out by layoutTable, continuing it on further
// pages with its header repeated; rows are never split and the title never
// stands alone.
func drawTable(p *page, b report.TableBlock, tl *tableLayout) {
	p.need(tl.startHeight(p))
	if len(tl.title) > 0 {
		p.setFont(bold, tableTitlePt)
		p.textGrey(0)
		for _, l := range tl.title {
			p.textIn(p.left, p.y, p.width(), l, alignLeft)
			p.y += p.lineHeight()
		}
		p.y += 1
	}
	drawTableHeader(p, tl)
	for i, row := range tl.rows {
		if p.y+tl.rowH[i] > p.bottom {
			drawTableRule(p)
			p.newPage()
			if b.Table.Title != "" {
				p.setFont(italic, tableNotePt)
				p.textGrey(60)
				p.textIn(p.left, p.y, p.width(), fit(p, b.Table.Title+" (continued)", p.width()), alignLeft)
				p.textGrey(0)
				p.y += p.lineHeight()
			}
			drawTableHeader(p, tl)
		}
		if i%2 == 1 {
			p.fillGrey(zebraGrey)
			p.f.Rect(p.left, p.y, p.width(), tl.rowH[i], "F")
		}
		p.setFont(regular, tl.pt)
		drawCells(p, tl, row)
		p.y += tl.rowH[i]
	}
	drawTableRule(p)
	p.y += 1
	if len(tl.note) > 0 {
		p.setFont(italic, tableNotePt)
		p.textGrey(40)
		for _, l := range tl.note {
			p.need(p.lineHeight())
			p.setFont(italic, tableNotePt)
			p.textIn(p.left, p.y, p.width(), l, alignLeft)
			p.y += p.lineHeight()
		}
		p.textGrey(0)
	}
	p.y += gap
}

func drawTableHeader(p *page, tl *tableLayout) {
	p.fillGrey(headerGrey)
	p.f.Rect(p.left, p.y, p.width(), tl.headerH, "F")
	p.setFont(bold, tl.pt)
	p.textGrey(0)
	drawCells(p, tl, tl.header)
	p.y += tl.headerH
	p.f.SetLineWidth(0.3)
	p.drawGrey(0)
	p.f.Line(p.left, p.y, p.right, p.y)
}

func drawTableRule(p *page) {
	p.f.SetLineWidth(0.3)
	p.drawGrey(0)
	p.f.Line(p.left, p.y, p.right, p.y)
}

// drawCells draws one row of wrapped cells at the cursor, numbers (and
// their headers) right-aligned, in the current type.
func drawCells(p *page, tl *tableLayout, cells [][]string) {
	x := p.left
	lh := p.lineHeight()
	for j, lines := range cells {
		a := alignLeft
		if tl.numeric[j] {
			a = alignRight
		}
		y := p.y + cellPadY
		for _, l := range lines {
			p.textIn(x+cellPadX, y, tl.widths[j]-2*cellPadX, l, a)
			y += lh
		}
		x += tl.widths[j]
	}
}
