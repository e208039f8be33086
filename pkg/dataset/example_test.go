package dataset_test

import (
	"fmt"
	"os"

	"paymodel/pkg/dataset"
	"paymodel/pkg/money"
)

func ExampleLoad() {
	ds, err := dataset.Load(os.DirFS("testdata/good"), "good")
	if err != nil {
		fmt.Println(err) // every problem, one per line
		return
	}
	latest := ds.Latest()
	fmt.Println("structure from", latest.EffectiveFrom)
	for _, sc := range latest.Scales {
		fmt.Printf("%s: %d points, %s to %s\n", sc.Band, len(sc.Points), money.Pounds(sc.Points[0].Salary), money.Pounds(sc.Top().Salary))
	}
	fmt.Println(ds.Census.Headcount, "people in", len(ds.Census.Groups), "groups")
	// Output:
	// structure from 2025-04-01
	// Band 2: 3 points, £24,300 to £26,100
	// Band 3: 3 points, £27,400 to £31,201
	// Band 4: 3 points, £31,000 to £36,000
	// 8 people in 5 groups
}

func ExampleLoad_errors() {
	_, err := dataset.Load(os.DirFS("testdata/several"), "several")
	fmt.Println(err)
	// Output:
	// bands.csv:3: weekly_hours "1O": not a number (write a number such as 30 or 7.5)
	// increments.csv:3: salary "25,5x4": not an amount (write 25524 or £25,524.00)
	// increments.csv:5: Band 2 point 2 (£30,000) is not above point 1 (£30,000)
	// increments.csv:6: band "Band 3" is not in bands.csv
	// inflation.csv:3: date 2024-04-01 is already on line 2
	// oncosts.csv:2: rate "20": not a rate: the % sign is missing (write a percentage such as "3.5%")
	// staff.csv:3: band "Band 9" is not in bands.csv
	// staff.csv:4: point "3" is not a point of Band 2
	// staff.csv:4: id "A1" is already on line 2
}
