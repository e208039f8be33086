package projection

// Tests that pin the rules of the package documentation that issue 9 found
// unwritten, each with figures checked by hand.

import (
	"testing"

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
