package projection

import (
	"fmt"
	"testing"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
)

// A move keeps the person's time at the point, measured against the new
// point's months (README, "Assimilation is not progression"). Point 2 (12
// months) is removed on 1 October 2025 and its people move to point 3 (6
// months). Someone on point 2 since 1 January 2025 has served 9 months.
func TestMoveKeepsTimeAgainstTheNewPointsMonths(t *testing.T) {
	sc := paystructure.Scale{Band: "A"}
	for i, m := range []int{12, 12, 6, 12, 12} {
		sc.Points = append(sc.Points, paystructure.Point{Label: fmt.Sprint(i + 1), Salary: d(fmt.Sprint(20000 + 1000*i)), Months: m})
	}
	after := paystructure.Scale{Band: "A", Points: append([]paystructure.Point{sc.Points[0]}, sc.Points[2:]...)}
	moved := table("2025-10", after)
	moved.Moves = []paystructure.Move{{Band: "A", From: "2", To: "3"}}
	g := group("A", "2", "1", "2025-01-01", 1)
	for _, tc := range []struct {
		order paystructure.Order
		want  []string
	}{
		// 9 months ≥ 6: tested at once, on point 4 in October; 12 months
		// later on point 5.
		{paystructure.AssimilateFirst, []string{"2025-04 A/2 21000", "2025-10 A/4 23000", "2026-10 A/5 24000"}},
		// Tested on point 2 in October (9 < 12), moved, then tested on
		// point 3 in November.
		{paystructure.ProgressFirst, []string{"2025-04 A/2 21000", "2025-10 A/3 22000", "2025-11 A/4 23000", "2026-11 A/5 24000"}},
	} {
		tl := tline("S", "2025-04", 3, []paystructure.Band{band("A", anniversary())}, table("2025-04", sc), moved)
		tl.Rules.Order = tc.order
		got := moves(t, tl, g)
		wantMoves(t, tc.order.String(), got, tc.want...)
		// The person-by-person reference agrees.
		var ref []string
		last := ""
		for i, m := range refPath(tl, true, g, false, tl.Start) {
			if pos := fmt.Sprintf("%s/%s %s", m.band, m.label, m.salary); pos != last {
				ref = append(ref, (tl.Start+calendar.Month(i)).String()+" "+pos)
				last = pos
			}
		}
		wantMoves(t, tc.order.String()+" reference", ref, tc.want...)
	}
}
