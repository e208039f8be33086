package pdf

import (
	"math"
	"sort"

	"github.com/jung-kurt/gofpdf"
	"github.com/shopspring/decimal"

	"paymodel/pkg/report"
)

// Chart style.
const (
	chartTitlePt = 11.0
	chartTickPt  = 7.5
	chartLabelPt = 8.0
	plotHeight   = 62.0
	tickLen      = 1.2
	maxEndLabel  = 38.0 // widest direct label at a line's end
	swatchW      = 10.0
	maxMarkers   = 12 // markers drawn on one line at most, about
)

// seriesStyle is how one series is drawn so that it can be told apart in
// black-and-white print: dash pattern, grey level and marker for lines;
// fill grey and hatching for bars.
type seriesStyle struct {
	dash   []float64
	grey   int
	marker int
	fill   int
	hatch  bool
}

var styles = []seriesStyle{
	{dash: nil, grey: 0, marker: 0, fill: 40},
	{dash: []float64{2.4, 1.2}, grey: 0, marker: 1, fill: 255},
	{dash: []float64{0.5, 0.9}, grey: 40, marker: 2, fill: 150},
	{dash: []float64{3.2, 1, 0.5, 1}, grey: 0, marker: 3, fill: 215},
	{dash: nil, grey: 110, marker: 4, fill: 255, hatch: true},
	{dash: []float64{5, 1.5}, grey: 70, marker: 1, fill: 100, hatch: true},
}

func styleOf(i int) seriesStyle { return styles[i%len(styles)] }

// axis is a value axis: ticks as decimals (labelled with Cell.Display of
// the chart's kind) and its range as drawing floats.
type axis struct {
	ticks  []report.Cell
	lo, hi float64 // float ok: drawing only
}

// valueAxis chooses "nice" ticks (steps of 1, 2 or 5 × 10ⁿ) that cover the
// chart's values, from zero when asked.
func valueAxis(c report.Chart) axis {
	var lo, hi decimal.Decimal
	var kind report.Kind
	var places int32
	first := true
	for _, s := range c.Series {
		for _, v := range s.Values {
			if v.Kind == report.KindBlank {
				continue
			}
			if v.Kind != report.KindAbove || kind == report.KindBlank {
				kind, places = v.Kind, v.Places
			}
			if first || v.Dec.LessThan(lo) {
				lo = v.Dec
			}
			if first || v.Dec.GreaterThan(hi) {
				hi = v.Dec
			}
			first = false
		}
	}
	if kind == report.KindAbove || kind == report.KindBlank {
		// Only values beyond a limit, or none at all: a plain number axis.
		kind = report.KindNumber
	}
	if c.Kind == report.BarChart || c.FromZero {
		lo = decimal.Min(lo, decimal.Zero)
		hi = decimal.Max(hi, decimal.Zero)
	}
	if lo.Equal(hi) {
		hi = hi.Add(decimal.NewFromInt(1))
		if kind == report.KindPercent || kind == report.KindPctChg {
			hi = lo.Add(decimal.New(1, -2))
		}
	}
	span := hi.Sub(lo).InexactFloat64()             // float ok: drawing only
	exp := int32(math.Floor(math.Log10(span / 5)))  // float ok: drawing only
	mant := (span / 5) / math.Pow(10, float64(exp)) // float ok: drawing only
	var m int64 = 10
	switch {
	case mant <= 1:
		m = 1
	case mant <= 2:
		m = 2
	case mant <= 5:
		m = 5
	}
	step := decimal.New(m, exp)
	if kind == report.KindMoney || kind == report.KindChange || kind == report.KindInt {
		step = decimal.Max(step, decimal.NewFromInt(1))
	}
	start := floorDiv(lo, step).Mul(step)
	end := ceilDiv(hi, step).Mul(step)
	var a axis
	for t := start; !t.GreaterThan(end); t = t.Add(step) {
		a.ticks = append(a.ticks, report.Cell{Kind: kind, Dec: t, Places: places})
	}
	a.lo = start.InexactFloat64() // float ok: drawing only
	a.hi = end.InexactFloat64()   // float ok: drawing only
	return a
}

// legendRows splits the legend's entries into rows that fit the width.
func legendRows(p *page, c report.Chart) [][]int {
	p.setFont(regular, chartLabelPt)
	var rows [][]int
	var row []int
	x := 0.0
	for i, s := range c.Series {
		w := swatchW + 2 + min(p.textWidth(s.Name), p.width()-swatchW-2) + 6
		if len(row) > 0 && x+w > p.width() {
			rows = append(rows, row)
			row, x = nil, 0
		}
		row = append(row, i)
		x += w
	}
	return append(rows, row)
}

func chartHeight(p *page, c report.Chart) float64 {
	h := 0.0
	if c.Title != "" {
		p.setFont(bold, chartTitlePt)
		h += p.lineHeight() + 1
	}
	p.setFont(regular, chartLabelPt)
	lh := p.lineHeight()
	h += lh + 1 // y axis label
	h += plotHeight
	p.setFont(regular, chartTickPt)
	h += tickLen + p.lineHeight() + 1 // x tick labels
	if c.XLabel != "" {
		h += lh
	}
	h += 2 + float64(len(legendRows(p, c)))*(lh+0.5)
	if c.Note != "" {
		p.setFont(italic, tableNotePt)
		h += float64(len(p.wrap(c.Note, p.width()))) * p.lineHeight()
	}
	return h + gap
}

// drawChart draws a line or grouped bar chart as vector graphics, kept
// whole on one page.
func drawChart(p *page, c report.Chart) {
	p.need(chartHeight(p, c))
	p.textGrey(0)
	if c.Title != "" {
		p.setFont(bold, chartTitlePt)
		p.textIn(p.left, p.y, p.width(), fit(p, c.Title, p.width()), alignLeft)
		p.y += p.lineHeight() + 1
	}
	ax := valueAxis(c)

	p.setFont(regular, chartTickPt)
	tickW := 0.0
	tickLabels := make([]string, len(ax.ticks))
	for i, t := range ax.ticks {
		tickLabels[i] = t.Display()
		tickW = max(tickW, p.textWidth(tickLabels[i]))
	}
	plotL := p.left + tickW + 2
	plotR := p.right
	if c.Kind == report.LineChart {
		p.setFont(regular, chartLabelPt)
		endW := 0.0
		for _, s := range c.Series {
			endW = max(endW, p.textWidth(s.Name))
		}
		plotR -= min(endW, maxEndLabel) + 3
	}

	// Y axis label, above the axis.
	p.setFont(regular, chartLabelPt)
	p.textGrey(40)
	p.textIn(p.left, p.y, p.width(), fit(p, c.YLabel, p.width()), alignLeft)
	p.textGrey(0)
	p.y += p.lineHeight() + 1

	plotT, plotB := p.y+1, p.y+plotHeight
	yOf := func(v float64) float64 { return plotB - (v-ax.lo)/(ax.hi-ax.lo)*(plotB-plotT) }

	// Grid lines and y ticks.
	p.setFont(regular, chartTickPt)
	p.f.SetLineWidth(0.15)
	for i, t := range ax.ticks {
		y := yOf(t.Dec.InexactFloat64()) // float ok: drawing only
		p.drawGrey(200)
		p.f.Line(plotL, y, plotR, y)
		p.drawGrey(0)
		p.f.Line(plotL-tickLen, y, plotL, y)
		p.textIn(p.left, y-p.lineHeight()/2, tickW, tickLabels[i], alignRight)
	}
	p.f.SetLineWidth(0.3)
	p.drawGrey(0)
	p.f.Line(plotL, plotT, plotL, plotB)
	zero := plotB
	if ax.lo < 0 && ax.hi > 0 {
		zero = yOf(0)
	}
	p.f.Line(plotL, zero, plotR, zero)

	n := len(c.Categories)
	if !hasValues(c) {
		// Nothing to plot: say so inside the empty plot rather than fail.
		p.setFont(italic, chartLabelPt)
		p.textGrey(40)
		p.textIn(plotL, (plotT+plotB)/2-p.lineHeight()/2, plotR-plotL, "No values to show", alignCenter)
		p.textGrey(0)
	}
	if n == 0 {
		p.y = plotB + tickLen + p.lineHeight() + 1
		if c.XLabel != "" {
			p.y += p.lineHeight()
		}
		finishChart(p, c)
		return
	}
	var xOf func(i int) float64
	slot := (plotR - plotL) / float64(n)
	if c.Kind == report.LineChart {
		xOf = func(i int) float64 {
			if n == 1 {
				return (plotL + plotR) / 2
			}
			return plotL + 2 + float64(i)*(plotR-plotL-4)/float64(n-1)
		}
	} else {
		xOf = func(i int) float64 { return plotL + (float64(i)+0.5)*slot }
	}

	// X tick labels, thinned so they never overlap.
	p.setFont(regular, chartTickPt)
	labelW := 0.0
	for _, cat := range c.Categories {
		labelW = max(labelW, p.textWidth(cat))
	}
	spacing := slot
	if c.Kind == report.LineChart && n > 1 {
		spacing = (plotR - plotL - 4) / float64(n-1)
	}
	every := 1
	for float64(every)*spacing < labelW+2 && every < n {
		every++
	}
	p.f.SetLineWidth(0.2)
	for i, cat := range c.Categories {
		x := xOf(i)
		p.f.Line(x, plotB, x, plotB+tickLen)
		if i%every == 0 {
			p.textIn(x-labelW, plotB+tickLen, 2*labelW, cat, alignCenter)
		}
	}
	p.y = plotB + tickLen + p.lineHeight() + 1
	if c.XLabel != "" {
		p.setFont(regular, chartLabelPt)
		p.textGrey(40)
		p.textIn(plotL, p.y, plotR-plotL, fit(p, c.XLabel, plotR-plotL), alignCenter)
		p.textGrey(0)
		p.y += p.lineHeight()
	}

	if c.Kind == report.LineChart {
		drawLines(p, c, xOf, yOf, plotR, plotT, plotB)
	} else {
		drawBars(p, c, slot, xOf, yOf, zero)
	}
	finishChart(p, c)
}

// hasValues reports whether any series has a value to draw.
func hasValues(c report.Chart) bool {
	for _, s := range c.Series {
		for _, v := range s.Values {
			if v.Kind != report.KindBlank {
				return true
			}
		}
	}
	return false
}

// finishChart draws the legend and the note under a chart's plot.
func finishChart(p *page, c report.Chart) {
	p.y += 2
	drawLegend(p, c)
	if c.Note != "" {
		p.setFont(italic, tableNotePt)
		p.textGrey(40)
		for _, l := range p.wrap(c.Note, p.width()) {
			p.textIn(p.left, p.y, p.width(), l, alignLeft)
			p.y += p.lineHeight()
		}
		p.textGrey(0)
	}
	p.y += gap
}

func drawLines(p *page, c report.Chart, xOf func(int) float64, yOf func(float64) float64, plotR, plotT, plotB float64) {
	type endLabel struct {
		y    float64
		name string
	}
	var ends []endLabel
	for si, s := range c.Series {
		st := styleOf(si)
		p.drawGrey(st.grey)
		p.f.SetLineWidth(0.6)
		p.f.SetDashPattern(st.dash, 0)
		var pts []gofpdf.PointType
		flush := func() {
			if len(pts) > 1 {
				for i := 1; i < len(pts); i++ {
					p.f.Line(pts[i-1].X, pts[i-1].Y, pts[i].X, pts[i].Y)
				}
			}
			pts = pts[:0]
		}
		lastY, lastI := -1.0, -1
		var all []gofpdf.PointType
		for i, v := range s.Values {
			if v.Kind == report.KindBlank {
				flush()
				continue
			}
			pt := gofpdf.PointType{X: xOf(i), Y: yOf(v.Dec.InexactFloat64())} // float ok: drawing only
			pts = append(pts, pt)
			all = append(all, pt)
			lastY, lastI = pt.Y, i
		}
		flush()
		p.f.SetDashPattern(nil, 0)
		// Markers identify the series in black and white: at every point,
		// or at about a dozen points, staggered between series, when there
		// are many.
		step := (len(all) + maxMarkers - 1) / maxMarkers
		for i, pt := range all {
			if step <= 1 || (i+si)%step == 0 {
				drawMarker(p, st, pt.X, pt.Y, 0.9)
			}
		}
		// A direct label sits at the right edge, so only a line that
		// reaches the last category gets one; the legend names the rest.
		if lastI == len(s.Values)-1 {
			ends = append(ends, endLabel{lastY, s.Name})
		}
	}
	// Direct labels at line ends, pushed apart so they never overlap.
	p.setFont(regular, chartLabelPt)
	lh := p.lineHeight()
	sort.SliceStable(ends, func(i, j int) bool { return ends[i].y < ends[j].y })
	for i := range ends {
		ends[i].y = max(ends[i].y, plotT+lh/2)
		if i > 0 {
			ends[i].y = max(ends[i].y, ends[i-1].y+lh)
		}
	}
	for i := len(ends) - 1; i >= 0; i-- {
		limit := plotB - lh/2
		if i < len(ends)-1 {
			limit = ends[i+1].y - lh
		}
		ends[i].y = min(ends[i].y, limit)
	}
	for _, e := range ends {
		p.textIn(plotR+2, e.y-lh/2, maxEndLabel, fit(p, e.name, maxEndLabel), alignLeft)
	}
	p.drawGrey(0)
}

func drawBars(p *page, c report.Chart, slot float64, xOf func(int) float64, yOf func(float64) float64, zero float64) {
	ns := len(c.Series)
	groupW := slot * 0.8
	barW := groupW / float64(ns)
	p.setFont(regular, 6.5)
	for i := range c.Categories {
		for si, s := range c.Series {
			v := s.Values[i]
			if v.Kind == report.KindBlank {
				continue
			}
			x := xOf(i) - groupW/2 + float64(si)*barW
			y := yOf(v.Dec.InexactFloat64()) // float ok: drawing only
			top, h := min(y, zero), math.Abs(zero-y)
			if v.Kind == report.KindAbove {
				drawBeyondBar(p, x, top, barW, h)
			} else {
				drawBar(p, styleOf(si), x, top, barW, h)
			}
			if label := v.Display(); p.textWidth(label) <= barW+0.5 {
				ly := top - p.lineHeight()
				if y > zero {
					ly = top + h
				}
				p.textGrey(0)
				p.textIn(x-1, ly, barW+2, label, alignCenter)
			}
		}
	}
}

// drawBar draws one bar (or a legend swatch) in a series' style.
func drawBar(p *page, st seriesStyle, x, y, w, h float64) {
	p.fillGrey(st.fill)
	p.drawGrey(0)
	p.f.SetLineWidth(0.25)
	p.f.Rect(x, y, w, h, "FD")
	if st.hatch && w > 0 && h > 0 {
		p.f.ClipRect(x, y, w, h, false)
		p.f.SetLineWidth(0.2)
		for d := -h; d < w; d += 1.4 {
			p.f.Line(x+d, y+h, x+d+h, y)
		}
		p.f.ClipEnd()
	}
}

// drawBeyondBar draws a value known only to exceed the bar's height (the
// top of a band not reached within the horizon): an open bar with a dashed
// outline, open at the top, with an arrowhead pointing up past it.
func drawBeyondBar(p *page, x, y, w, h float64) {
	p.drawGrey(0)
	p.f.SetLineWidth(0.25)
	p.f.SetDashPattern([]float64{1, 0.8}, 0)
	p.f.Line(x, y+h, x, y)
	p.f.Line(x+w, y+h, x+w, y)
	p.f.SetDashPattern(nil, 0)
	p.f.Line(x, y+h, x+w, y+h)
	if w > 0 {
		s := min(w*0.8, 2.4)
		p.fillGrey(0)
		p.f.Polygon(triangleUp(x+w/2, y+s*0.3, s/2), "F")
	}
}

// drawMarker draws marker kind st.marker centred on (x, y).
func drawMarker(p *page, st seriesStyle, x, y, r float64) {
	p.drawGrey(st.grey)
	p.f.SetLineWidth(0.3)
	p.fillGrey(st.grey)
	switch st.marker {
	case 0:
		p.f.Circle(x, y, r, "F")
	case 1:
		p.f.SetFillColor(255, 255, 255)
		p.f.Rect(x-r, y-r, 2*r, 2*r, "FD")
	case 2:
		p.f.Polygon(triangleUp(x, y, r*1.3), "F")
	case 3:
		p.f.SetFillColor(255, 255, 255)
		p.f.Polygon([]gofpdf.PointType{{X: x, Y: y - r*1.3}, {X: x + r*1.3, Y: y}, {X: x, Y: y + r*1.3}, {X: x - r*1.3, Y: y}}, "FD")
	default:
		p.f.Line(x-r, y-r, x+r, y+r)
		p.f.Line(x-r, y+r, x+r, y-r)
	}
}

// triangle is a downward-pointing triangle with its tip at (x, y).
func triangle(x, y, s float64) []gofpdf.PointType {
	return []gofpdf.PointType{{X: x - s/2, Y: y - s}, {X: x + s/2, Y: y - s}, {X: x, Y: y}}
}

// triangleUp is an upward-pointing triangle centred on (x, y).
func triangleUp(x, y, r float64) []gofpdf.PointType {
	return []gofpdf.PointType{{X: x, Y: y - r}, {X: x + r, Y: y + r*0.8}, {X: x - r, Y: y + r*0.8}}
}

func drawLegend(p *page, c report.Chart) {
	p.setFont(regular, chartLabelPt)
	lh := p.lineHeight()
	for _, row := range legendRows(p, c) {
		x := p.left
		for _, si := range row {
			st := styleOf(si)
			name := fit(p, c.Series[si].Name, p.width()-swatchW-2)
			mid := p.y + lh/2
			if c.Kind == report.LineChart {
				p.drawGrey(st.grey)
				p.f.SetLineWidth(0.6)
				p.f.SetDashPattern(st.dash, 0)
				p.f.Line(x, mid, x+swatchW, mid)
				p.f.SetDashPattern(nil, 0)
				drawMarker(p, st, x+swatchW/2, mid, 0.9)
			} else {
				drawBar(p, st, x+2, mid-1.6, swatchW-4, 3.2)
			}
			p.setFont(regular, chartLabelPt)
			p.textGrey(0)
			p.textIn(x+swatchW+2, p.y, p.textWidth(name), name, alignLeft)
			x += swatchW + 2 + p.textWidth(name) + 6
		}
		p.y += lh + 0.5
	}
	p.drawGrey(0)
}

// floorDiv returns ⌊x ÷ y⌋ exactly, for y > 0 (decimal's Div would round
// to its global precision first).
func floorDiv(x, y decimal.Decimal) decimal.Decimal {
	q, r := x.QuoRem(y, 0)
	if r.IsNegative() {
		q = q.Sub(decimal.NewFromInt(1))
	}
	return q
}

// ceilDiv returns ⌈x ÷ y⌉ exactly, for y > 0.
func ceilDiv(x, y decimal.Decimal) decimal.Decimal {
	q, r := x.QuoRem(y, 0)
	if r.IsPositive() {
		q = q.Add(decimal.NewFromInt(1))
	}
	return q
}
