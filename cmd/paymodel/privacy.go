package main

import (
	"paymodel/pkg/paystructure"
)

// identifyingAttributes refuses a census attribute column that gives most
// people a value of their own (an email, a payroll number, a postcode): it
// identifies people rather than grouping them, and compare's equality.csv
// and the reports would publish each one's salary beside it.
//
// The rule: more than minIdentifying distinct values, and more than half of
// the people holding a value nobody else has.
func identifyingAttributes(ds *paystructure.Dataset) error {
	c := ds.Census
	if c == nil || c.Headcount == 0 {
		return nil
	}
	for i, name := range c.AttributeNames {
		people := map[string]int64{}
		for _, g := range c.Groups {
			if i < len(g.Attributes) {
				people[g.Attributes[i]] += g.Count
			}
		}
		if len(people) <= minIdentifying {
			continue
		}
		var alone int64
		for _, n := range people {
			if n == 1 {
				alone++
			}
		}
		if alone*2 > c.Headcount {
			return usageErrorf("staff.csv: column %q gives %d of the %d people a value nobody else has: it identifies people rather than grouping them (as gender or region do), and the equality tables would publish each one's pay beside it; remove the column from staff.csv", name, alone, c.Headcount)
		}
	}
	return nil
}

// minIdentifying is the most distinct values an attribute may have before
// identifyingAttributes looks at it.
const minIdentifying = 50
