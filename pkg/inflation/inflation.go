// Package inflation owns price-index arithmetic: the inflation rate between
// two dates and the real-terms value of an amount at another date's prices,
// from a dataset's inflation.csv.
//
// Index values are looked up on the exact date; paymodel never interpolates
// between index values, so a figure is shown only where the index covers it.
package inflation

import (
	"sort"

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
