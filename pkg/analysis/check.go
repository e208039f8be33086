package analysis

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/projection"
)

// Check cross-checks a result before anything is written, so that a wrong
// number can never be printed silently. It verifies that:
//   - in every scenario and pay year, the band rows of the costing, added up
//     by projection.CostRow.Add (the method that builds the All row), equal
//     the All row column by column, and each row's total, the All row's
//     included, is the sum of its parts. Sharing Add does not hide a fault
//     in it: a column Add dropped or miscounted would leave the All row's
//     total, which Add sums from the band totals, different from the All
//     row's parts (Add has its own table test for the people and drift
//     columns, which no total covers);
//   - every career's earnings are basic pay plus lump sums, its cumulative
//     earnings are the running sum of its years, and its whole-horizon
//     earnings are the last cumulative figure;
//   - no career stands on a salary below its band's entry point on the same
//     date (protected salaries are at least the point's, so they pass).
//
// A failure is a bug in paymodel, not in the input; the message says so.
func Check(r *Result) error {
	var problems []string
	if r.Costing != nil {
		problems = append(problems, checkCosting(r.Costing)...)
	}
	for i, cs := range r.Careers {
		tl := r.Timelines[i]
		for _, c := range cs {
			problems = append(problems, checkCareer(c)...)
			for _, y := range c.Years {
				sc, ok := tl.TableAt(tl.Start + calendar.Month(12*(y.Year-1))).Scale(y.Band)
				if ok && len(sc.Points) > 0 && y.Salary.LessThan(sc.Points[0].Salary) {
					problems = append(problems, fmt.Sprintf("%s %s year %d: salary %s is below the band's entry point %s",
						c.Scenario, c.Band, y.Year, y.Salary.StringFixed(2), sc.Points[0].Salary.StringFixed(2)))
				}
			}
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("internal cross-check failed — this is a bug in paymodel, please report it:\n  %s", strings.Join(problems, "\n  "))
	}
	return nil
}

func checkCareer(c projection.Career) []string {
	var out []string
	cum := decimal.Zero
	for _, y := range c.Years {
		if !y.Basic.Add(y.LumpSums).Equal(y.Earnings) {
			out = append(out, fmt.Sprintf("%s %s year %d: earnings %s ≠ basic %s + lump sums %s", c.Scenario, c.Band, y.Year, y.Earnings, y.Basic, y.LumpSums))
		}
		cum = cum.Add(y.Earnings)
		if !cum.Equal(y.Cumulative) {
			out = append(out, fmt.Sprintf("%s %s year %d: cumulative %s ≠ running sum %s", c.Scenario, c.Band, y.Year, y.Cumulative, cum))
		}
	}
	if !cum.Equal(c.Earnings) {
		out = append(out, fmt.Sprintf("%s %s: career earnings %s ≠ sum of years %s", c.Scenario, c.Band, c.Earnings, cum))
	}
	return out
}

func checkCosting(c *projection.Costing) []string {
	var out []string
	for _, sc := range c.Scenarios {
		sums := map[int]*projection.CostRow{}
		all := map[int]projection.CostRow{}
		var years []int
		for _, row := range sc.Rows {
			parts := row.Basic.Add(row.LumpSums).Add(row.OnCosts).Add(row.CPDTime)
			if !parts.Equal(row.Total) {
				out = append(out, fmt.Sprintf("%s year %d %s: total %s ≠ basic + lump sums + on-costs + CPD time %s", row.Scenario, row.Year, row.Band, row.Total, parts))
			}
			lines := decimal.Zero
			for _, l := range row.OnCostLines {
				lines = lines.Add(l)
			}
			if len(row.OnCostLines) > 0 && !lines.Equal(row.OnCosts) {
				out = append(out, fmt.Sprintf("%s year %d %s: on-costs %s ≠ sum of on-cost lines %s", row.Scenario, row.Year, row.Band, row.OnCosts, lines))
			}
			if row.Band == projection.AllBands {
				all[row.Year] = row
				continue
			}
			s, ok := sums[row.Year]
			if !ok {
				s = &projection.CostRow{}
				sums[row.Year] = s
				years = append(years, row.Year)
			}
			s.Add(row)
		}
		for _, y := range years {
			s, a := sums[y], all[y]
			pairs := []struct {
				name      string
				sum, want decimal.Decimal
			}{
				{"basic", s.Basic, a.Basic}, {"lump sums", s.LumpSums, a.LumpSums}, {"on-costs", s.OnCosts, a.OnCosts},
				{"CPD time", s.CPDTime, a.CPDTime}, {"total", s.Total, a.Total}, {"drift", s.Drift, a.Drift}, {"arrears", s.Arrears, a.Arrears},
				{"headcount", s.Headcount, a.Headcount}, {"fte", s.FTE, a.FTE},
			}
			for _, p := range pairs {
				if !p.sum.Equal(p.want) {
					out = append(out, fmt.Sprintf("%s year %d: %s of the bands adds up to %s but the All row says %s", sc.Scenario, y, p.name, p.sum, p.want))
				}
			}
		}
	}
	return out
}
