package content

import (
	"fmt"
	"io"

	"github.com/shopspring/decimal"

	"paymodel/pkg/analysis"
	"paymodel/pkg/projection"
	"paymodel/pkg/report"
)

// CompareTables returns the CSV tables of a comparison, in the order they
// are documented: points, careers, summary, and with a census cost,
// distribution, equality and paygap; then realterms with inflation.csv and floors
// with floors.csv.
func CompareTables(r *analysis.Result) []report.Table {
	var points []projection.PointRow
	var careers []projection.Career
	var summaries []analysis.Summary
	for i := range r.Timelines {
		points = append(points, r.Points[i]...)
		careers = append(careers, r.Careers[i]...)
		summaries = append(summaries, r.Summaries[i]...)
	}
	tables := []report.Table{PointsTable(points), CareersTable(careers), SummaryTable(summaries)}
	if r.Costing != nil {
		tables = append(tables, CostTable(r.Costing, r.Suppression, r.Current().Start), DistributionTable(r.Costing, r.Suppression), EqualityTable(r.Equality))
		tables = append(tables, PayGapTable(r.PayGaps))
	}
	if len(r.Dataset.Inflation) > 0 {
		tables = append(tables, RealTermsTable(r.Real.Rows))
	}
	if r.Dataset.Floors != nil {
		tables = append(tables, FloorsTable(r.Real.Floors))
	}
	return tables
}

// FiguresTable is the first-page summary of a comparison: one row per
// timeline, Current first.
func FiguresTable(r *analysis.Result) report.Table {
	cols := []string{"Scenario"}
	if r.Costing != nil {
		cols = append(cols, "Year-1 paybill", "Year-1 change", "% of paybill", "Whole-deal change", "% of paybill")
	}
	cols = append(cols, "Smallest rise", "Largest rise")
	t := report.Table{Title: "Offers at a glance", Columns: cols}
	costShown := r.Costing != nil && r.Suppression.AllShown
	if r.Costing != nil && !costShown {
		t.Note = smallCensusNote
	}
	for i, f := range r.Figures {
		row := []report.Cell{report.Text(f.Name)}
		if costShown {
			row = append(row, report.Money(f.FirstYear), report.Change(f.FirstYearChange), report.PercentChange(f.FirstYearShare),
				report.Change(f.WholeDealChange), report.PercentChange(f.WholeDealShare))
		} else if r.Costing != nil {
			row = append(row, report.Blank(), report.Blank(), report.Blank(), report.Blank(), report.Blank())
		}
		if i == 0 {
			row = append(row, report.Text("baseline"), report.Text("baseline"))
		} else {
			row = append(row, report.PercentChange(f.SmallestRise), report.PercentChange(f.LargestRise))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// ArrearsTable shows, for each offer implemented late, the arrears bill and
// the month it is paid, next to the offer's year-1 and whole-deal change
// (the changes are the same as if it were paid on time: arrears pay late
// what those years cost). ok is false when no offer is late. Amounts are
// blank where the census is too small to show its paybill.
func ArrearsTable(r *analysis.Result) (t report.Table, ok bool) {
	t = report.Table{Title: "Offers implemented late: arrears", Columns: []string{"Scenario", "Arrears", "Paid in", "Pay year", "Year-1 change", "Whole-deal change"},
		Note: "Until an offer is implemented people are paid Current's pay; in that month each person in post is paid the difference for every month before it (cost.csv, arrears)."}
	costShown := r.Costing != nil && r.Suppression.AllShown
	for _, f := range r.Figures[1:] {
		if f.Implemented == nil {
			continue
		}
		row := []report.Cell{report.Text(f.Name), report.Blank(), report.Text(f.Implemented.Long()), report.Int(int64(f.ArrearsYear)), report.Blank(), report.Blank()}
		if costShown {
			row[1], row[4], row[5] = report.Money(f.Arrears), report.Change(f.FirstYearChange), report.Change(f.WholeDealChange)
		}
		t.Rows = append(t.Rows, row)
	}
	return t, len(t.Rows) > 0
}

// YearsToTopTable shows the years a full-time new entrant takes to reach the
// top of each band, per timeline.
func YearsToTopTable(r *analysis.Result) report.Table {
	cols := []string{"Scenario"}
	for _, b := range r.Current().Bands {
		cols = append(cols, b.Name)
	}
	horizon := r.Current().Years
	note := "A full-time new entrant starting at the bottom of the band on the start date."
	if beyondHorizon(r) {
		note = fmt.Sprintf("A full-time new entrant starting at the bottom of the band on the start date; \"> %d\": the top is not reached within the %d-year horizon (--years, up to 50, shows when it is).", horizon, horizon)
	}
	t := report.Table{Title: "Years to the top of each band", Columns: cols, Note: note}
	for _, f := range r.Figures {
		row := []report.Cell{report.Text(f.Name)}
		for _, y := range f.YearsToTop {
			row = append(row, YearsToTopCell(y, horizon))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// beyondHorizon reports whether any entrant does not reach the top of their
// band within the horizon, under any timeline.
func beyondHorizon(r *analysis.Result) bool {
	for _, f := range r.Figures {
		for _, y := range f.YearsToTop {
			if y == nil {
				return true
			}
		}
	}
	return false
}

// YearsToTopCell shows years to the top to two places, or "> horizon" when
// the top is not reached within the horizon.
func YearsToTopCell(y *decimal.Decimal, horizon int) report.Cell {
	if y == nil {
		return report.Above(decimal.NewFromInt(int64(horizon)), 0)
	}
	return report.Number(*y, 2)
}

// WriteCompareSummary prints the side-by-side summary of a comparison.
func WriteCompareSummary(w io.Writer, r *analysis.Result) error {
	cur := r.Current()
	ds := r.Dataset
	fmt.Fprintf(w, "Dataset %s (checksum %s): %d scenario(s) against Current, from %s for %d years\n",
		ds.Name, ds.Checksum, len(r.Timelines)-1, cur.Start.First(), cur.Years)
	if r.Inflation != nil {
		fmt.Fprintf(w, "%s over the 12 months to %s: %s\n", inflationLabel(r), cur.Start.First(), report.Percent(*r.Inflation).Display())
	}
	fmt.Fprintln(w)
	if err := report.WriteText(w, FiguresTable(r)); err != nil {
		return err
	}
	fmt.Fprintln(w)
	if t, ok := ArrearsTable(r); ok {
		if err := report.WriteText(w, t); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	return report.WriteText(w, YearsToTopTable(r))
}
