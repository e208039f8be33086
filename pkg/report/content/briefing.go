package content

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/analysis"
	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/report"
)

// Briefing assembles the campaign briefing: headline figures, real-terms
// erosion under every price measure side by side (the headline measure
// named wherever a figure is), the uplift that would restore each band's
// top and the days worked unpaid, years to top against other structures,
// each offer's rise against inflation and its real-terms change over the
// deal, and the points below each wage floor. A real-terms figure worked
// out from a salary the dataset marks derived or illustrative
// (paystructure.Status) carries statusMark, and the block showing it
// statusNote.
func Briefing(r *analysis.Result, others []*paystructure.Dataset, meta report.Meta) *report.Document {
	ds := r.Dataset
	cur := r.Current()
	figs := r.Figures
	history := r.RealTerms
	m := r.Real.Measures
	measure := m.Headline.Label()
	doc := &report.Document{
		Title:    "Pay briefing: " + ds.Name,
		Subtitle: fmt.Sprintf("Real-terms pay, years to the top, and the offers on the table (%s)", cur.Start.First()),
		Created:  meta.Created,
		Footer:   meta.Footer,
	}
	add := func(b ...report.Block) { doc.Blocks = append(doc.Blocks, b...) }

	// Headlines.
	var heads []report.KeyFigure
	if worst, ok := analysis.WorstErosion(tops(history)); ok {
		heads = append(heads, report.KeyFigure{Label: fmt.Sprintf("%s %s in real terms (%s)", worst.Band, worst.Which, measure), Value: headMark(report.PercentChange(worst.Change), worst.Status()),
			Note: fmt.Sprintf("since %s, at %s prices", monthYear(worst.Dates[0]), monthYear(worst.Prices)) + headNote(worst.Status())})
	}
	if days, ok := worstDays(r.Real.Restores, measure); ok {
		heads = append(heads, report.KeyFigure{Label: fmt.Sprintf("Days worked unpaid (%s)", measure), Value: headMark(report.Text(report.Number(days.DaysUnpaid, 1).Display()+" days"), days.Status()),
			Note: fmt.Sprintf("%s top, since %s", days.Band, monthYear(days.Since)) + headNote(days.Status())})
	}
	if r.Inflation != nil {
		heads = append(heads, report.KeyFigure{Label: fmt.Sprintf("Inflation (%s), 12 months to %s", measure, monthYear(cur.Start.First())), Value: report.Percent(*r.Inflation)})
	}
	if longest, ok := analysis.LongestClimb(analysis.Climbs(ds)); ok {
		heads = append(heads, report.KeyFigure{Label: "Longest climb to the top", Value: report.Text(report.Number(longest.Years, 1).Display() + " years"), Note: longest.Band})
	}
	if best, ok := analysis.BestOffer(figs); ok {
		heads = append(heads, report.KeyFigure{Label: "Best offer's smallest rise", Value: report.PercentChange(best.SmallestRise), Note: best.Name + ", on " + best.SmallestAt})
	}
	if len(heads) > 0 {
		add(report.KeyFigures{Items: heads})
	}

	// Real terms.
	add(report.Heading{Text: "What pay is worth", Level: 1})
	if len(history) == 0 {
		add(report.Paragraph{Text: "The dataset has no price index covering its structure dates and the start (inflation.csv), so real-terms values cannot be shown."})
	} else {
		add(report.Paragraph{Text: realTermsSentences(history, measure)})
		if c := realTermsChart(history, "top", measure); len(c.Series) > 0 {
			add(c)
		}
		add(report.TableBlock{Table: measuresTable(r)})
	}
	if t, ok := restoreTable(r); ok {
		add(report.Heading{Text: "What it would take to restore pay", Level: 1})
		add(report.TableBlock{Table: t})
	}

	// Years to top against other structures.
	add(report.Heading{Text: "How long it takes to reach the top", Level: 1})
	add(yearsComparisonChart(ds, others))
	add(report.Paragraph{Text: "Normal years from the entry point to the top of each band, from each structure's own point durations (no CPD or other gates)."})

	// Offers against inflation.
	if len(r.Timelines) > 1 {
		add(report.Heading{Text: "The offers against inflation", Level: 1})
		infCol := fmt.Sprintf("Inflation (%s)", measure)
		t := report.Table{Title: "Rise on each point after the offer's last award, against Current", Columns: []string{"Offer", "Smallest rise", "Largest rise", infCol, "Smallest rise less inflation"}}
		for _, f := range figs[1:] {
			infl, real := report.Blank(), report.Blank()
			if r.Inflation != nil {
				infl, real = report.Percent(*r.Inflation), report.PercentChange(*f.SmallestRiseReal)
			}
			t.Rows = append(t.Rows, []report.Cell{report.Text(f.Name), report.PercentChange(f.SmallestRise), report.PercentChange(f.LargestRise), infl, real})
		}
		t.Note = fmt.Sprintf("Inflation is %s over the 12 months to %s; the last column is in percentage points.", measure, monthYear(cur.Start.First()))
		add(report.TableBlock{Table: t, Widths: []int{4, 2, 2, 2, 2}})
		add(offersChart(figs, r.Inflation, measure))
		add(report.TableBlock{Table: dealTable(r)})
	}

	// Wage floors.
	add(floorsBlocks(r, report.Heading{Text: "Pay against the wage floors", Level: 1})...)
	add(report.Paragraph{Text: sourcesText(m)})
	return doc
}

// headMark marks a headline value worked out from a salary that is not
// published; headNote is the note that says so under it ("" for a
// published one).
func headMark(c report.Cell, s paystructure.Status) report.Cell {
	var seen bool
	return marked(c, s, &seen)
}

func headNote(s paystructure.Status) string {
	if s == paystructure.Published {
		return ""
	}
	return "; " + statusMark + " " + s.String() + ", not published"
}

// tops returns the histories of band tops.
func tops(h []analysis.RealTerms) []analysis.RealTerms {
	var out []analysis.RealTerms
	for _, rt := range h {
		if rt.Which == "top" {
			out = append(out, rt)
		}
	}
	return out
}

// worstDays returns the band top with the most days worked unpaid under
// series; ok is false when none has any.
func worstDays(rs []analysis.Restore, series string) (worst analysis.Restore, ok bool) {
	for _, x := range rs {
		if x.Which == "top" && x.Series == series && x.DaysUnpaid.IsPositive() && (!ok || x.DaysUnpaid.GreaterThan(worst.DaysUnpaid)) {
			worst, ok = x, true
		}
	}
	return worst, ok
}

// realTermsSentences says what each band's top salary is worth now against
// when the structure was first dated ("Band 4 top is worth 12.3% less than
// in 2010"), naming bands that share a figure together.
func realTermsSentences(h []analysis.RealTerms, measure string) string {
	type group struct {
		bands []string
		rt    analysis.RealTerms
	}
	var groups []*group
	for _, rt := range h {
		if rt.Which != "top" || len(rt.Dates) < 2 {
			continue
		}
		disp := report.PercentChange(rt.Change).Display()
		var g *group
		for _, c := range groups {
			if report.PercentChange(c.rt.Change).Display() == disp && c.rt.Dates[0] == rt.Dates[0] && c.rt.Status() == rt.Status() {
				g = c
			}
		}
		if g == nil {
			g = &group{rt: rt}
			groups = append(groups, g)
		}
		g.bands = append(g.bands, rt.Band)
	}
	var s []string
	seen := false
	for _, g := range groups {
		word := "less"
		if g.rt.Change.IsPositive() {
			word = "more"
		}
		who := g.bands[0] + " top is"
		if len(g.bands) > 1 {
			who = "The tops of " + joinWords(g.bands) + " are each"
		}
		s = append(s, fmt.Sprintf("%s worth %s %s than in %s.", who, marked(report.Percent(g.rt.Change.Abs()), g.rt.Status(), &seen).Display(), word, monthYear(g.rt.Dates[0])))
	}
	if len(s) == 0 {
		return "The dataset has only one dated structure within the price index, so there is no history to compare."
	}
	return withStatusNote(strings.Join(s, " ")+fmt.Sprintf(" Measured by %s, at %s prices; between dates, pay is as the structure last set it.", measure, monthYear(h[0].Prices)), seen)
}

func realTermsChart(h []analysis.RealTerms, which, measure string) report.Chart {
	// Categories: every date any band has.
	seen := map[calendar.Date]bool{}
	var dates []calendar.Date
	for _, rt := range h {
		if rt.Which != which || len(rt.Dates) < 2 {
			continue
		}
		for _, d := range rt.Dates {
			if !seen[d] {
				seen[d] = true
				dates = append(dates, d)
			}
		}
	}
	slices.SortFunc(dates, calendar.Date.Compare)
	c := report.Chart{Kind: report.LineChart, Title: fmt.Sprintf("Band %s salaries at %s prices (%s)", which, monthYear(h[0].Prices), measure), XLabel: "Date",
		YLabel: fmt.Sprintf("Salary at %s prices, %s (£)", monthYear(h[0].Prices), measure)}
	for _, d := range dates {
		c.Categories = append(c.Categories, d.String())
	}
	for _, rt := range h {
		if rt.Which != which || len(rt.Dates) < 2 {
			continue
		}
		s := report.Series{Name: rt.Band}
		for _, d := range dates {
			v := report.Blank()
			for i, rd := range rt.Dates {
				if rd == d {
					v = report.Money(rt.Real[i])
				}
			}
			s.Values = append(s.Values, v)
		}
		c.Series = append(c.Series, s)
	}
	c.Note = unpublishedNote(h, which)
	return c
}

// unpublishedNote names the chart's values that are not published
// salaries ("Not published (derived or illustrative; see the dataset's
// README): the April 2021 values of Band 2, Band 3 and Band 6."), or ""
// when every value is published.
func unpublishedNote(h []analysis.RealTerms, which string) string {
	var dates []calendar.Date
	bands := map[calendar.Date][]string{}
	for _, rt := range h {
		if rt.Which != which || len(rt.Dates) < 2 {
			continue
		}
		for i, d := range rt.Dates {
			if rt.Statuses[i] == paystructure.Published || slices.Contains(bands[d], rt.Band) {
				continue
			}
			if bands[d] == nil {
				dates = append(dates, d)
			}
			bands[d] = append(bands[d], rt.Band)
		}
	}
	if len(dates) == 0 {
		return ""
	}
	slices.SortFunc(dates, calendar.Date.Compare)
	var parts []string
	for _, d := range dates {
		parts = append(parts, fmt.Sprintf("the %s values of %s", monthYear(d), joinWords(bands[d])))
	}
	return "Not published (derived or illustrative; see the dataset's README): " + strings.Join(parts, "; ") + "."
}

func yearsComparisonChart(ds *paystructure.Dataset, others []*paystructure.Dataset) report.Chart {
	all := append([]*paystructure.Dataset{ds}, others...)
	c := report.Chart{Kind: report.BarChart, Title: "Years from entry to the top of each band", XLabel: "Band", YLabel: "Years"}
	climbs := make([][]analysis.Climb, len(all))
	for i, d := range all {
		climbs[i] = analysis.Climbs(d)
		for _, cl := range climbs[i] {
			c.Categories = append(c.Categories, shortBand(cl.Band, len(all) > 1))
		}
	}
	for i, d := range all {
		s := report.Series{Name: d.Name}
		for j := range climbs {
			for _, cl := range climbs[j] {
				if j != i {
					s.Values = append(s.Values, report.Blank())
					continue
				}
				s.Values = append(s.Values, report.Number(cl.Years, 1))
			}
		}
		c.Series = append(c.Series, s)
	}
	return c
}

// shortBand drops "Band " from band names when several structures share a
// chart, so that the labels fit; the legend names each structure.
func shortBand(band string, short bool) string {
	if short {
		return strings.TrimPrefix(band, "Band ")
	}
	return band
}

func offersChart(figs []analysis.ScenarioFigures, infl *decimal.Decimal, measure string) report.Chart {
	c := report.Chart{Kind: report.BarChart, Title: "Smallest and largest rise on a point, per offer", XLabel: "Offer", YLabel: "Rise (%)"}
	small := report.Series{Name: "Smallest rise"}
	large := report.Series{Name: "Largest rise"}
	for i, f := range figs[1:] {
		c.Categories = append(c.Categories, fmt.Sprintf("%d", i+1))
		small.Values = append(small.Values, report.Percent(f.SmallestRise))
		large.Values = append(large.Values, report.Percent(f.LargestRise))
	}
	c.Series = []report.Series{small, large}
	if infl != nil {
		inf := report.Series{Name: "Inflation (" + measure + ")"}
		for range figs[1:] {
			inf.Values = append(inf.Values, report.Percent(*infl))
		}
		c.Series = append(c.Series, inf)
	}
	var names []string
	for i, f := range figs[1:] {
		names = append(names, fmt.Sprintf("%d: %s", i+1, f.Name))
	}
	c.Note = strings.Join(names, "; ")
	return c
}
