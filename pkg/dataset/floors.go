package dataset

import (
	"slices"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
)

// floors.csv lists wage floors: from each date, the hourly rate a floor
// (the National Living Wage, the Real Living Wage, …) sets. Each floor
// name's dates are unique; hourly is an amount of more than £0. A status
// column marks rows published (blank) or forecast, as in inflation.csv.

var floorsSchema = &schema{
	file:     FloorsFile,
	columns:  columnsOf[floorRow](),
	required: []string{"date", "name", "hourly"},
	unknown:  warnUnknown,
}

// floorRow is one row of floors.csv, as gocsv decodes it (see cells.go).
type floorRow struct {
	Date   dateCell   `csv:"date"`
	Name   string     `csv:"name"`
	Hourly amountCell `csv:"hourly"`
	Status string     `csv:"status"`
	Source string     `csv:"source"`
}

// readFloors reads floors.csv: every floor in the order its name first
// appears, each in date order.
func readFloors(t *table) []paystructure.Floor {
	rows, lines := decodeRows[floorRow](t)
	rank := map[string]int{}
	seen := map[string]map[calendar.Date]int{}
	out := []paystructure.Floor{}
	for i, r := range rows {
		line := lines[i]
		name := label(r.Name)
		if name == "" {
			t.errs.add(t.file, line, "name", "name is blank (name the floor, such as National Living Wage)")
		} else if _, ok := rank[name]; !ok {
			rank[name] = len(rank)
			seen[name] = map[calendar.Date]int{}
		}
		dates := seen[name]
		if name == "" {
			dates = map[calendar.Date]int{} // a blank name's dates are not compared
		}
		date, _ := seriesDate(t, line, &r.Date, dates, " for "+name)
		hourly, hmsg := r.Hourly.positive("hourly")
		if hmsg != "" {
			t.errs.add(t.file, line, "hourly", hmsg)
		}
		forecast, smsg := parseStatus(r.Status)
		if smsg != "" {
			t.errs.add(t.file, line, "status", smsg)
		}
		out = append(out, paystructure.Floor{Date: date, Name: name, Hourly: hourly, Forecast: forecast})
	}
	slices.SortStableFunc(out, func(a, b paystructure.Floor) int {
		if c := rank[a.Name] - rank[b.Name]; c != 0 {
			return c
		}
		return a.Date.Compare(b.Date)
	})
	return out
}
