package content

import (
	"paymodel/pkg/analysis"
	"paymodel/pkg/report"
)

// Names of the real-terms and wage-floor tables paymodel compare writes.
const (
	RealTermsCSV = "realterms.csv"
	FloorsCSV    = "floors.csv"
)

// RealTermsTable is realterms.csv: each band's entry and top point at the
// start of each pay year under every timeline, and its value at base_date
// prices under every price series (real = nominal × index(base_date) ÷
// index(date), each index the series' latest value on or before its date),
// rounded to the penny only here. real is blank where the series does not
// cover a date (and so is forecast); forecast is yes where a forecast
// index value went into real.
func RealTermsTable(rows []analysis.RealRow) report.Table {
	t := report.Table{
		Name:    RealTermsCSV,
		Title:   "Entry and top salaries in real terms",
		Columns: []string{"scenario", "year", "date", "band", "point", "series", "nominal", "real", "base_date", "forecast"},
	}
	for _, r := range rows {
		forecast := report.Blank()
		if r.Real != nil {
			forecast = yesNo(r.Forecast)
		}
		t.Rows = append(t.Rows, []report.Cell{report.Text(r.Scenario), report.Int(int64(r.Year)), report.Date(r.Date), report.Text(r.Band),
			report.Text(r.Point), report.Text(r.Series), report.Money(r.Nominal), optMoney(r.Real), report.Date(r.Base), forecast})
	}
	return t
}

// FloorsTable is floors.csv: every point at the start of each pay year
// under every timeline against every wage floor in force that day. hourly
// is salary ÷ (weekly hours × 52.143) to the penny; below is yes when the
// exact hourly rate is under the floor. floor_hourly and below are blank
// where the floor is not yet known (its latest value is a year or more
// old); forecast is yes where the floor's value is a forecast.
func FloorsTable(rows []analysis.FloorRow) report.Table {
	t := report.Table{
		Name:    FloorsCSV,
		Title:   "Points against the wage floors",
		Columns: []string{"scenario", "year", "date", "band", "point", "hourly", "floor", "floor_hourly", "below", "forecast"},
	}
	for _, r := range rows {
		floor, below, forecast := report.Blank(), report.Blank(), report.Blank()
		if r.Known {
			floor, below, forecast = report.Money(r.FloorHourly), yesNo(r.Below), yesNo(r.Forecast)
		}
		t.Rows = append(t.Rows, []report.Cell{report.Text(r.Scenario), report.Int(int64(r.Year)), report.Date(r.Date), report.Text(r.Band),
			report.Text(r.Point), report.Money(r.Hourly), report.Text(r.Floor), floor, below, forecast})
	}
	return t
}

func yesNo(b bool) report.Cell {
	if b {
		return report.Text("yes")
	}
	return report.Text("no")
}
