package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"paymodel/pkg/analysis"
	"paymodel/pkg/projection"
)

// CompareTables returns the CSV tables of a comparison, in the order they
// are documented: points, careers, summary, and with a census cost,
// distribution and equality.
func CompareTables(r *analysis.Result) []Table {
	var points []projection.PointRow
	var careers []projection.Career
	var summaries []analysis.Summary
	for i := range r.Timelines {
		points = append(points, r.Points[i]...)
		careers = append(careers, r.Careers[i]...)
		summaries = append(summaries, r.Summaries[i]...)
	}
	tables := []Table{PointsTable(points), CareersTable(careers), SummaryTable(summaries)}
	if r.Costing != nil {
		tables = append(tables, CostTable(r.Costing, r.Current().Start), DistributionTable(r.Costing), EqualityTable(r.Costing))
	}
	return tables
}

// FiguresTable is the first-page summary of a comparison: one row per
// timeline, Current first.
func FiguresTable(r *analysis.Result) Table {
	cols := []string{"Scenario"}
	if r.Costing != nil {
		cols = append(cols, "Year-1 paybill", "Year-1 change", "% of paybill", "Whole-deal change", "% of paybill")
	}
	cols = append(cols, "Smallest rise", "Largest rise")
	t := Table{Title: "Offers at a glance", Columns: cols}
	costShown := r.Costing != nil && analysis.Suppress(r.Costing).AllShown
	if r.Costing != nil && !costShown {
		t.Note = smallCensusNote
	}
	for i, f := range r.Figures {
		row := []Cell{Text(f.Name)}
		if costShown {
			row = append(row, Money(f.FirstYear), Change(f.FirstYearChange), PercentChange(f.FirstYearShare),
				Change(f.WholeDealChange), PercentChange(f.WholeDealShare))
		} else if r.Costing != nil {
			row = append(row, Blank(), Blank(), Blank(), Blank(), Blank())
		}
		if i == 0 {
			row = append(row, Text("baseline"), Text("baseline"))
		} else {
			row = append(row, PercentChange(f.SmallestRise), PercentChange(f.LargestRise))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// YearsToTopTable shows the years a full-time new entrant takes to reach the
// top of each band, per timeline.
func YearsToTopTable(r *analysis.Result) Table {
	cols := []string{"Scenario"}
	for _, b := range r.Current().Bands {
		cols = append(cols, b.Name)
	}
	horizon := r.Current().Years
	t := Table{Title: "Years to the top of each band", Columns: cols,
		Note: fmt.Sprintf("A full-time new entrant starting at the bottom of the band on the start date; \"> %d\": the top is not reached within the %d-year horizon (--years, up to 50, shows when it is).", horizon, horizon)}
	for _, f := range r.Figures {
		row := []Cell{Text(f.Name)}
		for _, y := range f.YearsToTop {
			row = append(row, YearsToTopCell(y, horizon))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// YearsToTopCell shows years to the top to two places, or "> horizon" when
// the top is not reached within the horizon.
func YearsToTopCell(y *decimal.Decimal, horizon int) Cell {
	if y == nil {
		return Above(decimal.NewFromInt(int64(horizon)), 0)
	}
	return Number(*y, 2)
}

// WriteCompareSummary prints the side-by-side summary of a comparison.
func WriteCompareSummary(w io.Writer, r *analysis.Result) error {
	cur := r.Current()
	ds := r.Dataset
	fmt.Fprintf(w, "Dataset %s (checksum %s): %d scenario(s) against Current, from %s for %d years\n",
		ds.Name, ds.Checksum, len(r.Timelines)-1, cur.Start.First(), cur.Years)
	if r.Inflation != nil {
		fmt.Fprintf(w, "Inflation over the 12 months to %s: %s\n", cur.Start.First(), Percent(*r.Inflation).Display())
	}
	fmt.Fprintln(w)
	if err := writeText(w, FiguresTable(r)); err != nil {
		return err
	}
	fmt.Fprintln(w)
	return writeText(w, YearsToTopTable(r))
}

// writeText prints a table as aligned plain text: text columns to the left,
// numbers to the right, two spaces between columns.
func writeText(w io.Writer, t Table) error {
	if t.Title != "" {
		fmt.Fprintln(w, t.Title)
	}
	cells := make([][]string, len(t.Rows))
	width := make([]int, len(t.Columns))
	numeric := make([]bool, len(t.Columns))
	for j, c := range t.Columns {
		width[j] = utf8.RuneCountInString(c)
	}
	for i, row := range t.Rows {
		cells[i] = make([]string, len(row))
		for j, c := range row {
			cells[i][j] = c.Display()
			width[j] = max(width[j], utf8.RuneCountInString(cells[i][j]))
			if c.Numeric() {
				numeric[j] = true
			}
		}
	}
	line := func(vals []string) string {
		var b strings.Builder
		for j, v := range vals {
			pad := strings.Repeat(" ", width[j]-utf8.RuneCountInString(v))
			if j > 0 {
				b.WriteString("  ")
			}
			if numeric[j] {
				b.WriteString(pad + v)
			} else {
				b.WriteString(v + pad)
			}
		}
		return strings.TrimRight(b.String(), " ")
	}
	if _, err := fmt.Fprintln(w, line(t.Columns)); err != nil {
		return err
	}
	for _, row := range cells {
		if _, err := fmt.Fprintln(w, line(row)); err != nil {
			return err
		}
	}
	if t.Note != "" {
		fmt.Fprintln(w, t.Note)
	}
	return nil
}
