package content_test

import (
	"context"
	"io/fs"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"paymodel/pkg/analysis"
	"paymodel/pkg/dataset"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/projection"
	"paymodel/pkg/report"
	"paymodel/pkg/report/content"
	"paymodel/pkg/scenario"
	"paymodel/scenarios"
)

// lateSample compares the probation sample's 4% offer paid on time with
// the same offer implemented in January 2026
// (examples/employer-offer-2025-late.toml).
func lateSample(t *testing.T) *analysis.Result {
	t.Helper()
	fsys, err := scenarios.FS("probation")
	if err != nil {
		t.Fatal(err)
	}
	ds, err := dataset.Load(fsys, "probation")
	if err != nil {
		t.Fatal(err)
	}
	var scs []*scenario.Scenario
	for _, f := range []string{"offers/employer-offer-2025.toml", "examples/employer-offer-2025-late.toml"} {
		src, err := fs.ReadFile(fsys, f)
		if err != nil {
			t.Fatal(err)
		}
		sc, err := scenario.Parse(f, src)
		if err != nil {
			t.Fatal(err)
		}
		scs = append(scs, sc)
	}
	tls, err := analysis.Timelines(ds, scs, 0)
	if err != nil {
		t.Fatal(err)
	}
	r, err := analysis.Run(context.Background(), ds, tls, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := analysis.Check(r); err != nil {
		t.Fatal(err)
	}
	return r
}

// TestArrearsFacts: a member's printed facts and statement give their
// arrears. At the top of Band 4 full time, £42,000 becomes £43,680 under
// the 4% offer: £3,640 a month instead of £3,500, so April–December 2025
// is 9 × £140 = £1,260, paid in January 2026.
func TestArrearsFacts(t *testing.T) {
	r := lateSample(t)
	ms, err := analysis.NewMembers(r.Dataset, r.Timelines, false)
	if err != nil {
		t.Fatal(err)
	}
	m, err := ms.Member(&paystructure.Person{Band: "Band 4", Point: "5", FTE: decimal.NewFromInt(1), Count: 1})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := content.WriteFacts(&b, m); err != nil {
		t.Fatal(err)
	}
	want := "  Employer offer 2025/26 (paid January 2026): arrears £1,260 paid in January 2026\n"
	if !strings.HasSuffix(b.String(), want) || strings.Count(b.String(), "arrears") != 1 {
		t.Errorf("facts:\n%s\nwant them to end with\n%s", b.String(), want)
	}
	doc := content.Statement(m, report.Meta{})
	var found bool
	for _, blk := range doc.Blocks {
		if tb, ok := blk.(report.TableBlock); ok && strings.Contains(tb.Table.Title, "arrears") {
			found = true
			row := tb.Table.Rows[0]
			if len(tb.Table.Rows) != 1 || row[1].Display() != "£1,260" || row[2].Display() != "January 2026" {
				t.Errorf("statement arrears table %+v", tb.Table.Rows)
			}
		}
	}
	if !found {
		t.Errorf("the statement has no arrears table")
	}
}

// TestArrearsTable: the comparison's arrears table lists the late offer
// only, with the bill of cost.csv's All row in pay year 1 and the offer's
// year-1 and whole-deal change, the same as the offer paid on time.
func TestArrearsTable(t *testing.T) {
	r := lateSample(t)
	tab, ok := content.ArrearsTable(r)
	if !ok || len(tab.Rows) != 1 {
		t.Fatalf("arrears table %v, %+v", ok, tab.Rows)
	}
	var bill string
	for _, row := range r.Costing.Scenarios[2].Rows {
		if row.Year == 1 && row.Band == projection.AllBands {
			bill = report.Money(row.Arrears).Display()
		}
	}
	got := tab.Rows[0]
	onTime := r.Figures[1]
	if got[0].Display() != "Employer offer 2025/26 (paid January 2026)" || got[1].Display() != bill || got[2].Display() != "January 2026" ||
		got[3].Display() != "1" || got[4].Display() != report.Change(onTime.FirstYearChange).Display() || got[5].Display() != report.Change(onTime.WholeDealChange).Display() {
		t.Errorf("row %v; want the bill %s and the on-time offer's changes", got, bill)
	}
	if bill == "£0" || bill == "" {
		t.Errorf("no arrears in cost.csv")
	}
	// The appendix states the rule the late offer was costed by.
	var appendix bool
	for _, blk := range content.Comparison(r, report.Meta{}).Blocks {
		if p, ok := blk.(report.Paragraph); ok && strings.Contains(p.Text, "Employer offer 2025/26 (paid January 2026): awards") {
			appendix = strings.Contains(p.Text, "put into pay in January 2026: until then Current's pay, then the difference for every earlier month as arrears (people who left before then are not paid them)")
		}
	}
	if !appendix {
		t.Errorf("the comparison's appendix does not say how the late offer is paid")
	}
	if _, ok := content.ArrearsTable(mustSample(t)); ok {
		t.Errorf("the shipped offers are on time, but ArrearsTable has rows")
	}
}
