package projection

// Tests that pin the rules of the package documentation that issue 9 found
// unwritten, each with figures checked by hand.

import (
	"testing"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
)

// pointAddedAboveTop is band A (24000, 25200, 26400 on 12 months) from April
// 2025 for 5 years, with a table from October 2027 that adds point 4 at
// 27600 above the top.
func pointAddedAboveTop(p paystructure.Progression, order paystructure.Order) *paystructure.Timeline {
	tl := tline("S", "2025-04", 5, []paystructure.Band{band("A", p)},
		table("2025-04", scale("A", 12, "24000", "25200", "26400")),
		table("2027-10", scale("A", 12, "24000", "25200", "26400", "27600")))
	tl.Rules.Order = order
	return tl
}

// TestOverdueTimeWaitsForTheAnniversary: time at the top that was complete
// before a point appears above it is treated like a census backlog at the
// start: in an anniversary scheme the person is first tested on the first
// anniversary of the month their time completed on or after the month the
// point appears; in a fixed-date scheme on the next progression date. The
// order of assimilation and progression makes no difference.
func TestOverdueTimeWaitsForTheAnniversary(t *testing.T) {
	for _, order := range []paystructure.Order{paystructure.AssimilateFirst, paystructure.ProgressFirst} {
		tl := pointAddedAboveTop(anniversary(), order)
		// On the top point since 1 July 2020: time complete on 1 July 2021.
		// Point 4 appears on 1 October 2027; the first July on or after is
		// 1 July 2028.
		wantMoves(t, order.String()+" backlog at the top", moves(t, tl, group("A", "3", "1", "2020-07-01", 1)),
			"2025-04 A/3 26400", "2028-07 A/4 27600")
		// On point 2 since 1 January 2025: to the top on 1 January 2026, time
		// there complete on 1 January 2027, before point 4 appears, so 1
		// January 2028 (not 1 October 2027).
		wantMoves(t, order.String()+" reached the top mid-horizon", moves(t, tl, group("A", "2", "1", "2025-01-01", 1)),
			"2025-04 A/2 25200", "2026-01 A/3 26400", "2028-01 A/4 27600")
		// On the top since 1 March 2027: complete on 1 March 2028, after the
		// point appears: moves then, as ever.
		wantMoves(t, order.String()+" not yet due", moves(t, tl, group("A", "2", "1", "2026-03-01", 1)),
			"2025-04 A/2 25200", "2027-03 A/3 26400", "2028-03 A/4 27600")
		// Complete exactly when the point appears: moves at once.
		wantMoves(t, order.String()+" due that month", moves(t, tl, group("A", "2", "1", "2025-10-01", 1)),
			"2025-04 A/2 25200", "2026-10 A/3 26400", "2027-10 A/4 27600")

		// Fixed date (1 April, 6 months qualifying): both wait for the next
		// progression date, 1 April 2028.
		tl = pointAddedAboveTop(fixedDate(4, 6), order)
		wantMoves(t, order.String()+" fixed, backlog at the top", moves(t, tl, group("A", "3", "1", "2020-07-01", 1)),
			"2025-04 A/3 26400", "2028-04 A/4 27600")
		// On point 2 since 1 January 2025: 3 months on 1 April 2025 (< 6),
		// so the top on 1 April 2026; then 1 April 2028.
		wantMoves(t, order.String()+" fixed, reached the top mid-horizon", moves(t, tl, group("A", "2", "1", "2025-01-01", 1)),
			"2025-04 A/2 25200", "2026-04 A/3 26400", "2028-04 A/4 27600")
	}
}

// TestOverdueTimeCosted: the census engine follows the same rule. The
// backlog person above is paid 26400 (2200.00 a month) until June 2028 and
// 27600 (2300.00) from July 2028: pay year 4 (April 2028 – March 2029) is
// 3 × 2200 + 9 × 2300 = 27300; drift is 9 × 100 = 900.
func TestOverdueTimeCosted(t *testing.T) {
	tl := pointAddedAboveTop(anniversary(), paystructure.AssimilateFirst)
	cur := pointAddedAboveTop(anniversary(), paystructure.AssimilateFirst)
	cur.Scenario = "Current"
	c, err := Cost(census(nil, group("A", "3", "1", "2020-07-01", 1)), cur, []*paystructure.Timeline{tl}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "year 3 basic", row(t, c, "S", 3, "A").Basic, "26400")
	r := row(t, c, "S", 4, "A")
	eq(t, "year 4 basic", r.Basic, "27300")
	eq(t, "year 4 drift", r.Drift, "900")
}

// TestPathwayInFixedDateScheme: a pathway is tested every month, in every
// scheme. In a 1 April scheme someone who reached the top on 1 April 2026
// and needs 18 months there moves on 1 October 2027,
// not on a progression date; a freeze of 1 October 2027 holds them until 1
// November 2027.
func TestPathwayInFixedDateScheme(t *testing.T) {
	tl := tline("S", "2025-04", 4, []paystructure.Band{band("A", fixedDate(4, 6)), band("B", fixedDate(4, 6))},
		table("2025-04", scale("A", 12, "24000", "25200", "26400"), scale("B", 12, "25000", "27000", "29000")))
	tl.Rules.Pathways = []paystructure.Pathway{{From: "A", To: "B", AfterMonths: 18}}
	// On A/2 since 1 April 2025: A/3 on 1 April 2026; B/2 (the lowest B
	// point paying at least 26400) on 1 October 2027; B/3 on the next 1
	// April on which they have 6 months there, 1 April 2028.
	wantMoves(t, "fixed-date pathway", moves(t, tl, group("A", "2", "1", "2025-04-01", 1)),
		"2025-04 A/2 25200", "2026-04 A/3 26400", "2027-10 B/2 27000", "2028-04 B/3 29000")
	// Frozen in October 2027: the pathway opens on 1 November 2027, which
	// leaves 5 months at B/2 by 1 April 2028, so B/3 waits for 1 April 2029,
	// after the horizon.
	tl.Rules.Freeze = []calendar.Month{mon("2027-10")}
	wantMoves(t, "frozen month", moves(t, tl, group("A", "2", "1", "2025-04-01", 1)),
		"2025-04 A/2 25200", "2026-04 A/3 26400", "2027-11 B/2 27000")
}

// protectedTimeline: band A from April 2025 (24000, 25200, 26400), raised
// from October 2025 (25200, 26461, 27720); from April 2026 point 3 is
// removed and its people move to point 2 (26461) with their salary
// protected. 5 paid CPD days a year; a 2% lump sum in October 2026.
func protectedTimeline(name string) *paystructure.Timeline {
	t2 := table("2026-04", scale("A", 12, "25200", "26461"))
	t2.Moves = []paystructure.Move{{Band: "A", From: "3", To: "2", Protect: true}}
	tl := tline(name, "2025-04", 2, oneBand,
		table("2025-04", scale("A", 12, "24000", "25200", "26400")),
		table("2025-10", scale("A", 12, "25200", "26461", "27720")),
		t2)
	tl.CPDDays = d("5")
	tl.LumpSums = []paystructure.LumpSum{{Paid: mon("2026-10"), Rate: d("0.02")}}
	return tl
}

// TestCPDTimeAndRateLumpSumSalary pins which salary CPD time and a rate
// lump sum are based on: CPD time on the full-time salary on the first day
// of the pay year (a rise later in the year does not change it), a rate
// lump sum on the salary in the month it is paid; both use the protected
// salary when it is higher than the point's.
func TestCPDTimeAndRateLumpSumSalary(t *testing.T) {
	cur := tline("Current", "2025-04", 2, oneBand, table("2025-04", scale("A", 12, "24000", "25200", "26400")))
	tl := protectedTimeline("S")
	c, err := Cost(census(nil, group("A", "3", "1", "2025-04-01", 1)), cur, []*paystructure.Timeline{tl}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Year 1: 6 × 2200.00 + 6 × 2310.00 = 27060. CPD time on 26400, the
	// salary on 1 April 2025, not the 27720 of October: 26400 ÷ 260.715 =
	// 101.2599… → 101.26 a day, × 5 = 506.30.
	y1 := row(t, c, "S", 1, "A")
	eq(t, "year 1 basic", y1.Basic, "27060")
	eq(t, "year 1 CPD time", y1.CPDTime, "506.30")
	// Year 2: protected at 27720 all year (point 2 pays 26461): 2310.00 × 12
	// = 27720. CPD time on the protected 27720: 106.32 × 5 = 531.60 (on the
	// point's 26461 it would be 507.45). Lump sum 2% of the protected 27720
	// = 554.40 (not 2% of 26461 = 529.22).
	y2 := row(t, c, "S", 2, "A")
	eq(t, "year 2 basic", y2.Basic, "27720")
	eq(t, "year 2 CPD time", y2.CPDTime, "531.60")
	eq(t, "year 2 lump sum", y2.LumpSums, "554.40")
	// Careers follow the same rules: the entrant, on A/2 (26461) from April
	// 2026, gets 2% of 26461 = 529.22.
	cs, err := Careers(tl, nil)
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "career year 2 lump sum", cs[0].Years[1].LumpSums, "529.22")
}

// TestDriftUnderTurnoverAndPathways: drift is basic pay minus the basic pay
// of the same weighted people had none of them progressed or taken a
// pathway since the start (entrants: since they joined). The pay lost by
// replacing leavers at the bottom is in basic pay, not in drift; a pathway
// counts as progression.
func TestDriftUnderTurnoverAndPathways(t *testing.T) {
	cur := tline("Current", "2025-04", 2, oneBand, table("2025-04", scale("A", 12, "24000", "25200", "26400")))
	c, err := Cost(census(nil, group("A", "1", "1", "2025-04-01", 1)), cur, nil, Options{Turnover: d("0.5")})
	if err != nil {
		t.Fatal(err)
	}
	// Year 2: half the person stays and moves to A/2 (2100.00 × 12 =
	// 25200), half is an entrant on A/1 (24000): basic 12600 + 12000 =
	// 24600. Without progression both halves are on A/1: 24000. Drift 600,
	// though basic is 600 below the no-turnover 25200.
	r := row(t, c, "Current", 2, "A")
	eq(t, "headcount", r.Headcount, "1")
	eq(t, "basic", r.Basic, "24600")
	eq(t, "drift", r.Drift, "600")

	// Pathway from the top of A into B after 12 months: the person on A/3
	// (26400) moves to B/2 (27000) on 1 April 2026, so pay year 2 counts in
	// B, and B's drift is 27000 − 26400 (what they would have had at the
	// top of A) = 600.
	tl := twoBands(2, "25000", "27000", "29000")
	tl.Scenario = "Current"
	tl.Rules.Pathways = []paystructure.Pathway{{From: "A", To: "B", AfterMonths: 12}}
	c, err = Cost(census(nil, group("A", "3", "1", "2025-04-01", 1)), tl, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "year 1 A drift", row(t, c, "Current", 1, "A").Drift, "0")
	b := row(t, c, "Current", 2, "B")
	eq(t, "year 2 B headcount", b.Headcount, "1")
	eq(t, "year 2 B basic", b.Basic, "27000")
	eq(t, "year 2 B drift", b.Drift, "600")
	eq(t, "year 2 A headcount", row(t, c, "Current", 2, "A").Headcount, "0")
}

// TestTurnoverReplacesInCensusBand: leavers are replaced by entrants at the
// bottom of their census row's band, wherever they stand when they leave
// (after a pathway, in another band).
func TestTurnoverReplacesInCensusBand(t *testing.T) {
	tl := twoBands(3, "25000", "27000", "29000")
	tl.Scenario = "Current"
	tl.Rules.Pathways = []paystructure.Pathway{{From: "A", To: "B", AfterMonths: 12}}
	c, err := Cost(census(nil, group("A", "3", "1", "2025-04-01", 1)), tl, nil, Options{Turnover: d("0.5")})
	if err != nil {
		t.Fatal(err)
	}
	// Year 2: the census half is in B (pathway on 1 April 2026); its
	// replacement half joins A/1.
	eq(t, "year 2 A", row(t, c, "Current", 2, "A").Headcount, "0.5")
	eq(t, "year 2 B", row(t, c, "Current", 2, "B").Headcount, "0.5")
	// Year 3: census 0.25 in B (B/3 from April 2027: 2416.67 × 12 =
	// 29000.04 × 0.25 = 7250.01); year-2 entrants 0.5 × 0.5 = 0.25 on A/2
	// (25200 × 0.25 = 6300); year-3 entrants 0.5 × (0.5 + 0.5) = 0.5 on A/1
	// (24000 × 0.5 = 12000), replacing leavers from B and from A alike.
	a3, b3 := row(t, c, "Current", 3, "A"), row(t, c, "Current", 3, "B")
	eq(t, "year 3 A", a3.Headcount, "0.75")
	eq(t, "year 3 A basic", a3.Basic, "18300")
	eq(t, "year 3 B", b3.Headcount, "0.25")
	eq(t, "year 3 B basic", b3.Basic, "7250.01")
}
