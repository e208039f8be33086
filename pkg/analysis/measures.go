package analysis

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/inflation"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
)

// Measures are the price-index series of a comparison and the choices made
// among them: every series side by side, the one headlines use, and the
// dates real values are taken at.
type Measures struct {
	// Series are every series of the dataset's inflation.csv, in file
	// order; nil without one.
	Series []inflation.Series
	// Headline is the series headline figures use (Options.Index; default
	// the first); zero without inflation.csv.
	Headline inflation.Series
	// Now is the date histories and restore figures are measured to, and
	// the prices they are at: the horizon's start, or the dataset's latest
	// structure date when that is later (so that a dataset's own history
	// is measured to its end).
	Now calendar.Date
	// Base is the prices realterms.csv is at: Options.Base, else Now.
	Base calendar.Date
	// Since is the date the restore uplift and days worked unpaid measure
	// from: Options.Base when given, else each band's earliest dated
	// structure (zero here).
	Since calendar.Date
}

// UnknownIndexError is Run's error when Options.Index names no series of
// the dataset.
type UnknownIndexError struct {
	Name   string
	Series []string // the dataset's series, in file order
}

func (e *UnknownIndexError) Error() string {
	if len(e.Series) == 0 {
		return fmt.Sprintf("--index %s: the dataset has no inflation.csv", e.Name)
	}
	return fmt.Sprintf("--index %s: the dataset's inflation.csv has no series %s (it has %s)", e.Name, e.Name, strings.Join(e.Series, ", "))
}

// measures picks the series and dates of a comparison starting on start.
func measures(ds *paystructure.Dataset, start calendar.Date, opt Options) (Measures, error) {
	m := Measures{Series: inflation.Split(ds.Inflation), Now: start, Base: start, Since: opt.Base}
	if latest := ds.Latest().EffectiveFrom; m.Now.Before(latest) {
		m.Now = latest
	}
	if !opt.Base.IsZero() {
		m.Base = opt.Base
	}
	h, ok := inflation.Find(m.Series, opt.Index)
	if !ok && opt.Index != "" {
		e := &UnknownIndexError{Name: opt.Index}
		for _, s := range m.Series {
			e.Series = append(e.Series, s.Label())
		}
		return m, e
	}
	m.Headline = h
	return m, nil
}

// Named reports whether the headline is a named series (a file with a
// series column).
func (m Measures) Named() bool { return m.Headline.Name != "" }

// RealRow is one row of realterms.csv: a band's entry or top point at the
// start of a pay year under one timeline, and its value at Base's prices
// under one series.
type RealRow struct {
	Scenario string
	Year     int
	Date     calendar.Date
	Band     string
	Which    string // "entry" or "top"
	Point    string // the point's label
	Series   string // the series' label
	Nominal  decimal.Decimal
	// Real is Nominal × index(Base) ÷ index(Date), to
	// inflation.DeflatePlaces places (rounded to the penny only when
	// written); nil where the series does not cover either date.
	Real     *decimal.Decimal
	Base     calendar.Date
	Forecast bool // a forecast index value went into Real
}

// realRows lists realterms.csv: for every timeline, pay year, band (entry
// then top; a band of one point once) and series.
func realRows(tls []*paystructure.Timeline, m Measures) []RealRow {
	var out []RealRow
	for _, tl := range tls {
		for y := range tl.Years {
			at := tl.Start + calendar.Month(12*y)
			date := at.First()
			for _, sc := range tl.TableAt(at).Scales {
				if len(sc.Points) == 0 {
					continue
				}
				for _, which := range []string{"entry", "top"} {
					if which == "top" && len(sc.Points) == 1 {
						break // a band of one point: its entry is its top
					}
					p := endPoint(sc, which)
					for _, s := range m.Series {
						row := RealRow{Scenario: tl.Scenario, Year: y + 1, Date: date, Band: sc.Band, Which: which, Point: p.Label,
							Series: s.Label(), Nominal: p.Salary, Base: m.Base}
						if d, ok := s.Points.Deflate(p.Salary, date, m.Base); ok {
							row.Real, row.Forecast = &d.Real, d.Forecast
						}
						out = append(out, row)
					}
				}
			}
		}
	}
	return out
}

// Restore is how far one band's entry or top salary has fallen in real
// terms under one series, from Since to Now, and what would restore it.
type Restore struct {
	Band, Which, Series string
	Since, Now          calendar.Date
	// Then is the salary in force on Since; ThenReal its value at Now's
	// prices (Then × index(Now) ÷ index(Since)); Cash the salary in force
	// on Now (Current's, before any offer).
	Then, ThenReal, Cash decimal.Decimal
	// Change is Cash ÷ ThenReal − 1 (negative: a real-terms cut), a
	// fraction to 8 places.
	Change decimal.Decimal
	// Uplift is the rise that restores the real value: ThenReal ÷ Cash − 1
	// (to 8 places; 0 or less: nothing to restore).
	Uplift decimal.Decimal
	// DaysUnpaid is the loss as days of the year: Uplift ÷ (1 + Uplift) ×
	// 365, to 2 places; 0 when there is no loss. It equals (1 − Cash ÷
	// ThenReal) × 365: the days of a year's work that today's pay no
	// longer pays for, at Since's value.
	DaysUnpaid decimal.Decimal
	Forecast   bool
	// ThenStatus and CashStatus are where Then and Cash come from
	// (increments.csv's status column; NewRestore leaves them published).
	ThenStatus, CashStatus paystructure.Status
}

// Status is the status of the restore's figures (Change, Uplift,
// DaysUnpaid): the least published of Then's and Cash's.
func (r Restore) Status() paystructure.Status { return r.ThenStatus.Max(r.CashStatus) }

// daysInYear is the year DaysUnpaid counts in.
var daysInYear = decimal.NewFromInt(365)

// NewRestore measures cash then (on since) against cash now (on now) under
// series s. ok is false when s does not cover both dates.
func NewRestore(s inflation.Series, then decimal.Decimal, since calendar.Date, cash decimal.Decimal, now calendar.Date) (r Restore, ok bool) {
	d, ok := s.Points.Deflate(then, since, now)
	if !ok || cash.Sign() <= 0 || d.Real.Sign() <= 0 {
		return r, false
	}
	r = Restore{Series: s.Label(), Since: since, Now: now, Then: then, ThenReal: d.Real, Cash: cash, Forecast: d.Forecast}
	_, r.Change = money.Change(d.Real, cash)
	r.Uplift = d.Real.DivRound(cash, 8+4).Sub(decimal.NewFromInt(1)).Round(8)
	if r.Uplift.IsPositive() {
		// Uplift ÷ (1 + Uplift) = (ThenReal − Cash) ÷ ThenReal, worked out
		// from the exact values rather than the rounded uplift.
		r.DaysUnpaid = d.Real.Sub(cash).Mul(daysInYear).DivRound(d.Real, 2)
	}
	return r, true
}

// restores measures every band's entry and top under every series, from
// Since (or each band's earliest dated structure) to Now, against the
// structure in force on Now.
func restores(ds *paystructure.Dataset, m Measures) []Restore {
	var out []Restore
	for _, b := range ds.Bands {
		now, ok := structureOn(ds, b.Name, m.Now)
		if !ok {
			continue
		}
		since := m.Since
		if since.IsZero() {
			since = earliest(ds, b.Name)
		}
		then, ok := structureOn(ds, b.Name, since)
		if !ok || m.Now.Before(since) {
			continue
		}
		for _, which := range []string{"entry", "top"} {
			for _, s := range m.Series {
				tp, np := endPoint(then, which), endPoint(now, which)
				r, ok := NewRestore(s, tp.Salary, since, np.Salary, m.Now)
				if !ok {
					continue
				}
				r.Band, r.Which, r.ThenStatus, r.CashStatus = b.Name, which, tp.Status, np.Status
				out = append(out, r)
			}
		}
	}
	return out
}

// structureOn returns band's scale in the dataset's structure in force on
// d: the latest dated on or before it (an undated structure is in force
// always).
func structureOn(ds *paystructure.Dataset, band string, d calendar.Date) (paystructure.Scale, bool) {
	var sc paystructure.Scale
	found := false
	for _, st := range ds.Structures {
		if d.Before(st.EffectiveFrom) {
			continue
		}
		if s, ok := st.Scale(band); ok && len(s.Points) > 0 {
			sc, found = s, true
		}
	}
	return sc, found
}

// earliest returns the date of the earliest dated structure that has band
// (zero when none is dated).
func earliest(ds *paystructure.Dataset, band string) calendar.Date {
	for _, st := range ds.Structures {
		if _, ok := st.Scale(band); ok && !st.EffectiveFrom.IsZero() {
			return st.EffectiveFrom
		}
	}
	return calendar.Date{}
}

// DealChange is the real-terms change an offer makes to one band's entry
// or top salary over the deal under one series: from Current's salary at
// the start to the offer's salary at the deal's end, at the start's prices.
type DealChange struct {
	Scenario, Band, Which, Series string
	Start, End                    calendar.Date
	Before, After                 decimal.Decimal // cash at the start (Current) and at the end (the offer)
	// Change is After × index(Start) ÷ index(End) ÷ Before − 1, a fraction
	// to 8 places.
	Change   decimal.Decimal
	Forecast bool // a forecast index value went into Change
}

// DealEnd returns the end of tl's deal: the start of the pay year after
// the one of its last award within the horizon, at most the horizon's end.
func DealEnd(tl *paystructure.Timeline) calendar.Month {
	last := lastTable(tl).From
	years := int(last-tl.Start)/12 + 1
	return min(tl.Start+calendar.Month(12*years), tl.End())
}

// dealChanges measures every offer (not Current) under every series; a
// series that does not cover the deal's end is left out for it.
func dealChanges(tls []*paystructure.Timeline, m Measures) []DealChange {
	if len(tls) < 2 {
		return nil
	}
	cur := tls[0].TableAt(tls[0].Start)
	var out []DealChange
	for _, tl := range tls[1:] {
		end := DealEnd(tl)
		after := tl.TableAt(end - 1)
		for _, sc := range after.Scales {
			before, ok := cur.Scale(sc.Band)
			if !ok || len(sc.Points) == 0 || len(before.Points) == 0 {
				continue
			}
			for _, which := range []string{"entry", "top"} {
				for _, s := range m.Series {
					d, ok := s.Points.Deflate(endOf(sc, which), end.First(), tl.Start.First())
					if !ok {
						continue
					}
					dc := DealChange{Scenario: tl.Scenario, Band: sc.Band, Which: which, Series: s.Label(), Start: tl.Start.First(), End: end.First(),
						Before: endOf(before, which), After: endOf(sc, which), Forecast: d.Forecast}
					_, dc.Change = money.Change(dc.Before, d.Real)
					out = append(out, dc)
				}
			}
		}
	}
	return out
}

// WorstDeal returns, for the offer scenario and series, its smallest real
// change over the deal (the first in band order on a tie); ok is false
// when the series does not cover the deal.
func WorstDeal(dcs []DealChange, scenario, series string) (worst DealChange, ok bool) {
	for _, dc := range dcs {
		if dc.Scenario != scenario || dc.Series != series {
			continue
		}
		if !ok || dc.Change.LessThan(worst.Change) {
			worst, ok = dc, true
		}
	}
	return worst, ok
}

// Real is the real-terms and wage-floor part of a comparison.
type Real struct {
	Measures Measures
	// History is each series' real-terms history (RealTermsHistory), in
	// series order.
	History [][]RealTerms
	// Rows are realterms.csv's rows; Restores each band's loss since
	// Measures.Since and the uplift that restores it; Deals each offer's
	// real-terms change over its deal.
	Rows     []RealRow
	Restores []Restore
	Deals    []DealChange
	// Floors are floors.csv's rows (nil without floors.csv); Breaches the
	// points below a floor; Differentials each band's gap above the lowest
	// point.
	Floors        []FloorRow
	Breaches      []FloorBreach
	Differentials []Differential
}

// realAnalysis computes Real for a comparison.
func realAnalysis(ds *paystructure.Dataset, tls []*paystructure.Timeline, m Measures) Real {
	r := Real{Measures: m, Rows: realRows(tls, m), Restores: restores(ds, m), Deals: dealChanges(tls, m),
		Floors: floorRows(ds, tls), Differentials: differentials(tls)}
	for _, s := range m.Series {
		r.History = append(r.History, RealTermsHistory(ds, s, m.Now))
	}
	r.Breaches = Breaches(r.Floors)
	return r
}
