package scenario

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
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
		return nil, listErr(e.list)
	}
	start := calendar.Of(sc.Start)
	if sc.Start.IsZero() {
		start = DefaultStart(ds)
		(&parser{file: sc.File}).horizonInto(&e, sc, start.First())
	}
	i := inForce(ds, start.First())
	if i < 0 {
		e.at(sc.startPos.orFile(sc.File), "start %s is before the dataset's first pay structure (%s)", start.First(), ds.Structures[0].EffectiveFrom)
		return nil, listErr(e.list)
	}
	base := ds.Structures[i]
	tl := &paystructure.Timeline{
		Scenario:    sc.Name,
		Description: sc.Description,
		Start:       start,
		Years:       sc.Years,
		Bands:       slices.Clone(ds.Bands),
		Rules:       rules(ds, sc, &e),
		Rounding:    sc.Rounding,
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
	if !sc.Implemented.IsZero() {
		m := calendar.Of(sc.Implemented)
		tl.Implemented = &m
		tl.ArrearsToLeavers = sc.ArrearsToLeavers
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
	if err := listErr(e.list); err != nil {
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
