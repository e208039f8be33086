// Package solve owns the search for the largest grid value of a scenario's
// one unknown ("?", scenario.Unknown) whose cost does not exceed a target:
// what paymodel solve answers when a committee asks "what flat sum costs
// the same as the employer's 4%?".
//
// The cost is the offer's change against Current in one of the figures
// cost.csv and the comparison report show (Measure): pay year 1 or the
// whole deal, in total cost (basic pay, lump sums, on-costs and CPD time)
// or in basic pay alone. It is computed by the projection and analysis
// code itself: each value is written into the scenario's text, parsed and
// applied like a file of its own, and its census costed by
// projection.Cost. The target is an amount, a share of Current's cost in
// the same figure, or the change another scenario costs (Target).
//
// The grid is every multiple of Problem.Step (whole pounds for an amount,
// 0.01% for a rate, by default) within the unknown's range. None of the
// values that may be unknown can lower a cost as it rises (a larger uplift,
// flat sum, underpin, cap, hourly floor or lump sum never pays anyone less),
// so the answer is found exactly by a search over the grid indices: from
// the lowest value, steps that double until one costs more than the target
// (or is refused, as a value Parse or Apply refuses is treated as costing
// more than any target, since every larger value is refused too), then
// bisection. The answer is then verified rather than trusted: it and the
// next grid value up are costed again through analysis.Run, the path
// paymodel compare takes, and the answer must cost no more than the target
// and the next value more.
//
// Each search step costs only what the measure needs: Current once, then
// the scenario alone, on a copy of the census without its attributes
// (which only decide where equality figures are added up, never a cost).
package solve

import (
	"context"
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"paymodel/pkg/analysis"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/projection"
	"paymodel/pkg/scenario"
)

// Measure is the figure of an offer's cost a target bounds.
type Measure struct {
	// WholeDeal adds up every pay year of the horizon; otherwise pay year 1.
	WholeDeal bool
	// Basic counts basic pay alone; otherwise the total (basic pay, lump
	// sums, on-costs and CPD time, cost.csv's total).
	Basic bool
}

// String names the measure: "year-1 change in total cost".
func (m Measure) String() string {
	when, what := m.words()
	return when + " change in " + what
}

// words are the measure's period ("year-1", "whole-deal") and what it adds
// up ("total cost", "basic pay").
func (m Measure) words() (when, what string) {
	when, what = "year-1", "total cost"
	if m.WholeDeal {
		when = "whole-deal"
	}
	if m.Basic {
		what = "basic pay"
	}
	return when, what
}

// Of returns the measure of one timeline's costs: its All rows
// (analysis.AllRows), pay year 1's or every year's added up, their Total or
// Basic.
func (m Measure) Of(all []projection.CostRow) decimal.Decimal {
	sum := decimal.Zero
	for y, row := range all {
		if y > 0 && !m.WholeDeal {
			break
		}
		if m.Basic {
			sum = sum.Add(row.Basic)
		} else {
			sum = sum.Add(row.Total)
		}
	}
	return sum
}

// Target is what the solved offer may cost, as its change against Current
// in the problem's Measure. Exactly one field is set.
type Target struct {
	Amount *decimal.Decimal // pounds
	// Share is a fraction of Current's cost in the same measure (0.04 for
	// "4%"): the target is Current's cost × Share, exactly.
	Share *decimal.Decimal
	// Offer is another scenario: the target is the change it costs, over
	// the same horizon.
	Offer *scenario.Scenario
}

// Problem is one question for Solve.
type Problem struct {
	Dataset *paystructure.Dataset // with a census
	Unknown *scenario.Unknown
	Target  Target
	Measure Measure
	// Step is the grid's spacing, in pounds or as a fraction; zero means
	// DefaultStep.
	Step decimal.Decimal
	// Years is the horizon; zero means the longest of the scenario's and
	// the target offer's years, as paymodel compare would take with both.
	Years int
	// Options are the comparison's assumptions (turnover changes costs).
	Options analysis.Options
}

// DefaultStep is the grid of an unknown when Problem.Step is zero: whole
// pounds for an amount, 0.01% for a rate.
func DefaultStep(u *scenario.Unknown) decimal.Decimal {
	if u.Rate {
		return decimal.New(1, -4)
	}
	return decimal.NewFromInt(1)
}

// Answer is the solved value and the bracket that proves it.
type Answer struct {
	Problem *Problem
	Step    decimal.Decimal
	// Value is the largest grid value whose Cost is at most Target.
	Value, Cost decimal.Decimal
	// Target is the target in pounds; TargetOf names where it came from
	// ("" for an amount).
	Target   decimal.Decimal
	TargetOf string
	// Next is the next grid value up and NextCost its cost, more than
	// Target; Next is nil when Value is the largest value allowed (its
	// cost then equals the target exactly).
	Next     *decimal.Decimal
	NextCost decimal.Decimal
	// Evaluations counts the values the search costed; the verification
	// costs the answer and Next once more each.
	Evaluations int
	// Scenario is the solved offer (the file's text with Value written in)
	// and Result its comparison with Current, as paymodel compare would
	// make it from the solved file.
	Scenario *scenario.Scenario
	Result   *analysis.Result
}

// UnreachableError is a target that no value in range meets: below the cost
// of the lowest value allowed or above that of the largest.
type UnreachableError struct {
	Unknown *scenario.Unknown
	Measure Measure
	Target  decimal.Decimal
	// LowValue and HighValue are the lowest and largest values allowed
	// (the largest the key's range and Apply accept), LowCost and
	// HighCost their costs.
	LowValue, HighValue decimal.Decimal
	LowCost, HighCost   decimal.Decimal
	Below               bool // the target is below LowCost (else above HighCost)
}

func (e *UnreachableError) Error() string {
	side := "above the cost of the largest value allowed"
	if e.Below {
		side = "below the cost of the lowest value allowed"
	}
	return fmt.Sprintf("target %s is %s: %s can cost from %s (at %s) to %s (at %s) in %s",
		money.SignedPoundsPence(e.Target), side, e.Unknown, money.SignedPoundsPence(e.LowCost), e.Unknown.Written(e.LowValue),
		money.SignedPoundsPence(e.HighCost), e.Unknown.Written(e.HighValue), e.Measure)
}

// Solve finds the largest grid value of p.Unknown whose cost does not
// exceed the target, and verifies it (see the package doc). A scenario that
// cannot be applied at the lowest value is a *analysis.ScenarioError; a
// target no value meets an *UnreachableError.
func Solve(ctx context.Context, p *Problem) (*Answer, error) {
	ds, u := p.Dataset, p.Unknown
	if ds.Census == nil {
		return nil, fmt.Errorf("dataset %s: %w", ds.Name, ErrNoCensus)
	}
	step := p.Step
	if step.IsZero() {
		step = DefaultStep(u)
	}
	if !step.IsPositive() {
		return nil, fmt.Errorf("step %s: must be more than zero", u.Written(step))
	}
	// The grid indices in range: from ⌈Min ÷ step⌉ (one more when Min is
	// excluded and on the grid) to ⌊Max ÷ step⌋; Min and Max are never
	// negative.
	lo, rem := u.Min.QuoRem(step, 0)
	if !rem.IsZero() || u.MinExcluded {
		lo = lo.Add(decimal.NewFromInt(1))
	}
	hi, _ := u.Max.QuoRem(step, 0)
	if lo.GreaterThan(hi) || !hi.LessThan(decimal.New(1, 18)) {
		return nil, &StepError{Step: u.Written(step), Min: u.Written(u.Min), Max: u.Written(u.Max)}
	}
	ilo, ihi := lo.IntPart(), hi.IntPart()
	ev, err := newEvaluator(ctx, p, step, ilo)
	if err != nil {
		return nil, err
	}
	a := &Answer{Problem: p, Step: step}
	if a.Target, a.TargetOf, err = ev.target(p.Target); err != nil {
		return nil, err
	}
	low, err := ev.cost(ilo)
	if err != nil {
		return nil, err
	}
	if low.refused != nil {
		return nil, low.refused
	}
	within := func(c evaluation) bool { return c.refused == nil && !c.cost.GreaterThan(a.Target) }
	if !within(low) {
		top, topAt, err := ev.largest(ilo, ihi, low, func(c evaluation) bool { return c.refused == nil })
		if err != nil {
			return nil, err
		}
		return nil, ev.unreachable(a.Target, true, ilo, low.cost, top, topAt.cost)
	}
	best, bestAt, err := ev.largest(ilo, ihi, low, within)
	if err != nil {
		return nil, err
	}
	next := best + 1
	if next <= ihi {
		c, err := ev.cost(next) // already costed, unless best is the largest value allowed
		if err != nil {
			return nil, err
		}
		if c.refused != nil {
			next = ihi + 1
		}
	}
	if next > ihi && bestAt.cost.LessThan(a.Target) {
		return nil, ev.unreachable(a.Target, false, ilo, low.cost, best, bestAt.cost)
	}
	a.Evaluations = ev.count
	if err := ev.verify(a, best, next, ihi, bestAt.cost); err != nil {
		return nil, err
	}
	return a, nil
}

// ErrNoCensus is Solve's error for a dataset without a census.
var ErrNoCensus = errors.New("no census (staff.csv), so no offer can be costed")

// ErrTargetStart is Solve's error for a target offer that starts on another
// date than the scenario solved.
var ErrTargetStart = errors.New("an offer is costed against Current from its start, so both must start on the same date")

// StepError is a grid with no value in the unknown's range.
type StepError struct{ Step, Min, Max string }

func (e *StepError) Error() string {
	return fmt.Sprintf("no multiple of the step %s lies between %s and %s", e.Step, e.Min, e.Max)
}

// evaluator costs the scenario at grid values.
type evaluator struct {
	ctx     context.Context
	p       *Problem
	step    decimal.Decimal
	census  *paystructure.Census // without attributes
	current *paystructure.Timeline
	offer   *paystructure.Timeline // the target offer's, over the horizon, if any
	horizon int
	opt     projection.Options
	base    decimal.Decimal // Current's measure
	count   int
	seen    map[int64]evaluation
}

// evaluation is one value's cost, or why the value is refused.
type evaluation struct {
	cost    decimal.Decimal
	refused error
}

// newEvaluator prepares Current, the horizon, the census and the target
// offer's timeline, from the scenario at its lowest grid index lo (which
// must parse and apply: the file's own problems are bad input).
func newEvaluator(ctx context.Context, p *Problem, step decimal.Decimal, lo int64) (*evaluator, error) {
	ds := p.Dataset
	first, err := p.Unknown.With(decimal.NewFromInt(lo).Mul(step))
	if err != nil {
		return nil, err
	}
	scs := []*scenario.Scenario{first}
	if p.Target.Offer != nil {
		scs = append(scs, p.Target.Offer)
	}
	// Timelines gives Current and the horizon as compare would, and checks
	// the census against the structure the scenarios start on.
	tls, err := analysis.Timelines(ds, scs, p.Years)
	if err != nil {
		return nil, err
	}
	if len(tls) == 3 && tls[2].Start != tls[1].Start {
		return nil, fmt.Errorf("target offer %s starts on %s and %s on %s: %w",
			p.Target.Offer.File, tls[2].Start.First(), p.Unknown.Pos.File, tls[1].Start.First(), ErrTargetStart)
	}
	bare := *ds.Census
	bare.AttributeNames = nil
	ev := &evaluator{ctx: ctx, p: p, step: step, census: &bare, current: tls[0], horizon: tls[0].Years,
		opt: projection.Options{OnCosts: ds.OnCosts, Turnover: p.Options.Turnover}, seen: map[int64]evaluation{}}
	if len(tls) == 3 {
		ev.offer = tls[2]
	}
	if ev.base, err = ev.measure(tls[0]); err != nil {
		return nil, err
	}
	return ev, nil
}

// measure costs one timeline alone and returns its measure.
func (ev *evaluator) measure(tl *paystructure.Timeline) (decimal.Decimal, error) {
	if err := ev.ctx.Err(); err != nil {
		return decimal.Zero, err
	}
	c, err := projection.Cost(ev.census, tl, nil, ev.opt)
	if err != nil {
		return decimal.Zero, err
	}
	return ev.p.Measure.Of(analysis.AllRows(c.Scenarios[0])), nil
}

// target returns the target in pounds and what it is the change of.
func (ev *evaluator) target(t Target) (decimal.Decimal, string, error) {
	switch {
	case t.Amount != nil:
		return *t.Amount, "", nil
	case t.Share != nil:
		return ev.base.Mul(*t.Share), money.RateText(*t.Share) + " of Current's " + ev.costName(), nil
	case t.Offer != nil:
		m, err := ev.measure(ev.offer)
		if err != nil {
			return decimal.Zero, "", err
		}
		return m.Sub(ev.base), "the change " + t.Offer.Name + " costs", nil
	}
	return decimal.Zero, "", errors.New("solve: no target")
}

// costName is what the measure adds up, for "4% of Current's …".
func (ev *evaluator) costName() string {
	when, what := ev.p.Measure.words()
	return when + " " + what
}

// value is grid index i as a value.
func (ev *evaluator) value(i int64) decimal.Decimal { return decimal.NewFromInt(i).Mul(ev.step) }

// cost costs the scenario at grid index i (once: a repeated index is
// remembered). A value the scenario's checks refuse is an evaluation with
// refused set: the lowest value's refusal is bad input (an
// *analysis.ScenarioError), a larger one's marks the end of the range.
func (ev *evaluator) cost(i int64) (evaluation, error) {
	if c, ok := ev.seen[i]; ok {
		return c, nil
	}
	ds := ev.p.Dataset
	sc, err := ev.p.Unknown.With(ev.value(i))
	var tl *paystructure.Timeline
	if err == nil {
		tl, err = scenario.Apply(ds, sc)
	}
	if err != nil {
		c := evaluation{refused: &analysis.ScenarioError{Dataset: ds.Name, Errs: []error{err}}}
		ev.seen[i] = c
		return c, nil
	}
	tl.Years = ev.horizon
	m, err := ev.measure(tl)
	if err != nil {
		return evaluation{}, err
	}
	ev.count++
	c := evaluation{cost: m.Sub(ev.base)}
	ev.seen[i] = c
	return c, nil
}

// largest returns the largest index in [lo, hi] whose evaluation is ok,
// given that lo's (at) is: steps from lo that double until one is not ok
// (or hi is reached), then bisection between the last that is and the first
// that is not. ok must hold up to some index and fail above it.
func (ev *evaluator) largest(lo, hi int64, at evaluation, ok func(evaluation) bool) (int64, evaluation, error) {
	good, goodAt := lo, at
	bad := hi + 1
	for d := int64(1); good < hi; d *= 2 {
		i := hi
		if d < hi-lo {
			i = lo + d
		}
		c, err := ev.cost(i)
		if err != nil {
			return 0, evaluation{}, err
		}
		if !ok(c) {
			bad = i
			break
		}
		good, goodAt = i, c
	}
	for bad-good > 1 {
		mid := good + (bad-good)/2
		c, err := ev.cost(mid)
		if err != nil {
			return 0, evaluation{}, err
		}
		if ok(c) {
			good, goodAt = mid, c
		} else {
			bad = mid
		}
	}
	return good, goodAt, nil
}

func (ev *evaluator) unreachable(target decimal.Decimal, below bool, lo int64, loCost decimal.Decimal, hi int64, hiCost decimal.Decimal) error {
	return &UnreachableError{Unknown: ev.p.Unknown, Measure: ev.p.Measure, Target: target, Below: below,
		LowValue: ev.value(lo), LowCost: loCost, HighValue: ev.value(hi), HighCost: hiCost}
}

// verify costs the answer (and the next value, when it is allowed) again
// through analysis.Run, as paymodel compare would, and checks the bracket:
// the answer's cost is the search's and at most the target, the next
// value's more than the target.
func (ev *evaluator) verify(a *Answer, best, next, ihi int64, searched decimal.Decimal) error {
	a.Value = ev.value(best)
	res, sc, err := ev.compare(a.Value)
	if err != nil {
		return err
	}
	a.Scenario, a.Result = sc, res
	a.Cost = ev.change(res)
	if !a.Cost.Equal(searched) {
		return fmt.Errorf("solve: %s costs %s in the comparison but %s in the search", ev.p.Unknown.Written(a.Value), a.Cost, searched)
	}
	if a.Cost.GreaterThan(a.Target) {
		return fmt.Errorf("solve: %s costs %s, more than the target %s", ev.p.Unknown.Written(a.Value), a.Cost, a.Target)
	}
	if next > ihi {
		return nil
	}
	n := ev.value(next)
	a.Next = &n
	nres, _, err := ev.compare(n)
	if err != nil {
		return err
	}
	a.NextCost = ev.change(nres)
	if !a.NextCost.GreaterThan(a.Target) {
		return fmt.Errorf("solve: the cost does not rise steadily with %s: %s costs %s, within the target %s, but the search passed it over", ev.p.Unknown, ev.p.Unknown.Written(n), a.NextCost, a.Target)
	}
	return nil
}

// change is the offer's change against Current in the measure, from their
// comparison.
func (ev *evaluator) change(res *analysis.Result) decimal.Decimal {
	return ev.p.Measure.Of(res.Totals[1]).Sub(ev.p.Measure.Of(res.Totals[0]))
}

// compare is the comparison of Current with the scenario at value v, as
// paymodel compare makes it.
func (ev *evaluator) compare(v decimal.Decimal) (*analysis.Result, *scenario.Scenario, error) {
	sc, err := ev.p.Unknown.With(v)
	if err != nil {
		return nil, nil, err
	}
	tls, err := analysis.Timelines(ev.p.Dataset, []*scenario.Scenario{sc}, ev.horizon)
	if err != nil {
		return nil, nil, err
	}
	res, err := analysis.Run(ev.ctx, ev.p.Dataset, tls, ev.p.Options)
	if err != nil {
		return nil, nil, err
	}
	if err := analysis.Check(res); err != nil {
		return nil, nil, err
	}
	return res, sc, nil
}
