package projection

import (
	"slices"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
)

// PointRow is one point of one band on one date, under a scenario and under
// the Current baseline.
type PointRow struct {
	Scenario string
	Date     calendar.Date
	Band     string
	Point    string
	Salary   decimal.Decimal // annual full-time salary in the scenario's table
	// BaselineSalary is the salary of the point with the same label in the
	// same band of Current's table on Date; nil when Current lacks it, and
	// then Change and ChangePct are nil too.
	BaselineSalary *decimal.Decimal
	Change         *decimal.Decimal // Salary − BaselineSalary
	ChangePct      *decimal.Decimal // Change ÷ BaselineSalary, a fraction to 8 places (money.Change)
	// Status is the point's paystructure.Status in the scenario's table:
	// whether Salary is, or is worked out from, a published salary.
	Status paystructure.Status
}

// Points lists every point of every band of tl on each pay-year start and
// each date a table takes effect (Table.From) within the horizon, in date
// order, then band display order, then point order.
func Points(tl, current *paystructure.Timeline) []PointRow {
	end := tl.End()
	var months []calendar.Month
	for k := 0; k < tl.Years; k++ {
		months = append(months, tl.Start+calendar.Month(12*k))
	}
	for _, t := range tl.Tables {
		if t.From >= tl.Start && t.From < end {
			months = append(months, t.From)
		}
	}
	slices.Sort(months)
	months = slices.Compact(months)
	var rows []PointRow
	for _, m := range months {
		t := tl.TableAt(m)
		var base *paystructure.Table
		if current != nil && len(current.Tables) > 0 {
			base = current.TableAt(m)
		}
		for _, b := range tl.Bands {
			sc, ok := t.Scale(b.Name)
			if !ok {
				continue
			}
			var bsc paystructure.Scale
			hasBase := false
			if base != nil {
				bsc, hasBase = base.Scale(b.Name)
			}
			for _, p := range sc.Points {
				r := PointRow{Scenario: tl.Scenario, Date: m.First(), Band: b.Name, Point: p.Label, Salary: p.Salary, Status: p.Status}
				if i := bsc.Index(p.Label); hasBase && i >= 0 {
					bs := bsc.Points[i].Salary
					cash, pct := money.Change(bs, p.Salary)
					r.BaselineSalary, r.Change, r.ChangePct = &bs, &cash, &pct
				}
				rows = append(rows, r)
			}
		}
	}
	return rows
}
