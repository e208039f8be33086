package content

import (
	"fmt"
	"slices"
	"strings"

	"paymodel/pkg/analysis"
	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/report"
)

// The briefing's real-terms and wage-floor blocks, arranged from
// analysis.Real without computing any figure.

// monthYear names a date's month for people: "April 2025". Every real-terms
// figure names the month of its prices.
func monthYear(d calendar.Date) string { return calendar.Of(d).Long() }

// seriesNames are the labels of every series, in order.
func seriesNames(m analysis.Measures) []string {
	var out []string
	for _, s := range m.Series {
		out = append(out, s.Label())
	}
	return out
}

// statusMark marks a figure worked out from a salary the dataset does not
// give as published (increments.csv's status column: derived or
// illustrative); statusNote is its footnote, under every table, chart and
// paragraph that shows one.
const (
	statusMark = "†"
	statusNote = "† From a salary the dataset marks derived or illustrative, not a published one: see the dataset's README."
)

// marked returns c with statusMark when s is not published, and sets
// *seen when it marks.
func marked(c report.Cell, s paystructure.Status, seen *bool) report.Cell {
	if s == paystructure.Published {
		return c
	}
	*seen = true
	return report.Marked(c, statusMark)
}

// withStatusNote returns note followed by statusNote when a figure was
// marked.
func withStatusNote(note string, seen bool) string {
	if !seen {
		return note
	}
	return note + " " + statusNote
}

// indexNote warns how real values are worked out.
const indexNote = "Real values are worked out from index levels (salary × index then ÷ index now), never by chaining rounded annual rates; a rate worked out from the rounded index levels can differ by 0.1 point from the ONS's published rate."

// measuresTable shows each band's entry and top real-terms change since its
// earliest structure under every measure side by side.
func measuresTable(r *analysis.Result) report.Table {
	m := r.Real.Measures
	names := seriesNames(m)
	cols := append([]string{"Band", "", "Since", "Cash then", "Cash now"}, names...)
	t := report.Table{Title: fmt.Sprintf("Real-terms change of entry and top salaries, at %s prices, by measure", monthYear(m.Now)), Columns: cols}
	seen := false
	for _, rt := range r.RealTerms {
		n := len(rt.Dates) - 1
		row := []report.Cell{report.Text(rt.Band), report.Text(rt.Which), report.Text(monthYear(rt.Dates[0])),
			marked(report.Money(rt.Cash[0]), rt.Statuses[0], &seen), marked(report.Money(rt.Cash[n]), rt.Statuses[n], &seen)}
		for i := range names {
			cell := report.Blank()
			for _, o := range r.Real.History[i] {
				if o.Band == rt.Band && o.Which == rt.Which && o.Dates[0] == rt.Dates[0] && len(o.Dates) > 1 {
					cell = marked(report.PercentChange(o.Change), o.Status(), &seen)
				}
			}
			row = append(row, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	t.Note = withStatusNote(fmt.Sprintf("Cash now is the salary in force on %s. Blank: the measure has no index value for that month. %s", m.Now, indexNote), seen)
	return t
}

// restoreTable shows, for each band's top, the uplift that restores its
// real value at Since and the days worked unpaid, under every measure side
// by side.
func restoreTable(r *analysis.Result) (report.Table, bool) {
	m := r.Real.Measures
	names := seriesNames(m)
	cols := []string{"Band top", "Since", "Cash then", "Cash now"}
	for _, n := range names {
		cols = append(cols, "Uplift "+n)
	}
	for _, n := range names {
		cols = append(cols, "Days "+n)
	}
	t := report.Table{Title: fmt.Sprintf("Uplift to restore each band's top, and days worked unpaid, to %s", monthYear(m.Now)), Columns: cols}
	seen := false
	for _, b := range r.Dataset.Bands {
		var row, days []report.Cell
		for _, n := range names {
			uplift, day := report.Blank(), report.Blank()
			for _, x := range r.Real.Restores {
				if x.Band != b.Name || x.Which != "top" || x.Series != n || x.Since == x.Now {
					continue
				}
				if row == nil {
					row = []report.Cell{report.Text(b.Name), report.Text(monthYear(x.Since)),
						marked(report.Money(x.Then), x.ThenStatus, &seen), marked(report.Money(x.Cash), x.CashStatus, &seen)}
				}
				uplift, day = report.Text("none"), report.Text("0")
				if x.Uplift.IsPositive() {
					uplift, day = report.PercentChange(x.Uplift), report.Number(x.DaysUnpaid, 1)
				}
				uplift, day = marked(uplift, x.Status(), &seen), marked(day, x.Status(), &seen)
			}
			row, days = append(row, uplift), append(days, day)
		}
		if len(row) > len(names) {
			t.Rows = append(t.Rows, append(row, days...))
		}
	}
	since := "each band's earliest structure"
	if !m.Since.IsZero() {
		since = monthYear(m.Since) + " (--base)"
	}
	t.Note = fmt.Sprintf("Since %s. Uplift to restore: the salary then at %s prices ÷ the salary now − 1 (none: pay has risen in real terms). "+
		"Days worked unpaid: uplift ÷ (1 + uplift) × 365, the days of a year's work today's pay no longer pays for at the earlier value.", since, monthYear(m.Now))
	t.Note = withStatusNote(t.Note, seen)
	return t, len(t.Rows) > 0
}

// dealTable shows each offer's real-terms change over its deal under every
// measure: the smallest on any band's entry or top.
func dealTable(r *analysis.Result) report.Table {
	m := r.Real.Measures
	names := seriesNames(m)
	t := report.Table{Title: "Each offer's real-terms change over the deal (the smallest on any band's entry or top)",
		Columns: append([]string{"Offer", "Deal ends"}, names...)}
	forecast := false
	for _, tl := range r.Timelines[1:] {
		row := []report.Cell{report.Text(tl.Scenario), report.Text(monthYear(analysis.DealEnd(tl).First()))}
		for _, n := range names {
			w, ok := analysis.WorstDeal(r.Real.Deals, tl.Scenario, n)
			if !ok {
				row = append(row, report.Text("not yet known"))
				continue
			}
			text := fmt.Sprintf("%s (%s %s)", report.PercentChange(w.Change).Display(), w.Band, w.Which)
			if w.Forecast {
				text += ", forecast"
				forecast = true
			}
			row = append(row, report.Text(text))
		}
		t.Rows = append(t.Rows, row)
	}
	t.Note = fmt.Sprintf("The offer's salary when the deal ends, at %s prices, against Current's salary on %s. "+
		"Not yet known: the measure has no index value for the month the deal ends; rows marked forecast in inflation.csv extend a measure.", monthYear(m.Now), m.Now)
	if forecast {
		t.Note += " Figures marked forecast use forecast index values" + forecastSources(m) + ", not published ones."
	}
	return t
}

// forecastSources names the sources of the forecast index values, " (from
// …)", or "" when none is given.
func forecastSources(m analysis.Measures) string {
	var srcs []string
	for _, s := range m.Series {
		for _, p := range s.Points {
			if p.Forecast && p.Source != "" && !slices.Contains(srcs, p.Source) {
				srcs = append(srcs, p.Source)
			}
		}
	}
	if len(srcs) == 0 {
		return ""
	}
	return " (from " + strings.Join(srcs, "; ") + ")"
}

// floorsBlocks are the wage-floor blocks of the briefing and the
// comparison: heading, floorsSentence and, when a point is below a floor,
// breachTable; none without floors.csv.
func floorsBlocks(r *analysis.Result, heading report.Heading) []report.Block {
	if r.Dataset.Floors == nil {
		return nil
	}
	out := []report.Block{heading, report.Paragraph{Text: floorsSentence(r)}}
	if t, ok := breachTable(r.Real.Breaches, r.Dataset.Floors); ok {
		out = append(out, report.TableBlock{Table: t, Widths: []int{4, 2, 6, 5}})
	}
	return out
}

// floorsSentence names each floor's latest value and the first pay year in
// which it is not yet known.
func floorsSentence(r *analysis.Result) string {
	type floor struct {
		name, latest, unknownFrom string
	}
	var fs []*floor
	at := map[string]*floor{}
	for _, f := range r.Dataset.Floors {
		x := at[f.Name]
		if x == nil {
			x = &floor{name: f.Name}
			at[f.Name] = x
			fs = append(fs, x)
		}
		x.latest = fmt.Sprintf("%s an hour from %s", report.Money(f.Hourly).Display(), monthYear(f.Date))
		if f.Forecast {
			x.latest += " (forecast)"
		}
	}
	cur := r.Current().Scenario
	for _, row := range r.Real.Floors {
		if x := at[row.Floor]; row.Scenario == cur && !row.Known && x.unknownFrom == "" {
			x.unknownFrom = monthYear(row.Date)
		}
	}
	var parts []string
	for _, x := range fs {
		s := x.name + " " + x.latest
		if x.unknownFrom != "" {
			s += "; not yet known from " + x.unknownFrom
		}
		parts = append(parts, s)
	}
	text := "Each point's hourly rate (salary ÷ (weekly hours × 52.143)) against every floor in force on the first day of each pay year, each floor's latest value on or before that day: " +
		strings.Join(parts, "; ") + ". A floor is not projected: once its latest value is a year old it is not yet known."
	if len(r.Real.Breaches) == 0 {
		text += " No point is below a floor in force."
	}
	return text
}

// breachTable lists the points below each floor, pay year by pay year,
// scenarios with the same points below together.
func breachTable(bs []analysis.FloorBreach, floors []paystructure.Floor) (report.Table, bool) {
	rank := map[string]int{}
	for _, f := range floors {
		if _, ok := rank[f.Name]; !ok {
			rank[f.Name] = len(rank)
		}
	}
	t := report.Table{Title: "Points below a wage floor", Columns: []string{"Floor in force", "Pay year from", "Under", "Points below"}}
	type key struct {
		year   calendar.Date
		floor  string
		points string
	}
	var keys []key
	who := map[key][]string{}
	value := map[key]string{}
	for _, b := range bs {
		k := key{b.Date, b.Floor, strings.Join(b.Points, ", ")}
		if _, ok := who[k]; !ok {
			keys = append(keys, k)
			v := fmt.Sprintf("%s, %s from %s", b.Floor, report.Money(b.Hourly).Display(), monthYear(b.FloorFrom))
			if b.Forecast {
				v += " (forecast)"
			}
			value[k] = v
		}
		who[k] = append(who[k], b.Scenario)
	}
	slices.SortStableFunc(keys, func(a, b key) int {
		if c := a.year.Compare(b.year); c != 0 {
			return c
		}
		return rank[a.floor] - rank[b.floor]
	})
	for _, k := range keys {
		t.Rows = append(t.Rows, []report.Cell{report.Text(value[k]), report.Text(monthYear(k.year)), report.Text(strings.Join(who[k], "; ")), report.Text(k.points)})
	}
	t.Note = "Below: the exact hourly rate is under the floor."
	for _, k := range keys {
		if strings.Contains(k.floor, "Real Living Wage") {
			t.Note += " The Real Living Wage is voluntary, and its date is when it was announced (employers have six months to pay it)."
			break
		}
	}
	return t, len(t.Rows) > 0
}

// sourcesText says where the figures come from and which measure the
// headlines use.
func sourcesText(m analysis.Measures) string {
	s := "Sources: the dataset's own tables (see its README for every figure's source)."
	switch names := seriesNames(m); {
	case len(names) > 1:
		s += fmt.Sprintf(" Price measures (inflation.csv): %s; the headlines use %s (paymodel briefing --index chooses another). Unions often quote RPI, which rises faster than CPI and CPIH.", strings.Join(names, ", "), m.Headline.Label())
	case len(names) == 1:
		s += fmt.Sprintf(" Real terms use the dataset's price index (inflation.csv: %s).", names[0])
	}
	return s + " " + indexNote
}
