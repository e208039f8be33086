package paystructure

import (
	"testing"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
)

func TestYearsToTop(t *testing.T) {
	pt := func(months int) Point { return Point{Months: months} }
	tests := []struct {
		name   string
		points []Point
		want   string
	}{
		{name: "single point", points: []Point{pt(12)}, want: "0"},
		// The top point's months never count: 12 + 12 = 24 months = 2 years.
		{name: "three yearly points", points: []Point{pt(12), pt(12), pt(99)}, want: "2"},
		// NHS Band 6 2025/26: 2 years at entry, 3 at intermediate = 5 years.
		{name: "nhs band 6", points: []Point{pt(24), pt(36), pt(12)}, want: "5"},
		// 18 + 12 = 30 months = 2.5 years.
		{name: "half years", points: []Point{pt(18), pt(12), pt(12)}, want: "2.5"},
		// 7 months = 0.58333… years, 0.58 to two places.
		{name: "rounded to two places", points: []Point{pt(7), pt(12)}, want: "0.58"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := YearsToTop(Scale{Points: tc.points})
			if !got.Equal(decimal.RequireFromString(tc.want)) {
				t.Errorf("YearsToTop = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestTimelineTableAt(t *testing.T) {
	start := calendar.MonthOf(2025, 4)
	tl := &Timeline{Start: start, Years: 2, Tables: []Table{
		{From: start, Awards: []string{"base"}},
		{From: calendar.MonthOf(2025, 10), Awards: []string{"October"}},
		{From: calendar.MonthOf(2026, 4), Awards: []string{"April"}},
	}}
	if got := tl.End(); got != calendar.MonthOf(2027, 4) {
		t.Errorf("End = %s, want 2027-04", got)
	}
	for _, tc := range []struct {
		month calendar.Month
		want  string
	}{
		{start, "base"},
		{calendar.MonthOf(2025, 9), "base"},
		{calendar.MonthOf(2025, 10), "October"},
		{calendar.MonthOf(2026, 3), "October"},
		{calendar.MonthOf(2026, 4), "April"},
		{calendar.MonthOf(2027, 3), "April"},
	} {
		if got := tl.TableAt(tc.month).Awards[0]; got != tc.want {
			t.Errorf("TableAt(%s) = %s, want %s", tc.month, got, tc.want)
		}
	}
}

func TestScaleLookups(t *testing.T) {
	sc := Scale{Band: "Band 4", Points: []Point{{Label: "1"}, {Label: "2"}, {Label: "5"}}}
	if sc.Index("5") != 2 || sc.Index("3") != -1 || sc.Top().Label != "5" {
		t.Errorf("Index(5) = %d, Index(3) = %d, Top = %s", sc.Index("5"), sc.Index("3"), sc.Top().Label)
	}
	st := Structure{Scales: []Scale{{Band: "Band 3"}, sc}}
	if got, ok := st.Scale("Band 4"); !ok || got.Band != "Band 4" {
		t.Errorf("Structure.Scale(Band 4) = %v, %v", got.Band, ok)
	}
	if _, ok := (Table{Scales: st.Scales}).Scale("Band 9"); ok {
		t.Error("Table.Scale(Band 9) found a scale")
	}
}

// Every caller's wording of a progression rule comes from Describe.
func TestProgressionDescribe(t *testing.T) {
	fixed := Progression{Kind: FixedDate, On: calendar.AnnualDate{Month: 4, Day: 1}, QualifyingMonths: 6}
	sept := Progression{Kind: FixedDate, On: calendar.AnnualDate{Month: 9, Day: 1}, QualifyingMonths: 0}
	// An anniversary rule carries no date or months, whatever it is left holding.
	ann := Progression{Kind: Anniversary, On: calendar.AnnualDate{Month: 4, Day: 1}, QualifyingMonths: 6}
	tests := []struct {
		p          Progression
		qualifying string
		want       string
	}{
		{fixed, " (%d months qualifying)", "each 04-01 (6 months qualifying)"}, // comparison appendix
		{fixed, ", %d months qualifying", "each 04-01, 6 months qualifying"},   // validate's summary
		{fixed, "", "each 04-01"},
		{sept, " (%d months qualifying)", "each 09-01 (0 months qualifying)"},
		{ann, " (%d months qualifying)", "anniversary"},
		{ann, "", "anniversary"},
	}
	for _, tt := range tests {
		if got := tt.p.Describe(tt.qualifying); got != tt.want {
			t.Errorf("%+v.Describe(%q) = %q, want %q", tt.p, tt.qualifying, got, tt.want)
		}
	}
	if got := fixed.String(); got != "each 04-01" {
		t.Errorf("String() = %q, want %q", got, "each 04-01")
	}
	if got := ann.String(); got != "anniversary" {
		t.Errorf("String() = %q, want %q", got, "anniversary")
	}
}

// TestStatus checks the status words (as increments.csv writes them) and
// Max: illustrative is further from published than derived, derived than
// published, whichever comes first.
func TestStatus(t *testing.T) {
	for _, tt := range []struct {
		a, b Status
		want string
	}{
		{Published, Published, "published"},
		{Published, Derived, "derived"},
		{Derived, Published, "derived"},
		{Illustrative, Derived, "illustrative"},
		{Published, Illustrative, "illustrative"},
	} {
		if got := tt.a.Max(tt.b).String(); got != tt.want {
			t.Errorf("%v.Max(%v) = %s, want %s", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestScaleStatus: a scale gives each point's status by label, and
// Published for a label it does not have.
func TestScaleStatus(t *testing.T) {
	s := Scale{Band: "B", Points: []Point{{Label: "1", Status: Illustrative}, {Label: "2", Status: Derived}, {Label: "3"}}}
	for _, c := range []struct {
		label string
		want  Status
	}{{"1", Illustrative}, {"2", Derived}, {"3", Published}, {"4", Published}} {
		if got := s.Status(c.label); got != c.want {
			t.Errorf("Status(%q) = %v, want %v", c.label, got, c.want)
		}
	}
}
