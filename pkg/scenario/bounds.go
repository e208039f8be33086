package scenario

import (
	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/money"
)

// Bounds. Apply refuses, as errors naming the scenario file and line:
//
//   - a rate above money.MaxRate (1000%) in an uplift, in a minimum or
//     maximum written as a rate, or in a lump sum; such an award is not
//     applied (Parse already refuses an uplift of −100% or less, and
//     negative minimums, maximums and lump sums);
//   - lump sums paid in one pay year whose rates add up to more than
//     money.MaxRate, or whose amounts add up to money.AmountLimit or more;
//   - an award that takes any point's salary (after rounding) to £0 or below,
//     or to money.AmountLimit (£1,000,000,000,000) or above: one error per
//     such point, at the award's line, naming the band, the point and the
//     salary. The awards after it are not applied, since they would start
//     from salaries that cannot be paid.
//
// Within these bounds every salary, a year's pay and lump sums for one
// person fit comfortably in 64-bit pence, which the projection relies on.

// rateTooBig reports a rate above money.MaxRate, at pos, and says whether it
// was.
func (ap *applier) rateTooBig(pos Pos, what string, rate decimal.Decimal) bool {
	if rate.LessThanOrEqual(money.MaxRate) {
		return false
	}
	ap.errs.at(pos, "%s: %s is more than %s, the largest rate a scenario may carry", what, money.RateText(rate), money.RateText(money.MaxRate))
	return true
}

// ratesInRange reports every rate of a above money.MaxRate and says whether
// there were none.
func (ap *applier) ratesInRange(a *Award) bool {
	ok := true
	if a.Uplift != nil && ap.rateTooBig(a.pos["uplift"], "uplift", *a.Uplift) {
		ok = false
	}
	for _, b := range []struct {
		key   string
		bound *Bound
	}{{"minimum", a.Minimum}, {"maximum", a.Maximum}} {
		if b.bound != nil && b.bound.IsRate && ap.rateTooBig(a.pos[b.key], b.key, b.bound.Rate) {
			ok = false
		}
	}
	return ok
}

// salariesInRange reports every point a left at £0 or below or at
// money.AmountLimit or above, and says whether there were none. Only the
// points of the working scales are checked: the dataset's own salaries are
// already in range.
func (ap *applier) salariesInRange(a *Award) bool {
	ok := true
	for _, s := range ap.scales {
		for _, p := range s.Points {
			if money.SalaryInRange(p.Salary) {
				continue
			}
			ok = false
			need := "more than £0"
			if p.Salary.Sign() > 0 {
				need = "below " + money.Pounds(money.AmountLimit)
			}
			ap.errs.at(Pos{File: a.Pos.File, Line: a.Pos.Line}, "award %d (%s) takes %s point %s to %s: a salary must be %s",
				a.N, a.terms(), s.Band, p.Label, exact(p.Salary), need)
		}
	}
	return ok
}

// checkLumpSums reports lump-sum rates above money.MaxRate and pay years
// whose lump sums add up to more than the bounds allow (rates above
// money.MaxRate, amounts at money.AmountLimit or above), at the lump sum that
// crosses the bound.
func checkLumpSums(e *errs, sc *Scenario, start calendar.Month) {
	type sums struct {
		rate, amount          decimal.Decimal
		rateFailed, amtFailed bool
	}
	years := map[int]*sums{}
	for _, l := range sc.LumpSums {
		if l.IsRate && l.Rate.GreaterThan(money.MaxRate) {
			e.at(l.Pos, "lump_sum: amount %s is more than %s, the largest rate a scenario may carry", money.RateText(l.Rate), money.RateText(money.MaxRate))
			continue
		}
		m := calendar.Of(l.Paid)
		if l.Paid.IsZero() || m < start {
			continue // reported by Parse or the horizon check
		}
		y := int(m-start) / 12
		s := years[y]
		if s == nil {
			s = &sums{}
			years[y] = s
		}
		from := (start + calendar.Month(12*y)).First()
		if l.IsRate {
			s.rate = s.rate.Add(l.Rate)
			if !s.rateFailed && s.rate.GreaterThan(money.MaxRate) {
				s.rateFailed = true
				e.at(l.Pos, "lump_sum: the lump sums paid in pay year %d (from %s) add up to %s of salary; at most %s may be paid in a pay year",
					y+1, from, money.RateText(s.rate), money.RateText(money.MaxRate))
			}
		} else {
			s.amount = s.amount.Add(l.Amount)
			if !s.amtFailed && !s.amount.LessThan(money.AmountLimit) {
				s.amtFailed = true
				e.at(l.Pos, "lump_sum: the lump sums paid in pay year %d (from %s) add up to %s; they must add up to less than %s in a pay year",
					y+1, from, money.AmountText(s.amount), money.Pounds(money.AmountLimit))
			}
		}
	}
}
