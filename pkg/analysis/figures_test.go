package analysis

import (
	"context"
	"errors"
	"testing"
	"testing/fstest"

	"github.com/shopspring/decimal"

	"paymodel/pkg/dataset"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/projection"
	"paymodel/pkg/scenario"
)

// figuresResult runs Current and three offers on a small dataset: two
// anniversary bands with structures dated 2023-04-01 and 2024-04-01, ten
// people at the top of Band A, a 20% pension and a price index of 90, 100
// and 103.5 on 1 April 2023, 2024 and 2025.
func figuresResult(t *testing.T) *Result {
	t.Helper()
	return figuresResultOf(t,
		"name = \"Three per cent\"\nstart = 2025-04-01\nyears = 3\n[[award]]\nfrom = 2025-04-01\nuplift = \"3%\"\n",
		"name = \"Flat\"\nstart = 2025-04-01\nyears = 3\n[[award]]\nfrom = 2025-04-01\nflat = \"£1,200\"\n",
		"name = \"New point\"\nstart = 2025-04-01\nyears = 3\n[[award]]\nfrom = 2025-04-01\nadd_point = { band = \"Band B\", point = \"2a\", salary = \"£26,000\" }\n",
	)
}

// figuresResultOf runs Current and the scenarios srcs on figuresResult's
// dataset.
func figuresResultOf(t *testing.T, srcs ...string) *Result {
	t.Helper()
	fsys := fstest.MapFS{
		"bands.csv": {Data: []byte("band\nBand A\nBand B\n")},
		"increments.csv": {Data: []byte("band,point,salary,effective_from\n" +
			"Band A,1,19000,2023-04-01\nBand A,2,20000,2023-04-01\nBand B,1,24000,2023-04-01\nBand B,2,26000,2023-04-01\nBand B,3,28000,2023-04-01\n" +
			"Band A,1,20000,2024-04-01\nBand A,2,21000,2024-04-01\nBand B,1,25000,2024-04-01\nBand B,2,27000,2024-04-01\nBand B,3,29000,2024-04-01\n")},
		"staff.csv":     {Data: []byte("band,point,point_date,count\nBand A,2,2024-04-01,10\n")},
		"oncosts.csv":   {Data: []byte("name,rate\nEmployer pension,20%\n")},
		"inflation.csv": {Data: []byte("date,index\n2023-04-01,90\n2024-04-01,100\n2025-04-01,103.5\n")},
	}
	return runOn(t, "figures", fsys, Options{}, srcs...)
}

// runOn loads the dataset called name from fsys and runs Current and the
// scenarios srcs (parsed as a.toml, b.toml, …) on it with opt.
func runOn(t *testing.T, name string, fsys fstest.MapFS, opt Options, srcs ...string) *Result {
	t.Helper()
	ds, err := dataset.Load(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	var scs []*scenario.Scenario
	for i, src := range srcs {
		sc, err := scenario.Parse(string(rune('a'+i))+".toml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		scs = append(scs, sc)
	}
	tls, err := Timelines(ds, scs, 0)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(context.Background(), ds, tls, opt)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func eq(t *testing.T, what string, got decimal.Decimal, want string) {
	t.Helper()
	if !got.Equal(d(want)) {
		t.Errorf("%s = %s, want %s", what, got, want)
	}
}

func eqPtr(t *testing.T, what string, got *decimal.Decimal, want string) {
	t.Helper()
	switch {
	case got == nil && want != "":
		t.Errorf("%s = nil, want %s", what, want)
	case got != nil && want == "":
		t.Errorf("%s = %s, want nil", what, got)
	case got != nil:
		eq(t, what, *got, want)
	}
}

// TestFigures checks the headline figures against hand-worked values.
//
// Rises on 1 April 2025 against Current's 2024 structure (A 20,000 21,000;
// B 25,000 27,000 29,000): 3% is exactly 3% everywhere, so the first point
// in order (Band A point 1, +£600) is both smallest and largest. £1,200 is
// 1,200 ÷ 29,000 = 0.04137931 on Band B point 3 (smallest) and 1,200 ÷
// 20,000 = 0.06 on Band A point 1 (largest): a spread of 1.862069 points.
// Inflation is 103.5 ÷ 100 − 1 = 3.5%.
//
// Paybill: ten people at Band A point 2 all year, with a 20% pension.
// Current: 21,000 ÷ 12 = 1,750.00 a month + 350.00 pension = 2,100.00, so
// 252,000.00 a year for ten and 756,000.00 over 3 years. 3%: 21,630 ÷ 12 =
// 1,802.50 + 360.50 = 2,163.00, 259,560.00 a year (+7,560.00, 3% of
// 252,000) and +22,680.00 over the deal (3%). Flat: 22,200 ÷ 12 = 1,850.00
// + 370.00 = 2,220.00, 266,400.00 a year (+14,400.00, 14,400 ÷ 252,000 =
// 0.05714286).
//
// A new entrant reaches the top of Band A after 1 year and of Band B after
// 2; with the added point, Band B's top is 3 years away, beyond the 3-year
// horizon (the last month is 2028-03). Band A careers under 3%: 20,600 ÷ 12 =
// 1,716.67 a month (20,600.04 a year), then 21,630 for two years:
// 63,860.04.
func TestFigures(t *testing.T) {
	r := figuresResult(t)
	if len(r.Figures) != 4 {
		t.Fatalf("got %d figures, want 4", len(r.Figures))
	}
	eqPtr(t, "inflation", r.Inflation, "0.035")
	if got := r.CurrentStructureDate().String(); got != "2024-04-01" {
		t.Errorf("Current carries forward the structure of %s, want 2024-04-01", got)
	}
	cur, pct, flat, added := r.Figures[0], r.Figures[1], r.Figures[2], r.Figures[3]

	if pct.SmallestAt != "Band A point 1" || pct.LargestAt != "Band A point 1" {
		t.Errorf("3%%: smallest at %q, largest at %q, want Band A point 1 both", pct.SmallestAt, pct.LargestAt)
	}
	eq(t, "3% smallest", pct.SmallestRise, "0.03")
	eq(t, "3% smallest cash", pct.SmallestRiseCash, "600")
	eq(t, "3% spread", pct.SpreadPoints, "0")
	eqPtr(t, "3% real", pct.SmallestRiseReal, "-0.005")
	if flat.SmallestAt != "Band B point 3" || flat.LargestAt != "Band A point 1" {
		t.Errorf("flat: smallest at %q, largest at %q", flat.SmallestAt, flat.LargestAt)
	}
	eq(t, "flat smallest", flat.SmallestRise, "0.04137931")
	eq(t, "flat largest", flat.LargestRise, "0.06")
	eq(t, "flat largest cash", flat.LargestRiseCash, "1200")
	eq(t, "flat spread", flat.SpreadPoints, "1.862069")
	eqPtr(t, "Current real", cur.SmallestRiseReal, "-0.035")
	if best, ok := BestOffer(r.Figures); !ok || best.Name != "Flat" {
		t.Errorf("best offer = %q, %v; want Flat", best.Name, ok)
	}

	eq(t, "Current year 1", cur.FirstYear, "252000")
	eq(t, "Current whole deal", cur.WholeDeal, "756000")
	eq(t, "3% year 1", pct.FirstYear, "259560")
	eq(t, "3% year-1 change", pct.FirstYearChange, "7560")
	eq(t, "3% year-1 share", pct.FirstYearShare, "0.03")
	eq(t, "3% whole-deal change", pct.WholeDealChange, "22680")
	eq(t, "3% whole-deal share", pct.WholeDealShare, "0.03")
	eq(t, "flat year-1 change", flat.FirstYearChange, "14400")
	eq(t, "flat year-1 share", flat.FirstYearShare, "0.05714286")
	eq(t, "3% year-1 drift", pct.FirstYearDrift, "0")
	eq(t, "new point year-1 change", added.FirstYearChange, "0")

	for _, c := range []struct {
		f         ScenarioFigures
		ytt       []string
		longest   string
		notTopped int64
		min, max  int
	}{
		{cur, []string{"1", "2"}, "2", 0, 2, 3},
		{pct, []string{"1", "2"}, "2", 0, 2, 3},
		{added, []string{"1", ""}, "1", 1, 2, 4},
	} {
		for i, y := range c.f.YearsToTop {
			eqPtr(t, c.f.Name+" years to top", y, c.ytt[i])
		}
		eqPtr(t, c.f.Name+" longest", c.f.LongestToTop, c.longest)
		if c.f.NotTopped != c.notTopped || c.f.PointsFewest != c.min || c.f.PointsMost != c.max {
			t.Errorf("%s: not topped %d, points %d–%d; want %d, %d–%d", c.f.Name, c.f.NotTopped, c.f.PointsFewest, c.f.PointsMost, c.notTopped, c.min, c.max)
		}
	}
	eqPtr(t, "3% Band A career", pct.CareerEarnings[0], "63860.04")
	eqPtr(t, "3% lowest entry", pct.LowestEntry, "20600")
	eqPtr(t, "3% highest top", pct.HighestTop, "29870")

	s := r.Summaries[1][0]
	if s.Band != "Band A" || !s.Entry.Equal(d("20600")) || !s.Top.Equal(d("21630")) || !s.CareerEarnings.Equal(d("63860.04")) {
		t.Errorf("3%% Band A summary = %+v", s)
	}
}

// TestBandPoints checks that a point only one offer has is placed by its
// salary there (Band B: 1 £25,000, 2a £26,000, 2 £27,000, 3 £29,000) and
// is missing (nil) under the others.
func TestBandPoints(t *testing.T) {
	r := figuresResult(t)
	if len(r.Bands) != 2 || r.Bands[1].Band.Name != "Band B" {
		t.Fatalf("bands = %+v", r.Bands)
	}
	b := r.Bands[1]
	if got := fmtLabels(b.Labels); got != "1 2a 2 3" {
		t.Fatalf("labels %q, want 1 2a 2 3", got)
	}
	for i, row := range b.Rows {
		if (row[1] != nil) != (i == 3) {
			t.Errorf("timeline %d: point 2a present = %v", i, row[1] != nil)
		}
	}
	eq(t, "new point 2a", b.Rows[3][1].Salary, "26000")
	eq(t, "3% Band B point 3", b.Rows[1][3].Salary, "29870")
}

func fmtLabels(ls []string) string {
	s := ""
	for i, l := range ls {
		if i > 0 {
			s += " "
		}
		s += l
	}
	return s
}

// TestRealTerms checks the real value of each band's entry and top at
// 2025-04-01 prices (index 103.5): Band A entry 19,000 × 103.5 ÷ 90 =
// 21,850.00 in 2023, 20,000 × 1.035 = 20,700.00 in 2024, and 20,000 now:
// (20,000 − 21,850) ÷ 21,850 = −0.08466819. Band B top: 28,000 × 103.5 ÷
// 90 = 32,200 → 29,000, −3,200 ÷ 32,200 = −0.09937888, the worst.
func TestRealTerms(t *testing.T) {
	r := figuresResult(t)
	if len(r.RealTerms) != 4 {
		t.Fatalf("got %d histories, want 4", len(r.RealTerms))
	}
	a := r.RealTerms[0]
	if a.Band != "Band A" || a.Which != "entry" || len(a.Real) != 3 || a.Prices.String() != "2025-04-01" {
		t.Fatalf("first history = %+v", a)
	}
	for i, want := range []string{"21850", "20700", "20000"} {
		eq(t, "Band A entry real", a.Real[i], want)
	}
	eq(t, "Band A entry change", a.Change, "-0.08466819")
	for i, want := range []string{"-0.08466819", "-0.08695652", "-0.0942029", "-0.09937888"} {
		eq(t, r.RealTerms[i].Band+" "+r.RealTerms[i].Which, r.RealTerms[i].Change, want)
	}
	worst, ok := WorstErosion(r.RealTerms)
	if !ok || worst.Band != "Band B" || worst.Which != "top" {
		t.Errorf("worst erosion = %s %s, %v", worst.Band, worst.Which, ok)
	}
	if _, ok := WorstErosion(nil); ok {
		t.Error("no history: ok")
	}
	climbs := Climbs(r.Dataset)
	if len(climbs) != 2 {
		t.Fatalf("climbs = %+v", climbs)
	}
	eq(t, "Band A climb", climbs[0].Years, "1")
	if c, ok := LongestClimb(climbs); !ok || c.Band != "Band B" || !c.Years.Equal(d("2")) {
		t.Errorf("longest climb = %+v, %v", c, ok)
	}
	if _, ok := LongestClimb([]Climb{{Band: "X", Years: decimal.Zero}}); ok {
		t.Error("single-point bands: a longest climb")
	}
}

func TestPaybillShare(t *testing.T) {
	for _, c := range []struct{ change, base, want string }{
		{"7560", "252000", "0.03"},
		{"1", "3", "0.33333333"},
		{"2", "3", "0.66666667"},
		{"-2", "3", "-0.66666667"},
		{"5", "0", "0"},
	} {
		eq(t, c.change+" ÷ "+c.base, PaybillShare(d(c.change), d(c.base)), c.want)
	}
}

// TestWidestGap: with F (10 at £30,000) and M (8 at £32,000) shown, F's gap
// is 2,000 ÷ 32,000 = 0.0625; a group of 2 hides itself and M (the
// smallest group of five or more), leaving F alone with no gap.
func TestWidestGap(t *testing.T) {
	rows := []projection.EqualityRow{
		{Attribute: "gender", Value: "F", Headcount: 10, MeanSalary: d("30000")},
		{Attribute: "gender", Value: "M", Headcount: 8, MeanSalary: d("32000")},
	}
	eq(t, "F and M", widestGap(projection.ScenarioCosting{Equality: rows}, "gender"), "0.0625")
	rows = append(rows, projection.EqualityRow{Attribute: "gender", Value: "X", Headcount: 2, MeanSalary: d("50000")})
	eq(t, "with X", widestGap(projection.ScenarioCosting{Equality: rows}, "gender"), "0")
	eq(t, "no such attribute", widestGap(projection.ScenarioCosting{Equality: rows}, "region"), "0")
}

// TestMembers: Band B point 2 (£27,000 of £25,000–£29,000) at 0.6 FTE is
// paid £16,200.00, half way through the band; 20% pension is £3,240.00,
// total reward £19,440.00.
func TestMembers(t *testing.T) {
	r := figuresResult(t)
	ms, err := NewMembers(r.Dataset, r.Timelines, false)
	if err != nil {
		t.Fatal(err)
	}
	p := &paystructure.Person{ID: "S2", Name: "Ann Example", Band: "Band B", Point: "2", FTE: d("0.6")}
	m, err := ms.Member(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Tracks) != 4 || m.Tracks[2].Scenario != "Flat" {
		t.Fatalf("tracks = %d", len(m.Tracks))
	}
	f := m.Facts()
	if f.PointIndex != 2 || f.PointCount != 3 {
		t.Errorf("point %d of %d, want 2 of 3", f.PointIndex, f.PointCount)
	}
	eq(t, "salary", f.Salary, "27000")
	eq(t, "pay", f.Pay, "16200")
	eq(t, "through", f.Through, "0.5")
	eq(t, "pension", f.Pension, "3240")
	eq(t, "total reward", f.TotalReward, "19440")
	// Pay year 1 at 0.6 FTE: Current 27,000 × 0.6 ÷ 12 = 1,350.00 a month,
	// 16,200.00; 3% 27,810 → 1,390.50, 16,686.00 (+486.00); flat 28,200 →
	// 1,410.00, 16,920.00 (+720.00).
	for track, want := range []string{"0", "486", "720"} {
		eq(t, m.Tracks[track].Scenario+" year-1 change", m.EarningsChange(track, 0), want)
	}
	if got := m.Who(); got != "Ann Example (S2)" {
		t.Errorf("Who = %q", got)
	}
	m.Redact = true
	if got := m.Who(); got != "Member S2" {
		t.Errorf("redacted Who = %q", got)
	}
	for _, bad := range []*paystructure.Person{
		{Band: "Band C", Point: "1", FTE: d("1")},
		{Band: "Band B", Point: "9", FTE: d("1")},
	} {
		if _, err := ms.Member(bad); !errors.Is(err, ErrNotInStructure) {
			t.Errorf("%s point %s: err %v, want ErrNotInStructure", bad.Band, bad.Point, err)
		}
	}
}
