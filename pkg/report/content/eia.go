package content

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/analysis"
	"paymodel/pkg/calendar"
	"paymodel/pkg/report"
)

// eiaYear is the pay year the equality impact assessment compares: the
// first, whose snapshot is the first the offers' awards have all reached.
const eiaYear = 1

// EqualityImpact is the comparison's "Equality impact assessment" section:
// the method and snapshot, then for each offer the statutory gender pay gap
// measures under Current and the offer with the change, the women's share
// of each pay quartile as a chart, the other hourly pay gaps with the
// EHRC's flags, and a sentence saying which gaps the offer widens or
// narrows. Every figure is analysis.PayGaps'; nothing is computed here but
// the wording.
func EqualityImpact(r *analysis.Result) []report.Block {
	g := r.PayGaps
	if g == nil || len(g.Timelines) == 0 || len(g.Timelines[0].Years) < eiaYear {
		return nil
	}
	blocks := []report.Block{
		report.PageBreak{},
		report.Heading{Text: "Equality impact assessment", Level: 1},
		report.Paragraph{Text: eiaMethod(g)},
	}
	if note := PayGapNote(g); note != "" {
		blocks = append(blocks, report.Paragraph{Text: note})
	}
	for t := 1; t < len(g.Timelines); t++ {
		blocks = append(blocks, report.Heading{Text: g.Timelines[t].Scenario, Level: 2},
			report.Paragraph{Text: eiaSentence(g, t)})
		if g.Sex != "" {
			blocks = append(blocks, report.TableBlock{Table: eiaSexTable(g, t), Widths: []int{5, 2, 3, 2, 3, 2}}, eiaQuartileChart(g, t))
		}
		if others := eiaOtherTable(g, t); len(others.Rows) > 0 {
			blocks = append(blocks, report.TableBlock{Table: others, Widths: []int{5, 2, 2, 3, 2, 3, 2}})
		}
	}
	if len(g.Timelines) == 1 {
		blocks = append(blocks, report.Paragraph{Text: "There is no offer to assess: paygap.csv has Current's measures for every pay year."})
	}
	return blocks
}

// eiaMethod states the method and the snapshot.
func eiaMethod(g *analysis.PayGaps) string {
	snap := g.Timelines[0].Years[eiaYear-1].Snapshot
	return fmt.Sprintf("Each offer against Current on the snapshot date %s, the last day of pay year %d, by the method of "+
		"The Equality Act 2010 (Specific Duties and Public Authorities) Regulations 2017, Schedule 1 (the public-sector gender pay gap regulations). "+
		"Everyone in post in that month counts. Hourly pay is the month's pay as paid ÷ (the band's weekly hours × FTE × days in the month ÷ 7). "+
		"A gap is (men's − women's) ÷ men's pay × 100, for the mean and for the median; for other groups, (the reference group's − the group's) ÷ the reference group's. "+
		"A negative gap means the group is paid more. Quartiles rank everyone by hourly pay and split them into four equal parts. "+
		"Bonus pay is the lump sums paid in the 12 months to the snapshot. Values are rounded to one place, halves away from zero. "+
		"Flags mark the EHRC's thresholds for looking into a gap: 5%% or more either way, or 3%% or more in two years running. "+
		"Gaps of groups of fewer than %d people are not shown, nor, when one is hidden, the smallest other group, so no one's pay can be worked out. paygap.csv has every pay year.",
		longDate(snap), eiaYear, analysis.MinGapGroup)
}

// longDate is "31 March 2026".
func longDate(d calendar.Date) string {
	return fmt.Sprintf("%d %s", d.Day, monthYear(d))
}

// gapPercent shows a measure's value as a percentage to one place, or
// blank.
func gapPercent(m analysis.GapMeasure, ok bool) report.Cell {
	if !ok || m.Value == nil {
		return report.Blank()
	}
	return report.Percent(m.Value.Shift(-2))
}

// gapChange is the offer's value minus Current's, in points, or blank.
func gapChange(cur, off analysis.GapMeasure, ok bool) report.Cell {
	if !ok || cur.Value == nil || off.Value == nil {
		return report.Blank()
	}
	return report.PercentChange(off.Value.Sub(*cur.Value).Shift(-2))
}

// flagText is a flag as the report's tables show it.
func flagText(m analysis.GapMeasure) report.Cell {
	switch m.Flag {
	case analysis.FlagFive:
		return report.Text("5%+")
	case analysis.FlagPersistent:
		return report.Text("3%+, 2 yrs")
	}
	return report.Text("")
}

// measureLabels are the statutory measures in words.
var measureLabels = map[string]string{
	analysis.DiffMeanHourly:    "Mean hourly pay gap",
	analysis.DiffMedianHourly:  "Median hourly pay gap",
	analysis.DiffMeanBonus:     "Mean bonus gap",
	analysis.DiffMedianBonus:   "Median bonus gap",
	analysis.MaleBonus:         "Men paid a bonus",
	analysis.FemaleBonus:       "Women paid a bonus",
	analysis.MaleLower:         "Men in the lower quartile",
	analysis.FemaleLower:       "Women in the lower quartile",
	analysis.MaleLowerMiddle:   "Men in the lower middle quartile",
	analysis.FemaleLowerMiddle: "Women in the lower middle quartile",
	analysis.MaleUpperMiddle:   "Men in the upper middle quartile",
	analysis.FemaleUpperMiddle: "Women in the upper middle quartile",
	analysis.MaleTop:           "Men in the top quartile",
	analysis.FemaleTop:         "Women in the top quartile",
}

// eiaSexTable is the statutory measures under Current and timeline t, side
// by side with the change.
func eiaSexTable(g *analysis.PayGaps, t int) report.Table {
	name := g.Timelines[t].Scenario
	tab := report.Table{
		Title:   "Gender pay gap measures (" + g.Sex + ")",
		Columns: []string{"Measure", "Current", "Flag", "Offer", "Flag", "Change"},
		Note:    "Offer: " + name + ". Change is in percentage points. The service's names, as in paygap.csv: " + strings.Join(analysis.SexMeasures, ", ") + ".",
	}
	for _, m := range analysis.SexMeasures {
		cur, ok1 := g.Measure(0, eiaYear, analysis.SexGroup, m)
		off, ok2 := g.Measure(t, eiaYear, analysis.SexGroup, m)
		tab.Rows = append(tab.Rows, []report.Cell{
			report.Text(measureLabels[m]), gapPercent(cur, ok1), flagText(cur), gapPercent(off, ok2), flagText(off), gapChange(cur, off, ok1 && ok2),
		})
	}
	return tab
}

// eiaQuartileChart shows the women's share of each pay quartile under
// Current and timeline t: bars in two shades with their values written on
// them, so it reads in black and white.
func eiaQuartileChart(g *analysis.PayGaps, t int) report.Chart {
	quartiles := []struct{ name, measure string }{
		{"Lower", analysis.FemaleLower}, {"Lower middle", analysis.FemaleLowerMiddle},
		{"Upper middle", analysis.FemaleUpperMiddle}, {"Top", analysis.FemaleTop},
	}
	ch := report.Chart{
		Kind:   report.BarChart,
		Title:  "Women's share of each pay quartile",
		XLabel: "Quartile of hourly pay",
		YLabel: "Women (%)",
		Note:   "The rest of each quartile is men. Everyone whose sex is male or female counts; each quartile holds a quarter of them.",
	}
	for _, q := range quartiles {
		ch.Categories = append(ch.Categories, q.name)
	}
	for _, ti := range []int{0, t} {
		s := report.Series{Name: g.Timelines[ti].Scenario}
		for _, q := range quartiles {
			m, ok := g.Measure(ti, eiaYear, analysis.SexGroup, q.measure)
			s.Values = append(s.Values, gapPercent(m, ok))
		}
		ch.Series = append(ch.Series, s)
	}
	return ch
}

// eiaOtherTable is the hourly pay gaps beyond sex (each attribute's groups
// against its reference, part-time against full-time) under Current and
// timeline t.
func eiaOtherTable(g *analysis.PayGaps, t int) report.Table {
	name := g.Timelines[t].Scenario
	var refs []string
	for _, a := range g.Attributes {
		refs = append(refs, a.Name+" against "+a.Reference)
	}
	refs = append(refs, "part-time against full-time staff (FTE below 1)")
	tab := report.Table{
		Title:   "Other hourly pay gaps",
		Columns: []string{"Group", "Measure", "Current", "Flag", "Offer", "Flag", "Change"},
		Note:    "Offer: " + name + ". Each group is compared with a reference group: " + strings.Join(refs, "; ") + ". Change is in percentage points.",
	}
	for _, m := range g.Timelines[t].Years[eiaYear-1].Measures {
		if m.Group == analysis.SexGroup {
			continue
		}
		cur, ok := g.Measure(0, eiaYear, m.Group, m.Measure)
		tab.Rows = append(tab.Rows, []report.Cell{
			report.Text(m.Group), report.Text(strings.TrimSuffix(measureLabels[m.Measure], " hourly pay gap")),
			gapPercent(cur, ok), flagText(cur), gapPercent(m, true), flagText(m), gapChange(cur, m, ok),
		})
	}
	return tab
}

// eiaSentence says which hourly pay gaps timeline t widens or narrows
// against Current, and by how much (analysis.PayGaps.Changes).
func eiaSentence(g *analysis.PayGaps, t int) string {
	name := g.Timelines[t].Scenario
	changes := g.Changes(t, eiaYear)
	if len(changes) == 0 {
		return fmt.Sprintf("%s leaves every hourly pay gap as it is under Current at the snapshot (to one decimal place).", name)
	}
	var widens, narrows []string
	for _, c := range changes {
		s := fmt.Sprintf("%s from %s%% to %s%% (%s points)", gapName(g, c.Group, c.Measure),
			c.From.StringFixed(1), c.To.StringFixed(1), signedTenth(c.Change))
		if c.Widens {
			widens = append(widens, s)
		} else {
			narrows = append(narrows, s)
		}
	}
	var parts []string
	if len(widens) > 0 {
		parts = append(parts, "widens "+joinWords(widens))
	}
	if len(narrows) > 0 {
		parts = append(parts, "narrows "+joinWords(narrows))
	}
	return fmt.Sprintf("%s %s; every other hourly pay gap is unchanged to one decimal place.", name, strings.Join(parts, ", and "))
}

// gapName names a gap in words: "the median gender pay gap", "the mean
// ethnicity pay gap of Asian staff against White".
func gapName(g *analysis.PayGaps, group, measure string) string {
	kind := "mean"
	if measure == analysis.DiffMedianHourly {
		kind = "median"
	}
	switch {
	case group == analysis.SexGroup:
		return "the " + kind + " gender pay gap"
	case strings.HasPrefix(group, analysis.WorkingPatternName+": "):
		return "the " + kind + " part-time pay gap"
	}
	attr, value, _ := strings.Cut(group, ": ")
	for _, a := range g.Attributes {
		if a.Name == attr {
			return fmt.Sprintf("the %s %s pay gap of %s against %s", kind, attr, value, a.Reference)
		}
	}
	return fmt.Sprintf("the %s %s pay gap of %s", kind, attr, value)
}

// signedTenth writes a change to one place with its sign.
func signedTenth(d decimal.Decimal) string {
	s := d.StringFixed(1)
	if d.IsPositive() {
		s = "+" + s
	}
	return s
}

// joinWords joins phrases as "a, b and c".
func joinWords(ps []string) string {
	if len(ps) == 1 {
		return ps[0]
	}
	return strings.Join(ps[:len(ps)-1], ", ") + " and " + ps[len(ps)-1]
}
