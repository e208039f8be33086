package projection

import (
	"testing"

	"paymodel/pkg/paystructure"
)

// Awards on the start date: the census starts on the structure before them
// (Timeline.Prior) and meets the start's table as it would any later one.
// Each case is checked against the same award dated a year later, which
// always worked.

// removal returns a timeline over years whose table from "from" drops point
// removed of band A (points 1–5: £24,000 to £28,000) with a Move to the next
// point up (protected when it is the top), under order.
func removal(from string, years int, order paystructure.Order, prog paystructure.Progression, removed string) *paystructure.Timeline {
	before := scale("A", 12, "24000", "25000", "26000", "27000", "28000")
	var after paystructure.Scale
	after.Band = "A"
	for _, p := range before.Points {
		if p.Label != removed {
			after.Points = append(after.Points, p)
		}
	}
	mv := paystructure.Move{Band: "A", From: removed, To: ""}
	if removed == "5" {
		mv.To, mv.Protect = "4", true
	} else {
		mv.To = after.Points[0].Label
		for _, p := range after.Points {
			if p.Label > removed {
				mv.To = p.Label
				break
			}
		}
	}
	changed := table(from, after)
	changed.Moves = []paystructure.Move{mv}
	tl := tline("S", "2025-04", years, []paystructure.Band{band("A", prog)})
	tl.Rules.Order = order
	if from == "2025-04" {
		prior := table("2025-04", before)
		tl.Prior = &prior
		tl.Tables = []paystructure.Table{changed}
	} else {
		tl.Tables = []paystructure.Table{table("2025-04", before), changed}
	}
	return tl
}

func TestProgressFirstWithARemovalOnTheStartDate(t *testing.T) {
	// On point 2 since 1 April 2024, due to progress on 1 April 2025, the
	// day point 2 is removed. Progress-first: up to point 3 on the old scale
	// (£26,000), which is not removed, so no further. Assimilate-first: moved
	// to point 3 (time at the point carries over), then progresses to 4.
	for _, prog := range []paystructure.Progression{anniversary(), fixedDate(4, 6)} {
		g := group("A", "2", "1", "2024-04-01", 1)
		wantMoves(t, "progress-first, start date "+prog.String(),
			moves(t, removal("2025-04", 2, paystructure.ProgressFirst, prog, "2"), g),
			"2025-04 A/3 26000", "2026-04 A/4 27000")
		wantMoves(t, "assimilate-first, start date "+prog.String(),
			moves(t, removal("2025-04", 2, paystructure.AssimilateFirst, prog, "2"), g),
			"2025-04 A/4 27000", "2026-04 A/5 28000")
		// The same a year later, from point 1 since 1 April 2025: due on 1
		// April 2026 onto point 2, removed that day.
		g = group("A", "1", "1", "2025-04-01", 1)
		wantMoves(t, "progress-first, later "+prog.String(),
			moves(t, removal("2026-04", 2, paystructure.ProgressFirst, prog, "2"), g),
			"2025-04 A/1 24000", "2026-04 A/3 26000")
	}
}

func TestTopRemovedOnTheStartDateIsProtected(t *testing.T) {
	// On the top point 5 (£28,000) when it is removed on the start date:
	// moved to point 4 (£27,000) keeping £28,000 until point 4 pays as much,
	// exactly as when the top goes a year later.
	g := group("A", "5", "1", "2020-04-01", 1)
	for _, order := range []paystructure.Order{paystructure.AssimilateFirst, paystructure.ProgressFirst} {
		wantMoves(t, "start date "+order.String(),
			moves(t, removal("2025-04", 2, order, anniversary(), "5"), g),
			"2025-04 A/4 28000")
		wantMoves(t, "a year later "+order.String(),
			moves(t, removal("2026-04", 2, order, anniversary(), "5"), g),
			"2025-04 A/5 28000", "2026-04 A/4 28000")
	}
}

func TestPriorIsCheckedWhenCompiled(t *testing.T) {
	tl := removal("2025-04", 1, paystructure.AssimilateFirst, anniversary(), "2")
	tl.Prior.Moves = tl.Tables[0].Moves
	if _, err := compile(tl); err == nil {
		t.Fatal("a Prior table with moves compiled")
	}
	tl = removal("2025-04", 1, paystructure.AssimilateFirst, anniversary(), "2")
	tl.Prior.From = mon("2025-03")
	if _, err := compile(tl); err == nil {
		t.Fatal("a Prior table from before the start compiled")
	}
}
