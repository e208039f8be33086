package scenario

import (
	"slices"
	"testing"
)

// Awards on the start date leave the structure they change in Prior, so the
// census can meet them like any later table; awards that all come later
// leave Prior nil and put the unchanged structure first.
func TestPriorHoldsTheStructureBeforeStartDateAwards(t *testing.T) {
	ds := probation()
	tl := mustApply(t, ds, header+`
[[award]]
from = 2025-04-01
uplift = "3%"

[[award]]
from = 2025-04-01
remove_points = { "Band 4" = ["5"] }
`)
	if tl.Prior == nil {
		t.Fatal("no Prior for awards on the start date")
	}
	if tl.Prior.From != tl.Start || len(tl.Prior.Moves) > 0 {
		t.Errorf("Prior from %s with %d moves, want from the start %s with none", tl.Prior.From, len(tl.Prior.Moves), tl.Start)
	}
	if got, want := salaries(t, *tl.Prior, "Band 4"), []string{"1=36000", "2=37500", "3=39000", "4=40500", "5=42000"}; !slices.Equal(got, want) {
		t.Errorf("Prior Band 4 = %v, want the dataset's %v", got, want)
	}
	// 3% on £40,500 is £41,715; point 5 is gone.
	if got, want := salaries(t, tl.Tables[0], "Band 4"), []string{"1=37080", "2=38625", "3=40170", "4=41715"}; !slices.Equal(got, want) {
		t.Errorf("Tables[0] Band 4 = %v, want %v", got, want)
	}
	if len(tl.Tables) != 1 || tl.Tables[0].From != tl.Start {
		t.Errorf("%d tables, the first from %s; want one from the start", len(tl.Tables), tl.Tables[0].From)
	}

	later := mustApply(t, ds, header+`
[[award]]
from = 2026-04-01
uplift = "3%"
`)
	if later.Prior != nil {
		t.Error("Prior set though no award falls on the start date")
	}
	if len(later.Tables) != 2 || later.Tables[0].From != later.Start {
		t.Errorf("%d tables; want the unchanged structure from the start, then the award's", len(later.Tables))
	}
	if none := mustApply(t, ds, header); none.Prior != nil {
		t.Error("Prior set for a scenario with no awards")
	}
}
