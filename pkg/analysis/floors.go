package analysis

import (
	"slices"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
)

// HourlyPlaces is the precision of a point's hourly rate before it is
// written (to the penny); whether it is below a floor is decided exactly.
const HourlyPlaces = 10

// FloorRow is one row of floors.csv: a point at the start of a pay year
// under one timeline, against one wage floor in force that day.
type FloorRow struct {
	Scenario string
	Year     int
	Date     calendar.Date
	Band     string
	Point    string
	Salary   decimal.Decimal
	// Hourly is Salary ÷ (the band's weekly hours × 52.143), to
	// HourlyPlaces places.
	Hourly decimal.Decimal
	Floor  string
	// FloorFrom and FloorHourly are the floor's value in force on Date:
	// its latest dated on or before it. Known is false when that value is
	// dated a year or more before Date: the floor for that year has not
	// been set (or forecast), so it is not yet known and is not carried
	// forward.
	FloorFrom   calendar.Date
	FloorHourly decimal.Decimal
	Known       bool
	Forecast    bool // the floor's value is a forecast
	// Below is true when the exact hourly rate is under the floor: Salary
	// < FloorHourly × weekly hours × 52.143 (false when not Known).
	Below bool
}

// FloorOn returns floor name's value in force on d from floors (a
// Dataset's Floors): its latest dated on or before d. ok is false before
// its first value; known is false when that value is dated a year or more
// before d.
func FloorOn(floors []paystructure.Floor, name string, d calendar.Date) (f paystructure.Floor, ok, known bool) {
	for _, x := range floors {
		if x.Name == name && !d.Before(x.Date) {
			f, ok = x, true
		}
	}
	if !ok {
		return f, false, false
	}
	yearOn := calendar.Date{Year: f.Date.Year + 1, Month: f.Date.Month, Day: f.Date.Day}
	if f.Date.Month == 2 && f.Date.Day == 29 {
		yearOn = calendar.Date{Year: f.Date.Year + 1, Month: 3, Day: 1}
	}
	return f, true, d.Before(yearOn)
}

// floorNames returns the names of floors, in order.
func floorNames(floors []paystructure.Floor) []string {
	var names []string
	for i, f := range floors {
		if i == 0 || f.Name != floors[i-1].Name {
			names = append(names, f.Name)
		}
	}
	return names
}

// floorRows lists floors.csv: for every timeline, pay year, point (band
// order, point order) and floor in force on the pay year's first day.
func floorRows(ds *paystructure.Dataset, tls []*paystructure.Timeline) []FloorRow {
	names := floorNames(ds.Floors)
	if len(names) == 0 {
		return nil
	}
	var out []FloorRow
	for _, tl := range tls {
		hours := map[string]decimal.Decimal{}
		for _, b := range tl.Bands {
			hours[b.Name] = b.WeeklyHours.Mul(paystructure.WeeksPerYear)
		}
		for y := range tl.Years {
			at := tl.Start + calendar.Month(12*y)
			date := at.First()
			for _, sc := range tl.TableAt(at).Scales {
				h := hours[sc.Band]
				if !h.IsPositive() {
					continue
				}
				for _, p := range sc.Points {
					hourly := p.Salary.DivRound(h, HourlyPlaces)
					for _, name := range names {
						f, ok, known := FloorOn(ds.Floors, name, date)
						if !ok {
							continue
						}
						out = append(out, FloorRow{Scenario: tl.Scenario, Year: y + 1, Date: date, Band: sc.Band, Point: p.Label,
							Salary: p.Salary, Hourly: hourly, Floor: name, FloorFrom: f.Date, FloorHourly: f.Hourly, Known: known,
							Forecast: f.Forecast, Below: known && p.Salary.LessThan(f.Hourly.Mul(h))})
					}
				}
			}
		}
	}
	return out
}

// FloorBreach is the points of one timeline below one floor at the start
// of one pay year.
type FloorBreach struct {
	Scenario  string
	Year      int
	Date      calendar.Date
	Floor     string
	FloorFrom calendar.Date
	Hourly    decimal.Decimal // the floor's hourly rate
	Forecast  bool
	Points    []string // "Band 2 point 1", in band and point order
}

// Breaches groups the rows below their floor by timeline, pay year and
// floor: timelines and years in row order, floors in their file order, the
// points in band and point order.
func Breaches(rows []FloorRow) []FloorBreach {
	type key struct {
		scenario string
		year     int
		floor    string
	}
	rank := map[string]int{}
	at := map[key]int{}
	var out []FloorBreach
	for _, r := range rows {
		if _, ok := rank[r.Floor]; !ok {
			rank[r.Floor] = len(rank)
		}
		if !r.Below {
			continue
		}
		k := key{r.Scenario, r.Year, r.Floor}
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, FloorBreach{Scenario: r.Scenario, Year: r.Year, Date: r.Date, Floor: r.Floor, FloorFrom: r.FloorFrom,
				Hourly: r.FloorHourly, Forecast: r.Forecast})
		}
		out[i].Points = append(out[i].Points, r.Band+" point "+r.Point)
	}
	type year struct {
		scenario string
		year     int
	}
	order := map[year]int{}
	for _, b := range out {
		if _, ok := order[year{b.Scenario, b.Year}]; !ok {
			order[year{b.Scenario, b.Year}] = len(order)
		}
	}
	slices.SortStableFunc(out, func(a, b FloorBreach) int {
		if c := order[year{a.Scenario, a.Year}] - order[year{b.Scenario, b.Year}]; c != 0 {
			return c
		}
		return rank[a.Floor] - rank[b.Floor]
	})
	return out
}

// Differential is the gap between the lowest point of a timeline's table
// at the start of a pay year and one band's entry and top points.
type Differential struct {
	Scenario string
	Year     int
	Date     calendar.Date
	Band     string
	// Lowest is the lowest salary of any point in the table, on LowestAt
	// ("Band 2 point 1").
	Lowest   decimal.Decimal
	LowestAt string
	// EntryGap and TopGap are the band's entry and top salaries less
	// Lowest; the Pct fields are each gap ÷ Lowest, fractions to 8 places.
	EntryGap, TopGap decimal.Decimal
	EntryPct, TopPct decimal.Decimal
}

// differentials lists, for every timeline and pay year, each band's gap
// above the table's lowest point.
func differentials(tls []*paystructure.Timeline) []Differential {
	var out []Differential
	for _, tl := range tls {
		for y := range tl.Years {
			at := tl.Start + calendar.Month(12*y)
			t := tl.TableAt(at)
			var lowest decimal.Decimal
			var lowestAt string
			for _, sc := range t.Scales {
				if len(sc.Points) > 0 && (lowestAt == "" || sc.Points[0].Salary.LessThan(lowest)) {
					lowest, lowestAt = sc.Points[0].Salary, sc.Band+" point "+sc.Points[0].Label
				}
			}
			if lowestAt == "" {
				continue
			}
			for _, sc := range t.Scales {
				if len(sc.Points) == 0 {
					continue
				}
				d := Differential{Scenario: tl.Scenario, Year: y + 1, Date: at.First(), Band: sc.Band, Lowest: lowest, LowestAt: lowestAt}
				d.EntryGap, d.EntryPct = money.Change(lowest, sc.Points[0].Salary)
				d.TopGap, d.TopPct = money.Change(lowest, sc.Top().Salary)
				out = append(out, d)
			}
		}
	}
	return out
}
