package content

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/analysis"
	"paymodel/pkg/calendar"
	"paymodel/pkg/money"
	"paymodel/pkg/projection"
	"paymodel/pkg/report"
)

// Comparison assembles the negotiators' comparison report from a result:
// every figure comes from the same values as the CSV tables.
func Comparison(r *analysis.Result, meta report.Meta) *report.Document {
	cur := r.Current()
	doc := &report.Document{
		Title:    "Pay comparison: " + r.Dataset.Name,
		Subtitle: fmt.Sprintf("Current and %d offer(s) from %s over %d pay years", len(r.Timelines)-1, cur.Start.First(), cur.Years),
		Created:  meta.Created,
		Footer:   meta.Footer,
	}
	add := func(b ...report.Block) { doc.Blocks = append(doc.Blocks, b...) }

	// Page 1: the summary.
	add(report.Paragraph{Text: comparisonIntro(r)})
	add(report.TableBlock{Table: FiguresTable(r)})
	if t, ok := ArrearsTable(r); ok {
		add(report.TableBlock{Table: t})
	}
	add(report.TableBlock{Table: YearsToTopTable(r)})
	add(report.TableBlock{Table: scenarioList(r), Widths: []int{3, 8, 3}})

	// Points, band by band.
	add(report.PageBreak{}, report.Heading{Text: "Pay points, band by band", Level: 1})
	add(report.Paragraph{Text: "Each band's points after every award of each offer within the horizon, against Current on the same date. Changes are against Current."})
	for _, bp := range r.Bands {
		add(bandBlocks(r, bp)...)
	}

	// Years to top and careers.
	add(report.PageBreak{}, report.Heading{Text: "Years to the top and career earnings", Level: 1})
	add(yearsToTopChart(r))
	add(report.TableBlock{Table: careerEarningsTable(r)})
	add(floorBlocks(r)...)

	if r.Costing != nil {
		add(report.PageBreak{}, report.Heading{Text: "What each offer costs", Level: 1})
		if r.Suppression.AllShown {
			add(report.Paragraph{Text: costIntro(r)})
			add(costChart(r))
			add(report.TableBlock{Table: costByYearTable(r)})
		} else {
			add(report.Paragraph{Text: smallCensusNote})
		}
		add(report.PageBreak{}, report.Heading{Text: "Who gains what", Level: 1})
		add(report.TableBlock{Table: distributionDocTable(r)})
		add(report.Heading{Text: "Equality impact", Level: 1})
		add(report.Paragraph{Text: "Mean full-time-equivalent salary of each group at the end of pay year 1, and its gap to the best-paid group of the same attribute. Compare each offer's gap with Current's to see whether it widens or narrows."})
		add(equalityBlocks(r)...)
		add(EqualityImpact(r)...)
	}

	add(report.PageBreak{}, report.Heading{Text: "Balanced scorecard", Level: 1})
	add(report.Paragraph{Text: "Each offer measured against the four properties a good pay system needs. These are indicators, not verdicts: the committee weighs them."})
	add(scorecard(r)...)

	add(report.PageBreak{}, report.Heading{Text: "Appendix: assumptions and rules", Level: 1})
	add(report.Paragraph{Text: assumptions(r)})
	for _, tl := range r.Timelines[1:] {
		add(report.Verbatim{Title: tl.Source, Text: tl.Text})
	}
	return doc
}

func comparisonIntro(r *analysis.Result) string {
	cur := r.Current()
	var b strings.Builder
	fmt.Fprintf(&b, "Current is the %s pay structure carried forward with no award, under the dataset's own progression rules. ", structureName(r))
	if r.Dataset.Census != nil {
		fmt.Fprintf(&b, "Costs are for the census of %s people, projected month by month. ", report.Int(r.Dataset.Census.Headcount).Display())
	}
	if r.Inflation != nil {
		fmt.Fprintf(&b, "%s over the 12 months to %s was %s.", inflationLabel(r), cur.Start.First(), report.Percent(*r.Inflation).Display())
	}
	return strings.TrimSpace(b.String())
}

func structureName(r *analysis.Result) string {
	d := r.CurrentStructureDate()
	if d.IsZero() {
		return "dataset's"
	}
	return d.String()
}

func scenarioList(r *analysis.Result) report.Table {
	t := report.Table{Title: "The offers", Columns: []string{"Scenario", "Description", "File"}}
	for _, tl := range r.Timelines[1:] {
		t.Rows = append(t.Rows, []report.Cell{report.Text(tl.Scenario), report.Text(tl.Description), report.Text(tl.Source)})
	}
	return t
}

// maxPointColumns is how many pay points one band table shows side by side;
// a longer band (21 points was normal in probation before 2018) is shown in
// several tables of consecutive points, each readable on an A4 page.
const maxPointColumns = 8

// splitColumns splits t into tables of its first column and at most n of
// the others each, in order; the note goes under the last.
func splitColumns(t report.Table, n int) []report.Table {
	if len(t.Columns)-1 <= n {
		return []report.Table{t}
	}
	var parts []report.Table
	for from := 1; from < len(t.Columns); from += n {
		to := min(from+n, len(t.Columns))
		part := report.Table{Title: t.Title, Columns: append([]string{t.Columns[0]}, t.Columns[from:to]...)}
		for _, row := range t.Rows {
			part.Rows = append(part.Rows, append([]report.Cell{row[0]}, row[from:to]...))
		}
		parts = append(parts, part)
	}
	parts[len(parts)-1].Note = t.Note
	return parts
}

// bandBlocks shows one band's points under every timeline: a table with a
// row per scenario and its changes, and a chart.
func bandBlocks(r *analysis.Result, bp analysis.BandPoints) []report.Block {
	b, labels := bp.Band, bp.Labels
	cols := append([]string{"Scenario"}, labels...)
	title := b.Name
	if b.Title != "" {
		title += " — " + b.Title
	}
	t := report.Table{Title: title, Columns: cols}
	var anyMarked bool // a salary carries statusMark
	chart := report.Chart{Kind: report.LineChart, Title: title + ": salary at each point", XLabel: "Pay point", YLabel: "Annual full-time salary (£)", Categories: labels}
	for i, tl := range r.Timelines {
		row := []report.Cell{report.Text(tl.Scenario)}
		chg := []report.Cell{report.Text("  change")}
		pct := []report.Cell{report.Text("  change %")}
		ser := report.Series{Name: tl.Scenario}
		for _, p := range bp.Rows[i] {
			if p == nil {
				row, chg, pct = append(row, report.Text("—")), append(chg, report.Blank()), append(pct, report.Blank())
				ser.Values = append(ser.Values, report.Blank())
				continue
			}
			row = append(row, pointSalary(p, &anyMarked))
			chg = append(chg, optChange(p.Change))
			pct = append(pct, optPctChange(p.ChangePct))
			ser.Values = append(ser.Values, report.Money(p.Salary))
		}
		t.Rows = append(t.Rows, row)
		if i > 0 {
			t.Rows = append(t.Rows, chg, pct)
		}
		chart.Series = append(chart.Series, ser)
	}
	if len(r.Timelines) > 1 {
		d := r.Figures[len(r.Figures)-1].LastAward
		t.Note = fmt.Sprintf("Salaries after each offer's last award within the horizon (for the last offer, %s). — : the point does not exist under that scenario.", d)
	}
	if anyMarked {
		t.Note = strings.TrimSpace(t.Note + " " + pointStatusNote)
	}
	t.Title = ""
	blocks := []report.Block{report.Heading{Text: title, Level: 2}}
	for _, part := range splitColumns(t, maxPointColumns) {
		blocks = append(blocks, report.TableBlock{Table: part})
	}
	if len(labels) > 1 {
		blocks = append(blocks, chart)
	}
	return blocks
}

// pointStatusNote is the footnote of a table showing a point's salary
// with statusMark: the salary is an illustrative or derived point of the
// dataset, or worked out from one by an award (paystructure.Point.Status).
const pointStatusNote = statusMark + " illustrative or derived point: see the dataset's README."

// pointSalary is a points.csv row's salary, marked with statusMark (and
// *seen set) when it is not from a published salary.
func pointSalary(p *projection.PointRow, seen *bool) report.Cell {
	return marked(report.Money(p.Salary), p.Status, seen)
}

func yearsToTopChart(r *analysis.Result) report.Chart {
	c := report.Chart{Kind: report.BarChart, Title: "Years for a new entrant to reach the top of the band", XLabel: "Band", YLabel: "Years"}
	for _, b := range r.Current().Bands {
		c.Categories = append(c.Categories, b.Name)
	}
	horizon := r.Current().Years
	for _, f := range r.Figures {
		s := report.Series{Name: f.Name}
		for _, y := range f.YearsToTop {
			s.Values = append(s.Values, YearsToTopCell(y, horizon))
		}
		c.Series = append(c.Series, s)
	}
	c.Note = "A bar at 0: the band has a single point, so every entrant starts at the top."
	if beyondHorizon(r) {
		c.Note = fmt.Sprintf("An open dashed bar marked \"> %d\": the top is not reached within the %d-year horizon (--years, up to 50, shows when it is). ", horizon, horizon) + c.Note
	}
	return c
}

func careerEarningsTable(r *analysis.Result) report.Table {
	cols := []string{"Scenario"}
	for _, b := range r.Current().Bands {
		cols = append(cols, b.Name)
	}
	t := report.Table{Title: fmt.Sprintf("Career earnings of a full-time new entrant over %d years", r.Current().Years), Columns: cols,
		Note: "Basic pay and lump sums from the bottom of each band, as in careers.csv."}
	for _, f := range r.Figures {
		row := []report.Cell{report.Text(f.Name)}
		for _, e := range f.CareerEarnings {
			row = append(row, optMoney(e))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func costIntro(r *analysis.Result) string {
	var lines []string
	for _, oc := range r.Dataset.OnCosts {
		lines = append(lines, fmt.Sprintf("%s %s above %s", oc.Name, money.RateText(oc.Rate), money.Pounds(oc.Threshold)))
	}
	s := "Paybill is basic pay, lump sums, employer on-costs and paid CPD time for the census, pay year by pay year. "
	if len(lines) > 0 {
		s += "On-costs: " + strings.Join(lines, "; ") + ". "
	}
	s += "Drift is the part of basic pay due to people progressing up their bands."
	if !r.Options.Turnover.IsZero() {
		s += fmt.Sprintf(" Turnover of %s a year is assumed, with leavers replaced at the bottom of their band.", money.RateText(r.Options.Turnover))
	}
	return s
}

func costChart(r *analysis.Result) report.Chart {
	c := report.Chart{Kind: report.LineChart, Title: "Paybill by pay year", XLabel: "Pay year starting", YLabel: "Paybill (£)"}
	cur := r.Current()
	for y := 0; y < cur.Years; y++ {
		c.Categories = append(c.Categories, fmt.Sprint((cur.Start + calendar.Month(12*y)).Year()))
	}
	for i, sc := range r.Costing.Scenarios {
		s := report.Series{Name: sc.Scenario}
		for _, row := range r.Totals[i] {
			s.Values = append(s.Values, report.Money(row.Total))
		}
		c.Series = append(c.Series, s)
	}
	return c
}

func costByYearTable(r *analysis.Result) report.Table {
	t := report.Table{Title: "Paybill by pay year (all bands)", Columns: []string{"Scenario", "Year", "Paybill", "Change", "Change %", "of which drift", "On-costs"},
		Note: "Change is against Current in the same pay year; drift is the part of basic pay due to progression (cost.csv)."}
	for i, sc := range r.Costing.Scenarios {
		for _, row := range r.Totals[i] {
			t.Rows = append(t.Rows, []report.Cell{report.Text(sc.Scenario), report.Int(int64(row.Year)), report.Money(row.Total), report.Change(row.Change), optPctChange(row.ChangePct), report.Money(row.Drift), report.Money(row.OnCosts)})
		}
	}
	return t
}

func distributionDocTable(r *analysis.Result) report.Table {
	t := DistributionTable(r.Costing, r.Suppression)
	t.Title = "First-year rises by band"
	t.Columns = []string{"Scenario", "Band", "People", "Smallest", "Median", "Largest", "Smallest %", "Median %", "Largest %", "Below inflation"}
	t.Note = "A person's rise is their pay-year-1 earnings under the offer minus under Current. Below inflation counts those whose rise is below the 12-month inflation to the start. " + suppressionNote
	return t
}

func equalityBlocks(r *analysis.Result) []report.Block {
	var blocks []report.Block
	var attrs []string
	type shownRow struct {
		projection.EqualityRow
		shown bool
	}
	byAttr := map[string][]shownRow{}
	for _, d := range r.Equality {
		rows, shown := d.Rows, d.Shown
		for i, e := range rows {
			if _, ok := byAttr[e.Attribute]; !ok {
				attrs = append(attrs, e.Attribute)
			}
			byAttr[e.Attribute] = append(byAttr[e.Attribute], shownRow{e, shown[i]})
		}
	}
	for _, a := range attrs {
		t := report.Table{Title: "By " + a, Columns: []string{"Scenario", "Group", "People", "Mean FTE salary", "Median FTE salary", "Gap to best-paid"}}
		for _, e := range byAttr[a] {
			ok := e.shown
			t.Rows = append(t.Rows, []report.Cell{report.Text(e.Scenario), report.Text(e.Value), report.Int(e.Headcount),
				report.Optional(report.Money(e.MeanSalary), ok), report.Optional(report.Money(e.MedianSalary), ok), report.Optional(report.Percent(e.GapPct), ok)})
		}
		t.Note = suppressionNote
		blocks = append(blocks, report.TableBlock{Table: t})
	}
	return blocks
}

// suppressionNote is printed under every table of group pay.
var suppressionNote = fmt.Sprintf("Pay is not shown for groups of fewer than %[1]d people; whenever one is hidden, so is the smallest group of %[1]d or more in the same table, so that no one's salary can be read off or worked out from the totals.", analysis.MinGroup)

// smallCensusNote replaces the census's totals when it is too small to show.
var smallCensusNote = fmt.Sprintf("The census has fewer than %d people, so its paybill is one small group's pay and is not shown.", analysis.MinGroup)

// scorecard measures each offer against transparency, fairness,
// competitiveness and affordability.
func scorecard(r *analysis.Result) []report.Block {
	var blocks []report.Block
	// Transparent.
	tr := report.Table{Title: "Transparent: how many points, how long to the top", Columns: []string{"Scenario", "Points (fewest–most per band)", "Longest years to top", "Bands not topped in horizon"}}
	for i, tl := range r.Timelines {
		f := r.Figures[i]
		longest := report.Blank()
		switch {
		case f.NotTopped > 0:
			longest = YearsToTopCell(nil, tl.Years)
		case f.LongestToTop != nil:
			longest = report.Number(*f.LongestToTop, 2)
		}
		tr.Rows = append(tr.Rows, []report.Cell{report.Text(tl.Scenario), report.Text(fmt.Sprintf("%d–%d", f.PointsFewest, f.PointsMost)), longest, report.Int(f.NotTopped)})
	}
	blocks = append(blocks, report.TableBlock{Table: tr})

	// Fair and measurably equitable.
	fairCols := []string{"Scenario", "Smallest rise on a point", "Largest rise on a point", "Spread (points)"}
	for _, a := range r.EqualityAttributes {
		fairCols = append(fairCols, "Widest "+a+" gap (change)")
	}
	fair := report.Table{Title: "Fair and measurably equitable: spread of rises, change in equality gaps", Columns: fairCols,
		Note: "Spread is the largest minus the smallest percentage rise on any point. The widest gap is the largest gap to the best-paid group of that attribute, in percentage points, with its change against Current."}
	for i, f := range r.Figures {
		row := []report.Cell{report.Text(f.Name)}
		if i == 0 {
			row = append(row, report.Text("baseline"), report.Text("baseline"), report.Blank())
		} else {
			row = append(row, report.Text(report.PercentChange(f.SmallestRise).Display()+" ("+f.SmallestAt+")"),
				report.Text(report.PercentChange(f.LargestRise).Display()+" ("+f.LargestAt+")"),
				report.Number(f.SpreadPoints, 2))
		}
		for k, g := range f.WidestGaps {
			text := report.Percent(g).Display()
			if i > 0 {
				text += " (" + signedPoints(f.WidestGapChanges[k]) + ")"
			}
			row = append(row, report.Text(text))
		}
		fair.Rows = append(fair.Rows, row)
	}
	blocks = append(blocks, report.TableBlock{Table: fair})

	// Competitive.
	comp := report.Table{Title: "Competitive: rises against inflation", Columns: []string{"Scenario", "Smallest rise", inflationLabel(r), "Smallest rise in real terms (" + r.Real.Measures.Headline.Label() + ")", "Entry salary of lowest band", "Top salary of highest band"}}
	for i, f := range r.Figures {
		infl, real := report.Blank(), report.Blank()
		smallest := report.Text("baseline")
		if i > 0 {
			smallest = report.PercentChange(f.SmallestRise)
			if f.SmallestRiseReal != nil {
				real = report.PercentChange(*f.SmallestRiseReal)
			}
		}
		if r.Inflation != nil {
			infl = report.Percent(*r.Inflation)
		}
		comp.Rows = append(comp.Rows, []report.Cell{report.Text(f.Name), smallest, infl, real, optMoney(f.LowestEntry), optMoney(f.HighestTop)})
	}
	comp.Note = "Real terms: the smallest rise minus inflation over the 12 months to the start, in percentage points shown as a percentage."
	blocks = append(blocks, report.TableBlock{Table: comp})

	// Affordable and sustainable.
	if r.Costing != nil {
		aff := report.Table{Title: "Affordable and sustainable: cost and progression drift", Columns: []string{"Scenario", "Year-1 change", "% of paybill", "Whole-deal change", "% of paybill", "Year-1 drift"}}
		shown := r.Suppression.AllShown
		for _, f := range r.Figures {
			row := []report.Cell{report.Text(f.Name), report.Change(f.FirstYearChange), report.PercentChange(f.FirstYearShare), report.Change(f.WholeDealChange), report.PercentChange(f.WholeDealShare), report.Money(f.FirstYearDrift)}
			if !shown {
				blankFrom(row, 1)
			}
			aff.Rows = append(aff.Rows, row)
		}
		if !shown {
			aff.Note = smallCensusNote
		}
		blocks = append(blocks, report.TableBlock{Table: aff})
	}
	return blocks
}

// signedPoints formats a change of a fraction in percentage points.
func signedPoints(d decimal.Decimal) string {
	p := d.Mul(money.Hundred).Round(2)
	s := p.StringFixed(2)
	if p.Sign() > 0 {
		s = "+" + s
	}
	return s + " pts"
}

// assumptions states every rule and assumption used in the comparison.
func assumptions(r *analysis.Result) string {
	cur := r.Current()
	var b strings.Builder
	fmt.Fprintf(&b, "Dataset %s, checksum %s. Start %s; horizon %d pay years; each pay year starts on the anniversary of the start.\n\n", r.Dataset.Name, r.Dataset.Checksum, cur.Start.First(), cur.Years)
	b.WriteString("Progression under Current: ")
	var prog []string
	for _, band := range cur.Bands {
		prog = append(prog, fmt.Sprintf("%s %s", band.Name, cur.Rules.Progression[band.Name].Describe(" (%d months qualifying)")))
	}
	b.WriteString(strings.Join(prog, "; ") + ".\n\n")
	for _, tl := range r.Timelines[1:] {
		fmt.Fprintf(&b, "%s: awards %s; removed points assimilated %s", tl.Scenario, tl.Rounding.Describe(), tl.Rules.Order)
		if len(tl.Rules.Freeze) > 0 {
			var fz []string
			for _, m := range tl.Rules.Freeze {
				fz = append(fz, m.First().String())
			}
			fmt.Fprintf(&b, "; progression frozen on %s", strings.Join(fz, ", "))
		}
		if tl.Rules.CPD.Hours.IsPositive() {
			fmt.Fprintf(&b, "; %s CPD hours a year needed to pass a point", tl.Rules.CPD.Hours)
		}
		if tl.Rules.CPD.AccelerateHours.IsPositive() {
			fmt.Fprintf(&b, "; %s hours move a person up %d points", tl.Rules.CPD.AccelerateHours, tl.Rules.CPD.AcceleratePoints)
		}
		for _, p := range tl.Rules.Pathways {
			fmt.Fprintf(&b, "; pathway %s → %s after %d months at the top with %s CPD hours", p.From, p.To, p.AfterMonths, p.CPDHours)
		}
		if m := tl.Implemented; m != nil && *m > tl.Start && *m < tl.End() {
			leavers := "people who left before then are not paid them"
			if tl.ArrearsToLeavers {
				leavers = "people who left before then are paid them for the months they were in post"
			}
			fmt.Fprintf(&b, "; put into pay in %s: until then Current's pay, then the difference for every earlier month as arrears (%s)", m.Long(), leavers)
		}
		b.WriteString(".\n")
	}
	b.WriteString("\nMonthly pay is the annual full-time salary × FTE ÷ 12, rounded to the penny (halves away from zero); a pay year's earnings are the sum of its months. ")
	b.WriteString("Lump sums, on-costs and CPD time are rounded to the penny per person. ")
	if r.Options.CPDHours != nil {
		fmt.Fprintf(&b, "New entrants in careers do %s CPD hours a year. ", r.Options.CPDHours)
	} else {
		b.WriteString("New entrants in careers meet every CPD requirement. ")
	}
	if r.Dataset.Census != nil {
		fmt.Fprintf(&b, "Census: %s people in %s rows; turnover %s a year. ", report.Int(r.Dataset.Census.Headcount).Display(), report.Int(r.Dataset.Census.Rows).Display(), money.RateText(r.Options.Turnover))
	}
	b.WriteString(indexText(r))
	b.WriteString("\n\nThe offers' scenario files follow, verbatim.")
	return b.String()
}
