package projection

import (
	"cmp"
	"testing"
)

// TestPickWeighted checks the minimum, lower weighted median and maximum by
// hand: the median is the person at position ⌈W/2⌉ in ascending order.
func TestPickWeighted(t *testing.T) {
	type item struct{ v, w int64 }
	tests := []struct {
		name         string
		items        []item
		lo, med, hi  int64 // values
		ok           bool
		wantSortedTo int // items left after dropping zero weights
	}{
		{"nobody", nil, 0, 0, 0, false, 0},
		{"only zero weights", []item{{4, 0}, {2, 0}}, 0, 0, 0, false, 0},
		{"one", []item{{5, 1}}, 5, 5, 5, true, 1},
		{"two: the lower middle", []item{{3, 1}, {1, 1}}, 1, 1, 3, true, 2},
		{"three: the middle", []item{{3, 1}, {1, 1}, {2, 1}}, 1, 2, 3, true, 3},
		// W = 4, ⌈W/2⌉ = 2: the 2nd person is among the three at 10.
		{"weighted low", []item{{20, 1}, {10, 3}}, 10, 10, 20, true, 2},
		// W = 4: people 1 and 2 at 10, 3 and 4 at 20; the 2nd is at 10.
		{"even split", []item{{20, 2}, {10, 2}}, 10, 10, 20, true, 2},
		// W = 3, ⌈W/2⌉ = 2: person 1 at 10, people 2 and 3 at 20.
		{"weighted high", []item{{10, 1}, {20, 2}}, 10, 20, 20, true, 2},
		// Zero weights are nobody: 0 and 9 are neither minimum nor maximum.
		{"zero weights dropped", []item{{0, 0}, {5, 1}, {9, 0}, {7, 1}}, 5, 5, 7, true, 2},
		{"negative values", []item{{-3, 1}, {4, 1}, {-8, 1}, {0, 2}}, -8, 0, 4, true, 4},
	}
	for _, tt := range tests {
		items := append([]item(nil), tt.items...)
		sorted, lo, med, hi, ok := pickWeighted(items, func(x *item) int64 { return x.w }, func(a, b item) int { return cmp.Compare(a.v, b.v) })
		if ok != tt.ok || len(sorted) != tt.wantSortedTo {
			t.Errorf("%s: ok %v with %d items, want %v with %d", tt.name, ok, len(sorted), tt.ok, tt.wantSortedTo)
			continue
		}
		if !ok {
			continue
		}
		if got := [3]int64{sorted[lo].v, sorted[med].v, sorted[hi].v}; got != [3]int64{tt.lo, tt.med, tt.hi} {
			t.Errorf("%s: min, median, max = %v, want [%d %d %d]", tt.name, got, tt.lo, tt.med, tt.hi)
		}
	}
}
