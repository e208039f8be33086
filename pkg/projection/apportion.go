package projection

import (
	"sort"

	"github.com/shopspring/decimal"
)

// apportion rounds one field of a year's band rows to 2 places so that they
// add up exactly to the exact total rounded to 2 places (halves away from
// zero), which it returns: each row is rounded down, then the hundredths
// still missing go one each to the rows with the largest remainders, ties to
// the earlier band (the largest remainder method). Every row ends within
// 0.01 of its exact value. Values are people or FTE, never negative.
func apportion(rows []CostRow, total decimal.Decimal, field func(*CostRow) *decimal.Decimal) decimal.Decimal {
	unit := decimal.New(1, -2)
	target := total.Round(2)
	type rem struct {
		i int
		r decimal.Decimal
	}
	rems := make([]rem, len(rows))
	floors := decimal.Zero
	for i := range rows {
		v := field(&rows[i])
		f := v.RoundFloor(2)
		rems[i] = rem{i, v.Sub(f)}
		*v = f
		floors = floors.Add(f)
	}
	missing := target.Sub(floors).Shift(2).IntPart() // 0 ≤ missing ≤ rows with a remainder
	sort.SliceStable(rems, func(a, b int) bool { return rems[a].r.GreaterThan(rems[b].r) })
	for k := int64(0); k < missing && k < int64(len(rems)); k++ {
		v := field(&rows[rems[k].i])
		*v = v.Add(unit)
	}
	return target
}
