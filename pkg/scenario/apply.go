package scenario

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/internal/plain"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
)

// PayPointsFile is the dataset file that base salaries come from, named in
// the first step of every derivation.
const PayPointsFile = "increments.csv"

// undatedStart is the start used for an undated dataset when a scenario sets
// none (the command line uses the same default).
var undatedStart = calendar.MonthOf(2025, 4)

// DefaultStart is the start of a scenario that sets none: the first of the
// month on or after the dataset's latest structure date (1 April 2025 for an
// undated dataset).
func DefaultStart(ds *paystructure.Dataset) calendar.Month {
	if d := ds.Latest().EffectiveFrom; !d.IsZero() {
		return calendar.FirstOnOrAfter(d)
	}
	return undatedStart
}

// inForce returns the index of the structure in force on d: the latest with
// EffectiveFrom on or before d (an undated structure is always in force), or
// -1 when d is before every structure.
func inForce(ds *paystructure.Dataset, d calendar.Date) int {
	found := -1
	for i, s := range ds.Structures {
		if s.EffectiveFrom.IsZero() || !d.Before(s.EffectiveFrom) {
			found = i
		}
	}
	return found
}

// Apply applies a scenario to a dataset and returns its timeline. The
// dataset is not modified. Every problem found (an unknown band or point, a
// band whose salaries would stop increasing, a date outside the horizon) is
// reported together as an ErrorList naming the scenario file and line.
func Apply(ds *paystructure.Dataset, sc *Scenario) (*paystructure.Timeline, error) {
	var e errs
	if _, err := money.ParseRule(string(sc.Rounding)); err != nil || sc.Years < MinYears || sc.Years > MaxYears {
		e.at(Pos{File: sc.File}, "scenario was not made by Parse: rounding %q, years %d", sc.Rounding, sc.Years)
		return nil, e.list.err()
	}
	start := calendar.Of(sc.Start)
	if sc.Start.IsZero() {
		start = DefaultStart(ds)
		(&parser{file: sc.File}).horizonInto(&e, sc, start.First())
	}
	i := inForce(ds, start.First())
	if i < 0 {
		e.at(sc.startPos.orFile(sc.File), "start %s is before the dataset's first pay structure (%s)", start.First(), ds.Structures[0].EffectiveFrom)
		return nil, e.list.err()
	}
	base := ds.Structures[i]
	tl := &paystructure.Timeline{
		Scenario:    sc.Name,
		Description: sc.Description,
		Start:       start,
		Years:       sc.Years,
		Bands:       slices.Clone(ds.Bands),
		Rules:       rules(ds, sc, &e),
		Rounding:    string(sc.Rounding),
		CPDDays:     sc.CPDDays,
		Source:      sc.File,
		Text:        sc.Text,
	}
	ap := &applier{ds: ds, sc: sc, errs: &e, scales: baseScales(base)}

	order := make([]int, len(sc.Awards))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return sc.Awards[a].From.Compare(sc.Awards[b].From) })
	for n := 0; n < len(order); {
		m := calendar.Of(sc.Awards[order[n]].From)
		if len(tl.Tables) == 0 && m != start {
			tl.Tables = append(tl.Tables, paystructure.Table{From: start, Scales: cloneScales(ap.scales)})
		}
		if len(tl.Tables) == 0 && tl.Prior == nil {
			// Awards on the start date: the census starts on the structure
			// before them and meets the start's table like any later one
			// (moves, protection and Order included).
			tl.Prior = &paystructure.Table{From: start, Scales: cloneScales(ap.scales)}
		}
		t := paystructure.Table{From: m}
		ap.moves = nil
		for ; n < len(order) && calendar.Of(sc.Awards[order[n]].From) == m; n++ {
			a := &sc.Awards[order[n]]
			ap.apply(a)
			t.Awards = append(t.Awards, a.Name())
		}
		t.Scales = cloneScales(ap.scales)
		t.Moves = ap.moves
		tl.Tables = append(tl.Tables, t)
	}
	if len(tl.Tables) == 0 {
		tl.Tables = append(tl.Tables, paystructure.Table{From: start, Scales: cloneScales(ap.scales)})
	}
	checkLumpSums(&e, sc, start)
	for _, l := range sc.LumpSums {
		for _, b := range l.Bands {
			if _, ok := ds.Band(b); !ok {
				e.at(l.Pos, "lump_sum: %s", unknownBand(ds, b))
			}
		}
		tl.LumpSums = append(tl.LumpSums, paystructure.LumpSum{
			Paid: calendar.Of(l.Paid), Amount: l.Amount, Rate: l.Rate,
			Bands: slices.Clone(l.Bands), AtTopOnly: l.AtTopOnly, Source: l.Pos.String(),
		})
	}
	if err := e.list.err(); err != nil {
		return nil, err
	}
	return tl, nil
}

// horizonInto is horizon for a start Apply resolved.
func (p *parser) horizonInto(e *errs, sc *Scenario, start calendar.Date) {
	p.horizon(sc, start)
	e.list = append(e.list, p.errs.list...)
}

func unknownBand(ds *paystructure.Dataset, band string) string {
	names := make([]string, len(ds.Bands))
	for i, b := range ds.Bands {
		names[i] = b.Name
	}
	return fmt.Sprintf("no band %q in the dataset (its bands are %s)", band, strings.Join(names, ", "))
}

func rules(ds *paystructure.Dataset, sc *Scenario, e *errs) paystructure.Rules {
	r := paystructure.Rules{Progression: map[string]paystructure.Progression{}, Order: sc.Order}
	for _, b := range ds.Bands {
		r.Progression[b.Name] = b.Progression
	}
	pr := sc.Progression
	if pr == nil {
		return r
	}
	if pr.On != nil {
		for _, b := range ds.Bands {
			r.Progression[b.Name] = *pr.On
		}
	}
	for _, d := range pr.Freeze {
		if m := calendar.Of(d); !slices.Contains(r.Freeze, m) {
			r.Freeze = append(r.Freeze, m)
		}
	}
	slices.Sort(r.Freeze)
	r.CPD = pr.CPD
	for i, pw := range pr.Pathways {
		for _, b := range []string{pw.From, pw.To} {
			if _, ok := ds.Band(b); !ok && b != "" {
				e.at(pr.pathPos[i], "pathway: %s", unknownBand(ds, b))
			}
		}
		r.Pathways = append(r.Pathways, pw)
	}
	return r
}

// baseScales copies a structure's scales, starting each point's derivation
// with where its salary came from.
func baseScales(s paystructure.Structure) []paystructure.Scale {
	out := cloneScales(s.Scales)
	for i := range out {
		for j := range out[i].Points {
			pt := &out[i].Points[j]
			if len(pt.Derivation) == 0 {
				pt.Derivation = []paystructure.Step{baseStep(pt.Salary, s.EffectiveFrom)}
			}
		}
	}
	return out
}

func baseStep(salary decimal.Decimal, from calendar.Date) paystructure.Step {
	text := exact(salary) + " from " + PayPointsFile
	if !from.IsZero() {
		text += ", " + from.String()
	}
	return paystructure.Step{Text: text, Source: PayPointsFile}
}

// cloneScales deep-copies scales, their points and the points' derivations.
func cloneScales(in []paystructure.Scale) []paystructure.Scale {
	out := make([]paystructure.Scale, len(in))
	for i, s := range in {
		out[i] = paystructure.Scale{Band: s.Band, Points: make([]paystructure.Point, len(s.Points))}
		for j, p := range s.Points {
			p.Derivation = slices.Clip(slices.Clone(p.Derivation))
			out[i].Points[j] = p
		}
	}
	return out
}

// exact formats an amount in pounds and pence, with more places only when
// the value has them (£28,939.365): derivations never hide a rounding.
func exact(d decimal.Decimal) string {
	if d.Equal(d.Round(2)) {
		return money.PoundsPence(d)
	}
	return money.AmountText(decimal.RequireFromString(d.String())) // without trailing zeros
}

// roundedText formats a value rounded by r as the rule leaves it.
func roundedText(r money.Rule, d decimal.Decimal) string {
	switch r {
	case money.RoundPound, money.RoundUpPound:
		return money.Pounds(d)
	case money.RoundPenny:
		return money.PoundsPence(d)
	}
	return exact(d)
}

// Name identifies the award in Table.Awards and messages:
// "award 1 (offer.toml:9): uplift 3%, minimum £1,000".
func (a *Award) Name() string {
	return fmt.Sprintf("award %d (%s): %s", a.N, a.Pos, a.terms())
}

// terms says what the award does: "uplift 3%, minimum £1,000".
func (a *Award) terms() string {
	var parts []string
	add := func(format string, args ...any) { parts = append(parts, fmt.Sprintf(format, args...)) }
	switch {
	case a.Uplift != nil:
		add("uplift %s", money.RateText(*a.Uplift))
	case a.Flat != nil:
		add("flat %s", money.AmountText(*a.Flat))
	case a.FloorHourly != nil:
		add("floor %s an hour", money.AmountText(*a.FloorHourly))
	case a.AddPoint != nil:
		add("add %s point %s at %s", a.AddPoint.Band, a.AddPoint.Point, money.AmountText(a.AddPoint.Salary))
	}
	for _, s := range a.Set {
		add("set %s point %s to %s", s.Band, s.Point, money.AmountText(s.Salary))
	}
	for _, r := range a.RemovePoints {
		add("remove %s %s %s", r.Band, plain.Plural(len(r.Points), "point", "points"), strings.Join(r.Points, ", "))
	}
	if a.Minimum != nil {
		add("minimum %s", a.Minimum)
	}
	if a.Maximum != nil {
		add("maximum %s", a.Maximum)
	}
	if len(a.Select.Bands) > 0 {
		add("bands %s", strings.Join(a.Select.Bands, ", "))
	}
	if len(a.Select.Points) > 0 {
		add("points %s", strings.Join(a.Select.Points, ", "))
	}
	if a.Select.SalaryBelow != nil {
		add("salaries below %s", money.AmountText(*a.Select.SalaryBelow))
	}
	if a.Select.SalaryFrom != nil {
		add("salaries from %s", money.AmountText(*a.Select.SalaryFrom))
	}
	return strings.Join(parts, ", ")
}

// applier applies awards in order to a working copy of the scales.
type applier struct {
	ds     *paystructure.Dataset
	sc     *Scenario
	errs   *errs
	scales []paystructure.Scale
	moves  []paystructure.Move // of the table being built
	// outOfRange is set once an award has taken a salary out of range
	// (see bounds.go); later awards are then not applied.
	outOfRange bool
}

func (ap *applier) scale(band string) *paystructure.Scale {
	for i := range ap.scales {
		if ap.scales[i].Band == band {
			return &ap.scales[i]
		}
	}
	return nil
}

func (ap *applier) labels(s *paystructure.Scale) string {
	l := make([]string, len(s.Points))
	for i, p := range s.Points {
		l[i] = p.Label
	}
	return strings.Join(l, ", ")
}

// move records that people on band's point from go to point to, composing
// with the table's earlier moves so that every move ends on a point of the
// table.
func (ap *applier) move(band, from, to string, protect bool) {
	for i := range ap.moves {
		if m := &ap.moves[i]; m.Band == band && m.To == from {
			m.To = to
			m.Protect = m.Protect || protect
		}
	}
	ap.moves = append(ap.moves, paystructure.Move{Band: band, From: from, To: to, Protect: protect})
}

func (ap *applier) source(a *Award) string { return fmt.Sprintf("award %d, %s", a.N, a.Pos) }

// finish completes a changed point: rounds it by the scenario's rule and
// records the step.
func (ap *applier) finish(a *Award, pt *paystructure.Point, value decimal.Decimal, text string) {
	r := ap.sc.Rounding.Apply(value)
	if ap.sc.Rounding != money.RoundNone {
		text += " → " + ap.sc.Rounding.Describe() + " " + roundedText(ap.sc.Rounding, r)
	}
	pt.Salary = r
	pt.Derivation = append(slices.Clip(pt.Derivation), paystructure.Step{
		Text:   text + " (" + ap.source(a) + ")",
		Source: a.Pos.String(),
	})
}

func (ap *applier) apply(a *Award) {
	if !ap.ratesInRange(a) || ap.outOfRange {
		return
	}
	switch {
	case a.Uplift != nil || a.Flat != nil:
		ap.change(a)
	case a.FloorHourly != nil:
		ap.floor(a)
	case len(a.Set) > 0:
		ap.set(a)
	case len(a.RemovePoints) > 0:
		ap.remove(a)
	case a.AddPoint != nil:
		ap.add(a)
	}
	ap.checkOrder(a)
	ap.outOfRange = !ap.salariesInRange(a)
}

// selected returns, for each scale, which points the award's selection
// picks, reporting unknown bands and point labels.
func (ap *applier) selected(a *Award) [][]bool {
	sel := a.Select
	for _, b := range sel.Bands {
		if ap.scale(b) == nil {
			ap.errs.at(a.pos["bands"], "bands: %s", unknownBand(ap.ds, b))
		}
	}
	inBand := func(s paystructure.Scale) bool { return len(sel.Bands) == 0 || slices.Contains(sel.Bands, s.Band) }
	for _, label := range sel.Points {
		found := false
		for _, s := range ap.scales {
			found = found || (inBand(s) && s.Index(label) >= 0)
		}
		if !found {
			ap.errs.at(a.pos["points"], "points: no selected band has a point %q", label)
		}
	}
	out := make([][]bool, len(ap.scales))
	for i, s := range ap.scales {
		out[i] = make([]bool, len(s.Points))
		if !inBand(s) {
			continue
		}
		for j, p := range s.Points {
			out[i][j] = (len(sel.Points) == 0 || slices.Contains(sel.Points, p.Label)) &&
				(sel.SalaryBelow == nil || p.Salary.LessThan(*sel.SalaryBelow)) &&
				(sel.SalaryFrom == nil || p.Salary.GreaterThanOrEqual(*sel.SalaryFrom))
		}
	}
	return out
}

// change applies an uplift or flat award with its underpin and cap.
func (ap *applier) change(a *Award) {
	sel := ap.selected(a)
	for i := range ap.scales {
		for j := range ap.scales[i].Points {
			if !sel[i][j] {
				continue
			}
			pt := &ap.scales[i].Points[j]
			old := pt.Salary
			var raw decimal.Decimal
			var text string
			if a.Uplift != nil {
				factor := decimal.NewFromInt(1).Add(*a.Uplift)
				raw = old.Mul(factor)
				text = fmt.Sprintf("%s × %s = %s", exact(old), factor, exact(raw))
			} else {
				raw = old.Add(*a.Flat)
				text = fmt.Sprintf("%s + %s = %s", exact(old), exact(*a.Flat), exact(raw))
			}
			rise := raw.Sub(old)
			bounded := false
			if b := a.Minimum; b != nil {
				if v := b.Of(old); rise.LessThan(v) {
					text += fmt.Sprintf("; rise %s raised to the minimum %s", exact(rise), boundText(*b, old, v))
					rise, bounded = v, true
				}
			}
			if b := a.Maximum; b != nil {
				if v := b.Of(old); rise.GreaterThan(v) {
					text += fmt.Sprintf("; rise %s lowered to the maximum %s", exact(rise), boundText(*b, old, v))
					rise, bounded = v, true
				}
			}
			value := old.Add(rise)
			if bounded {
				text += ": " + exact(old) + " + " + exact(rise) + " = " + exact(value)
			}
			if !value.Equal(old) {
				ap.finish(a, pt, value, text)
			}
		}
	}
}

func boundText(b Bound, old, v decimal.Decimal) string {
	if b.IsRate {
		return fmt.Sprintf("%s of %s = %s", money.RateText(b.Rate), exact(old), exact(v))
	}
	return exact(v)
}

func weeklyHours(b paystructure.Band) decimal.Decimal {
	if b.WeeklyHours.Sign() > 0 {
		return b.WeeklyHours
	}
	return paystructure.DefaultWeeklyHours
}

// floor lifts every selected point paid less than the hourly floor to it;
// points that end on one salary merge into the highest of them.
func (ap *applier) floor(a *Award) {
	sel := ap.selected(a)
	for i := range ap.scales {
		s := &ap.scales[i]
		band, _ := ap.ds.Band(s.Band)
		hours := weeklyHours(band)
		target := a.FloorHourly.Mul(hours).Mul(paystructure.WeeksPerYear)
		lifted := make([]bool, len(s.Points))
		for j := range s.Points {
			pt := &s.Points[j]
			if !sel[i][j] || !pt.Salary.LessThan(target) {
				continue
			}
			lifted[j] = true
			ap.finish(a, pt, target, fmt.Sprintf("%s lifted to the floor %s an hour × %s hours × %s weeks = %s",
				exact(pt.Salary), exact(*a.FloorHourly), hours, paystructure.WeeksPerYear, exact(target)))
		}
		// Merge runs of equal salaries that include a lifted point.
		var kept []paystructure.Point
		for j := 0; j < len(s.Points); {
			k, anyLifted := j, lifted[j]
			for k+1 < len(s.Points) && s.Points[k+1].Salary.Equal(s.Points[j].Salary) {
				k++
				anyLifted = anyLifted || lifted[k]
			}
			if k > j && anyLifted {
				var merged []string
				for m := j; m < k; m++ {
					merged = append(merged, s.Points[m].Label)
					ap.move(s.Band, s.Points[m].Label, s.Points[k].Label, false)
				}
				top := s.Points[k]
				top.Derivation = append(slices.Clip(top.Derivation), paystructure.Step{
					Text:   fmt.Sprintf("%s %s merged into point %s at the floor (%s)", plain.Plural(len(merged), "point", "points"), strings.Join(merged, ", "), top.Label, ap.source(a)),
					Source: a.Pos.String(),
				})
				kept = append(kept, top)
			} else {
				kept = append(kept, s.Points[j:k+1]...)
			}
			j = k + 1
		}
		s.Points = kept
	}
}

func (ap *applier) set(a *Award) {
	for _, sp := range a.Set {
		s := ap.scale(sp.Band)
		if s == nil {
			ap.errs.at(sp.Pos, "set: %s", unknownBand(ap.ds, sp.Band))
			continue
		}
		j := s.Index(sp.Point)
		if j < 0 {
			ap.errs.at(sp.Pos, "set: %s has no point %q (its points are %s)", sp.Band, sp.Point, ap.labels(s))
			continue
		}
		pt := &s.Points[j]
		if !pt.Salary.Equal(sp.Salary) {
			ap.finish(a, pt, sp.Salary, fmt.Sprintf("%s set to %s", exact(pt.Salary), exact(sp.Salary)))
		}
	}
}

// remove deletes points; people on a removed point move to the next point
// up that remains, or (for a removed top point) to the new top with their
// salary protected.
func (ap *applier) remove(a *Award) {
	for _, bp := range a.RemovePoints {
		s := ap.scale(bp.Band)
		if s == nil {
			ap.errs.at(bp.Pos, "remove_points: %s", unknownBand(ap.ds, bp.Band))
			continue
		}
		gone := make([]bool, len(s.Points))
		ok := true
		for _, label := range bp.Points {
			j := s.Index(label)
			if j < 0 {
				ap.errs.at(bp.Pos, "remove_points: %s has no point %q (its points are %s)", bp.Band, label, ap.labels(s))
				ok = false
				continue
			}
			gone[j] = true
		}
		if !ok {
			continue
		}
		if !slices.Contains(gone, false) {
			ap.errs.at(bp.Pos, "remove_points would remove every point of %s; a band needs at least one point", bp.Band)
			continue
		}
		var kept []paystructure.Point
		for j, pt := range s.Points {
			if !gone[j] {
				kept = append(kept, pt)
				continue
			}
			to, protect := -1, false
			for k := j + 1; k < len(s.Points); k++ {
				if !gone[k] {
					to = k
					break
				}
			}
			if to < 0 {
				for k := len(s.Points) - 1; k >= 0; k-- {
					if !gone[k] {
						to, protect = k, true
						break
					}
				}
			}
			ap.move(s.Band, pt.Label, s.Points[to].Label, protect)
		}
		s.Points = kept
	}
}

func (ap *applier) add(a *Award) {
	np := a.AddPoint
	s := ap.scale(np.Band)
	if s == nil {
		ap.errs.at(a.pos["add_point"], "add_point: %s", unknownBand(ap.ds, np.Band))
		return
	}
	if s.Index(np.Point) >= 0 {
		ap.errs.at(a.pos["add_point"], "add_point: %s already has a point %q", np.Band, np.Point)
		return
	}
	pt := paystructure.Point{Label: np.Point, Months: paystructure.DefaultPointMonths, CPDHours: decimal.Zero}
	ap.finish(a, &pt, np.Salary, fmt.Sprintf("%s added as point %s of %s", exact(np.Salary), np.Point, np.Band))
	at := len(s.Points)
	for j, p := range s.Points {
		if p.Salary.GreaterThanOrEqual(pt.Salary) {
			at = j
			break
		}
	}
	s.Points = slices.Insert(s.Points, at, pt)
}

// checkOrder reports any band whose salaries no longer strictly increase.
func (ap *applier) checkOrder(a *Award) {
	for _, s := range ap.scales {
		for j := 0; j+1 < len(s.Points); j++ {
			lo, hi := s.Points[j], s.Points[j+1]
			if !lo.Salary.LessThan(hi.Salary) {
				ap.errs.at(a.Pos, "after award %d, %s point %s (%s) is not below point %s (%s): salaries within a band must strictly increase",
					a.N, s.Band, lo.Label, exact(lo.Salary), hi.Label, exact(hi.Salary))
				break
			}
		}
	}
}

// Current is the baseline: the dataset's own structures as they are in force
// month by month from start over years, with no awards. Tables[0] is the
// structure in force at start (the earliest structure if start precedes
// them all); each later dated structure becomes a Table from the first of
// the month on or after its date, with Moves for point labels it drops (to
// the lowest point paying at least the old salary, or to the top with
// protection). The latest structure is carried forward unchanged. Rules are
// bands.csv's.
func Current(ds *paystructure.Dataset, start calendar.Month, years int) *paystructure.Timeline {
	tl := &paystructure.Timeline{
		Scenario:    "Current",
		Description: "The dataset's pay structures as they stand, with no award",
		Start:       start,
		Years:       years,
		Bands:       slices.Clone(ds.Bands),
		Rules:       paystructure.Rules{Progression: map[string]paystructure.Progression{}},
		Rounding:    string(money.RoundNone),
		Source:      PayPointsFile,
	}
	for _, b := range ds.Bands {
		tl.Rules.Progression[b.Name] = b.Progression
	}
	first := max(inForce(ds, start.First()), 0)
	tl.Tables = []paystructure.Table{{From: start, Scales: baseScales(ds.Structures[first])}}
	for _, s := range ds.Structures[first+1:] {
		m := calendar.FirstOnOrAfter(s.EffectiveFrom)
		if m <= start || m >= tl.End() {
			continue
		}
		prev := &tl.Tables[len(tl.Tables)-1]
		t := paystructure.Table{From: m, Scales: baseScales(s), Awards: []string{"pay structure from " + s.EffectiveFrom.String() + " (" + PayPointsFile + ")"}}
		for _, old := range prev.Scales {
			now, ok := t.Scale(old.Band)
			if !ok || len(now.Points) == 0 {
				continue
			}
			for _, p := range old.Points {
				if now.Index(p.Label) >= 0 {
					continue
				}
				mv := paystructure.Move{Band: old.Band, From: p.Label, To: now.Top().Label, Protect: true}
				for _, q := range now.Points {
					if q.Salary.GreaterThanOrEqual(p.Salary) {
						mv.To, mv.Protect = q.Label, false
						break
					}
				}
				t.Moves = append(t.Moves, mv)
			}
		}
		if prev.From == m { // two structures in one month: the later wins
			*prev = t
		} else {
			tl.Tables = append(tl.Tables, t)
		}
	}
	return tl
}
