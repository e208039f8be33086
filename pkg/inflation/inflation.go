// Package inflation owns price-index arithmetic: the inflation rate between
// two dates and the real-terms value of an amount at another date's prices,
// from a dataset's inflation.csv, which may hold several named series (CPI,
// CPIH, RPI) side by side (Split, Find).
//
// Real values are worked out from index levels, never by chaining rounded
// rates: amount × index(prices) ÷ index(then). Rate, TwelveMonthRate and
// Real look index values up on the exact date; On and Deflate take a
// series' index at a date to be its latest value dated on or before it, and
// a date after the series' last value is not covered (an index is never
// carried forward). paymodel never interpolates between index values.
package inflation

import (
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
)

// RatePlaces is the precision of inflation rates (a fraction to 8 places,
// enough for any percentage shown to 2 places).
const RatePlaces = 8

// Index is a price index: values on dates, ascending.
type Index []paystructure.IndexPoint

// At returns the index value on date d exactly.
func (ix Index) At(d calendar.Date) (decimal.Decimal, bool) {
	i := sort.Search(len(ix), func(i int) bool { return !ix[i].Date.Before(d) })
	if i < len(ix) && ix[i].Date == d {
		return ix[i].Index, true
	}
	return decimal.Zero, false
}

// Latest returns the last index point. ok is false for an empty index.
func (ix Index) Latest() (p paystructure.IndexPoint, ok bool) {
	if len(ix) == 0 {
		return p, false
	}
	return ix[len(ix)-1], true
}

// Rate returns the inflation from date from to date to as a fraction
// (index(to) ÷ index(from) − 1, to RatePlaces places, halves away from
// zero). ok is false when the index lacks either date.
func (ix Index) Rate(from, to calendar.Date) (decimal.Decimal, bool) {
	a, ok1 := ix.At(from)
	b, ok2 := ix.At(to)
	if !ok1 || !ok2 || a.IsZero() {
		return decimal.Zero, false
	}
	return b.DivRound(a, RatePlaces+4).Sub(decimal.NewFromInt(1)).Round(RatePlaces), true
}

// TwelveMonthRate returns the inflation over the 12 months to date d: the
// figure quoted when a pay offer is made ("CPI was 3.5% in April").
func (ix Index) TwelveMonthRate(d calendar.Date) (decimal.Decimal, bool) {
	return ix.Rate(calendar.Date{Year: d.Year - 1, Month: d.Month, Day: d.Day}, d)
}

// Real returns amount, paid on date at, expressed at the prices of date
// prices: amount × index(prices) ÷ index(at), rounded to the penny. ok is
// false when the index lacks either date.
func (ix Index) Real(amount decimal.Decimal, at, prices calendar.Date) (decimal.Decimal, bool) {
	a, ok1 := ix.At(at)
	b, ok2 := ix.At(prices)
	if !ok1 || !ok2 || a.IsZero() {
		return decimal.Zero, false
	}
	return money.Penny(amount.Mul(b).DivRound(a, 10)), true
}

// Series is one named price index ("" for the one series of a file without
// a series column).
type Series struct {
	Name   string
	Points Index
}

// Label is the series' name, or "price index" for an unnamed series.
func (s Series) Label() string {
	if s.Name == "" {
		return "price index"
	}
	return s.Name
}

// Split returns the series of points (a Dataset's Inflation: series by
// series, each in date order), in the order they come.
func Split(points []paystructure.IndexPoint) []Series {
	var out []Series
	for i, p := range points {
		if i == 0 || p.Series != points[i-1].Series {
			out = append(out, Series{Name: p.Series})
		}
		s := &out[len(out)-1]
		s.Points = append(s.Points, p)
	}
	return out
}

// Find returns the series named name (case-insensitively); "" finds the
// first series. ok is false when there is none.
func Find(ss []Series, name string) (Series, bool) {
	for _, s := range ss {
		if name == "" || strings.EqualFold(s.Name, name) {
			return s, true
		}
	}
	return Series{}, false
}

// On returns the index value in force on date d: the latest dated on or
// before it. ok is false before the first value and after the last (an
// index is never carried past its last value).
func (ix Index) On(d calendar.Date) (p paystructure.IndexPoint, ok bool) {
	if len(ix) == 0 || ix[len(ix)-1].Date.Before(d) {
		return p, false
	}
	i := sort.Search(len(ix), func(i int) bool { return d.Before(ix[i].Date) })
	if i == 0 {
		return p, false
	}
	return ix[i-1], true
}

// DeflatePlaces is the precision of a real value before it is written (it
// is rounded to the penny only then).
const DeflatePlaces = 10

// Deflated is an amount at another date's prices, and whether a forecast
// index value went into it.
type Deflated struct {
	Real     decimal.Decimal // to DeflatePlaces places, halves away from zero
	Forecast bool
}

// Deflate returns amount, paid on date at, at the prices of date prices:
// amount × index(prices) ÷ index(at), each index the value in force on its
// date (On), to DeflatePlaces places. ok is false when the series does not
// cover either date.
func (ix Index) Deflate(amount decimal.Decimal, at, prices calendar.Date) (Deflated, bool) {
	a, ok1 := ix.On(at)
	b, ok2 := ix.On(prices)
	if !ok1 || !ok2 || a.Index.Sign() <= 0 {
		return Deflated{}, false
	}
	return Deflated{Real: amount.Mul(b.Index).DivRound(a.Index, DeflatePlaces), Forecast: a.Forecast || b.Forecast}, true
}
