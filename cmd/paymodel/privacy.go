package main

import (
	"paymodel/pkg/analysis"
	"paymodel/pkg/paystructure"
)

// identifyingAttributes refuses a census attribute column that gives most
// people a value of their own (an email, a payroll number, a postcode), by
// the disclosure policy's rule (analysis.IdentifyingAttribute): it
// identifies people rather than grouping them, and compare's equality.csv
// and the reports would publish each one's salary beside it.
func identifyingAttributes(ds *paystructure.Dataset) error {
	name, alone, headcount, found := analysis.IdentifyingAttribute(ds.Census)
	if !found {
		return nil
	}
	return usageErrorf("staff.csv: column %q gives %d of the %d people a value nobody else has: it identifies people rather than grouping them (as gender or region do), and the equality tables would publish each one's pay beside it; remove the column from staff.csv", name, alone, headcount)
}
