package analysis

import (
	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/inflation"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
)

// RealTerms is the value of one band's entry or top salary on each
// structure date, at the prices of one date, under one price-index series.
type RealTerms struct {
	Band   string
	Which  string // "entry" or "top"
	Series string // the series' label (inflation.Series.Label)
	Dates  []calendar.Date
	Cash   []decimal.Decimal
	// Statuses are where each Cash value comes from (increments.csv's
	// status column: published unless the dataset says otherwise).
	Statuses []paystructure.Status
	Real     []decimal.Decimal // at Prices' prices, to the penny; same length as Dates
	Prices   calendar.Date
	// Change is the fall (negative) or rise in real value from the first
	// date to Prices, as a fraction to 8 places.
	Change decimal.Decimal
}

// Status is the status of Change: the least published of the first and
// last salaries it measures between.
func (rt RealTerms) Status() paystructure.Status {
	return rt.Statuses[0].Max(rt.Statuses[len(rt.Statuses)-1])
}

// RealTermsHistory computes, for every band of ds, the real value under
// series s of its entry and top salary on each structure date that s
// covers, at the prices of date prices (the horizon's start), ending with
// the structure in force on prices. A series' index at a date is its
// latest value on or before it (inflation.Index.On), and real values are
// worked out from index levels (Deflate), rounded to the penny only when
// kept here. Bands and dates s does not cover are left out.
func RealTermsHistory(ds *paystructure.Dataset, s inflation.Series, prices calendar.Date) []RealTerms {
	if _, ok := s.Points.On(prices); !ok {
		return nil
	}
	var out []RealTerms
	for _, b := range ds.Bands {
		for _, which := range []string{"entry", "top"} {
			rt := RealTerms{Band: b.Name, Which: which, Series: s.Label(), Prices: prices}
			var last paystructure.Point
			for _, st := range ds.Structures {
				sc, ok := st.Scale(b.Name)
				if !ok || st.EffectiveFrom.IsZero() || prices.Before(st.EffectiveFrom) {
					continue
				}
				p := endPoint(sc, which)
				last = p
				real, ok := s.Points.Deflate(p.Salary, st.EffectiveFrom, prices)
				if !ok {
					continue
				}
				rt.Dates, rt.Cash, rt.Real = append(rt.Dates, st.EffectiveFrom), append(rt.Cash, p.Salary), append(rt.Real, money.Penny(real.Real))
				rt.Statuses = append(rt.Statuses, p.Status)
			}
			if len(rt.Dates) == 0 {
				continue
			}
			if rt.Dates[len(rt.Dates)-1] != prices {
				rt.Dates, rt.Cash, rt.Real = append(rt.Dates, prices), append(rt.Cash, last.Salary), append(rt.Real, last.Salary)
				rt.Statuses = append(rt.Statuses, last.Status)
			}
			_, rt.Change = money.Change(rt.Real[0], rt.Real[len(rt.Real)-1])
			out = append(out, rt)
		}
	}
	return out
}

// endOf returns a scale's entry ("entry") or top salary.
func endOf(sc paystructure.Scale, which string) decimal.Decimal {
	return endPoint(sc, which).Salary
}

// endPoint returns a scale's entry ("entry") or top point.
func endPoint(sc paystructure.Scale, which string) paystructure.Point {
	if which == "top" {
		return sc.Top()
	}
	return sc.Points[0]
}

// WorstErosion returns the history with the largest fall in real value
// (the smallest Change) among those with two dates or more, the first on a
// tie; ok is false when there is none.
func WorstErosion(h []RealTerms) (worst RealTerms, ok bool) {
	for _, rt := range h {
		if len(rt.Dates) < 2 {
			continue
		}
		if !ok || rt.Change.LessThan(worst.Change) {
			worst, ok = rt, true
		}
	}
	return worst, ok
}

// Climb is one band's normal years from the entry point to the top in a
// dataset's latest structure (paystructure.YearsToTop: the points' own
// durations, no CPD or other gates).
type Climb struct {
	Band  string
	Years decimal.Decimal
}

// Climbs returns the climb of every band of ds's latest structure, in its
// order.
func Climbs(ds *paystructure.Dataset) []Climb {
	var out []Climb
	for _, sc := range ds.Latest().Scales {
		out = append(out, Climb{Band: sc.Band, Years: paystructure.YearsToTop(sc)})
	}
	return out
}

// LongestClimb returns the first of the longest climbs; ok is false when no
// climb is longer than 0 years.
func LongestClimb(cs []Climb) (longest Climb, ok bool) {
	longest.Years = decimal.Zero
	for _, c := range cs {
		if c.Years.GreaterThan(longest.Years) {
			longest, ok = c, true
		}
	}
	return longest, ok
}
