package report

import (
	"github.com/shopspring/decimal"

	"paymodel/pkg/analysis"
	"paymodel/pkg/calendar"
	"paymodel/pkg/projection"
)

// Names of the CSV tables paymodel compare writes.
const (
	PointsCSV       = "points.csv"
	CareersCSV      = "careers.csv"
	SummaryCSV      = "summary.csv"
	CostCSV         = "cost.csv"
	DistributionCSV = "distribution.csv"
	EqualityCSV     = "equality.csv"
)

func optMoney(d *decimal.Decimal) Cell {
	if d == nil {
		return Blank()
	}
	return Money(*d)
}

func optChange(d *decimal.Decimal) Cell {
	if d == nil {
		return Blank()
	}
	return Change(*d)
}

func optPctChange(d *decimal.Decimal) Cell {
	if d == nil {
		return Blank()
	}
	return PercentChange(*d)
}

// PointsTable is points.csv: every point of every band at each pay-year start
// and award date, under each timeline, against Current.
func PointsTable(rows []projection.PointRow) Table {
	t := Table{
		Name:    PointsCSV,
		Title:   "Pay points",
		Columns: []string{"scenario", "date", "band", "point", "salary", "baseline_salary", "change", "change_pct"},
	}
	for _, r := range rows {
		t.Rows = append(t.Rows, []Cell{
			Text(r.Scenario), Date(r.Date), Text(r.Band), Text(r.Point),
			Money(r.Salary), optMoney(r.BaselineSalary), optChange(r.Change), optPctChange(r.ChangePct),
		})
	}
	return t
}

// CareersTable is careers.csv: a full-time new entrant at the bottom of each
// band, pay year by pay year.
func CareersTable(careers []projection.Career) Table {
	t := Table{
		Name:    CareersCSV,
		Title:   "Careers of a full-time new entrant",
		Columns: []string{"scenario", "band", "year", "date", "point", "salary", "earnings", "cumulative"},
	}
	for _, c := range careers {
		for _, y := range c.Years {
			point := y.Point
			if y.Band != c.Band {
				point = y.Band + " " + y.Point
			}
			t.Rows = append(t.Rows, []Cell{
				Text(c.Scenario), Text(c.Band), Int(int64(y.Year)), Date(y.Date), Text(point),
				Money(y.Salary), Money(y.Earnings), Money(y.Cumulative),
			})
		}
	}
	return t
}

// SummaryTable is summary.csv.
func SummaryTable(rows []analysis.Summary) Table {
	t := Table{
		Name:    SummaryCSV,
		Title:   "Summary by band",
		Columns: []string{"scenario", "band", "entry_salary", "top_salary", "years_to_top", "career_earnings"},
	}
	for _, r := range rows {
		ytt := Blank()
		if r.YearsToTop != nil {
			ytt = Number(*r.YearsToTop, 2)
		}
		t.Rows = append(t.Rows, []Cell{Text(r.Scenario), Text(r.Band), Money(r.Entry), Money(r.Top), ytt, Money(r.CareerEarnings)})
	}
	return t
}

// CostTable is cost.csv: per scenario, pay year and band (and All), the
// paybill and its change against Current in the same year. The bands the
// disclosure policy suppresses (analysis.Suppress) show their headcount
// only: fte and every amount are blank, in every pay year and scenario. The
// All row is still the total of every band, unless the whole census has
// fewer than analysis.MinGroup people.
func CostTable(c *projection.Costing, start calendar.Month) Table {
	t := Table{
		Name:  CostCSV,
		Title: "Cost by pay year",
		Columns: []string{"scenario", "year", "date", "band", "headcount", "fte", "basic", "lump_sums", "oncosts",
			"total", "change", "change_pct", "drift", "cpd_time"},
	}
	sup := analysis.Suppress(c)
	for _, sc := range c.Scenarios {
		for _, r := range sc.Rows {
			date := (start + calendar.Month(12*(r.Year-1))).First()
			row := []Cell{
				Text(r.Scenario), Int(int64(r.Year)), Date(date), Text(r.Band),
				Exact(r.Headcount, 2), Exact(r.FTE, 2), Money(r.Basic), Money(r.LumpSums), Money(r.OnCosts),
				Money(r.Total), Change(r.Change), optPctChange(r.ChangePct), Money(r.Drift), Money(r.CPDTime),
			}
			if !sup.BandShown(r.Band) {
				blankFrom(row, 5)
			}
			t.Rows = append(t.Rows, row)
		}
	}
	return t
}

// blankFrom blanks row[i:].
func blankFrom(row []Cell, i int) {
	for ; i < len(row); i++ {
		row[i] = Blank()
	}
}

// DistributionTable is distribution.csv: how first-year rises are spread in
// each band. The bands the disclosure policy suppresses (analysis.Suppress)
// show their number of people only: the rises and the count below
// inflation are blank.
func DistributionTable(c *projection.Costing) Table {
	t := Table{
		Name:  DistributionCSV,
		Title: "First-year rises",
		Columns: []string{"scenario", "band", "people", "min_rise", "median_rise", "max_rise",
			"min_rise_pct", "median_rise_pct", "max_rise_pct", "below_inflation"},
	}
	sup := analysis.Suppress(c)
	for _, sc := range c.Scenarios {
		for _, d := range sc.Distribution {
			below := Blank()
			if d.BelowInflation != nil {
				below = Int(*d.BelowInflation)
			}
			row := []Cell{
				Text(d.Scenario), Text(d.Band), Int(d.People),
				Change(d.MinRise), Change(d.MedianRise), Change(d.MaxRise),
				PercentChange(d.MinPct), PercentChange(d.MedianPct), PercentChange(d.MaxPct), below,
			}
			if !sup.BandShown(d.Band) {
				blankFrom(row, 3)
			}
			t.Rows = append(t.Rows, row)
		}
	}
	return t
}

// EqualityTable is equality.csv: for each census attribute and group, the
// full-time-equivalent salary and the gap to the best-paid group shown.
// The pay of the groups that the disclosure policy (analysis.MinGroup,
// analysis.DisclosedEquality) suppresses is left blank; their headcount is
// shown, and the gaps are those analysis.DisclosedEquality measures.
func EqualityTable(c *projection.Costing) Table {
	t := Table{
		Name:    EqualityCSV,
		Title:   "Equality: full-time-equivalent salary by group",
		Columns: []string{"scenario", "attribute", "group", "headcount", "mean_fte_salary", "median_fte_salary", "gap_pct"},
	}
	for _, sc := range c.Scenarios {
		rows, shown := analysis.DisclosedEquality(sc.Equality)
		for i, e := range rows {
			ok := shown[i]
			t.Rows = append(t.Rows, []Cell{
				Text(e.Scenario), Text(e.Attribute), Text(e.Value), Int(e.Headcount),
				Optional(Money(e.MeanSalary), ok), Optional(Money(e.MedianSalary), ok), Optional(Percent(e.GapPct), ok),
			})
		}
	}
	return t
}
