package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// checkCostAll checks cost.csv: within each scenario and pay year, the last
// row is "All" and each additive column of it is the sum of the band rows
// above it.
func checkCostAll(b []byte) error {
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		return fmt.Errorf("cost.csv: %v", err)
	}
	if len(recs) == 0 {
		return fmt.Errorf("cost.csv is empty")
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	additive := []string{"headcount", "fte", "basic", "lump_sums", "oncosts", "total", "change", "drift", "cpd_time", "arrears"}
	for _, c := range append([]string{"scenario", "year", "band"}, additive...) {
		if _, ok := col[c]; !ok {
			return fmt.Errorf("cost.csv has no column %q (header %s)", c, strings.Join(recs[0], ","))
		}
	}
	rows := recs[1:]
	groups := 0
	for i := 0; i < len(rows); {
		key := rows[i][col["scenario"]] + "\x00" + rows[i][col["year"]]
		j := i
		for j < len(rows) && rows[j][col["scenario"]]+"\x00"+rows[j][col["year"]] == key {
			j++
		}
		all := rows[j-1]
		if all[col["band"]] != "All" {
			return fmt.Errorf("cost.csv line %d: the last row of %s year %s is %q, not All", j+1, all[col["scenario"]], all[col["year"]], all[col["band"]])
		}
		for _, c := range additive {
			// Pay the disclosure policy suppresses is blank: never one
			// band's alone (All minus the others would give it back), and
			// every band's when the All row's is.
			var blanks int
			for _, r := range rows[i : j-1] {
				if r[col[c]] == "" {
					blanks++
				}
			}
			if all[col[c]] == "" {
				if blanks != j-1-i {
					return fmt.Errorf("cost.csv line %d: %s year %s All %s is blank but some band's is not", j+1, all[col["scenario"]], all[col["year"]], c)
				}
				continue
			}
			if blanks == 1 {
				return fmt.Errorf("cost.csv line %d: %s year %s: one band's %s alone is blank, so All minus the others gives it", j+1, all[col["scenario"]], all[col["year"]], c)
			}
			if blanks > 0 {
				continue
			}
			sum := decimal.Zero
			for _, r := range rows[i : j-1] {
				v, err := decimal.NewFromString(r[col[c]])
				if err != nil {
					return fmt.Errorf("cost.csv: %s %q: %v", c, r[col[c]], err)
				}
				sum = sum.Add(v)
			}
			v, err := decimal.NewFromString(all[col[c]])
			if err != nil {
				return fmt.Errorf("cost.csv: %s %q: %v", c, all[col[c]], err)
			}
			if !v.Equal(sum) {
				return fmt.Errorf("cost.csv line %d: %s year %s All %s = %s, but the bands add up to %s", j+1, all[col["scenario"]], all[col["year"]], c, v, sum)
			}
		}
		groups++
		i = j
	}
	if groups == 0 {
		return fmt.Errorf("cost.csv has no rows")
	}
	return nil
}
