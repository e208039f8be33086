package dataset_test

import (
	"context"
	"fmt"
	"strings"
	"testing/fstest"

	"paymodel/pkg/dataset"
	"paymodel/pkg/xlsx"
)

// A dataset that is one workbook: its errors name the sheet and cell.
func ExampleLoadWorkbook() {
	b := xlsx.NewBuilder()
	for _, sheet := range [][2]string{
		{"bands", "band,title\nBand 1,Clerk\n"},
		{"increments", "band,point,salary\nBand 1,1,21000\nBand 1,2,20999.999999999996\n"},
	} {
		b.Sheet(sheet[0])
		if err := b.CSV(sheet[0], strings.NewReader(sheet[1])); err != nil {
			panic(err)
		}
	}
	data, err := b.Bytes()
	if err != nil {
		panic(err)
	}
	_, err = dataset.LoadWorkbook(context.Background(), fstest.MapFS{"pay.xlsx": {Data: data}}, "pay.xlsx", "pay")
	fmt.Println(err)
	// Output:
	// pay.xlsx: increments!C3: salary "20999.999999999996": not an amount: more than 2 decimal places (write 25524 or £25,524.00)
}
