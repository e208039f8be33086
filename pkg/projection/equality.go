package projection

import (
	"slices"

	"github.com/shopspring/decimal"
)

// equality summarises the pay-year-1 full-time salary of each attribute
// value's people under r: an EqualityRow per attribute (census order) and
// value (ascending text order) with the headcount, the mean to the penny,
// the weighted lower median and the gap to the attribute's best mean.
func (e *engine) equality(r *run) []EqualityRow {
	// Rank the distinct salaries once (slots and protected salaries), so each
	// group needs only integer work per path.
	type coded struct {
		code int32
		sal  decimal.Decimal
	}
	codes := make([]coded, 0, len(r.c.slotSalary)+len(r.prot))
	for i, sal := range r.c.slotSalary {
		codes = append(codes, coded{int32(i), sal})
	}
	for i, sal := range r.prot {
		codes = append(codes, coded{int32(-1 - i), sal})
	}
	slices.SortFunc(codes, func(a, b coded) int { return a.sal.Cmp(b.sal) })
	slotRank := make([]int, len(r.c.slotSalary))
	protRank := make([]int, len(r.prot))
	rankSal := make([]decimal.Decimal, 0, len(codes))
	for i, x := range codes {
		if i == 0 || x.sal.GreaterThan(codes[i-1].sal) {
			rankSal = append(rankSal, x.sal)
		}
		rk := len(rankSal) - 1
		if x.code >= 0 {
			slotRank[x.code] = rk
		} else {
			protRank[-1-x.code] = rk
		}
	}
	rankOf := func(pi int) int {
		if c := r.ft1[pi]; c >= 0 {
			return slotRank[c]
		}
		return protRank[-1-r.ft1[pi]]
	}
	wByRank := make([]int64, len(rankSal))
	var touched []int
	var out []EqualityRow
	for a, ai := range e.attrs {
		first := len(out)
		best := decimal.Zero
		for vi, v := range ai.values {
			row := EqualityRow{Scenario: r.c.tl.Scenario, Attribute: e.attrNames[a], Value: v}
			touched = touched[:0]
			for _, pw := range ai.paths[vi] {
				if pw.weight <= 0 {
					continue
				}
				rk := rankOf(pw.path)
				if wByRank[rk] == 0 {
					touched = append(touched, rk)
				}
				wByRank[rk] += pw.weight
				row.Headcount += pw.weight
			}
			slices.Sort(touched)
			var total decimal.Decimal
			target := row.Headcount - row.Headcount/2 // ⌈W/2⌉: the lower median
			var cum int64
			for _, rk := range touched {
				w := wByRank[rk]
				total = total.Add(rankSal[rk].Mul(decimal.NewFromInt(w)))
				if cum < target && cum+w >= target {
					row.MedianSalary = rankSal[rk]
				}
				cum += w
				wByRank[rk] = 0
			}
			if row.Headcount > 0 {
				row.MeanSalary = total.DivRound(decimal.NewFromInt(row.Headcount), 2)
			}
			if row.MeanSalary.GreaterThan(best) {
				best = row.MeanSalary
			}
			out = append(out, row)
		}
		for i := first; i < len(out); i++ {
			if best.Sign() > 0 {
				out[i].GapPct = best.Sub(out[i].MeanSalary).DivRound(best, 8)
			}
		}
	}
	return out
}
