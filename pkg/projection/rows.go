package projection

import (
	"sort"

	"github.com/shopspring/decimal"

	"paymodel/pkg/money"
	"paymodel/pkg/projection/internal/exact"
)

// factors returns, per cohort and pay year (0-based), the fraction of a
// group's weight in that cohort: (1−t)^y for the census cohort and
// t·(1−t)^(y−k) for entrants who joined at the start of year k.
func (e *engine) factors(cohorts int) [][]decimal.Decimal {
	t := e.turnover
	stay := decimal.NewFromInt(1).Sub(t)
	pow := make([]decimal.Decimal, e.years)
	pow[0] = decimal.NewFromInt(1)
	for y := 1; y < e.years; y++ {
		pow[y] = pow[y-1].Mul(stay)
	}
	f := make([][]decimal.Decimal, cohorts)
	for k := range f {
		f[k] = make([]decimal.Decimal, e.years)
		for y := k; y < e.years; y++ {
			if k == 0 {
				f[k][y] = pow[y]
			} else {
				f[k][y] = t.Mul(pow[y-k])
			}
		}
	}
	return f
}

// rows reads r's cells into the cost rows: per pay year, a row for each of
// the timeline's bands in display order, then AllBands. A band's amounts are
// the cohorts' exact sums weighted by their turnover factors, each rounded
// to the penny once (money.Penny); AllBands adds up the rounded band rows,
// so the bands always add up to All. Under turnover, headcount and FTE are
// apportioned to 2 places the same way.
func (e *engine) rows(r *run) []CostRow {
	c := r.c
	f := e.factors(len(r.cells))
	sum := func(y, b int, field func(*cell) exact.Int128, exp int32) decimal.Decimal {
		var total decimal.Decimal
		for k := range r.cells {
			if k > y {
				break
			}
			v := field(&r.cells[k][y][b])
			if v == (exact.Int128{}) {
				continue
			}
			total = total.Add(f[k][y].Mul(v.Decimal(exp)))
		}
		return total
	}
	var rows []CostRow
	for y := 0; y < e.years; y++ {
		all := CostRow{Scenario: c.tl.Scenario, Year: y + 1, Band: AllBands, OnCostLines: make([]decimal.Decimal, len(e.on))}
		for b, name := range c.bands {
			row := CostRow{Scenario: c.tl.Scenario, Year: y + 1, Band: name}
			row.Headcount = sum(y, b, func(c *cell) exact.Int128 { return c.w }, 0)
			row.FTE = sum(y, b, func(c *cell) exact.Int128 { return c.fte }, -8)
			basic := sum(y, b, func(c *cell) exact.Int128 { return c.basic }, -2)
			row.Basic = money.Penny(basic)
			row.LumpSums = money.Penny(sum(y, b, func(c *cell) exact.Int128 { return c.lumps }, -2))
			row.CPDTime = money.Penny(sum(y, b, func(c *cell) exact.Int128 { return c.cpd }, -2))
			row.Drift = money.Penny(basic.Sub(sum(y, b, func(c *cell) exact.Int128 { return c.noprog }, -2)))
			for li := range e.on {
				v := money.Penny(sum(y, b, func(c *cell) exact.Int128 { return c.on[li] }, -2))
				row.OnCostLines = append(row.OnCostLines, v)
				row.OnCosts = row.OnCosts.Add(v)
			}
			row.Total = row.Basic.Add(row.LumpSums).Add(row.OnCosts).Add(row.CPDTime)
			all.Add(row)
			rows = append(rows, row)
		}
		if e.turnover.Sign() != 0 {
			// Expected people under turnover have ever more decimal places:
			// show them to 2, the band rows apportioned so that they add up
			// to the rounded total.
			year := rows[len(rows)-len(c.bands):]
			all.Headcount = apportion(year, all.Headcount, func(r *CostRow) *decimal.Decimal { return &r.Headcount })
			all.FTE = apportion(year, all.FTE, func(r *CostRow) *decimal.Decimal { return &r.FTE })
		}
		rows = append(rows, all)
	}
	return rows
}

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
