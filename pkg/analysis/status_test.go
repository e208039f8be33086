package analysis

import (
	"testing"
	"testing/fstest"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
)

// statusResult runs Current alone on two bands whose 2023-04-01 structure
// marks Band A's top derived and Band B's entry illustrative (the
// 2024-04-01 structure is published), with one price index (90, 100, 103.5
// on 1 April 2023–2025).
func statusResult(t *testing.T, opt Options) *Result {
	t.Helper()
	fsys := fstest.MapFS{
		"bands.csv": {Data: []byte("band\nBand A\nBand B\n")},
		"increments.csv": {Data: []byte("band,point,salary,effective_from,status\n" +
			"Band A,1,19000,2023-04-01,\nBand A,2,20000,2023-04-01,derived\nBand B,1,24000,2023-04-01,illustrative\nBand B,2,26000,2023-04-01,published\n" +
			"Band A,1,20000,2024-04-01,\nBand A,2,21000,2024-04-01,\nBand B,1,25000,2024-04-01,\nBand B,2,27000,2024-04-01,\n")},
		"inflation.csv": {Data: []byte("date,index\n2023-04-01,90\n2024-04-01,100\n2025-04-01,103.5\n")},
	}
	return runOn(t, "status", fsys, opt)
}

// TestRealTermsStatus checks that a real-terms history and a restore
// figure carry the least published status of the salaries they measure
// between: the 2023 value (Band A top derived, Band B entry illustrative)
// and the 2024 value (published), at April 2024 prices (with no offer,
// Current starts on the latest structure's date). With --base 2024-04-01
// the restores measure from the 2024 structure, so none is marked. The
// changes themselves do not depend on the status: Band A top 20,000 × 100
// ÷ 90 = £22,222.22 (to the penny) at April 2024 prices against 21,000, a
// change of 21000 ÷ 22222.22 − 1 = −0.05499991 (to 8 places).
func TestRealTermsStatus(t *testing.T) {
	D, I, P := paystructure.Derived, paystructure.Illustrative, paystructure.Published
	want := map[string]paystructure.Status{"Band A entry": P, "Band A top": D, "Band B entry": I, "Band B top": P}

	r := statusResult(t, Options{})
	if len(r.RealTerms) != 4 {
		t.Fatalf("%d histories, want 4", len(r.RealTerms))
	}
	for _, rt := range r.RealTerms {
		key := rt.Band + " " + rt.Which
		if got := rt.Status(); got != want[key] {
			t.Errorf("history %s: status %v, want %v", key, got, want[key])
		}
		if rt.Statuses[len(rt.Statuses)-1] != P {
			t.Errorf("history %s: latest value %v, want published", key, rt.Statuses[len(rt.Statuses)-1])
		}
		if key == "Band A top" {
			eq(t, key+" change", rt.Change, "-0.05499991")
		}
	}
	if len(r.Real.Restores) != 4 {
		t.Fatalf("%d restores, want 4", len(r.Real.Restores))
	}
	for _, rs := range r.Real.Restores {
		key := rs.Band + " " + rs.Which
		if got := rs.Status(); got != want[key] || rs.CashStatus != P {
			t.Errorf("restore %s: status %v (cash %v), want %v (cash published)", key, got, rs.CashStatus, want[key])
		}
	}

	r = statusResult(t, Options{Base: calendar.MustParse("2024-04-01")})
	for _, rs := range r.Real.Restores {
		if rs.Status() != P {
			t.Errorf("--base 2024-04-01: restore %s %s is %v, want published", rs.Band, rs.Which, rs.Status())
		}
	}
}
