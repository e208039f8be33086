package pdf

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestFloorCeilDiv(t *testing.T) {
	d := decimal.RequireFromString
	for _, tc := range []struct{ x, y, floor, ceil string }{
		{"23500", "5000", "4", "5"},
		{"25000", "5000", "5", "5"},
		{"-1.5", "1", "-2", "-1"},
		{"0", "0.5", "0", "0"},
		{"0.0346", "0.01", "3", "4"},
		{"-300", "200", "-2", "-1"},
	} {
		if got := floorDiv(d(tc.x), d(tc.y)); !got.Equal(d(tc.floor)) {
			t.Errorf("floorDiv(%s, %s) = %s, want %s", tc.x, tc.y, got, tc.floor)
		}
		if got := ceilDiv(d(tc.x), d(tc.y)); !got.Equal(d(tc.ceil)) {
			t.Errorf("ceilDiv(%s, %s) = %s, want %s", tc.x, tc.y, got, tc.ceil)
		}
	}
}
