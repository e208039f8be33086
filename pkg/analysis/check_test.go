package analysis

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/shopspring/decimal"
)

// checkResult runs a two-band comparison with a census, on-costs, a lump
// sum and paid CPD days (so every money column of a cost row is non-zero),
// which Check must pass.
func checkResult(t *testing.T) *Result {
	t.Helper()
	fsys := fstest.MapFS{
		"bands.csv":      {Data: []byte("band,progression\nBand A,anniversary\nBand B,04-01\n")},
		"increments.csv": {Data: []byte("band,point,salary,effective_from\nBand A,1,20000,2024-04-01\nBand A,2,21000,2024-04-01\nBand B,1,25000,2024-04-01\nBand B,2,27000,2024-04-01\n")},
		"staff.csv":      {Data: []byte("id,band,point,fte,point_date\nS1,Band A,1,1,2024-04-01\nS2,Band B,2,0.5,2023-04-01\nS3,Band B,1,1,2024-04-01\n")},
		"oncosts.csv":    {Data: []byte("name,rate,threshold\nPension,20%,0\nNI,15%,5000\n")},
	}
	r := runOn(t, "check", fsys, Options{},
		"name = \"Offer\"\nstart = 2025-04-01\nyears = 3\ncpd_days = 2\n[[award]]\nfrom = 2025-04-01\nuplift = \"3%\"\n[[lump_sum]]\npaid = 2025-10-01\namount = \"£500\"\n")
	if err := Check(r); err != nil {
		t.Fatalf("Check fails on an untouched result: %v", err)
	}
	if r.Costing == nil || len(r.Costing.Scenarios) != 2 || len(r.Careers) != 2 {
		t.Fatalf("unexpected result shape: costing %v, %d careers", r.Costing != nil, len(r.Careers))
	}
	// The All row's total guards projection.CostRow.Add only for the
	// columns that are not zero.
	for _, row := range r.Costing.Scenarios[1].Rows {
		if row.Band == "All" && row.Year == 1 {
			for name, v := range map[string]decimal.Decimal{"basic": row.Basic, "lump sums": row.LumpSums, "on-costs": row.OnCosts, "CPD time": row.CPDTime} {
				if !v.IsPositive() {
					t.Fatalf("Offer's All row in year 1 has %s %s, want more than zero", name, v)
				}
			}
		}
	}
	return r
}

var penny = decimal.New(1, -2)

// Each fault planted in a result is caught, with a message naming the
// figure and saying it is a bug.
func TestCheckCatchesPlantedFaults(t *testing.T) {
	tests := []struct {
		name   string
		plant  func(r *Result)
		wanted string
	}{
		{"band basic", func(r *Result) {
			row := &r.Costing.Scenarios[1].Rows[0]
			row.Basic = row.Basic.Add(penny)
			row.Total = row.Total.Add(penny)
		}, "Offer year 1: basic of the bands adds up to"},
		{"All total", func(r *Result) {
			rows := r.Costing.Scenarios[0].Rows
			for i := range rows {
				if rows[i].Band == "All" && rows[i].Year == 2 {
					rows[i].Total = rows[i].Total.Sub(penny)
				}
			}
		}, "Current year 2 All: total"},
		{"All row as a faulty Add would leave it", func(r *Result) {
			// Add skipping CPD time: the All row's CPD time is zero while
			// its total, summed from the band totals, still holds it.
			rows := r.Costing.Scenarios[1].Rows
			for i := range rows {
				if rows[i].Band == "All" && rows[i].Year == 1 {
					rows[i].CPDTime = decimal.Zero
				}
			}
		}, "Offer year 1 All: total"},
		{"row total", func(r *Result) {
			r.Costing.Scenarios[1].Rows[1].Total = r.Costing.Scenarios[1].Rows[1].Total.Add(decimal.NewFromInt(1))
		}, "≠ basic + lump sums + on-costs + CPD time"},
		{"on-cost lines", func(r *Result) {
			row := &r.Costing.Scenarios[1].Rows[0]
			row.OnCostLines[0] = row.OnCostLines[0].Add(penny)
		}, "on-costs"},
		{"headcount", func(r *Result) {
			r.Costing.Scenarios[0].Rows[0].Headcount = r.Costing.Scenarios[0].Rows[0].Headcount.Add(decimal.NewFromInt(1))
		}, "headcount of the bands adds up to"},
		{"drift", func(r *Result) {
			r.Costing.Scenarios[1].Rows[0].Drift = r.Costing.Scenarios[1].Rows[0].Drift.Neg()
		}, "drift of the bands adds up to"},
		{"career year earnings", func(r *Result) {
			y := &r.Careers[1][0].Years[1]
			y.LumpSums = y.LumpSums.Add(penny)
		}, "Offer Band A year 2: earnings"},
		{"career cumulative", func(r *Result) {
			y := &r.Careers[0][1].Years[2]
			y.Cumulative = y.Cumulative.Add(penny)
		}, "Current Band B year 3: cumulative"},
		{"career earnings", func(r *Result) {
			c := &r.Careers[1][1]
			c.Earnings = c.Earnings.Sub(penny)
		}, "Offer Band B: career earnings"},
		{"salary below entry", func(r *Result) {
			r.Careers[1][0].Years[0].Salary = decimal.NewFromInt(20000) // entry is £20,600 after the 3%
		}, "Offer Band A year 1: salary 20000.00 is below the band's entry point 20600.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := checkResult(t)
			tt.plant(r)
			err := Check(r)
			if err == nil {
				t.Fatal("Check passed a tampered result")
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.wanted) || !strings.Contains(msg, "this is a bug in paymodel") {
				t.Errorf("Check = %v\nwant a bug report mentioning %q", msg, tt.wanted)
			}
		})
	}
}
