package projection

import (
	"testing"

	"paymodel/pkg/calendar"

	"paymodel/pkg/paystructure"
)

// TestTrackMonths: the months of a path at full time, and that their pay at
// an FTE adds up to the track's earnings at that FTE.
func TestTrackMonths(t *testing.T) {
	tl := award1() // 24000/25200/26400 from April 2025, 25200/26461/27720 from October
	tl.LumpSums = []paystructure.LumpSum{
		{Paid: mon("2025-12"), Rate: d("0.01")},
		{Paid: mon("2025-12"), Amount: d("333.33")},
	}
	tk, err := NewTracker(tl)
	if err != nil {
		t.Fatal(err)
	}
	p := &paystructure.Person{Band: "A", Point: "1", FTE: d("0.37"), Count: 1, PointDate: date("2024-09-01")}
	tr, months, err := tk.TrackMonths(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(months) != 12 {
		t.Fatalf("%d months, want 12", len(months))
	}
	// Point 1 since September 2024, 12 months: moves to point 2 in
	// September 2025 (month index 5). April–August 24000, September 25200,
	// October–March point 2 of the new table, 26461.
	want := []string{"24000", "24000", "24000", "24000", "24000", "25200", "26461", "26461", "26461", "26461", "26461", "26461"}
	for i, w := range want {
		eq(t, "salary of month "+(mon("2025-04")+calendar.Month(i)).String(), months[i].Salary, w)
	}
	// December: 1% × 26461 = 264.61 and the amount 333.33, at full time.
	if got := months[8].Lumps; len(got) != 2 {
		t.Fatalf("December lump sums %v, want 2", got)
	} else {
		eq(t, "rate lump sum", got[0], "264.61")
		eq(t, "amount lump sum", got[1], "333.33")
	}
	for i, m := range months {
		if i != 8 && len(m.Lumps) != 0 {
			t.Errorf("month %d has lump sums %v", i, m.Lumps)
		}
	}
	// The track at 0.37 FTE: 24000 × 0.37 ÷ 12 = 740.00 × 5; 25200 × 0.37 ÷
	// 12 = 777.00; 26461 × 0.37 ÷ 12 = 815.880833… → 815.88 × 6 = 4895.28:
	// basic 3700 + 777 + 4895.28 = 9372.28. Lump sums 264.61 × 0.37 =
	// 97.9057 → 97.91 and 333.33 × 0.37 = 123.3321 → 123.33: 221.24.
	eq(t, "basic", tr.Years[0].Basic, "9372.28")
	eq(t, "lump sums", tr.Years[0].LumpSums, "221.24")
	plain, err := tk.Track(p)
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "Track earnings", plain.Years[0].Earnings, tr.Years[0].Earnings.String())
}

// TestPathCases: the thresholds and window the grouped engine uses, and
// that a point month older than the window gives the same path as its
// canonical month.
func TestPathCases(t *testing.T) {
	tl := withPointCPD(fourPoints(4, anniversary()), "30")
	tl.Rules.CPD.AccelerateHours, tl.Rules.CPD.AcceleratePoints = d("75"), 2
	tk, err := NewTracker(tl)
	if err != nil {
		t.Fatal(err)
	}
	k := PathCases([]*Tracker{tk})
	// Thresholds: every point's 30 and the acceleration's 75. Window: the
	// longest point months, 12, plus 12.
	if len(k.CPDThresholds) != 2 || !k.CPDThresholds[0].Equal(d("30")) || !k.CPDThresholds[1].Equal(d("75")) {
		t.Errorf("thresholds %v, want [30 75]", k.CPDThresholds)
	}
	if k.Window != 24 {
		t.Errorf("window %d, want 24", k.Window)
	}
	start := mon("2025-04")
	for _, c := range []struct{ pm, want string }{
		{"2025-04", "2025-04"}, // the start itself
		{"2023-04", "2023-04"}, // 24 months before: inside
		{"2023-03", "2024-03"}, // 25 months: one year forward
		{"2019-11", "2023-11"}, // 65 months: four years forward, to 17 months
	} {
		if got := k.CanonicalPointMonth(mon(c.pm), start); got != mon(c.want) {
			t.Errorf("CanonicalPointMonth(%s) = %s, want %s", c.pm, got, c.want)
		}
		a := &paystructure.Person{Band: "A", Point: "2", FTE: d("1"), Count: 1, PointDate: mon(c.pm).First(), CPDHours: d("80"), CPDRecorded: true}
		b := *a
		b.PointDate = mon(c.want).First()
		_, ma, err1 := tk.TrackMonths(a)
		_, mb, err2 := tk.TrackMonths(&b)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		for i := range ma {
			if !ma[i].Salary.Equal(mb[i].Salary) {
				t.Errorf("point month %s: month %d salary %s, canonical %s gives %s", c.pm, i, ma[i].Salary, c.want, mb[i].Salary)
			}
		}
	}
}
