package pdf

import (
	"strings"

	"paymodel/pkg/report"
)

func headingStyle(level int) (face, float64, float64) {
	if level == 1 {
		return bold, 14, 4 // face, size, space above
	}
	return bold, 11.5, 2.5
}

func headingHeight(p *page, h report.Heading) float64 {
	fc, pt, above := headingStyle(h.Level)
	p.setFont(fc, pt)
	return above + float64(len(p.wrap(h.Text, p.width())))*p.lineHeight() + 1.5
}

// drawHeading draws a heading, moving to a new page first unless the
// heading and keep millimetres of what follows fit on this one.
func drawHeading(p *page, h report.Heading, keep float64) {
	height := headingHeight(p, h)
	p.need(height + keep)
	fc, pt, above := headingStyle(h.Level)
	if !p.atTop() {
		p.y += above
	}
	p.setFont(fc, pt)
	p.textGrey(0)
	for _, line := range p.wrap(h.Text, p.width()) {
		p.textIn(p.left, p.y, p.width(), line, alignLeft)
		p.y += p.lineHeight()
	}
	p.y += 1.5
}

func paragraphStart(p *page, para report.Paragraph) float64 {
	p.setFont(regular, bodyPt)
	n := len(p.wrap(para.Text, p.width()))
	if n > 2 {
		n = 2
	}
	return float64(n) * p.lineHeight()
}

// drawParagraph draws wrapped text, never leaving a single line of a
// paragraph alone at the foot of a page.
func drawParagraph(p *page, para report.Paragraph) {
	p.setFont(regular, bodyPt)
	p.textGrey(0)
	lines := p.wrap(para.Text, p.width())
	lh := p.lineHeight()
	for i, line := range lines {
		if i == 0 && len(lines) > 1 {
			p.need(2 * lh)
		} else {
			p.need(lh)
		}
		p.setFont(regular, bodyPt)
		p.textIn(p.left, p.y, p.width(), line, alignLeft)
		p.y += lh
	}
	p.y += gap - 1
}

// Key figures: boxes of label, large value and note, up to four a row.
const (
	keyFiguresPerRow = 4
	keyGap           = 3.0
	keyPad           = 2.5
	keyLabelPt       = 8.0
	keyValuePt       = 18.0
	keyNotePt        = 7.0
)

type keyBox struct {
	label, note []string
	value       string
	valuePt     float64
}

// keyRowLayout is one row of key figures: labels take the same number of
// lines in every box so that the values line up across the row.
type keyRowLayout struct {
	boxes      []keyBox
	labelLines int
	height     float64
}

// keyRow lays out one row of key figures in boxes of width bw.
func keyRow(p *page, items []report.KeyFigure, bw float64) keyRowLayout {
	inner := bw - 2*keyPad
	row := keyRowLayout{boxes: make([]keyBox, len(items))}
	noteLines := 0
	for i, it := range items {
		b := keyBox{value: it.Value.Display(), valuePt: keyValuePt}
		p.setFont(regular, keyLabelPt)
		b.label = p.wrap(it.Label, inner)
		p.setFont(bold, b.valuePt)
		for p.textWidth(b.value) > inner && b.valuePt > 9 {
			b.valuePt--
			p.setFont(bold, b.valuePt)
		}
		if it.Note != "" {
			p.setFont(italic, keyNotePt)
			b.note = p.wrap(it.Note, inner)
		}
		row.labelLines = max(row.labelLines, len(b.label))
		noteLines = max(noteLines, len(b.note))
		row.boxes[i] = b
	}
	p.setFont(regular, keyLabelPt)
	row.height = 2*keyPad + float64(row.labelLines)*p.lineHeight()
	p.setFont(bold, keyValuePt)
	row.height += p.lineHeight()
	p.setFont(italic, keyNotePt)
	row.height += float64(noteLines) * p.lineHeight()
	return row
}

func keyBoxWidth(p *page, n int) float64 {
	if n > keyFiguresPerRow {
		n = keyFiguresPerRow
	}
	return (p.width() - float64(n-1)*keyGap) / float64(n)
}

func keyFiguresStart(p *page, k report.KeyFigures) float64 {
	n := min(len(k.Items), keyFiguresPerRow)
	if n == 0 {
		return 0
	}
	return keyRow(p, k.Items[:n], keyBoxWidth(p, len(k.Items))).height
}

func drawKeyFigures(p *page, k report.KeyFigures) {
	bw := keyBoxWidth(p, len(k.Items))
	for start := 0; start < len(k.Items); start += keyFiguresPerRow {
		items := k.Items[start:min(start+keyFiguresPerRow, len(k.Items))]
		row := keyRow(p, items, bw)
		h := row.height
		p.need(h)
		for i, b := range row.boxes {
			x := p.left + float64(i)*(bw+keyGap)
			p.fillGrey(238)
			p.f.Rect(x, p.y, bw, h, "F")
			p.f.SetFillColor(0, 0, 0)
			p.f.Rect(x, p.y, 1.2, h, "F") // a dark edge marks each figure
			y := p.y + keyPad
			p.setFont(regular, keyLabelPt)
			p.textGrey(50)
			for _, l := range b.label {
				p.textIn(x+keyPad, y, bw-2*keyPad, l, alignLeft)
				y += p.lineHeight()
			}
			y = p.y + keyPad + float64(row.labelLines)*p.lineHeight()
			// A value set smaller to fit keeps the baseline of the others.
			p.setFont(bold, keyValuePt)
			base := y + p.ascent()
			p.setFont(bold, b.valuePt)
			p.textGrey(0)
			p.text(x+keyPad, base, b.value)
			p.setFont(bold, keyValuePt)
			y += p.lineHeight()
			p.setFont(italic, keyNotePt)
			p.textGrey(50)
			for _, l := range b.note {
				p.textIn(x+keyPad, y, bw-2*keyPad, l, alignLeft)
				y += p.lineHeight()
			}
			p.textGrey(0)
		}
		p.y += h + keyGap
	}
	p.y += gap - keyGap
}

// Verbatim text: monospaced lines on a light ground.
const verbatimPt = 8.0

func verbatimLines(p *page, v report.Verbatim) []string {
	p.setFont(mono, verbatimPt)
	w := p.width() - 4
	var out []string
	for _, line := range strings.Split(strings.TrimRight(v.Text, "\n"), "\n") {
		line = strings.ReplaceAll(line, "\t", "    ")
		first := true
		for {
			prefix := ""
			if !first {
				prefix = "» "
			}
			if p.textWidth(prefix+line) <= w {
				out = append(out, prefix+line)
				break
			}
			head, rest := p.breakWord(prefix+line, w)
			out = append(out, head)
			line, first = rest, false
		}
	}
	return out
}

func verbatimTitleHeight(p *page, v report.Verbatim) float64 {
	if v.Title == "" {
		return 0
	}
	p.setFont(bold, bodyPt)
	return p.lineHeight() + 1
}

func verbatimStart(p *page, v report.Verbatim) float64 {
	n := min(len(verbatimLines(p, v)), 3)
	p.setFont(mono, verbatimPt)
	return verbatimTitleHeight(p, v) + float64(n)*p.lineHeight() + 2
}

// drawVerbatim draws preformatted text line for line, continuing on further
// pages as needed. A line too long for the page continues on the next line
// after a "»" mark.
func drawVerbatim(p *page, v report.Verbatim) {
	lines := verbatimLines(p, v)
	p.need(verbatimStart(p, v))
	if v.Title != "" {
		p.setFont(bold, bodyPt)
		p.textIn(p.left, p.y, p.width(), v.Title, alignLeft)
		p.y += p.lineHeight() + 1
	}
	p.setFont(mono, verbatimPt)
	lh := p.lineHeight()
	for i := 0; i < len(lines); {
		p.need(lh + 2)
		n := int((p.room() - 2) / lh)
		n = min(n, len(lines)-i)
		p.fillGrey(245)
		p.f.Rect(p.left, p.y, p.width(), float64(n)*lh+2, "F")
		p.y += 1
		p.setFont(mono, verbatimPt)
		p.textGrey(20)
		for _, l := range lines[i : i+n] {
			p.textIn(p.left+2, p.y, p.width()-4, l, alignLeft)
			p.y += lh
		}
		p.textGrey(0)
		p.y += 1
		i += n
	}
	p.y += gap
}
