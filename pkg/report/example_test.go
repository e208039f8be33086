package report_test

import (
	"fmt"
	"os"

	"github.com/shopspring/decimal"

	"paymodel/pkg/report"
)

// A cell keeps its exact value and formats it for a CSV table and for
// people from that one value, so the two can never disagree.
func ExampleCell() {
	cells := []report.Cell{
		report.Money(decimal.RequireFromString("31650")),
		report.Money(decimal.RequireFromString("25524.5")),
		report.Change(decimal.RequireFromString("1020")),
		report.PercentChange(decimal.RequireFromString("0.0346")),
		report.Text("=SUM(A1:A9)"),
	}
	for _, c := range cells {
		fmt.Printf("%-12s %s\n", c.CSV(), c.Display())
	}
	// Output:
	// 31650.00     £31,650
	// 25524.50     £25,524.50
	// 1020.00      +£1,020
	// 3.46         +3.5%
	// '=SUM(A1:A9) =SUM(A1:A9)
}

func ExampleWriteCSV() {
	t := report.Table{
		Name:    "summary.csv",
		Columns: []string{"band", "top_salary", "years_to_top"},
		Rows: [][]report.Cell{
			{report.Text("Band 4"), report.Money(decimal.NewFromInt(43680)), report.Number(decimal.NewFromInt(4), 2)},
			{report.Text("Band 5"), report.Money(decimal.NewFromInt(47840)), report.Blank()},
		},
	}
	if err := report.WriteCSV(os.Stdout, t); err != nil {
		fmt.Println(err)
	}
	// Output:
	// band,top_salary,years_to_top
	// Band 4,43680.00,4.00
	// Band 5,47840.00,
}

// A marked cell shows its footnote marker after the value for people; the
// CSV holds the value alone.
func ExampleMarked() {
	c := report.Marked(report.PercentChange(decimal.RequireFromString("-0.14")), "†")
	fmt.Println(c.CSV(), c.Display())
	fmt.Println(report.Marked(report.Blank(), "†").Display() == "")
	// Output:
	// -14.00 -14.0% †
	// true
}
