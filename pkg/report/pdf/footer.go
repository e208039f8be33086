package pdf

import (
	"strconv"

	"paymodel/pkg/report"
)

// drawTitle draws the document's title and subtitle at the top of the first
// page.
func drawTitle(p *page, doc *report.Document) {
	p.textGrey(0)
	p.setFont(bold, 20)
	for _, line := range p.wrap(doc.Title, p.width()) {
		p.textIn(p.left, p.y, p.width(), line, alignLeft)
		p.y += p.lineHeight()
	}
	if doc.Subtitle != "" {
		p.setFont(regular, 12)
		p.textGrey(70)
		for _, line := range p.wrap(doc.Subtitle, p.width()) {
			p.textIn(p.left, p.y, p.width(), line, alignLeft)
			p.y += p.lineHeight()
		}
		p.textGrey(0)
	}
	p.y += 2
	p.f.SetLineWidth(0.5)
	p.drawGrey(0)
	p.f.Line(p.left, p.y, p.right, p.y)
	p.y += gap + 2
}

// drawHeader draws the running header: the document title and a rule, on
// every page after the first.
func drawHeader(p *page, doc *report.Document) {
	if p.f.PageNo() == 1 {
		return
	}
	p.setFont(regular, smallPt)
	p.textGrey(80)
	p.textIn(p.left, headerY, p.width(), fit(p, doc.Title, p.width()), alignLeft)
	p.textGrey(0)
	p.f.SetLineWidth(0.2)
	p.drawGrey(120)
	y := headerY + p.lineHeight() + 0.5
	p.f.Line(p.left, y, p.right, y)
}

// drawFooter draws the footer of every page: the report's name and the page
// number, then the dataset, its checksum and the paymodel version.
func drawFooter(p *page, doc *report.Document) {
	ft := doc.Footer
	y := p.h - marginBottom + 5
	p.f.SetLineWidth(0.2)
	p.drawGrey(120)
	p.f.Line(p.left, y, p.right, y)
	y += 1
	p.textGrey(60)
	p.setFont(regular, smallPt)
	pageText := "Page " + strconv.Itoa(p.f.PageNo()) + " of " + nbAlias
	pageW := p.textWidth("Page 888 of 888")
	name := ft.Report
	if name == "" {
		name = doc.Title
	}
	p.textIn(p.left, y, p.width()-pageW-2, fit(p, name, p.width()-pageW-2), alignLeft)
	p.textIn(p.right-pageW, y, pageW, pageText, alignLeft)
	y += p.lineHeight()

	p.setFont(regular, 6.5)
	line := ""
	add := func(label, v string) {
		if v == "" {
			return
		}
		if line != "" {
			line += "   ·   "
		}
		line += label + v
	}
	add("Dataset: ", ft.Dataset)
	add("checksum ", ft.Checksum)
	add("paymodel ", ft.Version)
	p.textIn(p.left, y, p.width(), fit(p, line, p.width()), alignLeft)
	p.textGrey(0)
}

// fit shortens s with an ellipsis until it is no wider than w.
func fit(p *page, s string, w float64) string {
	if p.textWidth(s) <= w {
		return s
	}
	rs := []rune(s)
	for len(rs) > 1 && p.textWidth(string(rs)+"…") > w {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + "…"
}
