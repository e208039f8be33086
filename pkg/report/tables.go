package report

import (
	"github.com/shopspring/decimal"

	"paymodel/pkg/analysis"
	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
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

// SummaryRow is one line of summary.csv.
type SummaryRow struct {
	Scenario       string
	Band           string
	Entry, Top     decimal.Decimal
	YearsToTop     *decimal.Decimal
	CareerEarnings decimal.Decimal
}

// Summaries pairs each career with its band's entry and top salary in the
// timeline's last table within the horizon (after every award of the deal).
func Summaries(tl *paystructure.Timeline, careers []projection.Career) []SummaryRow {
	last := tl.TableAt(tl.End() - 1)
	var out []SummaryRow
	for _, c := range careers {
		sc, ok := last.Scale(c.Band)
		if !ok || len(sc.Points) == 0 {
			continue
		}
		out = append(out, SummaryRow{
			Scenario: c.Scenario, Band: c.Band,
			Entry: sc.Points[0].Salary, Top: sc.Top().Salary,
			YearsToTop: c.YearsToTop, CareerEarnings: c.Earnings,
		})
	}
	return out
}

// SummaryTable is summary.csv.
func SummaryTable(rows []SummaryRow) Table {
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
// analysis.SuppressEquality) suppresses is left blank; their headcount is
// shown.
func EqualityTable(c *projection.Costing) Table {
	t := Table{
		Name:    EqualityCSV,
		Title:   "Equality: full-time-equivalent salary by group",
		Columns: []string{"scenario", "attribute", "group", "headcount", "mean_fte_salary", "median_fte_salary", "gap_pct"},
	}
	for _, sc := range c.Scenarios {
		rows, shown := DisclosedEquality(sc.Equality)
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

// DisclosedEquality applies the disclosure policy to one scenario's
// equality rows: shown[i] says whether row i's pay may be shown
// (analysis.SuppressEquality), and each gap is measured against the
// best-paid group of the same attribute whose pay is shown, (best mean −
// mean) ÷ best mean to 8 places, so that a blank group's pay cannot be
// worked back from the others' gaps either. Where no group is blank, the
// gaps are the projection's own.
func DisclosedEquality(rows []projection.EqualityRow) (out []projection.EqualityRow, shown []bool) {
	hidden := analysis.SuppressEquality(rows)
	shown = make([]bool, len(rows))
	best := map[string]decimal.Decimal{}
	for i, e := range rows {
		shown[i] = !hidden[i]
		if b, seen := best[e.Attribute]; shown[i] && (!seen || e.MeanSalary.GreaterThan(b)) {
			best[e.Attribute] = e.MeanSalary
		}
	}
	out = make([]projection.EqualityRow, len(rows))
	for i, e := range rows {
		out[i] = e
		if b, ok := best[e.Attribute]; ok && b.IsPositive() {
			out[i].GapPct = b.Sub(e.MeanSalary).DivRound(b, 8)
		}
	}
	return out, shown
}

// PaybillShare returns change ÷ base as a fraction to 8 places, zero when the
// base is zero.
func PaybillShare(change, base decimal.Decimal) decimal.Decimal {
	if base.IsZero() {
		return decimal.Zero
	}
	return change.DivRound(base, 8)
}
