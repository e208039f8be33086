package xlsx_test

import (
	"bytes"
	"fmt"
	"os"

	"github.com/shopspring/decimal"

	"paymodel/pkg/report"
	"paymodel/pkg/xlsx"
)

// A sheet reads as the values its cells store: the number 25524.1 in a £
// format as "25524.1", 0.035 in a percent format as "3.5%", Excel's day
// 45748 in a date format as "2025-04-01".
func ExampleWorkbook_Read() {
	b := xlsx.NewBuilder()
	b.Sheet("increments")
	b.Text("increments", 1, 1, "salary")
	b.Text("increments", 1, 2, "rate")
	b.Text("increments", 1, 3, "effective_from")
	b.Number("increments", 2, 1, "25524.1", xlsx.MoneyFormat)
	b.Number("increments", 2, 2, "0.035", "0.0%")
	b.Number("increments", 2, 3, "45748", xlsx.DateFormat)
	data, err := b.Bytes()
	if err != nil {
		panic(err)
	}
	wb, err := xlsx.Open(bytes.NewReader(data))
	if err != nil {
		panic(err)
	}
	defer wb.Close()
	s, err := wb.Read("increments")
	if err != nil {
		panic(err)
	}
	fmt.Println(s.Rows[1])
	// Output: [25524.1 3.5% 2025-04-01]
}

// Write puts a run sheet first, then each table as a sheet named like its
// CSV file.
func ExampleWrite() {
	run := report.Table{Name: "run", Columns: []string{"item", "value"}, Rows: [][]report.Cell{{report.Text("dataset"), report.Text("probation")}}}
	points := report.Table{Name: "points.csv", Columns: []string{"band", "salary", "change_pct"}, Rows: [][]report.Cell{
		{report.Text("Band 4"), report.Money(decimal.RequireFromString("31650")), report.PercentChange(decimal.RequireFromString("0.0346"))},
	}}
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, run, []report.Table{points}, xlsx.Props{Title: "Pay comparison tables", Created: "2025-04-01T00:00:00Z"}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	wb, _ := xlsx.Open(bytes.NewReader(buf.Bytes()))
	defer wb.Close()
	s, _ := wb.Read("points")
	fmt.Println(wb.Sheets(), s.Rows[1])
	// Output: [run points] [Band 4 31650 3.46%]
}
