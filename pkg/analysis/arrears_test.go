package analysis

import (
	"testing"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
)

// TestArrearsFigures: a late offer's arrears bill and month in its figures
// and a member's arrears in their facts, on figuresResult's dataset (ten
// people at the top of Band A, £21,000).
func TestArrearsFigures(t *testing.T) {
	r := figuresResultOf(t,
		"name = \"Late\"\nstart = 2025-04-01\nyears = 3\nimplemented = 2025-07-01\n[[award]]\nfrom = 2025-04-01\nuplift = \"3%\"\n",
		"name = \"On time\"\nstart = 2025-04-01\nyears = 3\n[[award]]\nfrom = 2025-04-01\nuplift = \"3%\"\n",
	)
	// 3% takes £21,000 to £21,630: £1,802.50 a month instead of £1,750.00.
	// April–June: 3 × £52.50 = £157.50 each, × 10 people = £1,575.00, paid
	// in July 2025, pay year 1.
	late, onTime := r.Figures[1], r.Figures[2]
	if late.Implemented == nil || *late.Implemented != calendar.MonthOf(2025, 7) || late.ArrearsYear != 1 {
		t.Errorf("late: implemented %v, year %d; want 2025-07, 1", late.Implemented, late.ArrearsYear)
	}
	eq(t, "arrears bill", late.Arrears, "1575")
	if onTime.Implemented != nil || !onTime.Arrears.IsZero() || r.Figures[0].Implemented != nil {
		t.Errorf("on time: %v, %s", onTime.Implemented, onTime.Arrears)
	}
	// Paid late, the deal costs the same as on time.
	eq(t, "year-1 cost", late.FirstYear, onTime.FirstYear.String())
	eq(t, "whole-deal cost", late.WholeDeal, onTime.WholeDeal.String())

	ms, err := NewMembers(r.Dataset, r.Timelines, false)
	if err != nil {
		t.Fatal(err)
	}
	// Half time at the top of Band A: 3 × (£901.25 − £875.00) = £78.75.
	m, err := ms.Member(&paystructure.Person{ID: "S1", Band: "Band A", Point: "2", FTE: d("0.5")})
	if err != nil {
		t.Fatal(err)
	}
	f := m.Facts()
	if len(f.Arrears) != 1 || f.Arrears[0].Scenario != "Late" || f.Arrears[0].Month != calendar.MonthOf(2025, 7) {
		t.Fatalf("arrears %+v, want one under Late paid in 2025-07", f.Arrears)
	}
	eq(t, "member arrears", f.Arrears[0].Amount, "78.75")
}
