package solve_test

import (
	"context"
	"os"
	"testing"
	"time"

	"paymodel/pkg/analysis"
	"paymodel/pkg/dataset"
	"paymodel/pkg/scenario"
	"paymodel/pkg/solve"
	"paymodel/scenarios"
)

// On the built-in probation sample, each shipped example solved against the
// employer's 4% offer: the bracket holds when the answer, the next value up
// and the offer are costed together by analysis.Run, as paymodel compare
// would cost them side by side, and the search takes no more evaluations
// than doubling and bisecting over the grid needs.
func TestSampleExamples(t *testing.T) {
	fsys, err := scenarios.FS("probation")
	if err != nil {
		t.Fatal(err)
	}
	ds, err := dataset.Load(fsys, "probation")
	if err != nil {
		t.Fatal(err)
	}
	off, err := os.ReadFile("../../scenarios/probation/offers/employer-offer-2025.toml")
	if err != nil {
		t.Fatal(err)
	}
	offer, err := scenario.Parse("employer-offer-2025.toml", off)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"flat-same-cost.toml", "underpin-same-cost.toml"} {
		t.Run(f, func(t *testing.T) {
			src, err := os.ReadFile("../../scenarios/probation/examples/" + f)
			if err != nil {
				t.Fatal(err)
			}
			u, err := scenario.ParseUnknown(f, src)
			if err != nil {
				t.Fatal(err)
			}
			began := time.Now()
			a, err := solve.Solve(context.Background(), &solve.Problem{Dataset: ds, Unknown: u, Target: solve.Target{Offer: offer}})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s %s costs %s, target %s, %s costs %s; %d evaluations in %v (a loaded machine's time)",
				u.Key, a.Value, a.Cost, a.Target, a.Next, a.NextCost, a.Evaluations, time.Since(began))
			if a.Next == nil {
				t.Fatal("no next value")
			}
			answer, err := u.With(a.Value)
			if err != nil {
				t.Fatal(err)
			}
			next, err := u.With(*a.Next)
			if err != nil {
				t.Fatal(err)
			}
			next.Name += " (next)"
			tls, err := analysis.Timelines(ds, []*scenario.Scenario{answer, next, offer}, 0)
			if err != nil {
				t.Fatal(err)
			}
			res, err := analysis.Run(context.Background(), ds, tls, analysis.Options{})
			if err != nil {
				t.Fatal(err)
			}
			f := res.Figures
			if !f[1].FirstYearChange.Equal(a.Cost) || !f[2].FirstYearChange.Equal(a.NextCost) || !f[3].FirstYearChange.Equal(a.Target) {
				t.Errorf("side by side: answer %s, next %s, offer %s; Solve said %s, %s, %s",
					f[1].FirstYearChange, f[2].FirstYearChange, f[3].FirstYearChange, a.Cost, a.NextCost, a.Target)
			}
			if f[1].FirstYearChange.GreaterThan(f[3].FirstYearChange) || !f[2].FirstYearChange.GreaterThan(f[3].FirstYearChange) {
				t.Errorf("bracket does not hold: %s ≤ %s < %s", f[1].FirstYearChange, f[3].FirstYearChange, f[2].FirstYearChange)
			}
			// Doubling from £0 to past the answer takes ⌈log₂(answer + 1)⌉ + 1
			// steps, bisection as many again.
			if limit := 2 * (a.Value.IntPart() + 1); int64(a.Evaluations) > 2*int64(bitLen(limit))+2 {
				t.Errorf("%d evaluations for an answer of %s", a.Evaluations, a.Value)
			}
		})
	}
}

func bitLen(n int64) int {
	b := 0
	for ; n > 0; n >>= 1 {
		b++
	}
	return b
}
