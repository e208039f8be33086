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
	if n := len(ds.Inflation); n > 0 {
		fmt.Fprintf(b, "Inflation: %d index values, %s to %s\n", n, ds.Inflation[0].Date, ds.Inflation[n-1].Date)
	} else {
		fmt.Fprintf(b, "Inflation: none (no %s)\n", InflationFile)
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
			money.AmountText(sc.Points[0].Salary), money.AmountText(sc.Top().Salary),
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
