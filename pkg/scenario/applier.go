package scenario

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/internal/plain"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
)

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

// change applies an uplift or flat award with its underpin and cap. A
// changed point keeps its Status: its new salary is worked out from the old
// one, so it is as published as the old one was (set, floor_hourly and
// add_point, whose salary is the offer's own figure, make it Published).
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
			pt.Status = paystructure.Published // the floor's figure, not the point's
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
			pt.Status = paystructure.Published // the offer's own figure
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
