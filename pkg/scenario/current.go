package scenario

import (
	"slices"

	"paymodel/pkg/calendar"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
)

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
		Rounding:    money.RoundNone,
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
