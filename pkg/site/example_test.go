package site_test

import (
	"bytes"
	"fmt"
	"io/fs"

	"paymodel/pkg/analysis"
	"paymodel/pkg/dataset"
	"paymodel/pkg/scenario"
	"paymodel/pkg/site"
	"paymodel/scenarios"
)

// Build works out the page's data from a dataset and its timelines; Write
// renders the one-file page.
func Example() {
	fsys, _ := scenarios.FS("teachers")
	ds, _ := dataset.Load(fsys, "teachers")
	src, _ := fs.ReadFile(fsys, "offers/award-2023.toml")
	sc, _ := scenario.Parse("award-2023.toml", src)
	tls, _ := analysis.Timelines(ds, []*scenario.Scenario{sc}, 2)

	d, err := site.Build(ds, tls, "v1.0.0")
	if err != nil {
		fmt.Println(err)
		return
	}
	b := d.Bands[0]
	fmt.Printf("%s: %d points from %s, %d pay years from %s\n", b.Name, len(b.Points), d.Values[b.Points[0].Salary], d.Years, d.Start)
	for _, s := range d.Scenarios {
		fmt.Println(s.Name)
	}
	var page bytes.Buffer
	if err := site.Write(&page, d); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bytes.HasPrefix(page.Bytes(), []byte("<!DOCTYPE html>")))
	// Output:
	// Main pay range: 6 points from 28000.00, 2 pay years from 2022-09-01
	// Current
	// Teachers' pay award 2023
	// true
}
