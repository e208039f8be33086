package analysis

import (
	"fmt"
	"maps"
	"math/big"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/internal/plain"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/projection"
)

// The pay gap measures (paygap.csv and the comparison's equality impact
// assessment) follow The Equality Act 2010 (Specific Duties and Public
// Authorities) Regulations 2017, Schedule 1, for sex, and apply the same
// hourly pay to other attributes:
//
// Snapshot: the last month of each pay year. Everyone in post that month
// counts, a census row's count people (under turnover, the expected people,
// who may be fractions).
//
// Hourly pay: the month's pay as paid (money.MonthlyPay, to the penny) ÷
// (the band's weekly hours × FTE × days in the month ÷ 7). It is kept as an
// exact rational (math/big.Rat): nothing is rounded before a measure is.
//
// Mean and median gaps: (male − female) ÷ male × 100, and for other
// attributes (reference − group) ÷ reference × 100. The median is the
// middle value, the mean of the two middle values for an even count; with
// fractional people, the mean of the first value whose cumulative people
// reach half of them and the first whose cumulative people pass half.
//
// Quartiles: everyone with a sex of male or female ranked by hourly pay and
// split into four parts of equal people (fractions of a person allowed);
// the people on one hourly rate that straddle a boundary are shared between
// the parts in the men:women proportion of everyone on that rate.
//
// Bonus: the lump sums paid in the pay year (the 12 months to the end of
// the snapshot month). Mean and median bonus gaps among those who received
// one; the percentage of men and of women who did. All six are blank when
// nobody received one; the gaps are blank when no man or no woman did.
//
// Rounding: every value to one decimal place, halves away from zero
// (money.Tenth), from the exact rational.

// The statutory measure names, as in the government's gender pay gap
// service download, in its order.
const (
	DiffMeanHourly    = "DiffMeanHourlyPercent"
	DiffMedianHourly  = "DiffMedianHourlyPercent"
	DiffMeanBonus     = "DiffMeanBonusPercent"
	DiffMedianBonus   = "DiffMedianBonusPercent"
	MaleBonus         = "MaleBonusPercent"
	FemaleBonus       = "FemaleBonusPercent"
	MaleLower         = "MaleLowerQuartile"
	FemaleLower       = "FemaleLowerQuartile"
	MaleLowerMiddle   = "MaleLowerMiddleQuartile"
	FemaleLowerMiddle = "FemaleLowerMiddleQuartile"
	MaleUpperMiddle   = "MaleUpperMiddleQuartile"
	FemaleUpperMiddle = "FemaleUpperMiddleQuartile"
	MaleTop           = "MaleTopQuartile"
	FemaleTop         = "FemaleTopQuartile"
)

// SexMeasures lists the statutory measures in the service's order.
var SexMeasures = []string{
	DiffMeanHourly, DiffMedianHourly, DiffMeanBonus, DiffMedianBonus, MaleBonus, FemaleBonus,
	MaleLower, FemaleLower, MaleLowerMiddle, FemaleLowerMiddle,
	MaleUpperMiddle, FemaleUpperMiddle, MaleTop, FemaleTop,
}

// Group labels of the pay gap measures.
const (
	SexGroup           = "sex"
	WorkingPatternName = "working pattern"
	partTime           = "part-time"
)

// MinGapGroup is the fewest people a group may have for its pay gap to be
// shown (the government's ethnicity pay reporting guidance, 2023, warns
// against publishing smaller groups); below it the disclosure policy's
// complementary suppression applies as for MinGroup (SuppressGroups).
const MinGapGroup = 10

// PayGapOptions choose what the pay gap measures compare beyond sex.
type PayGapOptions struct {
	// Attributes are census attributes to measure besides ethnicity and
	// disability (--equality-attribute), matched case-insensitively.
	Attributes []string
	// References name an attribute's reference group (attribute → value,
	// both case-insensitive). Unnamed: White for ethnicity and Not
	// disabled for disability where those values exist, otherwise the
	// attribute's largest group (the first in text order on a tie).
	References map[string]string
}

// Flag marks a gap the EHRC's equal pay guidance says to look into.
type Flag int

const (
	NoFlag Flag = iota
	// FlagFive: a gap of 5% or more either way.
	FlagFive
	// FlagPersistent: a gap of 3% or more either way, in this pay year and
	// the one before or after it as well.
	FlagPersistent
)

// String is the flag as the tables write it.
func (f Flag) String() string {
	switch f {
	case FlagFive:
		return "5% or more"
	case FlagPersistent:
		return "3% or more, persisting"
	}
	return ""
}

// GapMeasure is one value of paygap.csv.
type GapMeasure struct {
	// Group is what is compared: "sex", or "ethnicity: Asian" (the
	// attribute and the group measured against its reference), or
	// "working pattern: part-time".
	Group   string
	Measure string
	// Value is rounded to one place (money.Tenth); nil when blank (no
	// people to compare, or withheld by the disclosure policy).
	Value *decimal.Decimal
	Flag  Flag
}

// YearPayGap is one pay year's measures under one timeline.
type YearPayGap struct {
	Year     int
	Snapshot calendar.Date // the last day of the snapshot month
	Measures []GapMeasure
}

// TimelinePayGap is one timeline's measures, pay year by pay year.
type TimelinePayGap struct {
	Scenario string
	Years    []YearPayGap
}

// GapAttribute is an attribute measured against a reference group.
type GapAttribute struct {
	Name      string // the census column
	Reference string // the reference group's value ("" when none is shown)
}

// PayGaps is every timeline's pay gap measures (Current first) and what
// they rest on.
type PayGaps struct {
	Timelines []TimelinePayGap
	// Sex is the census attribute the statutory measures use; "" when the
	// census has neither sex nor gender, and NoSex says why.
	Sex   string
	NoSex string
	// Attributes are the other attributes measured, in order.
	Attributes []GapAttribute
	// Notes say what the reader should know: people left out, groups
	// withheld.
	Notes []string
}

// Measure returns the value of group and measure in pay year year (1-based)
// of timeline t, and whether it exists.
func (g *PayGaps) Measure(t, year int, group, measure string) (GapMeasure, bool) {
	if t >= len(g.Timelines) || year < 1 || year > len(g.Timelines[t].Years) {
		return GapMeasure{}, false
	}
	for _, m := range g.Timelines[t].Years[year-1].Measures {
		if m.Group == group && m.Measure == measure {
			return m, true
		}
	}
	return GapMeasure{}, false
}

// GapChange is how an offer moves one hourly pay gap in a pay year against
// Current: Change is To − From, the published (rounded) figures' difference.
type GapChange struct {
	Group, Measure string
	From, To       decimal.Decimal
	Change         decimal.Decimal
	// Widens is true when the gap's size (either way) grows.
	Widens bool
}

// Changes lists the hourly pay gaps (mean and median, every group) that
// timeline t moves in pay year year against Current, in table order;
// gaps blank under either or unchanged are left out.
func (g *PayGaps) Changes(t, year int) []GapChange {
	var out []GapChange
	if t >= len(g.Timelines) || year < 1 || year > len(g.Timelines[t].Years) {
		return nil
	}
	for _, m := range g.Timelines[t].Years[year-1].Measures {
		if m.Measure != DiffMeanHourly && m.Measure != DiffMedianHourly || m.Value == nil {
			continue
		}
		base, ok := g.Measure(0, year, m.Group, m.Measure)
		if !ok || base.Value == nil || base.Value.Equal(*m.Value) {
			continue
		}
		out = append(out, GapChange{
			Group: m.Group, Measure: m.Measure, From: *base.Value, To: *m.Value,
			Change: m.Value.Sub(*base.Value),
			Widens: m.Value.Abs().GreaterThan(base.Value.Abs()),
		})
	}
	return out
}

// PayGapError is an --equality-attribute or reference that the census
// cannot answer: bad input.
type PayGapError struct{ Problems []string }

func (e *PayGapError) Error() string { return strings.Join(e.Problems, "\n") }

// CheckPayGapOptions reports every attribute or reference in opt that the
// census does not have (a *PayGapError), naming what it has.
func CheckPayGapOptions(c *paystructure.Census, opt PayGapOptions) error {
	var probs []string
	if c == nil {
		if len(opt.Attributes) > 0 || len(opt.References) > 0 {
			probs = append(probs, "the dataset has no staff.csv, so there are no pay gaps to measure by attribute")
		}
		return payGapError(probs)
	}
	has := "staff.csv's attributes are " + quotedNames(c.AttributeNames)
	if len(c.AttributeNames) == 0 {
		has = "staff.csv has no attribute columns"
	}
	for _, a := range opt.Attributes {
		if findAttribute(c.AttributeNames, a) < 0 {
			probs = append(probs, fmt.Sprintf("--equality-attribute %q: no such column in staff.csv (%s)", a, has))
		}
	}
	for _, a := range slices.Sorted(maps.Keys(opt.References)) {
		ai := findAttribute(c.AttributeNames, a)
		if ai < 0 {
			probs = append(probs, fmt.Sprintf("--reference %s=%s: no column %q in staff.csv (%s)", a, opt.References[a], a, has))
			continue
		}
		if _, ok := findValue(c, ai, opt.References[a]); !ok {
			probs = append(probs, fmt.Sprintf("--reference %s=%s: nobody in staff.csv has %s %q", a, opt.References[a], c.AttributeNames[ai], opt.References[a]))
		}
	}
	return payGapError(probs)
}

func payGapError(probs []string) error {
	if len(probs) == 0 {
		return nil
	}
	return &PayGapError{Problems: probs}
}

func quotedNames(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

// findAttribute finds an attribute by name, case-insensitively, ignoring
// surrounding spaces; −1 when absent.
func findAttribute(names []string, name string) int {
	for i, n := range names {
		if strings.EqualFold(strings.TrimSpace(n), strings.TrimSpace(name)) {
			return i
		}
	}
	return -1
}

// findValue finds the census's spelling of value v of attribute ai,
// case-insensitively.
func findValue(c *paystructure.Census, ai int, v string) (string, bool) {
	for _, g := range c.Groups {
		if ai < len(g.Attributes) && strings.EqualFold(strings.TrimSpace(g.Attributes[ai]), strings.TrimSpace(v)) {
			return g.Attributes[ai], true
		}
	}
	return "", false
}

// sexOf classifies a census value: 'M', 'F', or 0 for anything else.
func sexOf(v string) byte {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "m", "male", "man":
		return 'M'
	case "f", "female", "woman":
		return 'F'
	}
	return 0
}

// PayGapsOf computes the pay gap measures of a costing's snapshots for the
// census c under opt (whose names CheckPayGapOptions has checked; unknown
// ones are ignored). The sex measures use the attribute sex, or gender when
// there is no sex column (sex wins when both exist: it is the protected
// characteristic the regulations measure).
func PayGapsOf(cost *projection.Costing, c *paystructure.Census, opt PayGapOptions) *PayGaps {
	out := &PayGaps{}
	if cost == nil || c == nil {
		return out
	}
	sex := findAttribute(c.AttributeNames, "sex")
	if sex < 0 {
		sex = findAttribute(c.AttributeNames, "gender")
	}
	if sex >= 0 {
		out.Sex = c.AttributeNames[sex]
		var other int64
		for v, n := range valuePeople(c, sex) {
			if sexOf(v) == 0 {
				other += n
			}
		}
		if other > 0 {
			out.Notes = append(out.Notes, fmt.Sprintf("%d %s with a %s other than male or female (M, Male, Man; F, Female, Woman) %s left out of the sex measures",
				other, plain.Plural(int(other), "person", "people"), out.Sex, plain.Plural(int(other), "is", "are")))
		}
	} else {
		out.NoSex = "staff.csv has no sex or gender column, so the statutory gender pay gap measures cannot be computed"
	}
	// The attributes measured against a reference: ethnicity, disability,
	// then those asked for, each once.
	type compared struct {
		ai  int
		ref string
	}
	var comps []compared
	seen := map[int]bool{sex: true}
	add := func(name, def string) {
		ai := findAttribute(c.AttributeNames, name)
		if ai < 0 || seen[ai] {
			return
		}
		seen[ai] = true
		ref, ok := "", false
		for _, k := range slices.Sorted(maps.Keys(opt.References)) { // the last match, in text order
			if strings.EqualFold(strings.TrimSpace(k), c.AttributeNames[ai]) {
				ref, ok = findValue(c, ai, opt.References[k])
			}
		}
		if !ok && def != "" {
			ref, ok = findValue(c, ai, def)
		}
		if !ok {
			ref = largestValue(c, ai)
		}
		comps = append(comps, compared{ai, ref})
		out.Attributes = append(out.Attributes, GapAttribute{Name: c.AttributeNames[ai], Reference: ref})
	}
	add("ethnicity", "White")
	add("disability", "Not disabled")
	for _, a := range opt.Attributes {
		add(a, "")
	}
	withheld := map[string]bool{}
	for _, sc := range cost.Scenarios {
		tg := TimelinePayGap{Scenario: sc.Scenario}
		for _, s := range sc.Snapshots {
			days := calendar.DaysIn(s.Month.Year(), s.Month.Number())
			yg := YearPayGap{Year: s.Year, Snapshot: calendar.Date{Year: s.Month.Year(), Month: s.Month.Number(), Day: days}}
			hourly := rankRates(hourlyRates(s.Pays, days))
			if sex >= 0 {
				ms, hidHourly, hidBonus := sexMeasures(s, sex, hourly)
				yg.Measures = append(yg.Measures, ms...)
				withheld[SexGroup] = withheld[SexGroup] || hidHourly
				withheld["bonus"] = withheld["bonus"] || hidBonus
			}
			for _, cp := range comps {
				ms, hid := groupMeasures(s.Attributes[cp.ai], cp.ref, hourly)
				yg.Measures = append(yg.Measures, ms...)
				if hid {
					withheld[s.Attributes[cp.ai].Name] = true
				}
			}
			ms, hid := workingPattern(s, hourly)
			yg.Measures = append(yg.Measures, ms...)
			if hid {
				withheld[WorkingPatternName] = true
			}
			tg.Years = append(tg.Years, yg)
		}
		flagGaps(tg.Years)
		out.Timelines = append(out.Timelines, tg)
	}
	if withheld[SexGroup] {
		out.Notes = append(out.Notes, fmt.Sprintf("the hourly pay gaps by sex are blank in some years: fewer than %d men or women", MinGapGroup))
	}
	if withheld["bonus"] {
		out.Notes = append(out.Notes, fmt.Sprintf("the bonus gaps are blank in some years: fewer than %d men or women were paid a bonus", MinGapGroup))
	}
	for _, cp := range comps {
		if withheld[c.AttributeNames[cp.ai]] {
			out.Notes = append(out.Notes, fmt.Sprintf("some %s groups are blank: fewer than %d people, or withheld so that a small group's pay cannot be worked out", c.AttributeNames[cp.ai], MinGapGroup))
		}
	}
	if withheld[WorkingPatternName] {
		out.Notes = append(out.Notes, fmt.Sprintf("the working pattern gap is blank: fewer than %d full-time or part-time people", MinGapGroup))
	}
	return out
}

// largestValue is the value of attribute ai with the most people (the
// first in text order on a tie).
func largestValue(c *paystructure.Census, ai int) string {
	people := valuePeople(c, ai)
	best := ""
	for _, v := range slices.Sorted(maps.Keys(people)) {
		if best == "" || people[v] > people[best] {
			best = v
		}
	}
	return best
}

// valuePeople is the people of each value of attribute ai. Census groups
// come sorted, so a value usually repeats its neighbour's: the map is
// touched once a run of equal values, not once a group.
func valuePeople(c *paystructure.Census, ai int) map[string]int64 {
	people := map[string]int64{}
	var run string
	var n int64
	for i, g := range c.Groups {
		if v := g.Attributes[ai]; i == 0 || v != run {
			if i > 0 {
				people[run] += n
			}
			run, n = v, 0
		}
		n += g.Count
	}
	if len(c.Groups) > 0 {
		people[run] += n
	}
	return people
}

// hourlyRates is each pay's hourly rate in a month of days days: MonthlyPay
// ÷ (WeeklyHours × FTE × days ÷ 7), exactly.
func hourlyRates(pays []projection.SnapshotPay, days int) []*big.Rat {
	out := make([]*big.Rat, len(pays))
	for i, p := range pays {
		hours := p.WeeklyHours.Mul(p.FTE).Mul(decimal.NewFromInt(int64(days))).Rat()
		h := p.MonthlyPay.Mul(decimal.NewFromInt(7)).Rat()
		out[i] = h.Quo(h, hours)
	}
	return out
}

// weightedRat is an exact value held by a number of people.
type weightedRat struct {
	v      *big.Rat
	people decimal.Decimal
}

// rates are a snapshot's hourly pays ranked once: each distinct rate once,
// ascending, and the place of each pay's rate among them. Every group's
// distribution is then counted into those places (ranked) instead of
// sorting its pays again: exact rationals are costly to compare, and a
// census has far fewer distinct hourly rates than pays.
type rates struct {
	values []*big.Rat // distinct, ascending
	at     []int      // at[i] is the place of pay i's rate in values
}

// rankRates ranks hourly, a snapshot's pays' hourly rates.
func rankRates(hourly []*big.Rat) rates {
	order := make([]int, len(hourly))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return hourly[a].Cmp(hourly[b]) })
	r := rates{at: make([]int, len(hourly))}
	for _, i := range order {
		if n := len(r.values); n == 0 || r.values[n-1].Cmp(hourly[i]) != 0 {
			r.values = append(r.values, hourly[i])
		}
		r.at[i] = len(r.values) - 1
	}
	return r
}

// counted is people (per pay) counted into the places of hourly: the
// people on each distinct rate, ascending.
func (hourly rates) counted(people []decimal.Decimal) []decimal.Decimal {
	on := make([]decimal.Decimal, len(hourly.values))
	for i, p := range people {
		if p.IsPositive() {
			on[hourly.at[i]] = on[hourly.at[i]].Add(p)
		}
	}
	return on
}

// ranked lists a group's hourly pays with their people, ascending, each
// rate once with all its people.
func ranked(people []decimal.Decimal, hourly rates) []weightedRat {
	var out []weightedRat
	for k, p := range hourly.counted(people) {
		if p.IsPositive() {
			out = append(out, weightedRat{hourly.values[k], p})
		}
	}
	return out
}

// bonusRanked lists a group's lump sums with their people, ascending.
func bonusRanked(bs []projection.SnapshotBonus) []weightedRat {
	out := make([]weightedRat, 0, len(bs))
	for _, b := range bs {
		out = append(out, weightedRat{b.Amount.Rat(), b.People})
	}
	return out
}

// peopleIn is the people of d.
func peopleIn(d []weightedRat) decimal.Decimal {
	var t decimal.Decimal
	for _, w := range d {
		t = t.Add(w.people)
	}
	return t
}

// meanOf is the people-weighted mean of d (nil when d has nobody).
func meanOf(d []weightedRat) *big.Rat {
	t := peopleIn(d)
	if !t.IsPositive() {
		return nil
	}
	sum := new(big.Rat)
	for _, w := range d {
		sum.Add(sum, new(big.Rat).Mul(w.v, w.people.Rat()))
	}
	return sum.Quo(sum, t.Rat())
}

// medianOf is the middle of d, ascending: the mean of the value of the first
// person whose cumulative people reach half the total and of the first
// whose cumulative people pass it (for whole people: the middle value, or
// the mean of the two middle values). Nil when d has nobody.
func medianOf(d []weightedRat) *big.Rat {
	t := peopleIn(d)
	if !t.IsPositive() {
		return nil
	}
	half := t.Mul(decimal.New(5, -1))
	var lo, hi *big.Rat
	var cum decimal.Decimal
	for _, w := range d {
		cum = cum.Add(w.people)
		if lo == nil && cum.GreaterThanOrEqual(half) {
			lo = w.v
		}
		if cum.GreaterThan(half) {
			hi = w.v
			break
		}
	}
	m := new(big.Rat).Add(lo, hi)
	return m.Quo(m, big.NewRat(2, 1))
}

// payGap is (ref − x) ÷ ref × 100, rounded by money.Tenth; nil when either is
// missing or ref is zero.
func payGap(ref, x *big.Rat) *decimal.Decimal {
	if ref == nil || x == nil || ref.Sign() == 0 {
		return nil
	}
	g := new(big.Rat).Sub(ref, x)
	g.Quo(g, ref).Mul(g, big.NewRat(100, 1))
	v := money.Tenth(g)
	return &v
}

// percentOf is part ÷ whole × 100, rounded by money.Tenth; nil when whole is
// not positive.
func percentOf(part, whole *big.Rat) *decimal.Decimal {
	if whole.Sign() <= 0 {
		return nil
	}
	p := new(big.Rat).Quo(part, whole)
	v := money.Tenth(p.Mul(p, big.NewRat(100, 1)))
	return &v
}

// gapShown applies the disclosure policy (SuppressGroups, MinGapGroup) to
// groups of the given people.
func gapShown(people ...decimal.Decimal) []bool {
	hidden := SuppressGroups(people, decimal.NewFromInt(MinGapGroup))
	out := make([]bool, len(hidden))
	for i, h := range hidden {
		out[i] = !h
	}
	return out
}

// sexMeasures are the 14 statutory measures of snapshot s, sex being
// attribute ai; hidHourly and hidBonus report whether the disclosure policy
// withheld the hourly or the bonus gaps (not merely that one side had
// nobody).
func sexMeasures(s projection.Snapshot, ai int, hourly rates) (out []GapMeasure, hidHourly, hidBonus bool) {
	men := make([]decimal.Decimal, len(s.Pays))
	women := make([]decimal.Decimal, len(s.Pays))
	var menBonus, womenBonus []weightedRat
	for _, g := range s.Attributes[ai].Groups {
		var into []decimal.Decimal
		switch sexOf(g.Value) {
		case 'M':
			into, menBonus = men, append(menBonus, bonusRanked(g.Bonus)...)
		case 'F':
			into, womenBonus = women, append(womenBonus, bonusRanked(g.Bonus)...)
		default:
			continue
		}
		for i, p := range g.People {
			into[i] = into[i].Add(p)
		}
	}
	byAmount := func(a, b weightedRat) int { return a.v.Cmp(b.v) }
	slices.SortStableFunc(menBonus, byAmount)
	slices.SortStableFunc(womenBonus, byAmount)
	m, f := ranked(men, hourly), ranked(women, hourly)
	val := map[string]*decimal.Decimal{}
	if ok := gapShown(peopleIn(m), peopleIn(f)); ok[0] && ok[1] {
		val[DiffMeanHourly] = payGap(meanOf(m), meanOf(f))
		val[DiffMedianHourly] = payGap(medianOf(m), medianOf(f))
	} else {
		hidHourly = peopleIn(m).IsPositive() && peopleIn(f).IsPositive()
	}
	mb, fb := peopleIn(menBonus), peopleIn(womenBonus)
	if mb.IsPositive() || fb.IsPositive() {
		val[MaleBonus] = percentOf(mb.Rat(), peopleIn(m).Rat())
		val[FemaleBonus] = percentOf(fb.Rat(), peopleIn(f).Rat())
		if ok := gapShown(mb, fb); ok[0] && ok[1] {
			val[DiffMeanBonus] = payGap(meanOf(menBonus), meanOf(womenBonus))
			val[DiffMedianBonus] = payGap(medianOf(menBonus), medianOf(womenBonus))
		} else {
			hidBonus = mb.IsPositive() && fb.IsPositive()
		}
	}
	q := quartiles(men, women, hourly)
	names := [4][2]string{{MaleLower, FemaleLower}, {MaleLowerMiddle, FemaleLowerMiddle}, {MaleUpperMiddle, FemaleUpperMiddle}, {MaleTop, FemaleTop}}
	for i, n := range names {
		if q != nil {
			val[n[0]], val[n[1]] = q[i][0], q[i][1]
		}
	}
	out = make([]GapMeasure, len(SexMeasures))
	for i, name := range SexMeasures {
		out[i] = GapMeasure{Group: SexGroup, Measure: name, Value: val[name]}
	}
	return out, hidHourly, hidBonus
}

// quartiles splits the men and women (people per pay) ranked by hourly pay
// into four parts of equal people and returns each part's percentage of men
// and of women; nil when there is nobody. People on one hourly rate that
// straddle a boundary are shared between the parts in that rate's
// men:women proportion.
func quartiles(men, women []decimal.Decimal, hourly rates) *[4][2]*decimal.Decimal {
	type rate struct {
		m, f *big.Rat
	}
	// The men and women on each hourly rate, ascending.
	var merged []rate
	onM, onF := hourly.counted(men), hourly.counted(women)
	for k := range hourly.values {
		if onM[k].IsPositive() || onF[k].IsPositive() {
			merged = append(merged, rate{onM[k].Rat(), onF[k].Rat()})
		}
	}
	all := new(big.Rat)
	for _, r := range merged {
		all.Add(all, r.m).Add(all, r.f)
	}
	if all.Sign() == 0 {
		return nil
	}
	quarter := new(big.Rat).Quo(all, big.NewRat(4, 1))
	var part [4][2]*big.Rat
	for q := range part {
		part[q] = [2]*big.Rat{new(big.Rat), new(big.Rat)}
	}
	start := new(big.Rat) // the rate's first position in the ranking
	for _, r := range merged {
		n := new(big.Rat).Add(r.m, r.f)
		end := new(big.Rat).Add(start, n)
		for q := 0; q < 4; q++ {
			lo := new(big.Rat).Mul(quarter, big.NewRat(int64(q), 1))
			hi := new(big.Rat).Add(lo, quarter)
			if start.Cmp(lo) > 0 {
				lo = start
			}
			if end.Cmp(hi) < 0 {
				hi = end
			}
			overlap := new(big.Rat).Sub(hi, lo)
			if overlap.Sign() <= 0 {
				continue
			}
			share := new(big.Rat).Quo(overlap, n)
			part[q][0].Add(part[q][0], new(big.Rat).Mul(share, r.m))
			part[q][1].Add(part[q][1], new(big.Rat).Mul(share, r.f))
		}
		start = end
	}
	var out [4][2]*decimal.Decimal
	for q := range part {
		out[q][0] = percentOf(part[q][0], quarter)
		out[q][1] = percentOf(part[q][1], quarter)
	}
	return &out
}

// groupMeasures are the mean and median hourly gaps of each group of an
// attribute against its reference group, in the groups' order (the
// reference left out); hidden reports whether the disclosure policy
// withheld any.
func groupMeasures(a projection.SnapshotAttribute, ref string, hourly rates) (out []GapMeasure, hidden bool) {
	sizes := make([]decimal.Decimal, len(a.Groups))
	dists := make([][]weightedRat, len(a.Groups))
	ri := -1
	for i, g := range a.Groups {
		dists[i] = ranked(g.People, hourly)
		sizes[i] = peopleIn(dists[i])
		if g.Value == ref {
			ri = i
		}
	}
	ok := gapShown(sizes...)
	var refMean, refMedian *big.Rat
	if ri >= 0 && ok[ri] {
		refMean, refMedian = meanOf(dists[ri]), medianOf(dists[ri])
	}
	for i, g := range a.Groups {
		if !ok[i] {
			hidden = true
		}
		if i == ri {
			continue
		}
		label := a.Name + ": " + g.Value
		var mv, md *decimal.Decimal
		if ok[i] {
			mv, md = payGap(refMean, meanOf(dists[i])), payGap(refMedian, medianOf(dists[i]))
		}
		out = append(out, GapMeasure{Group: label, Measure: DiffMeanHourly, Value: mv}, GapMeasure{Group: label, Measure: DiffMedianHourly, Value: md})
	}
	return out, hidden
}

// workingPattern is the mean and median hourly gap of part-time staff
// (FTE below 1) against full-time staff; withheld reports whether the
// disclosure policy blanked it (not merely that nobody works part time).
func workingPattern(s projection.Snapshot, hourly rates) (out []GapMeasure, withheld bool) {
	ft := make([]decimal.Decimal, len(s.Pays))
	pt := make([]decimal.Decimal, len(s.Pays))
	one := decimal.NewFromInt(1)
	for i, p := range s.All.People {
		if s.Pays[i].FTE.LessThan(one) {
			pt[i] = p
		} else {
			ft[i] = p
		}
	}
	f, p := ranked(ft, hourly), ranked(pt, hourly)
	ok := gapShown(peopleIn(f), peopleIn(p))
	label := WorkingPatternName + ": " + partTime
	var mv, md *decimal.Decimal
	if ok[0] && ok[1] {
		mv, md = payGap(meanOf(f), meanOf(p)), payGap(medianOf(f), medianOf(p))
	}
	withheld = (!ok[0] || !ok[1]) && peopleIn(f).IsPositive() && peopleIn(p).IsPositive()
	return []GapMeasure{{Group: label, Measure: DiffMeanHourly, Value: mv}, {Group: label, Measure: DiffMedianHourly, Value: md}}, withheld
}

// flagGaps marks, in one timeline's years, each hourly gap of 5% or more
// either way (FlagFive) and each of 3% or more either way that is also 3%
// or more in the year before or after (FlagPersistent), on the published
// (rounded) values.
func flagGaps(years []YearPayGap) {
	five, three := decimal.NewFromInt(5), decimal.NewFromInt(3)
	atLeast := func(y int, group, measure string, lim decimal.Decimal) bool {
		if y < 0 || y >= len(years) {
			return false
		}
		for _, m := range years[y].Measures {
			if m.Group == group && m.Measure == measure {
				return m.Value != nil && m.Value.Abs().GreaterThanOrEqual(lim)
			}
		}
		return false
	}
	for y := range years {
		for i := range years[y].Measures {
			m := &years[y].Measures[i]
			if m.Value == nil || (m.Measure != DiffMeanHourly && m.Measure != DiffMedianHourly) {
				continue
			}
			switch {
			case m.Value.Abs().GreaterThanOrEqual(five):
				m.Flag = FlagFive
			case m.Value.Abs().GreaterThanOrEqual(three) &&
				(atLeast(y-1, m.Group, m.Measure, three) || atLeast(y+1, m.Group, m.Measure, three)):
				m.Flag = FlagPersistent
			}
		}
	}
}
