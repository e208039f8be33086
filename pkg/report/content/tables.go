package content

import (
	"github.com/shopspring/decimal"

	"paymodel/pkg/analysis"
	"paymodel/pkg/calendar"
	"paymodel/pkg/projection"
	"paymodel/pkg/report"
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

func optMoney(d *decimal.Decimal) report.Cell {
	if d == nil {
		return report.Blank()
	}
	return report.Money(*d)
}

func optChange(d *decimal.Decimal) report.Cell {
	if d == nil {
		return report.Blank()
	}
	return report.Change(*d)
}

func optPctChange(d *decimal.Decimal) report.Cell {
	if d == nil {
		return report.Blank()
	}
	return report.PercentChange(*d)
}

// PointsTable is points.csv: every point of every band at each pay-year start
// and award date, under each timeline, against Current; status is the
// point's paystructure.Status (published, derived or illustrative: whether
// its salary is, or is worked out from, a published one).
func PointsTable(rows []projection.PointRow) report.Table {
	t := report.Table{
		Name:    PointsCSV,
		Title:   "Pay points",
		Columns: []string{"scenario", "date", "band", "point", "salary", "baseline_salary", "change", "change_pct", "status"},
	}
	for _, r := range rows {
		t.Rows = append(t.Rows, []report.Cell{
			report.Text(r.Scenario), report.Date(r.Date), report.Text(r.Band), report.Text(r.Point),
			report.Money(r.Salary), optMoney(r.BaselineSalary), optChange(r.Change), optPctChange(r.ChangePct),
			report.Text(r.Status.String()),
		})
	}
	return t
}

// CareersTable is careers.csv: a full-time new entrant at the bottom of each
// band, pay year by pay year.
func CareersTable(careers []projection.Career) report.Table {
	t := report.Table{
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
			t.Rows = append(t.Rows, []report.Cell{
				report.Text(c.Scenario), report.Text(c.Band), report.Int(int64(y.Year)), report.Date(y.Date), report.Text(point),
				report.Money(y.Salary), report.Money(y.Earnings), report.Money(y.Cumulative),
			})
		}
	}
	return t
}

// SummaryTable is summary.csv.
func SummaryTable(rows []analysis.Summary) report.Table {
	t := report.Table{
		Name:    SummaryCSV,
		Title:   "Summary by band",
		Columns: []string{"scenario", "band", "entry_salary", "top_salary", "years_to_top", "career_earnings"},
	}
	for _, r := range rows {
		ytt := report.Blank()
		if r.YearsToTop != nil {
			ytt = report.Number(*r.YearsToTop, 2)
		}
		t.Rows = append(t.Rows, []report.Cell{report.Text(r.Scenario), report.Text(r.Band), report.Money(r.Entry), report.Money(r.Top), ytt, report.Money(r.CareerEarnings)})
	}
	return t
}

// CostTable is cost.csv: per scenario, pay year and band (and All), the
// paybill and its change against Current in the same year, and the arrears
// of a deal implemented late in the pay year they are paid. The bands sup
// (analysis.Suppress of c) suppresses show their headcount only: fte and every amount are blank, in every pay year and scenario. The
// All row is still the total of every band, unless the whole census has
// fewer than analysis.MinGroup people.
func CostTable(c *projection.Costing, sup *analysis.Suppression, start calendar.Month) report.Table {
	t := report.Table{
		Name:  CostCSV,
		Title: "Cost by pay year",
		Columns: []string{"scenario", "year", "date", "band", "headcount", "fte", "basic", "lump_sums", "oncosts",
			"total", "change", "change_pct", "drift", "cpd_time", "arrears"},
	}
	for _, sc := range c.Scenarios {
		for _, r := range sc.Rows {
			date := (start + calendar.Month(12*(r.Year-1))).First()
			row := []report.Cell{
				report.Text(r.Scenario), report.Int(int64(r.Year)), report.Date(date), report.Text(r.Band),
				report.Exact(r.Headcount, 2), report.Exact(r.FTE, 2), report.Money(r.Basic), report.Money(r.LumpSums), report.Money(r.OnCosts),
				report.Money(r.Total), report.Change(r.Change), optPctChange(r.ChangePct), report.Money(r.Drift), report.Money(r.CPDTime),
				report.Money(r.Arrears),
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
func blankFrom(row []report.Cell, i int) {
	for ; i < len(row); i++ {
		row[i] = report.Blank()
	}
}

// DistributionTable is distribution.csv: how first-year rises are spread in
// each band. The bands sup (analysis.Suppress of the costing) suppresses
// show their number of people only: the rises and the count below
// inflation are blank.
func DistributionTable(c *projection.Costing, sup *analysis.Suppression) report.Table {
	t := report.Table{
		Name:  DistributionCSV,
		Title: "First-year rises",
		Columns: []string{"scenario", "band", "people", "min_rise", "median_rise", "max_rise",
			"min_rise_pct", "median_rise_pct", "max_rise_pct", "below_inflation"},
	}
	for _, sc := range c.Scenarios {
		for _, d := range sc.Distribution {
			below := report.Blank()
			if d.BelowInflation != nil {
				below = report.Int(*d.BelowInflation)
			}
			row := []report.Cell{
				report.Text(d.Scenario), report.Text(d.Band), report.Int(d.People),
				report.Change(d.MinRise), report.Change(d.MedianRise), report.Change(d.MaxRise),
				report.PercentChange(d.MinPct), report.PercentChange(d.MedianPct), report.PercentChange(d.MaxPct), below,
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
// eq is each scenario's rows as the disclosure policy lets them be
// published (analysis.Disclose): the pay of the groups it suppresses is
// left blank, their headcount is shown, and the gaps are those
// analysis.DisclosedEquality measures.
func EqualityTable(eq []analysis.Disclosed) report.Table {
	t := report.Table{
		Name:    EqualityCSV,
		Title:   "Equality: full-time-equivalent salary by group",
		Columns: []string{"scenario", "attribute", "group", "headcount", "mean_fte_salary", "median_fte_salary", "gap_pct"},
	}
	for _, d := range eq {
		rows, shown := d.Rows, d.Shown
		for i, e := range rows {
			ok := shown[i]
			t.Rows = append(t.Rows, []report.Cell{
				report.Text(e.Scenario), report.Text(e.Attribute), report.Text(e.Value), report.Int(e.Headcount),
				report.Optional(report.Money(e.MeanSalary), ok), report.Optional(report.Money(e.MedianSalary), ok), report.Optional(report.Percent(e.GapPct), ok),
			})
		}
	}
	return t
}
