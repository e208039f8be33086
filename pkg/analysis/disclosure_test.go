package analysis

import (
	"fmt"
	"slices"
	"sort"
	"testing"

	"github.com/shopspring/decimal"

	"paymodel/pkg/paystructure"
	"paymodel/pkg/projection"
)

// costing builds a costing whose every scenario has, for each pay year, one
// row per band with the given headcounts (then an All row adding them up).
func costing(scenarios int, years ...map[string]int64) *projection.Costing {
	c := &projection.Costing{}
	for s := 0; s < scenarios; s++ {
		sc := projection.ScenarioCosting{Scenario: fmt.Sprint("S", s)}
		for y, bands := range years {
			names := make([]string, 0, len(bands))
			for b := range bands {
				names = append(names, b)
			}
			sort.Strings(names)
			var all int64
			for _, b := range names {
				sc.Rows = append(sc.Rows, projection.CostRow{Scenario: sc.Scenario, Year: y + 1, Band: b, Headcount: decimal.NewFromInt(bands[b])})
				all += bands[b]
			}
			sc.Rows = append(sc.Rows, projection.CostRow{Scenario: sc.Scenario, Year: y + 1, Band: projection.AllBands, Headcount: decimal.NewFromInt(all)})
		}
		c.Scenarios = append(c.Scenarios, sc)
	}
	return c
}

func keys(m map[string]bool) []string {
	var out []string
	for k, v := range m {
		if v {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

func TestSuppress(t *testing.T) {
	for _, tc := range []struct {
		name          string
		c             *projection.Costing
		bands, second []string
		allShown      bool
	}{
		{"no small band", costing(2, map[string]int64{"A": 5, "B": 20}), nil, nil, true},
		// A band of one: it and the smallest band of 5 or more (B, 6
		// people, not C with 10) are blank, so All − C is A + B, 7 people.
		{"band of one", costing(2, map[string]int64{"A": 1, "B": 6, "C": 10}), []string{"A", "B"}, []string{"B"}, true},
		// Two small bands still need a large one beside them: A + B alone
		// would be the pay of 4 people.
		{"two small bands", costing(1, map[string]int64{"A": 1, "B": 3, "C": 10, "D": 8}), []string{"A", "B", "D"}, []string{"D"}, true},
		// A tie between large bands goes to the first in display order.
		{"tie", costing(1, map[string]int64{"A": 2, "B": 7, "C": 7}), []string{"A", "B"}, []string{"B"}, true},
		// A band small in a later year only (a pathway took people out):
		// blank in every year, with its complement.
		{"small later", costing(1, map[string]int64{"A": 9, "B": 12, "C": 30}, map[string]int64{"A": 3, "B": 18, "C": 30}), []string{"A", "B"}, []string{"B"}, true},
		// A band that is empty in year 1 and large later is not large: it
		// cannot hide a small band in year 1.
		{"empty then large", costing(1, map[string]int64{"A": 1, "B": 0, "C": 6}, map[string]int64{"A": 1, "B": 5, "C": 6}), []string{"A", "C"}, []string{"C"}, true},
		// No large band: every band with people is blank; the All row, 7
		// people, is shown.
		{"no large band", costing(1, map[string]int64{"A": 3, "B": 4}), []string{"A", "B"}, nil, true},
		// A census of 4: nothing is shown, All and empty bands included.
		{"small census", costing(1, map[string]int64{"A": 1, "B": 3, "C": 0}), []string{"A", "B", "C"}, nil, false},
		// A census of nobody: nothing to protect, the £0 totals show.
		{"empty census", costing(1, map[string]int64{"A": 0, "B": 0}), nil, nil, true},
		{"nil", nil, nil, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := Suppress(tc.c)
			if got := keys(s.Bands); !slices.Equal(got, tc.bands) {
				t.Errorf("blank bands = %q, want %q", got, tc.bands)
			}
			if got := keys(s.Secondary); !slices.Equal(got, tc.second) {
				t.Errorf("secondary = %q, want %q", got, tc.second)
			}
			if s.AllShown != tc.allShown || s.BandShown(projection.AllBands) != tc.allShown {
				t.Errorf("AllShown = %v, want %v", s.AllShown, tc.allShown)
			}
		})
	}
}

// A band that is small only in the distribution of rises (people counted
// from the census) is blank too.
func TestSuppressDistribution(t *testing.T) {
	c := costing(2, map[string]int64{"A": 5, "B": 6, "C": 20})
	c.Scenarios[1].Distribution = []projection.Distribution{{Band: "A", People: 4}, {Band: "B", People: 6}, {Band: "C", People: 20}, {Band: projection.AllBands, People: 30}}
	if got, want := keys(Suppress(c).Bands), []string{"A", "B"}; !slices.Equal(got, want) {
		t.Errorf("blank bands = %q, want %q", got, want)
	}
}

func TestSuppressEquality(t *testing.T) {
	row := func(attr, value string, n int64) projection.EqualityRow {
		return projection.EqualityRow{Attribute: attr, Value: value, Headcount: n}
	}
	rows := []projection.EqualityRow{
		row("gender", "F", 10), row("gender", "M", 1), // M small, so F too
		row("region", "North", 11),                                                                                   // alone: shown
		row("grade", "a", 2), row("grade", "b", 3), row("grade", "c", 9), row("grade", "d", 6), row("grade", "e", 6), // a, b small; d (6, first of the tie) too
		row("site", "x", 7), row("site", "y", 8), // none small
		row("team", "p", 2), row("team", "q", 4), // all small
	}
	want := []bool{true, true, false, true, true, false, true, false, false, false, true, true}
	if got := SuppressEquality(rows); !slices.Equal(got, want) {
		t.Errorf("SuppressEquality = %v\nwant               %v", got, want)
	}
}

func TestIdentifyingAttribute(t *testing.T) {
	c := &paystructure.Census{AttributeNames: []string{"gender", "email"}}
	for i := range 60 {
		c.Groups = append(c.Groups, paystructure.Group{Count: 1, Attributes: []string{"F", fmt.Sprintf("p%d@x", i)}})
		c.Headcount++
	}
	name, alone, n, ok := IdentifyingAttribute(c)
	if !ok || name != "email" || alone != 60 || n != 60 {
		t.Errorf("IdentifyingAttribute = %q, %d, %d, %v; want email, 60, 60, true", name, alone, n, ok)
	}
	// 50 distinct values (MinIdentifying) are never looked at.
	c.Groups, c.Headcount = c.Groups[:50], 50
	if _, _, _, ok := IdentifyingAttribute(c); ok {
		t.Errorf("50 distinct values: refused, want accepted")
	}
}
