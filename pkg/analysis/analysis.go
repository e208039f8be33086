// Package analysis owns every figure paymodel reports, so that the
// comparison, the briefing and each member statement are computed in one
// place and the reports only format them.
//
// Run makes one comparison: given a dataset and the timelines of Current
// and each scenario (Timelines), it projects careers, lists every point,
// costs the workforce when there is a census, and derives what the reports
// show from those: each timeline's headline figures (ScenarioFigures: the
// paybill and its change and share, the smallest and largest rise, years to
// the top, career earnings, the scorecard's counts and gaps), the
// summary.csv lines (Summary), each band's points laid out across the
// timelines (BandPoints), the real-terms history (RealTermsHistory), the
// real-terms and wage-floor figures under every price series (Real:
// Measures with the --index headline and --base, realterms.csv and
// floors.csv rows, each band's uplift to restore and days worked unpaid
// (NewRestore), each offer's real change over its deal, differentials) and
// the statutory pay gap measures with their equality extensions (PayGapsOf).
// All of it is held in one Result, which the CSV tables and the PDF
// reports are both built from: that is what makes a figure in a PDF the
// same figure as in the CSV. Check cross-checks a Result before anything
// is written.
//
// For statements, NewMembers prepares the same timelines once and
// Members.Member projects one person under each (a Member with its tracks,
// Facts and EarningsChange). For the briefing, Climbs gives any dataset's
// years from entry to top.
//
// It also owns the disclosure policy (MinGroup, Suppress, SuppressEquality,
// DisclosedEquality, Disclose, IdentifyingAttribute): which census groups'
// pay the tables and reports may show, with complementary suppression so
// that no blank figure can be worked out from the published ones. A Result
// holds every figure unsuppressed (the widest equality gaps excepted, which
// are measured among the groups shown) beside the policy's outcome
// (Suppression, Equality), and Check verifies the figures.
package analysis

import (
	"context"
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/projection"
	"paymodel/pkg/scenario"
)

// Options are the assumptions of a comparison.
type Options struct {
	// CPDHours is the new entrant's CPD hours a year for careers; nil means
	// enough to meet every requirement.
	CPDHours *decimal.Decimal
	// Turnover is the fraction of each census group that leaves each pay
	// year and is replaced by new entrants at the bottom of the band.
	Turnover decimal.Decimal
	// PayGap chooses what the pay gap measures compare beyond sex.
	PayGap PayGapOptions
	// Index names the price-index series headline figures use (--index);
	// "" is the dataset's first series.
	Index string
	// Base is the prices realterms.csv is at and the date the restore
	// uplift measures from (--base); zero: see Measures.
	Base calendar.Date
}

// Result is everything a comparison computed.
type Result struct {
	Dataset   *paystructure.Dataset
	Timelines []*paystructure.Timeline // Current first
	Options   Options
	Careers   [][]projection.Career // per timeline
	Points    [][]projection.PointRow
	Costing   *projection.Costing // nil without a census
	// Inflation is the 12-month inflation to the start month under the
	// headline series (Measures.Headline), when it covers it (the figure an
	// offer is usually judged by).
	Inflation *decimal.Decimal
	// Warnings are things the user should know about the result, e.g. that
	// census rows without CPD hours were treated as meeting CPD gates.
	Warnings []string

	// What the reports show, derived from the above by Run.

	// Figures are each timeline's headline figures, Current first.
	Figures []ScenarioFigures
	// Summaries are each timeline's summary.csv lines.
	Summaries [][]Summary
	// Bands lays out each band of Current's points across the timelines.
	Bands []BandPoints
	// EqualityAttributes are the census attributes of the equality tables
	// (Current's, in order); nil without a census.
	EqualityAttributes []string
	// RealTerms is the dataset's real-terms history under the headline
	// series, at Real.Measures.Now's prices (RealTermsHistory).
	RealTerms []RealTerms
	// Real is the real-terms and wage-floor analysis: every series side
	// by side, realterms.csv, floors.csv, differentials.
	Real Real
	// Suppression is the disclosure policy applied to Costing (Suppress):
	// it hides nothing without a census.
	Suppression *Suppression
	// Totals are each costing scenario's All rows, pay year by pay year
	// (AllRows); Equality each one's equality rows as they may be published
	// (Disclose). Nil without a census.
	Totals   [][]projection.CostRow
	Equality []Disclosed
	// PayGaps are the pay gap measures (PayGapsOf); nil without a census.
	PayGaps *PayGaps
}

// Current returns the baseline timeline.
func (r *Result) Current() *paystructure.Timeline { return r.Timelines[0] }

// CurrentStructureDate is the effective date of the structure Current
// carries forward: the latest dated structure in force on the start, or the
// latest structure's date when none is; zero when that structure is
// undated.
func (r *Result) CurrentStructureDate() calendar.Date {
	d := r.Dataset.Latest().EffectiveFrom
	for _, s := range r.Dataset.Structures {
		if !s.EffectiveFrom.IsZero() && !r.Current().Start.First().Before(s.EffectiveFrom) {
			d = s.EffectiveFrom
		}
	}
	return d
}

// Run projects every timeline. ctx is checked between timelines so that an
// interrupted run stops promptly.
func Run(ctx context.Context, ds *paystructure.Dataset, tls []*paystructure.Timeline, opt Options) (*Result, error) {
	if len(tls) == 0 {
		return nil, fmt.Errorf("analysis: no timelines")
	}
	r := &Result{Dataset: ds, Timelines: tls, Options: opt}
	m, err := measures(ds, tls[0].Start.First(), opt)
	if err != nil {
		return nil, err
	}
	if rate, ok := m.Headline.Points.TwelveMonthRate(tls[0].Start.First()); ok {
		r.Inflation = &rate
	}
	for _, tl := range tls {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		cs, err := projection.Careers(tl, opt.CPDHours)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", tl.Scenario, err)
		}
		r.Careers = append(r.Careers, cs)
		r.Points = append(r.Points, projection.Points(tl, tls[0]))
	}
	if ds.Census != nil {
		r.Warnings = append(r.Warnings, censusWarnings(ds.Census, tls[0].Start)...)
		r.Warnings = append(r.Warnings, cpdWarnings(ds.Census, tls)...)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		c, err := projection.Cost(ds.Census, tls[0], tls[1:], projection.Options{
			OnCosts:   ds.OnCosts,
			Turnover:  opt.Turnover,
			Inflation: r.Inflation,
		})
		if err != nil {
			return nil, err
		}
		r.Costing = c
		r.EqualityAttributes = equalityAttributes(c)
		for _, sc := range c.Scenarios {
			r.Totals = append(r.Totals, AllRows(sc))
		}
		r.Equality = Disclose(c)
		r.PayGaps = PayGapsOf(c, ds.Census, opt.PayGap)
	}
	r.Suppression = Suppress(r.Costing)
	r.Figures = figures(r)
	for i, tl := range tls {
		r.Summaries = append(r.Summaries, summaries(tl, r.Careers[i]))
	}
	r.Bands = bandPoints(r)
	r.RealTerms = RealTermsHistory(ds, m.Headline, m.Now)
	r.Real = realAnalysis(ds, tls, m)
	return r, nil
}

// Timelines applies every scenario to ds and returns Current followed by
// each scenario's timeline, all over one horizon so that they can be shown
// side by side: years when positive, otherwise the longest scenario horizon
// (10 years when there are no scenarios). Every problem in every scenario is
// reported together.
func Timelines(ds *paystructure.Dataset, scs []*scenario.Scenario, years int) ([]*paystructure.Timeline, error) {
	var tls []*paystructure.Timeline
	var errs []error
	for _, sc := range scs {
		tl, err := scenario.Apply(ds, sc)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		tls = append(tls, tl)
	}
	if len(errs) > 0 {
		return nil, &ScenarioError{Dataset: ds.Name, Errs: errs}
	}
	start := scenario.DefaultStart(ds)
	horizon := 10
	if len(tls) > 0 {
		start = tls[0].Start
		horizon = 0
		for _, tl := range tls {
			horizon = max(horizon, tl.Years)
		}
	}
	if years > 0 {
		horizon = years
	}
	for _, tl := range tls {
		tl.Years = horizon
	}
	all := append([]*paystructure.Timeline{scenario.Current(ds, start, horizon)}, tls...)
	if err := checkCensusFits(ds, all); err != nil {
		return nil, err
	}
	return all, nil
}

// ScenarioError lists the scenarios that could not be applied to a dataset:
// Errs holds scenario.Apply's error for each, in order (a
// scenario.ErrorList), so that errors.As finds the positioned problems.
type ScenarioError struct {
	Dataset string
	Errs    []error
}

// Error is a heading line followed by each scenario's problems, one a line.
func (e *ScenarioError) Error() string {
	return "scenarios cannot be applied to dataset " + e.Dataset + ":\n" + errors.Join(e.Errs...).Error()
}

// Unwrap returns each scenario's error.
func (e *ScenarioError) Unwrap() []error { return e.Errs }

// censusWarnings points out a census that cannot mean what it says: one with
// nobody in it, or people who reach their point after the start (a typo
// such as 2031 for 2021 would otherwise leave them silently never
// progressing).
func censusWarnings(c *paystructure.Census, start calendar.Month) []string {
	if c.Headcount == 0 {
		return []string{"staff.csv has no people in it: every cost is £0"}
	}
	var later int64
	var latest calendar.Date
	for _, g := range c.Groups {
		if !g.PointDate.IsZero() && calendar.Of(g.PointDate) > start {
			later += g.Count
			if latest.Before(g.PointDate) {
				latest = g.PointDate
			}
		}
	}
	if later == 0 {
		return nil
	}
	return []string{fmt.Sprintf("%d people in staff.csv reach their point after the start (%s; the latest %s): their time at the point counts from then, so they do not progress before it",
		later, start.First(), latest)}
}

// cpdWarnings says, for each timeline that gates progression on CPD, how
// many census people have no CPD hours recorded: they are treated as meeting
// every requirement, which may flatter the offer's progression.
func cpdWarnings(c *paystructure.Census, tls []*paystructure.Timeline) []string {
	var unrecorded int64
	for _, g := range c.Groups {
		if !g.CPDRecorded {
			unrecorded += g.Count
		}
	}
	if unrecorded == 0 {
		return nil
	}
	var out []string
	for _, tl := range tls {
		if gatesOnCPD(tl) {
			out = append(out, fmt.Sprintf("%s gates progression on CPD hours, but %d people in staff.csv have no cpd_hours recorded: they are treated as meeting every CPD requirement", tl.Scenario, unrecorded))
		}
	}
	return out
}

// gatesOnCPD reports whether any progression or pathway under tl needs CPD
// hours.
func gatesOnCPD(tl *paystructure.Timeline) bool {
	if tl.Rules.CPD.Hours.IsPositive() || tl.Rules.CPD.AccelerateHours.IsPositive() {
		return true
	}
	for _, pw := range tl.Rules.Pathways {
		if pw.CPDHours.IsPositive() {
			return true
		}
	}
	for _, t := range tl.Tables {
		for _, sc := range t.Scales {
			for _, p := range sc.Points {
				if p.CPDHours.IsPositive() {
					return true
				}
			}
		}
	}
	return false
}
