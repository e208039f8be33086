package projection

import (
	"fmt"
	"slices"
	"testing"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
)

// moves steps the census group through tl and lists each month in which its
// position or salary changes, as "2026-04 A/2 25200" (first month always).
func moves(t *testing.T, tl *paystructure.Timeline, g paystructure.Group) []string {
	t.Helper()
	c, err := compile(tl)
	if err != nil {
		t.Fatal(err)
	}
	s := newPerson(c, true, g.FTE, g.CPDHours, g.CPDRecorded)
	pm := tl.Start
	if !g.PointDate.IsZero() {
		pm = calendar.FirstOnOrAfter(g.PointDate)
	}
	if err := s.startCensus(c.bandIdx[g.Band], g.Point, pm); err != nil {
		t.Fatal(err)
	}
	var out []string
	last := ""
	for mi := 0; mi < c.n; mi++ {
		s.step(mi)
		pos := fmt.Sprintf("%s/%s %s", c.bands[s.band], c.tables[s.table].scales[s.band].labels[s.point], s.salary())
		if pos != last {
			out = append(out, c.month(mi).String()+" "+pos)
			last = pos
		}
	}
	return out
}

func wantMoves(t *testing.T, name string, got []string, want ...string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got %q\nwant %q", name, got, want)
	}
}

func fourPoints(years int, p paystructure.Progression) *paystructure.Timeline {
	return tline("S", "2025-04", years, []paystructure.Band{band("A", p)},
		table("2025-04", scale("A", 12, "24000", "25200", "26400", "27600")))
}

func TestAnniversaryProgression(t *testing.T) {
	tl := fourPoints(3, anniversary())
	// Reached point 1 on 1 April 2025: moves on 1 April 2026 and 2027.
	wantMoves(t, "1 April", moves(t, tl, group("A", "1", "1", "2025-04-01", 1)),
		"2025-04 A/1 24000", "2026-04 A/2 25200", "2027-04 A/3 26400")
	// On 15 April 2025: time counts from 1 May, so 1 May 2026 and 2027.
	wantMoves(t, "15 April", moves(t, tl, group("A", "1", "1", "2025-04-15", 1)),
		"2025-04 A/1 24000", "2026-05 A/2 25200", "2027-05 A/3 26400")
	// No point date: reached on the start date.
	wantMoves(t, "no date", moves(t, tl, group("A", "1", "1", "", 1)),
		"2025-04 A/1 24000", "2026-04 A/2 25200", "2027-04 A/3 26400")
	// Backlog: on point 1 since 1 January 2024, due 1 January 2025, before the
	// start; tested on the next anniversary, 1 January 2026.
	wantMoves(t, "backlog", moves(t, tl, group("A", "1", "1", "2024-01-01", 1)),
		"2025-04 A/1 24000", "2026-01 A/2 25200", "2027-01 A/3 26400", "2028-01 A/4 27600")
	// Due exactly on the start date: moves at once.
	wantMoves(t, "due at start", moves(t, tl, group("A", "1", "1", "2024-04-01", 1)),
		"2025-04 A/2 25200", "2026-04 A/3 26400", "2027-04 A/4 27600")
}

func TestFixedDateProgression(t *testing.T) {
	tl := fourPoints(3, fixedDate(4, 6))
	// Needs 12 − 12 + 6 = 6 months at the point by 1 April.
	// Since 15 October 2024 (counted from 1 November): 5 months on 1 April
	// 2025, so not until 1 April 2026.
	wantMoves(t, "5 months", moves(t, tl, group("A", "1", "1", "2024-10-15", 1)),
		"2025-04 A/1 24000", "2026-04 A/2 25200", "2027-04 A/3 26400")
	// Since 1 October 2024: exactly 6 months, moves on 1 April 2025.
	wantMoves(t, "6 months", moves(t, tl, group("A", "1", "1", "2024-10-01", 1)),
		"2025-04 A/2 25200", "2026-04 A/3 26400", "2027-04 A/4 27600")
	// Long backlog: tested on the first fixed date, the start.
	wantMoves(t, "backlog", moves(t, tl, group("A", "1", "1", "2019-06-01", 1)),
		"2025-04 A/2 25200", "2026-04 A/3 26400", "2027-04 A/4 27600")
}

func withPointCPD(tl *paystructure.Timeline, hours string) *paystructure.Timeline {
	for ti := range tl.Tables {
		for si := range tl.Tables[ti].Scales {
			for pi := range tl.Tables[ti].Scales[si].Points {
				tl.Tables[ti].Scales[si].Points[pi].CPDHours = d(hours)
			}
		}
	}
	return tl
}

func TestCPDGate(t *testing.T) {
	for _, p := range []paystructure.Progression{anniversary(), fixedDate(4, 6)} {
		tl := withPointCPD(fourPoints(3, p), "30")
		// 20 hours < 30: never moves.
		wantMoves(t, p.String()+" short", moves(t, tl, withCPD(group("A", "1", "1", "2025-04-01", 1), "20")),
			"2025-04 A/1 24000")
		// 30 hours: meets it.
		wantMoves(t, p.String()+" meets", moves(t, tl, withCPD(group("A", "1", "1", "2025-04-01", 1), "30")),
			"2025-04 A/1 24000", "2026-04 A/2 25200", "2027-04 A/3 26400")
		// Unrecorded: meets everything.
		wantMoves(t, p.String()+" unrecorded", moves(t, tl, group("A", "1", "1", "2025-04-01", 1)),
			"2025-04 A/1 24000", "2026-04 A/2 25200", "2027-04 A/3 26400")
		// The rules' minimum applies when higher than the point's.
		tl = fourPoints(3, p)
		tl.Rules.CPD.Hours = d("25")
		wantMoves(t, p.String()+" rule minimum", moves(t, tl, withCPD(group("A", "1", "1", "2025-04-01", 1), "20")),
			"2025-04 A/1 24000")
	}
}

// TestCPDRetest: a person short of CPD at an anniversary is tested again 12
// months later. Their hours are fixed, so use a gate on point 1 only and a
// table from 2026-06 that drops it: the person who failed on 1 April 2026 is
// not retested before 1 April 2027, though they would now pass.
func TestCPDRetest(t *testing.T) {
	tl := fourPoints(3, anniversary())
	tl.Tables[0].Scales[0].Points[0].CPDHours = d("30")
	t1 := table("2026-06", scale("A", 12, "24000", "25200", "26400", "27600"))
	tl.Tables = append(tl.Tables, t1)
	wantMoves(t, "retest", moves(t, tl, withCPD(group("A", "1", "1", "2025-04-01", 1), "20")),
		"2025-04 A/1 24000", "2027-04 A/2 25200")
	// Fixed-date: retested at the next fixed date anyway.
	tl.Bands[0].Progression = fixedDate(4, 6)
	wantMoves(t, "retest fixed", moves(t, tl, withCPD(group("A", "1", "1", "2025-04-01", 1), "20")),
		"2025-04 A/1 24000", "2027-04 A/2 25200")
}

func TestAcceleration(t *testing.T) {
	tl := fourPoints(2, anniversary())
	tl.Rules.CPD = paystructure.CPDRules{AccelerateHours: d("40"), AcceleratePoints: 2}
	// 50 hours: two points at a time.
	wantMoves(t, "accelerated", moves(t, tl, withCPD(group("A", "1", "1", "2025-04-01", 1), "50")),
		"2025-04 A/1 24000", "2026-04 A/3 26400")
	// Capped at the top.
	wantMoves(t, "capped", moves(t, tl, withCPD(group("A", "3", "1", "2025-04-01", 1), "50")),
		"2025-04 A/3 26400", "2026-04 A/4 27600")
	// 30 hours: one point.
	wantMoves(t, "normal", moves(t, tl, withCPD(group("A", "1", "1", "2025-04-01", 1), "30")),
		"2025-04 A/1 24000", "2026-04 A/2 25200")
	// Unrecorded hours never accelerate.
	wantMoves(t, "unrecorded", moves(t, tl, group("A", "1", "1", "2025-04-01", 1)),
		"2025-04 A/1 24000", "2026-04 A/2 25200")
	// Careers: explicit hours reach it, nil does not. Three years: 1 → 3 in
	// April 2026, 3 → 4 (capped) in April 2027: 24 months to the top.
	tl.Years = 3
	cs, err := Careers(tl, dp("40"))
	if err != nil {
		t.Fatal(err)
	}
	if cs[0].Years[1].Point != "3" {
		t.Errorf("career with 40 hours in year 2 on point %s, want 3", cs[0].Years[1].Point)
	}
	eq(t, "years to top (accelerated)", *cs[0].YearsToTop, "2")
	cs, err = Careers(tl, nil)
	if err != nil {
		t.Fatal(err)
	}
	if cs[0].YearsToTop != nil { // 36 months: outside the horizon
		t.Errorf("years to top without hours %s, want nil", cs[0].YearsToTop)
	}
}

func TestFreeze(t *testing.T) {
	tl := fourPoints(3, anniversary())
	tl.Rules.Freeze = []calendar.Month{mon("2026-04")}
	// Due 1 April 2026, frozen: moves on the first month after, 1 May 2026;
	// time at the new point counts from then.
	wantMoves(t, "anniversary", moves(t, tl, group("A", "1", "1", "2025-04-01", 1)),
		"2025-04 A/1 24000", "2026-05 A/2 25200", "2027-05 A/3 26400")
	tl = fourPoints(3, fixedDate(4, 6))
	tl.Rules.Freeze = []calendar.Month{mon("2026-04")}
	// Fixed-date: the next fixed date, 1 April 2027.
	wantMoves(t, "fixed", moves(t, tl, group("A", "1", "1", "2025-04-01", 1)),
		"2025-04 A/1 24000", "2027-04 A/2 25200")
}

func twoBands(years int, b ...string) *paystructure.Timeline {
	return tline("S", "2025-04", years, []paystructure.Band{band("A", anniversary()), band("B", anniversary())},
		table("2025-04", scale("A", 12, "24000", "25200", "26400"), scale("B", 12, b...)))
}

func TestPathway(t *testing.T) {
	tl := twoBands(4, "25000", "27000", "29000")
	tl.Rules.Pathways = []paystructure.Pathway{{From: "A", To: "B", AfterMonths: 12, CPDHours: d("10")}}
	// Top of A since 1 April 2025 (26400): after 12 months, into B at the
	// lowest point paying at least 26400, B/2 (27000), time starting then.
	wantMoves(t, "pathway", moves(t, tl, group("A", "3", "1", "2025-04-01", 1)),
		"2025-04 A/3 26400", "2026-04 B/2 27000", "2027-04 B/3 29000")
	// Short of the pathway's CPD: stays.
	wantMoves(t, "short", moves(t, tl, withCPD(group("A", "3", "1", "2025-04-01", 1), "5")),
		"2025-04 A/3 26400")
	// No B point pays 26400: B's top.
	tl = twoBands(4, "24500", "25000", "26000")
	tl.Rules.Pathways = []paystructure.Pathway{{From: "A", To: "B", AfterMonths: 12}}
	wantMoves(t, "to top", moves(t, tl, group("A", "3", "1", "2025-04-01", 1)),
		"2025-04 A/3 26400", "2026-04 B/3 26000")
	// Careers: the top of A is reached after 24 months; the career goes on in B.
	tl = twoBands(5, "25000", "27000", "29000")
	tl.Rules.Pathways = []paystructure.Pathway{{From: "A", To: "B", AfterMonths: 12}}
	cs, err := Careers(tl, nil)
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "A years to top", *cs[0].YearsToTop, "2")
	if y := cs[0].Years[3]; y.Band != "B" || y.Point != "2" {
		t.Errorf("year 4 of the A career: %s/%s, want B/2", y.Band, y.Point)
	}
	if y := cs[0].Years[4]; y.Band != "B" || y.Point != "3" {
		t.Errorf("year 5 of the A career: %s/%s, want B/3", y.Band, y.Point)
	}
}

// removedPoints: from 1 April 2026 point 1 (bottom) and point 4 (top) go:
// 1 → 2, 4 → 3 with protection; 2 and 3 rise to 25500 and 26700. From 1
// April 2027 point 3 pays 28000.
func removedPoints(order paystructure.Order) *paystructure.Timeline {
	tl := fourPoints(3, anniversary())
	t1 := table("2026-04", labelled("A", 12, "2", "25500", "3", "26700"))
	t1.Moves = []paystructure.Move{{Band: "A", From: "1", To: "2"}, {Band: "A", From: "4", To: "3", Protect: true}}
	t2 := table("2027-04", labelled("A", 12, "2", "25500", "3", "28000"))
	tl.Tables = append(tl.Tables, t1, t2)
	tl.Rules.Order = order
	return tl
}

func TestRemovedPoints(t *testing.T) {
	a, p := removedPoints(paystructure.AssimilateFirst), removedPoints(paystructure.ProgressFirst)
	bottom := group("A", "1", "1", "2025-04-01", 1)
	// Assimilate first: 1 → 2 (time at point kept: 12 months), then due to
	// progress on the new scale: 2 → 3.
	wantMoves(t, "bottom, assimilate first", moves(t, a, bottom),
		"2025-04 A/1 24000", "2026-04 A/3 26700", "2027-04 A/3 28000")
	// Progress first: 1 → 2 on the old scale; 2 survives.
	wantMoves(t, "bottom, progress first", moves(t, p, bottom),
		"2025-04 A/1 24000", "2026-04 A/2 25500", "2027-04 A/3 28000")
	below := group("A", "3", "1", "2025-04-01", 1)
	// Assimilate first: 3 stays 3, now the top: 26700.
	wantMoves(t, "below top, assimilate first", moves(t, a, below),
		"2025-04 A/3 26400", "2026-04 A/3 26700", "2027-04 A/3 28000")
	// Progress first: 3 → 4 on the old scale (27600), then 4 → 3 protected
	// at 27600 until 3 pays more (28000 in April 2027).
	wantMoves(t, "below top, progress first", moves(t, p, below),
		"2025-04 A/3 26400", "2026-04 A/3 27600", "2027-04 A/3 28000")
	top := group("A", "4", "1", "2020-04-01", 1)
	for _, tl := range []*paystructure.Timeline{a, p} {
		wantMoves(t, "top "+tl.Rules.Order.String(), moves(t, tl, top),
			"2025-04 A/4 27600", "2026-04 A/3 27600", "2027-04 A/3 28000")
	}
	// Protected pay is costed: April 2026 – March 2027 at 27600 = 2300 a month.
	cur := fourPoints(3, anniversary())
	cur.Scenario = "Current"
	c, err := Cost(census(nil, top), cur, []*paystructure.Timeline{a}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "protected year 2", row(t, c, "S", 2, "A").Basic, "27600")
	// Year 3 on 28000: 2333.33 × 12 = 27999.96.
	eq(t, "year 3", row(t, c, "S", 3, "A").Basic, "27999.96")
	// Careers start at the bottom of the first table; the entrant on 1 moves
	// to 2 in April 2026 (assimilate first, then progress to 3).
	cs, err := Careers(a, nil)
	if err != nil {
		t.Fatal(err)
	}
	if y := cs[0].Years[1]; y.Point != "3" {
		t.Errorf("career year 2 on %s, want 3", y.Point)
	}
	eq(t, "years to top", *cs[0].YearsToTop, "1")
}

func TestMoveAtStart(t *testing.T) {
	// A census on a point the first table removes is assimilated at the
	// start, keeping its time at the point: due on 1 January 2026.
	tl := fourPoints(1, anniversary())
	tl.Tables[0] = table("2025-04", labelled("A", 12, "2", "25200", "3", "26400"))
	tl.Tables[0].Moves = []paystructure.Move{{Band: "A", From: "1", To: "2"}}
	wantMoves(t, "start", moves(t, tl, group("A", "1", "1", "2025-01-01", 1)),
		"2025-04 A/2 25200", "2026-01 A/3 26400")
}
