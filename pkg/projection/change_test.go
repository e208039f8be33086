package projection

import (
	"testing"

	"paymodel/pkg/paystructure"
)

// change_pct does not exist where Current has nobody in the band: it is nil
// (a blank cell), not 0 (issue 9 defect 7). The cash change is still the
// row's total.
func TestChangePctWhereCurrentHasNobody(t *testing.T) {
	bands := []paystructure.Band{band("A", anniversary()), band("B", anniversary())}
	tables := []paystructure.Table{table("2025-04", scale("A", 12, "24000", "25200"), scale("B", 12, "30000", "31200"))}
	cur := tline("Current", "2025-04", 2, bands, tables...)
	pw := tline("Pathway", "2025-04", 2, bands, tables...)
	pw.Rules.Pathways = []paystructure.Pathway{{From: "A", To: "B", AfterMonths: 12}}
	// On A's top since April 2024: the pathway takes them to B at once (1
	// April 2025, after 12 months at the top), so under Pathway they are in B
	// from pay year 1; under Current they stay in A.
	cen := census(nil, group("A", "2", "1", "2024-04-01", 1))
	c, err := Cost(cen, cur, []*paystructure.Timeline{pw}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b := row(t, c, "Pathway", 1, "B")
	// B's lowest point paying at least £25,200 is point 1, £30,000: £2,500 a month.
	eq(t, "B total", b.Total, "30000")
	eq(t, "B change", b.Change, "30000")
	if b.ChangePct != nil {
		t.Errorf("B change_pct = %s; want none, Current has nobody in B", b.ChangePct)
	}
	a := row(t, c, "Pathway", 1, "A")
	eq(t, "A change", a.Change, "-25200")
	eq(t, "A change_pct", *a.ChangePct, "-1")
	if cb := row(t, c, "Current", 1, "B"); cb.ChangePct != nil {
		t.Errorf("Current B change_pct = %s; want none", cb.ChangePct)
	}
	all := row(t, c, "Pathway", 1, AllBands)
	eq(t, "All change_pct", *all.ChangePct, "0.19047619") // 4,800 ÷ 25,200
}
