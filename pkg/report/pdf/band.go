package pdf

import (
	"paymodel/pkg/report"
)

// bandHeight is the height of a BandPosition block: title, marker label,
// bar and end labels.
const bandHeight = 34.0

// drawBand draws a pay band as a bar from entry to top with the member's
// position marked: a solid segment for the part of the band already
// climbed, a marker with its label, and each pay point as a tick.
func drawBand(p *page, b report.BandPosition) {
	p.need(bandHeight)
	y := p.y
	if b.Title != "" {
		p.setFont(bold, 11)
		p.textIn(p.left, y, p.width(), fit(p, b.Title, p.width()), alignLeft)
	}
	y += 7

	entry := b.Entry.Dec.InexactFloat64()  // float ok: drawing only
	top := b.Top.Dec.InexactFloat64()      // float ok: drawing only
	pos := b.Position.Dec.InexactFloat64() // float ok: drawing only
	xOf := func(v float64) float64 { return p.left + (v-entry)/(top-entry)*p.width() }

	// Marker label, above the bar, kept inside the page.
	label := b.Position.Display() + " – " + b.Through.Display() + " of the way through " + b.Band
	if b.Label != "" {
		label = b.Label + ": " + label
	}
	p.setFont(bold, 9)
	lw := p.textWidth(label)
	mx := xOf(pos)
	lx := min(max(mx-lw/2, p.left), p.right-lw)
	p.textIn(lx, y, lw, label, alignLeft)
	y += p.lineHeight() + 1

	const barH = 6.0
	barY := y + 2.5
	// Marker: a downward triangle above the bar and a line through it.
	p.f.SetFillColor(0, 0, 0)
	p.f.Polygon(triangle(mx, barY-0.3, 2.2), "F")
	p.fillGrey(235)
	p.drawGrey(0)
	p.f.SetLineWidth(0.3)
	p.f.Rect(p.left, barY, p.width(), barH, "FD")
	p.fillGrey(110)
	if mx > p.left {
		p.f.Rect(p.left, barY, mx-p.left, barH, "FD")
	}
	// Pay points: ticks across the bar, white on the climbed part.
	p.f.SetLineWidth(0.3)
	for _, pt := range b.Points {
		x := xOf(pt.Dec.InexactFloat64()) // float ok: drawing only
		if x <= p.left+0.3 || x >= p.right-0.3 {
			continue
		}
		if x < mx {
			p.drawGrey(255)
		} else {
			p.drawGrey(90)
		}
		p.f.Line(x, barY+0.4, x, barY+barH-0.4)
	}
	p.drawGrey(0)
	p.f.SetLineWidth(0.8)
	p.f.Line(mx, barY-0.3, mx, barY+barH+0.3)
	p.f.SetLineWidth(0.2)
	y = barY + barH + 2

	p.setFont(regular, 8.5)
	p.textGrey(40)
	p.textIn(p.left, y, p.width(), "Entry "+b.Entry.Display(), alignLeft)
	p.textIn(p.left, y, p.width(), "Top "+b.Top.Display(), alignRight)
	p.textGrey(0)
	p.y += bandHeight
}
