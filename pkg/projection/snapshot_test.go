package projection

import (
	"testing"

	"paymodel/pkg/paystructure"
)

// snapPeople returns a group's people by "salary×FTE" of their pay.
func snapPeople(s Snapshot, g SnapshotGroup) map[string]string {
	out := map[string]string{}
	for i, p := range g.People {
		if !p.IsZero() {
			pay := s.Pays[i]
			out[pay.Salary.String()+"×"+pay.FTE.String()+"="+pay.MonthlyPay.StringFixed(2)] = p.String()
		}
	}
	return out
}

func sameMap(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s = %v, want %v", what, got, want)
		return
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", what, got, want)
			return
		}
	}
}

// TestSnapshots follows ten women on the top point and four half-time men
// on the bottom one through three pay years with 10% turnover and a £100
// lump sum in June 2026 (pay year 2). The scale is 24000, 25200, 26400 with
// 12 months a point; each snapshot is the year's March.
func TestSnapshots(t *testing.T) {
	tl := tline("Current", "2025-04", 3, oneBand,
		table("2025-04", scale("A", 12, "24000", "25200", "26400")))
	tl.LumpSums = []paystructure.LumpSum{{Paid: mon("2026-06"), Amount: d("100")}}
	cen := census([]string{"sex"},
		group("A", "3", "1", "2020-04-01", 10, "F"),
		group("A", "1", "0.5", "2025-04-01", 4, "M"),
	)
	c, err := Cost(cen, tl, nil, Options{Turnover: d("0.1")})
	if err != nil {
		t.Fatal(err)
	}
	snaps := c.Scenarios[0].Snapshots
	if len(snaps) != 3 {
		t.Fatalf("%d snapshots, want 3", len(snaps))
	}
	if snaps[0].Month != mon("2026-03") || snaps[2].Month != mon("2028-03") || snaps[2].Year != 3 {
		t.Errorf("snapshot months %s, %s (year %d)", snaps[0].Month, snaps[2].Month, snaps[2].Year)
	}
	sex := func(s Snapshot, v int) SnapshotGroup { return s.Attributes[0].Groups[v] }
	if a := snaps[0].Attributes; len(a) != 1 || a[0].Name != "sex" || a[0].Groups[0].Value != "F" || a[0].Groups[1].Value != "M" {
		t.Fatalf("attributes %+v", a)
	}
	// Year 1: nobody has moved yet; 26400 ÷ 12 = 2200.00, 24000 × 0.5 ÷ 12 = 1000.00.
	sameMap(t, "y1 F", snapPeople(snaps[0], sex(snaps[0], 0)), map[string]string{"26400×1=2200.00": "10"})
	sameMap(t, "y1 M", snapPeople(snaps[0], sex(snaps[0], 1)), map[string]string{"24000×0.5=1000.00": "4"})
	sameMap(t, "y1 All", snapPeople(snaps[0], snaps[0].All), map[string]string{"26400×1=2200.00": "10", "24000×0.5=1000.00": "4"})
	if len(sex(snaps[0], 0).Bonus) != 0 {
		t.Errorf("y1 bonus %v, want none", sex(snaps[0], 0).Bonus)
	}
	// Year 2: 9 women stay on the top, 1 entrant on point 1 (24000 ÷ 12 =
	// 2000.00); 3.6 men stay and moved to point 2 in April 2026 (25200 ×
	// 0.5 ÷ 12 = 1050.00), 0.4 entrants on point 1.
	sameMap(t, "y2 F", snapPeople(snaps[1], sex(snaps[1], 0)), map[string]string{"26400×1=2200.00": "9", "24000×1=2000.00": "1"})
	sameMap(t, "y2 M", snapPeople(snaps[1], sex(snaps[1], 1)), map[string]string{"25200×0.5=1050.00": "3.6", "24000×0.5=1000.00": "0.4"})
	// The £100 lump sum, pro rata: 100.00 to each of the 10 women, 50.00 to
	// each of the 4 men.
	if b := sex(snaps[1], 0).Bonus; len(b) != 1 || !b[0].Amount.Equal(d("100")) || !b[0].People.Equal(d("10")) {
		t.Errorf("y2 F bonus %+v", b)
	}
	if b := snaps[1].All.Bonus; len(b) != 2 || !b[0].Amount.Equal(d("50")) || !b[0].People.Equal(d("4")) || !b[1].People.Equal(d("10")) {
		t.Errorf("y2 All bonus %+v", b)
	}
	// Year 3: women 8.1 on the top, 0.9 year-2 entrants on point 2 (2100.00),
	// 1 year-3 entrant on point 1; men 3.24 on the top (1100.00), 0.36 on
	// point 2, 0.4 on point 1. No lump sum.
	sameMap(t, "y3 F", snapPeople(snaps[2], sex(snaps[2], 0)), map[string]string{"26400×1=2200.00": "8.1", "25200×1=2100.00": "0.9", "24000×1=2000.00": "1"})
	sameMap(t, "y3 M", snapPeople(snaps[2], sex(snaps[2], 1)), map[string]string{"26400×0.5=1100.00": "3.24", "25200×0.5=1050.00": "0.36", "24000×0.5=1000.00": "0.4"})
	if len(snaps[2].All.Bonus) != 0 {
		t.Errorf("y3 bonus %v, want none", snaps[2].All.Bonus)
	}
}

// TestSnapshotProtectedPay: the top point (26400) is removed in October
// 2025 and its people move to the new top, 25200, with 26400 protected; in
// April 2026 the scale rises to 25000, 26000, still below it. A protected
// person's snapshot pay is their protected salary: 26400 × 0.5 ÷ 12 =
// 1100.00 in both years' Marches.
func TestSnapshotProtectedPay(t *testing.T) {
	removed := table("2025-10", scale("A", 12, "24000", "25200"))
	removed.Moves = []paystructure.Move{{Band: "A", From: "3", To: "2", Protect: true}}
	tl := tline("Current", "2025-04", 2, oneBand,
		table("2025-04", scale("A", 12, "24000", "25200", "26400")), removed,
		table("2026-04", scale("A", 12, "25000", "26000")))
	c, err := Cost(census([]string{"sex"}, group("A", "3", "0.5", "2020-04-01", 3, "F")), tl, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range c.Scenarios[0].Snapshots {
		sameMap(t, s.Month.String(), snapPeople(s, s.All), map[string]string{"26400×0.5=1100.00": "3"})
		for i, p := range s.All.People {
			if !p.IsZero() && s.Pays[i].Band != "A" {
				t.Errorf("%s: band %q", s.Month, s.Pays[i].Band)
			}
		}
	}
}
