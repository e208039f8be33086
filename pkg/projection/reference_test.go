package projection

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
)

// The reference implementation: one person at a time, labels and decimals
// only, the table looked up with TableAt every month, no caches, no integer
// pence, no grouping. It follows the rules in the package documentation
// literally, so the grouped engine must agree with it to the penny.

type refMonth struct {
	band, label string
	salary      decimal.Decimal // annual full-time, protection included
	atTop       bool
}

type refState struct {
	tl          *paystructure.Timeline
	progress    bool
	cpd         decimal.Decimal
	recorded    bool
	band, label string
	tab         *paystructure.Table
	pm, nb      calendar.Month
	prot        decimal.Decimal
	hasProt     bool
}

func (r *refState) scale(tab *paystructure.Table, band string) paystructure.Scale {
	sc, _ := tab.Scale(band)
	return sc
}

func (r *refState) point() paystructure.Point {
	sc := r.scale(r.tab, r.band)
	return sc.Points[sc.Index(r.label)]
}

func (r *refState) salary() decimal.Decimal {
	s := r.point().Salary
	if r.hasProt && r.prot.GreaterThan(s) {
		return r.prot
	}
	return s
}

func (r *refState) top() bool { return r.scale(r.tab, r.band).Top().Label == r.label }

func (r *refState) meets(req decimal.Decimal) bool {
	return !r.recorded || r.cpd.GreaterThanOrEqual(req)
}

func (r *refState) protect(s decimal.Decimal) {
	if !r.hasProt || s.GreaterThan(r.prot) {
		r.prot, r.hasProt = s, true
	}
}

func (r *refState) rule() paystructure.Progression {
	if p, ok := r.tl.Rules.Progression[r.band]; ok {
		return p
	}
	for _, b := range r.tl.Bands {
		if b.Name == r.band {
			return b.Progression
		}
	}
	panic("no band " + r.band)
}

func (r *refState) frozen(m calendar.Month) bool { return slices.Contains(r.tl.Rules.Freeze, m) }

func (r *refState) progressAt(m calendar.Month) {
	if !r.progress || r.frozen(m) || r.top() {
		return
	}
	p := r.point()
	rule := r.rule()
	at := int(m - r.pm)
	if rule.Kind == paystructure.FixedDate {
		if m.Number() != rule.On.Month || at < p.Months-12+rule.QualifyingMonths {
			return
		}
	} else if at < p.Months || m < r.nb {
		return
	}
	req := decimal.Max(p.CPDHours, r.tl.Rules.CPD.Hours)
	if !r.meets(req) {
		if rule.Kind == paystructure.Anniversary {
			r.nb = m + 12
		}
		return
	}
	steps := 1
	if a := r.tl.Rules.CPD; a.AccelerateHours.Sign() > 0 && r.recorded && r.cpd.GreaterThanOrEqual(a.AccelerateHours) {
		steps = max(1, a.AcceleratePoints)
	}
	sc := r.scale(r.tab, r.band)
	r.label = sc.Points[min(sc.Index(r.label)+steps, len(sc.Points)-1)].Label
	r.pm, r.nb = m, 0
}

func (r *refState) assimilate(tab *paystructure.Table, m calendar.Month) {
	if r.top() {
		defer r.overdue(m)
	}
	old := r.salary()
	r.tab = tab
	for _, mv := range tab.Moves {
		if mv.Band == r.band && mv.From == r.label {
			r.label = mv.To
			if mv.Protect {
				r.protect(old)
			}
			return
		}
	}
	sc := r.scale(tab, r.band)
	if sc.Index(r.label) >= 0 {
		return
	}
	for _, p := range sc.Points {
		if p.Salary.GreaterThanOrEqual(old) {
			r.label = p.Label
			return
		}
	}
	r.label = sc.Top().Label
	r.protect(old)
}

// overdue: someone on the top point when a table puts a point above them,
// with their time at the point complete before m, is first tested on the
// first anniversary of its completion on or after m (anniversary schemes).
func (r *refState) overdue(m calendar.Month) {
	if r.top() || r.rule().Kind != paystructure.Anniversary {
		return
	}
	due := r.pm + calendar.Month(r.point().Months)
	for due < m {
		due += 12
	}
	if due > r.nb {
		r.nb = due
	}
}

func (r *refState) pathway(m calendar.Month) {
	if !r.progress || r.frozen(m) || !r.top() {
		return
	}
	for _, pw := range r.tl.Rules.Pathways {
		if pw.From != r.band || int(m-r.pm) < pw.AfterMonths || !r.meets(pw.CPDHours) {
			continue
		}
		cur := r.salary()
		sc := r.scale(r.tab, pw.To)
		r.band, r.label = pw.To, sc.Top().Label
		for _, p := range sc.Points {
			if p.Salary.GreaterThanOrEqual(cur) {
				r.label = p.Label
				break
			}
		}
		r.pm, r.nb = m, 0
		return
	}
}

// refPath runs one person from first to the end of the horizon. A census
// person (entrant false) starts on label with time from pm; an entrant starts
// at the bottom of band on first.
func refPath(tl *paystructure.Timeline, progress bool, g paystructure.Group, entrant bool, first calendar.Month) []refMonth {
	r := &refState{tl: tl, progress: progress, cpd: g.CPDHours, recorded: g.CPDRecorded, band: g.Band}
	if entrant {
		r.tab = tl.TableAt(first)
		r.label = r.scale(r.tab, g.Band).Points[0].Label
		r.pm = first
	} else {
		r.tab = tl.CensusStart() // Prior is met by Tables[0] in the first month, below
		r.label = g.Point
		r.pm = tl.Start
		if !g.PointDate.IsZero() {
			r.pm = calendar.FirstOnOrAfter(g.PointDate)
		}
		sc := r.scale(r.tab, g.Band)
		for _, mv := range r.tab.Moves {
			if mv.Band == g.Band && mv.From == g.Point {
				if i := sc.Index(g.Point); i >= 0 && mv.Protect {
					r.protect(sc.Points[i].Salary)
				}
				r.label = mv.To
			}
		}
		if r.point().Salary.GreaterThanOrEqual(r.prot) {
			r.hasProt = false
		}
		// A backlog (time complete before the start) waits for the first
		// anniversary of its completion; anyone else is tested when their
		// time reaches their point's months, on whatever point they are
		// then (a move keeps their time, not their date).
		if due := r.pm + calendar.Month(r.point().Months); r.rule().Kind == paystructure.Anniversary && due < tl.Start {
			for due < tl.Start {
				due += 12
			}
			r.nb = due
		}
	}
	var out []refMonth
	for m := first; m < tl.End(); m++ {
		tab := tl.TableAt(m)
		if tab != r.tab {
			if tl.Rules.Order == paystructure.ProgressFirst {
				wasTop := r.top()
				r.progressAt(m)
				r.assimilate(tab, m)
				if wasTop && !r.top() {
					r.progressAt(m)
				}
			} else {
				r.assimilate(tab, m)
				r.progressAt(m)
			}
		} else {
			r.progressAt(m)
		}
		r.pathway(m)
		if r.hasProt && r.point().Salary.GreaterThanOrEqual(r.prot) {
			r.hasProt = false
		}
		out = append(out, refMonth{r.band, r.label, r.salary(), r.top()})
	}
	return out
}

// refYear is one person's pay year.
type refYear struct {
	band                      string
	basic, lumps, cpd, noprog decimal.Decimal
}

func refYears(tl *paystructure.Timeline, g paystructure.Group, entrant bool, first calendar.Month) []refYear {
	with := refPath(tl, true, g, entrant, first)
	without := refPath(tl, false, g, entrant, first)
	var ys []refYear
	for i, mo := range with {
		m := first + calendar.Month(i)
		if i%12 == 0 {
			y := refYear{band: mo.band}
			if tl.CPDDays.Sign() > 0 {
				daily := mo.salary.Mul(g.FTE).DivRound(d("260.715"), 2)
				y.cpd = money.Penny(daily.Mul(tl.CPDDays))
			}
			ys = append(ys, y)
		}
		y := &ys[len(ys)-1]
		y.basic = y.basic.Add(money.MonthlyPay(mo.salary, g.FTE))
		y.noprog = y.noprog.Add(money.MonthlyPay(without[i].salary, g.FTE))
		for _, ls := range tl.LumpSums {
			if ls.Paid != m || (len(ls.Bands) > 0 && !slices.Contains(ls.Bands, mo.band)) || (ls.AtTopOnly && !mo.atTop) {
				continue
			}
			if ls.Rate.IsZero() {
				y.lumps = y.lumps.Add(money.Penny(ls.Amount.Mul(g.FTE)))
			} else {
				y.lumps = y.lumps.Add(money.Penny(ls.Rate.Mul(mo.salary).Mul(g.FTE)))
			}
		}
	}
	return ys
}

type refCell struct {
	w, fte, basic, lumps, cpd, noprog decimal.Decimal
	on                                []decimal.Decimal
}

// refCost costs the census one person at a time.
func refCost(tl *paystructure.Timeline, cen *paystructure.Census, on []paystructure.OnCost, turnover decimal.Decimal) map[string]*refCell {
	cells := map[string]*refCell{}
	add := func(y int, ry refYear, fte, w decimal.Decimal) {
		key := fmt.Sprint(y+1, ry.band)
		c := cells[key]
		if c == nil {
			c = &refCell{on: make([]decimal.Decimal, len(on))}
			cells[key] = c
		}
		c.w = c.w.Add(w)
		c.fte = c.fte.Add(fte.Mul(w))
		c.basic = c.basic.Add(ry.basic.Mul(w))
		c.lumps = c.lumps.Add(ry.lumps.Mul(w))
		c.cpd = c.cpd.Add(ry.cpd.Mul(w))
		c.noprog = c.noprog.Add(ry.noprog.Mul(w))
		pay := ry.basic.Add(ry.lumps)
		for i, oc := range on {
			c.on[i] = c.on[i].Add(money.Penny(oc.Rate.Mul(decimal.Max(decimal.Zero, pay.Sub(oc.Threshold)))).Mul(w))
		}
	}
	one := decimal.NewFromInt(1)
	stay := one.Sub(turnover)
	for _, g := range cen.Groups {
		for range g.Count { // each person separately
			for y, ry := range refYears(tl, g, false, tl.Start) {
				add(y, ry, g.FTE, stay.Pow(decimal.NewFromInt(int64(y))))
			}
			if turnover.IsZero() {
				continue
			}
			for k := 1; k < tl.Years; k++ {
				for i, ry := range refYears(tl, g, true, tl.Start+calendar.Month(12*k)) {
					y := k + i
					add(y, ry, g.FTE, turnover.Mul(stay.Pow(decimal.NewFromInt(int64(y-k)))))
				}
			}
		}
	}
	return cells
}

// refTimelines returns Current and three scenarios exercising every rule.
func refTimelines() []*paystructure.Timeline {
	bands := []paystructure.Band{band("A", anniversary()), band("B", fixedDate(4, 6)), band("C", anniversary())}
	sa := scale("A", 12, "22000", "23000", "24100", "25300", "26600")
	sb := scale("B", 12, "27000", "28500", "30000", "31700")
	sb.Points[1].CPDHours = d("20")
	sc := scale("C", 6, "33000", "34000", "36000")
	cur := tline("Current", "2025-04", 4, bands, table("2025-04", sa, sb, sc))

	raise := func(s paystructure.Scale, f string, drop ...string) paystructure.Scale {
		out := paystructure.Scale{Band: s.Band}
		for _, p := range s.Points {
			if slices.Contains(drop, p.Label) {
				continue
			}
			p.Salary = p.Salary.Mul(d(f))
			out.Points = append(out.Points, p)
		}
		return out
	}
	s1 := func(name string, order paystructure.Order) *paystructure.Timeline {
		t1 := paystructure.Table{From: mon("2025-10"),
			Scales: []paystructure.Scale{raise(sa, "1.035", "1"), raise(sb, "1.035", "4"), raise(sc, "1.035")},
			Moves:  []paystructure.Move{{Band: "A", From: "1", To: "2"}, {Band: "B", From: "4", To: "3", Protect: true}}}
		t2 := paystructure.Table{From: mon("2026-09"),
			Scales: []paystructure.Scale{raise(t1.Scales[0], "1.02"), raise(t1.Scales[1], "1.0213"), raise(t1.Scales[2], "1.05")}}
		tl := tline(name, "2025-04", 4, bands, table("2025-04", sa, sb, sc), t1, t2)
		tl.Rules.Order = order
		tl.Rules.Freeze = []calendar.Month{mon("2026-04")}
		tl.Rules.CPD = paystructure.CPDRules{Hours: d("5"), AccelerateHours: d("40"), AcceleratePoints: 2}
		tl.Rules.Pathways = []paystructure.Pathway{{From: "A", To: "C", AfterMonths: 12, CPDHours: d("10")}}
		tl.LumpSums = []paystructure.LumpSum{
			{Paid: mon("2025-06"), Amount: d("500"), Bands: []string{"A", "B"}},
			{Paid: mon("2026-06"), Rate: d("0.0125"), AtTopOnly: true},
		}
		tl.CPDDays = d("2.5")
		return tl
	}
	s2 := s1("AssimilateFirst", paystructure.AssimilateFirst)
	s2.Rules.Progression = map[string]paystructure.Progression{"B": anniversary(), "C": fixedDate(9, 3)}
	s2.Rules.Freeze = nil
	// Awards on the start date: A's point 2 and B's top point removed and
	// everything raised on 1 April 2025, so the census starts on Prior.
	startDate := func(name string, order paystructure.Order) *paystructure.Timeline {
		t0 := paystructure.Table{From: mon("2025-04"),
			Scales: []paystructure.Scale{raise(sa, "1.03", "2"), raise(sb, "1.01", "4"), raise(sc, "1.03")},
			Moves:  []paystructure.Move{{Band: "A", From: "2", To: "3"}, {Band: "B", From: "4", To: "3", Protect: true}}}
		t1 := paystructure.Table{From: mon("2026-04"),
			Scales: []paystructure.Scale{raise(t0.Scales[0], "1.02"), raise(t0.Scales[1], "1.04"), raise(t0.Scales[2], "1.02")}}
		tl := tline(name, "2025-04", 4, bands, t0, t1)
		prior := table("2025-04", sa, sb, sc)
		tl.Prior = &prior
		tl.Rules.Order = order
		tl.Rules.Pathways = []paystructure.Pathway{{From: "B", To: "C", AfterMonths: 6}}
		return tl
	}
	return []*paystructure.Timeline{cur, s1("ProgressFirst", paystructure.ProgressFirst), s2,
		startDate("StartProgressFirst", paystructure.ProgressFirst), startDate("StartAssimilateFirst", paystructure.AssimilateFirst)}
}

func randomCensus(n int, seed uint64) *paystructure.Census {
	rng := rand.New(rand.NewPCG(seed, 1))
	points := map[string]int{"A": 5, "B": 4, "C": 3}
	bands := []string{"A", "B", "C"}
	ftes := []string{"1", "0.8", "0.6", "0.5", "0.33", "0.123456"}
	hours := []string{"0", "5", "10", "20", "30", "45"}
	var groups []paystructure.Group
	for range n {
		b := bands[rng.IntN(3)]
		g := paystructure.Group{
			Band: b, Point: fmt.Sprint(1 + rng.IntN(points[b])),
			FTE:        d(ftes[rng.IntN(len(ftes))]),
			Count:      int64(1 + rng.IntN(3)),
			Attributes: []string{[]string{"F", "M"}[rng.IntN(2)], []string{"X", "Y", "Z"}[rng.IntN(3)]},
		}
		if rng.IntN(10) > 0 {
			g.PointDate = (mon("2025-04") - calendar.Month(rng.IntN(120)) + 3).First()
			g.PointDate.Day = 1 + rng.IntN(28)
		}
		if rng.IntN(10) < 7 {
			g.CPDHours, g.CPDRecorded = d(hours[rng.IntN(len(hours))]), true
		}
		groups = append(groups, g)
	}
	return census([]string{"Sex", "Site"}, groups...)
}

func TestGroupedEngineMatchesReference(t *testing.T) {
	if testing.Short() {
		t.Skip("reference comparison is slow")
	}
	cen := randomCensus(2000, 42)
	tls := refTimelines()
	on := []paystructure.OnCost{{Name: "Pension", Rate: d("0.2368")}, {Name: "NI", Rate: d("0.15"), Threshold: d("5000")}}
	for _, turnover := range []string{"0", "0.08"} {
		c, err := Cost(cen, tls[0], tls[1:], Options{OnCosts: on, Turnover: d(turnover)})
		if err != nil {
			t.Fatal(err)
		}
		for si, tl := range tls {
			ref := refCost(tl, cen, on, d(turnover))
			sc := c.Scenarios[si]
			if sc.Scenario != tl.Scenario {
				t.Fatalf("scenario %d is %q, want %q", si, sc.Scenario, tl.Scenario)
			}
			checked := 0
			for _, r := range sc.Rows {
				if r.Band == AllBands {
					continue
				}
				rc := ref[fmt.Sprint(r.Year, r.Band)]
				if rc == nil {
					rc = &refCell{on: make([]decimal.Decimal, len(on))}
				}
				name := fmt.Sprintf("turnover %s %s year %d band %s", turnover, tl.Scenario, r.Year, r.Band)
				if d(turnover).IsZero() {
					eq(t, name+" headcount", r.Headcount, rc.w.String())
					eq(t, name+" fte", r.FTE, rc.fte.String())
				} else {
					// Apportioned: within a hundredth of the exact value.
					for _, p := range [][2]decimal.Decimal{{r.Headcount, rc.w}, {r.FTE, rc.fte}} {
						if p[0].Sub(p[1]).Abs().GreaterThanOrEqual(d("0.01")) || !p[0].Equal(p[0].Round(2)) {
							t.Errorf("%s: headcount or FTE %s is not within 0.01 of %s to 2 places", name, p[0], p[1])
						}
					}
				}
				eq(t, name+" basic", r.Basic, money.Penny(rc.basic).String())
				eq(t, name+" lumps", r.LumpSums, money.Penny(rc.lumps).String())
				eq(t, name+" cpd", r.CPDTime, money.Penny(rc.cpd).String())
				eq(t, name+" drift", r.Drift, money.Penny(rc.basic.Sub(rc.noprog)).String())
				for i := range on {
					eq(t, name+" "+on[i].Name, r.OnCostLines[i], money.Penny(rc.on[i]).String())
				}
				if r.Basic.Sign() > 0 {
					checked++
				}
			}
			if checked < 3*tl.Years {
				t.Errorf("%s: only %d non-empty band-years", tl.Scenario, checked)
			}
		}
	}
}

// TestDistributionMatchesReference checks the weighted statistics against
// every person listed one by one.
func TestDistributionMatchesReference(t *testing.T) {
	cen := randomCensus(300, 7)
	tls := refTimelines()
	infl := d("0.03")
	c, err := Cost(cen, tls[0], tls[1:], Options{Inflation: &infl})
	if err != nil {
		t.Fatal(err)
	}
	earn := func(tl *paystructure.Timeline, g paystructure.Group) decimal.Decimal {
		y := refYears(tl, g, false, tl.Start)[0]
		return y.basic.Add(y.lumps)
	}
	for si := 1; si < len(tls); si++ {
		var rises, pcts []decimal.Decimal
		var below int64
		for _, g := range cen.Groups {
			cash, pct := money.Change(earn(tls[0], g), earn(tls[si], g))
			for range g.Count {
				rises, pcts = append(rises, cash), append(pcts, pct)
				if pct.LessThan(infl) {
					below++
				}
			}
		}
		cmpD := func(a, b decimal.Decimal) int { return a.Cmp(b) }
		slices.SortFunc(rises, cmpD)
		slices.SortFunc(pcts, cmpD)
		n := len(rises)
		all := c.Scenarios[si].Distribution[len(c.Scenarios[si].Distribution)-1]
		if all.Band != AllBands || all.People != int64(n) {
			t.Fatalf("All row %+v, want %d people", all, n)
		}
		eq(t, "min rise", all.MinRise, rises[0].String())
		eq(t, "median rise", all.MedianRise, rises[(n+1)/2-1].String())
		eq(t, "max rise", all.MaxRise, rises[n-1].String())
		eq(t, "min pct", all.MinPct, pcts[0].String())
		eq(t, "median pct", all.MedianPct, pcts[(n+1)/2-1].String())
		eq(t, "max pct", all.MaxPct, pcts[n-1].String())
		if all.BelowInflation == nil || *all.BelowInflation != below {
			t.Errorf("below inflation %v, want %d", all.BelowInflation, below)
		}
	}
	// Equality: the Sex = F median and mean, person by person.
	for si, tl := range tls {
		var sal []decimal.Decimal
		var sum decimal.Decimal
		for _, g := range cen.Groups {
			if g.Attributes[0] != "F" {
				continue
			}
			s := refPath(tl, true, g, false, tl.Start)[11].salary
			for range g.Count {
				sal = append(sal, s)
				sum = sum.Add(s)
			}
		}
		slices.SortFunc(sal, func(a, b decimal.Decimal) int { return a.Cmp(b) })
		row := c.Scenarios[si].Equality[0]
		if row.Attribute != "Sex" || row.Value != "F" || row.Headcount != int64(len(sal)) {
			t.Fatalf("equality row %+v", row)
		}
		eq(t, tl.Scenario+" F median", row.MedianSalary, sal[(len(sal)+1)/2-1].String())
		eq(t, tl.Scenario+" F mean", row.MeanSalary, sum.DivRound(decimal.NewFromInt(int64(len(sal))), 2).String())
	}
}

// TestTrackMatchesReference: a member statement's Track pays what the
// reference pays the same person.
func TestTrackMatchesReference(t *testing.T) {
	cen := randomCensus(200, 11)
	for _, tl := range refTimelines() {
		tr, err := NewTracker(tl)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range cen.Groups {
			p := &paystructure.Person{Band: g.Band, Point: g.Point, FTE: g.FTE, PointDate: g.PointDate,
				CPDHours: g.CPDHours, CPDRecorded: g.CPDRecorded, Count: 1}
			got, err := tr.Track(p)
			if err != nil {
				t.Fatal(err)
			}
			for y, ry := range refYears(tl, g, false, tl.Start) {
				if !got.Years[y].Basic.Equal(ry.basic) || !got.Years[y].LumpSums.Equal(ry.lumps) {
					t.Fatalf("%s %+v year %d: track %s + %s, reference %s + %s", tl.Scenario, g, y+1,
						got.Years[y].Basic, got.Years[y].LumpSums, ry.basic, ry.lumps)
				}
			}
		}
	}
}

// refArrears is the arrears of tl, implemented late, against Current (cur),
// paid to the census one person at a time, by band: each person in post in
// the implementation month M (pay year Y) is paid the sum of their monthly
// pay under tl less under cur over the months before M, weighted by the
// share of their cohort still in post, in their band on the first day of
// year Y; with toLeavers, those who left at the end of an earlier pay year
// j are paid it for the months before they left, weighted by the share
// that left then, in their band on the first day of year j.
func refArrears(tl, cur *paystructure.Timeline, cen *paystructure.Census, turnover decimal.Decimal) map[string]decimal.Decimal {
	out := map[string]decimal.Decimal{}
	m := *tl.Implemented
	y := int(m-tl.Start) / 12
	one := decimal.NewFromInt(1)
	stay := one.Sub(turnover)
	// share is the part of a cohort joining at the start of pay year k in
	// post in pay year j: 1 or t, × (1−t) for each boundary since.
	share := func(k, j int) decimal.Decimal {
		w := stay.Pow(decimal.NewFromInt(int64(j - k)))
		if k > 0 {
			w = w.Mul(turnover)
		}
		return w
	}
	person := func(g paystructure.Group, k int) {
		first := tl.Start + calendar.Month(12*k)
		with := refPath(tl, true, g, k > 0, first)
		base := refPath(cur, true, g, k > 0, first)
		owed := decimal.Zero
		for i := range with {
			mi := first + calendar.Month(i)
			if mi >= m {
				break
			}
			owed = owed.Add(money.MonthlyPay(with[i].salary, g.FTE)).Sub(money.MonthlyPay(base[i].salary, g.FTE))
			// The last month of pay year j: those who leave now are paid.
			if j := int(mi-tl.Start) / 12; (mi-tl.Start)%12 == 11 && j < y && tl.ArrearsToLeavers {
				left := share(k, j).Sub(share(k, j+1))
				b := with[12*(j-k)].band
				out[b] = out[b].Add(owed.Mul(left))
			}
		}
		b := with[12*(y-k)].band
		out[b] = out[b].Add(owed.Mul(share(k, y)))
	}
	for _, g := range cen.Groups {
		for range g.Count {
			person(g, 0)
			if turnover.IsZero() {
				continue
			}
			for k := 1; tl.Start+calendar.Month(12*k) < m; k++ {
				person(g, k)
			}
		}
	}
	return out
}

// TestArrearsMatchReference: the grouped engine's arrears agree with the
// person-by-person reference to the penny, implemented in pay year 1 and
// pay year 3, with and without turnover, leavers paid or not.
func TestArrearsMatchReference(t *testing.T) {
	if testing.Short() {
		t.Skip("reference comparison is slow")
	}
	cen := randomCensus(400, 5)
	base := refTimelines()
	for _, implemented := range []string{"2026-01", "2027-07"} {
		for _, toLeavers := range []bool{false, true} {
			tls := []*paystructure.Timeline{base[0]}
			for _, tl := range base[1:] {
				tls = append(tls, late(tl, implemented, toLeavers))
			}
			for _, turnover := range []string{"0", "0.08"} {
				c, err := Cost(cen, tls[0], tls[1:], Options{Turnover: d(turnover)})
				if err != nil {
					t.Fatal(err)
				}
				for si := 1; si < len(tls); si++ {
					ref := refArrears(tls[si], tls[0], cen, d(turnover))
					nonZero := 0
					for _, r := range c.Scenarios[si].Rows {
						if r.Band == AllBands {
							continue
						}
						want := decimal.Zero
						if int(mon(implemented)-tls[si].Start)/12+1 == r.Year {
							want = money.Penny(ref[r.Band])
						}
						name := fmt.Sprintf("%s implemented %s leavers %v turnover %s year %d band %s", tls[si].Scenario, implemented, toLeavers, turnover, r.Year, r.Band)
						eq(t, name, r.Arrears, want.String())
						if !r.Arrears.IsZero() {
							nonZero++
						}
					}
					if nonZero < 2 {
						t.Errorf("%s implemented %s: arrears in only %d bands", tls[si].Scenario, implemented, nonZero)
					}
				}
			}
		}
	}
}
