package analysis

import (
	"github.com/shopspring/decimal"

	"paymodel/pkg/paystructure"
	"paymodel/pkg/projection"
)

// The disclosure policy: what paymodel publishes about the pay of groups of
// census people (the cost by band, the distribution of rises by band and
// the equality tables, in the CSV tables and the PDF alike). It lives here,
// in one place, and every table and report applies it.
//
// Primary suppression: the pay of a group of fewer than MinGroup people is
// never shown (a mean of one is that person's salary).
//
// Secondary (complementary) suppression: a table whose groups add up to a
// published total (the band rows of cost.csv and their All row; the groups
// of one equality attribute, which are the whole census, as are every
// other attribute's groups) would let a single blank group be worked out
// as the total minus the others: 11 × mean(North) − 10 × mean(F) is the
// one man's salary when 10 women and 1 man all work in the North. So
// whenever a group is blank for being small, the smallest group of at least
// MinGroup people of the same table is blank too. The blank groups then
// only ever add up, together, to the pay of more than MinGroup people that
// include a group of MinGroup or more, and no single blank figure can be
// derived from the published ones. The whole census's total is treated as
// published (the employer knows its paybill), so each equality attribute is
// protected on its own.
//
// Headcounts are always shown: a count is not pay.
const MinGroup = 5

// MinIdentifying is the most distinct values a census attribute may have
// before IdentifyingAttribute looks at whether it identifies people.
const MinIdentifying = 50

// Suppression is the disclosure policy applied to one costing: which bands
// have their pay left blank in cost.csv, distribution.csv and the
// comparison PDF, and whether the All rows may be shown.
type Suppression struct {
	// Bands holds the bands whose pay is blank (primary and secondary).
	Bands map[string]bool
	// Secondary holds the bands among Bands that have MinGroup or more
	// people and are blank only so that the small ones cannot be derived.
	Secondary map[string]bool
	// AllShown is false when the whole census has more than 0 and fewer
	// than MinGroup people: then its totals are one small group's pay, and
	// the All rows' pay is blank as well (with every band's).
	AllShown bool
}

// BandShown reports whether the pay of band may be shown.
func (s *Suppression) BandShown(band string) bool {
	if band == projection.AllBands {
		return s.AllShown
	}
	return !s.Bands[band]
}

// Suppress applies the disclosure policy to the band figures of a costing
// (nil gives a Suppression that hides nothing).
//
// A band is small when, under any scenario, it has more than 0 and fewer
// than MinGroup people in any pay year of the cost rows or in the
// distribution of rises. A band is large when it is not small and has
// MinGroup or more people in every cost row of every scenario. When some
// band is small, the
// small bands are blank, and so is the large band with the fewest people in
// pay year 1 under Current (the first in display order on a tie); when no
// band is large, every band with people is blank. The All rows are shown
// unless the census has more than 0 and fewer than MinGroup people (then
// every band is blank too). The same bands are
// blank in every pay year and scenario, because cost.csv's change column
// ties each scenario's row to Current's.
func Suppress(c *projection.Costing) *Suppression {
	s := &Suppression{Bands: map[string]bool{}, Secondary: map[string]bool{}, AllShown: true}
	if c == nil || len(c.Scenarios) == 0 {
		return s
	}
	minGroup := decimal.NewFromInt(MinGroup)
	small := map[string]bool{}
	notLarge := map[string]bool{}
	seen := map[string]bool{}
	var order []string // bands with people, in first-seen (display) order
	for _, sc := range c.Scenarios {
		for _, r := range sc.Rows {
			if r.Band == projection.AllBands {
				if r.Year == 1 && r.Headcount.IsPositive() && r.Headcount.LessThan(minGroup) {
					s.AllShown = false
				}
				continue
			}
			if r.Headcount.IsPositive() && !seen[r.Band] {
				seen[r.Band] = true
				order = append(order, r.Band)
			}
			if r.Headcount.IsPositive() && r.Headcount.LessThan(minGroup) {
				small[r.Band] = true
			}
			if r.Headcount.LessThan(minGroup) {
				notLarge[r.Band] = true
			}
		}
		for _, d := range sc.Distribution {
			if d.Band != projection.AllBands && d.People > 0 && d.People < MinGroup {
				small[d.Band] = true
			}
		}
	}
	for b := range small {
		s.Bands[b] = true
	}
	if len(small) == 0 {
		return s
	}
	year1 := map[string]decimal.Decimal{}
	for _, r := range c.Scenarios[0].Rows {
		if r.Year == 1 {
			year1[r.Band] = r.Headcount
		}
	}
	best := ""
	for _, b := range order {
		if notLarge[b] || small[b] {
			continue
		}
		if best == "" || year1[b].LessThan(year1[best]) {
			best = b
		}
	}
	if best != "" && s.AllShown {
		s.Bands[best] = true
		s.Secondary[best] = true
		return s
	}
	// No band is large enough to hide the small ones behind: blank every
	// band that has people, so that only the All row (the whole census)
	// shows. When the whole census is small, every band is blank.
	for _, b := range order {
		s.Bands[b] = true
	}
	if !s.AllShown {
		for _, r := range c.Scenarios[0].Rows {
			if r.Band != projection.AllBands {
				s.Bands[r.Band] = true
			}
		}
	}
	return s
}

// SuppressEquality applies the disclosure policy to one scenario's equality
// rows (projection.ScenarioCosting.Equality): it returns, for each row,
// whether its pay (mean, median and gap) is blank. Within each attribute,
// a group of fewer than MinGroup people is blank, and when any is, so is the
// group of MinGroup or more people with the smallest headcount (the first in
// the rows' order on a tie). When no group of an attribute has MinGroup
// people, all of them are blank.
func SuppressEquality(rows []projection.EqualityRow) []bool {
	out := make([]bool, 0, len(rows))
	for start := 0; start < len(rows); {
		end := start
		var sizes []decimal.Decimal
		for end < len(rows) && rows[end].Attribute == rows[start].Attribute {
			sizes = append(sizes, decimal.NewFromInt(rows[end].Headcount))
			end++
		}
		out = append(out, SuppressGroups(sizes, decimal.NewFromInt(MinGroup))...)
		start = end
	}
	return out
}

// SuppressGroups applies the disclosure policy to the groups of one table
// that add up to a published total, given each group's people, with min
// the fewest people a group's pay may be shown for (MinGroup, or
// MinGapGroup for the pay gap measures): it returns which groups are blank.
// A group of fewer than min people is blank, and when any is, so is the
// group of min or more people with the fewest (the first on a tie). When
// no group has min people, all of them are blank.
func SuppressGroups(people []decimal.Decimal, min decimal.Decimal) []bool {
	out := make([]bool, len(people))
	anySmall := false
	comp := -1
	for i, n := range people {
		if n.LessThan(min) {
			out[i] = true
			anySmall = true
		} else if comp < 0 || n.LessThan(people[comp]) {
			comp = i
		}
	}
	if anySmall && comp >= 0 {
		out[comp] = true
	}
	return out
}

// IdentifyingAttribute finds a census attribute column that gives most
// people a value of their own (an email, a payroll number, a postcode): it
// identifies people rather than grouping them, and the equality tables
// would publish each one's salary beside it. The rule: more than
// MinIdentifying distinct values, and more than half of the people holding
// a value nobody else has. It returns the first such column, the number of
// people alone in their value, and the census headcount; ok is false when
// there is none.
func IdentifyingAttribute(c *paystructure.Census) (name string, alone, headcount int64, ok bool) {
	if c == nil || c.Headcount == 0 {
		return "", 0, 0, false
	}
	for i, attr := range c.AttributeNames {
		people := map[string]int64{}
		for _, g := range c.Groups {
			if i < len(g.Attributes) {
				people[g.Attributes[i]] += g.Count
			}
		}
		if len(people) <= MinIdentifying {
			continue
		}
		var n int64
		for _, k := range people {
			if k == 1 {
				n++
			}
		}
		if n*2 > c.Headcount {
			return attr, n, c.Headcount, true
		}
	}
	return "", 0, 0, false
}

// DisclosedEquality applies the disclosure policy to one scenario's
// equality rows: shown[i] says whether row i's pay may be shown
// (SuppressEquality), and each gap is measured against the best-paid group
// of the same attribute whose pay is shown, (best mean − mean) ÷ best mean
// to 8 places, so that a blank group's pay cannot be worked back from the
// others' gaps either. Where no group is blank, the gaps are the
// projection's own.
func DisclosedEquality(rows []projection.EqualityRow) (out []projection.EqualityRow, shown []bool) {
	hidden := SuppressEquality(rows)
	shown = make([]bool, len(rows))
	best := map[string]decimal.Decimal{}
	for i, e := range rows {
		shown[i] = !hidden[i]
		if b, seen := best[e.Attribute]; shown[i] && (!seen || e.MeanSalary.GreaterThan(b)) {
			best[e.Attribute] = e.MeanSalary
		}
	}
	out = make([]projection.EqualityRow, len(rows))
	for i, e := range rows {
		out[i] = e
		if b, ok := best[e.Attribute]; ok && b.IsPositive() {
			out[i].GapPct = b.Sub(e.MeanSalary).DivRound(b, 8)
		}
	}
	return out, shown
}

// Disclosed is one scenario's equality rows as they may be published:
// Rows with the gaps DisclosedEquality measures, and whether each row's pay
// is shown.
type Disclosed struct {
	Rows  []projection.EqualityRow
	Shown []bool
}

// Disclose applies DisclosedEquality to every scenario of a costing, in
// order.
func Disclose(c *projection.Costing) []Disclosed {
	var out []Disclosed
	for _, sc := range c.Scenarios {
		rows, shown := DisclosedEquality(sc.Equality)
		out = append(out, Disclosed{Rows: rows, Shown: shown})
	}
	return out
}
