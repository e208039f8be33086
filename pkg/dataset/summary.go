package dataset

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/internal/plain"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
)

// WriteSummary prints what was loaded, for a person to check at a glance:
// the dataset's name and checksum, its structures' dates, a table of the
// latest structure's bands (points, entry and top salary, normal years to
// the top, progression and, with a census, headcount and FTE), which
// optional tables are present, and the warnings.
func WriteSummary(w io.Writer, ds *paystructure.Dataset) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "Dataset %s (checksum %s)\n", ds.Name, ds.Checksum)
	fmt.Fprintf(b, "Pay structures: %s\n", structureDates(ds))
	if text := unpublishedText(ds); text != "" {
		fmt.Fprintf(b, "Not published: %s\n", text)
	}

	census := ds.Census
	head := map[string]int64{}
	fte := map[string]decimal.Decimal{}
	var totalFTE decimal.Decimal
	if census != nil {
		for _, g := range census.Groups {
			head[g.Band] += g.Count
			f := g.FTE.Mul(decimal.NewFromInt(g.Count))
			fte[g.Band] = fte[g.Band].Add(f)
			totalFTE = totalFTE.Add(f)
		}
		fmt.Fprintf(b, "Census: %s people in %s rows, %s FTE\n", thousands(census.Headcount), thousands(census.Rows), fteText(totalFTE))
	} else {
		fmt.Fprintf(b, "Census: none (no %s)\n", StaffFile)
	}
	if len(ds.Inflation) > 0 {
		fmt.Fprintf(b, "Inflation: %s\n", inflationText(ds.Inflation))
	} else {
		fmt.Fprintf(b, "Inflation: none (no %s)\n", InflationFile)
	}
	if len(ds.Floors) > 0 {
		fmt.Fprintf(b, "Wage floors: %s\n", floorsText(ds.Floors))
	}
	if len(ds.OnCosts) > 0 {
		var parts []string
		for _, oc := range ds.OnCosts {
			s := oc.Name + " " + money.RateText(oc.Rate)
			if oc.Threshold.Sign() > 0 {
				s += " above " + money.AmountText(oc.Threshold)
			}
			parts = append(parts, s)
		}
		fmt.Fprintf(b, "On-costs: %s\n", strings.Join(parts, "; "))
	} else {
		fmt.Fprintf(b, "On-costs: none (no %s)\n", OnCostsFile)
	}

	header := []string{"Band", "Title", "Points", "Entry", "Top", "Years to top", "Progression"}
	right := []bool{false, false, true, true, true, true, false}
	if census != nil {
		header = append(header, "Headcount", "FTE")
		right = append(right, true, true)
	}
	rows := [][]string{header}
	latest := ds.Latest()
	for _, band := range ds.Bands {
		sc, ok := latest.Scale(band.Name)
		if !ok {
			continue
		}
		row := []string{band.Name, band.Title, strconv.Itoa(len(sc.Points)),
			salaryText(sc.Points[0]), salaryText(sc.Top()),
			paystructure.YearsToTop(sc).String(), progressionText(band.Progression)}
		if census != nil {
			row = append(row, thousands(head[band.Name]), fteText(fte[band.Name]))
		}
		rows = append(rows, row)
	}
	if census != nil {
		rows = append(rows, []string{"Total", "", "", "", "", "", "", thousands(census.Headcount), fteText(totalFTE)})
	}
	b.WriteByte('\n')
	plain.WriteColumns(b, rows, right) // a bufio.Writer: its error is Flush's

	if len(ds.Warnings) > 0 {
		fmt.Fprintf(b, "\nWarnings:\n")
		for _, w := range ds.Warnings {
			fmt.Fprintf(b, "  %s\n", w)
		}
	}
	return b.Flush()
}

// unpublishedText counts, structure by structure, the points increments.csv
// marks derived or illustrative ("2021-04-01: 7 derived, 3 illustrative"),
// or is empty when every salary is published.
func unpublishedText(ds *paystructure.Dataset) string {
	var parts []string
	for _, st := range ds.Structures {
		var derived, illustrative int
		for _, sc := range st.Scales {
			for _, p := range sc.Points {
				switch p.Status {
				case paystructure.Derived:
					derived++
				case paystructure.Illustrative:
					illustrative++
				}
			}
		}
		var counts []string
		if derived > 0 {
			counts = append(counts, fmt.Sprintf("%d derived", derived))
		}
		if illustrative > 0 {
			counts = append(counts, fmt.Sprintf("%d illustrative", illustrative))
		}
		if len(counts) == 0 {
			continue
		}
		part := strings.Join(counts, ", ") + " " + plain.Plural(derived+illustrative, "point", "points")
		if from := st.EffectiveFrom; !from.IsZero() {
			part = from.String() + ": " + part
		}
		parts = append(parts, part)
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "; ") + " (increments.csv status; † below)"
}

// salaryText is a point's salary, with a † when it is not published.
func salaryText(p paystructure.Point) string {
	if p.Status != paystructure.Published {
		return money.AmountText(p.Salary) + " †"
	}
	return money.AmountText(p.Salary)
}

// structureDates lists the structures' dates, marking the latest.
func structureDates(ds *paystructure.Dataset) string {
	if len(ds.Structures) == 1 {
		if from := ds.Structures[0].EffectiveFrom; !from.IsZero() {
			return "one, from " + from.String()
		}
		return "one, undated"
	}
	var dates []string
	for _, s := range ds.Structures {
		dates = append(dates, s.EffectiveFrom.String())
	}
	return strings.Join(dates, ", ") + " (latest " + dates[len(dates)-1] + ")"
}

// progressionText describes a band's progression rule
// (paystructure.Progression.Describe).
func progressionText(p paystructure.Progression) string {
	return p.Describe(", %d months qualifying")
}

// thousands formats n with comma thousands separators ("1,000,000").
func thousands(n int64) string { return money.Group(strconv.FormatInt(n, 10)) }

// fteText formats a number of full-time equivalents to one place, with
// thousands separators ("17,949.0").
func fteText(d decimal.Decimal) string {
	whole, frac, _ := strings.Cut(d.StringFixed(1), ".")
	n, _ := strconv.ParseInt(whole, 10, 64)
	return thousands(n) + "." + frac
}

// inflationText describes each series of points: "CPI 36 index values,
// 2008-04-01 to 2025-09-01; RPI …", the count of forecast values where
// there are any; without a series column, "3 index values, … to …".
func inflationText(points []paystructure.IndexPoint) string {
	var parts []string
	for i := 0; i < len(points); {
		j, forecast := i, 0
		for ; j < len(points) && points[j].Series == points[i].Series; j++ {
			if points[j].Forecast {
				forecast++
			}
		}
		s := fmt.Sprintf("%d %s, %s to %s", j-i, plain.Plural(j-i, "index value", "index values"), points[i].Date, points[j-1].Date)
		if points[i].Series != "" {
			s = points[i].Series + " " + s
		}
		if forecast > 0 {
			s += fmt.Sprintf(" (%d forecast)", forecast)
		}
		parts = append(parts, s)
		i = j
	}
	return strings.Join(parts, "; ")
}

// floorsText describes each wage floor: "National Living Wage 11 values,
// 2016-04-01 to 2026-04-01; …".
func floorsText(floors []paystructure.Floor) string {
	var parts []string
	for i := 0; i < len(floors); {
		j := i
		for j < len(floors) && floors[j].Name == floors[i].Name {
			j++
		}
		parts = append(parts, fmt.Sprintf("%s %d %s, %s to %s", floors[i].Name, j-i, plain.Plural(j-i, "value", "values"), floors[i].Date, floors[j-1].Date))
		i = j
	}
	return strings.Join(parts, "; ")
}
