package projection

import (
	"slices"
	"testing"
)

func TestCountingSortIsStable(t *testing.T) {
	type item struct {
		key int
		tag string
	}
	in := []item{{2, "a"}, {0, "b"}, {2, "c"}, {1, "d"}, {0, "e"}}
	got := countingSort(in, 3, func(x item) int { return x.key })
	want := []item{{0, "b"}, {0, "e"}, {1, "d"}, {2, "a"}, {2, "c"}}
	if !slices.Equal(got, want) {
		t.Errorf("countingSort = %v, want %v", got, want)
	}
	if in[0] != (item{2, "a"}) {
		t.Errorf("countingSort changed its input: %v", in)
	}
	if got := countingSort([]item(nil), 0, func(x item) int { return x.key }); len(got) != 0 {
		t.Errorf("countingSort of nothing = %v", got)
	}
}
