package analysis

import (
	"fmt"
	"math/big"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/projection"
)

// In these tests a full-time week is 35 hours and the snapshot month is
// March (31 days), so a full-timer works 35 × 31 ÷ 7 = 155 hours in it and
// a monthly pay of £1,550.00 is £10 an hour, £1,860.00 £12, £2,170.00 £14,
// £2,480.00 £16 and £3,100.00 £20.

// staff is n people of one sex on one monthly pay (full time unless fte is
// set), paid bonus in the pay year ("" for none), with optional other
// attributes.
type staff struct {
	sex, pay, fte, bonus string
	n                    int64
	attrs                []string
}

// gapFixture builds one snapshot (March 2026, pay year 1) and its census
// from people; attribute 0 is sex, the others are named by more.
func gapFixture(more []string, people ...staff) (*projection.Costing, *paystructure.Census) {
	names := append([]string{"sex"}, more...)
	s := projection.Snapshot{Year: 1, Month: calendar.MonthOf(2026, 3)}
	payIdx := map[string]int{}
	c := &paystructure.Census{AttributeNames: names}
	groups := make([]map[string]*projection.SnapshotGroup, len(names))
	for a := range groups {
		groups[a] = map[string]*projection.SnapshotGroup{}
	}
	all := &projection.SnapshotGroup{}
	for _, p := range people {
		fte := p.fte
		if fte == "" {
			fte = "1"
		}
		key := p.pay + "/" + fte
		if _, ok := payIdx[key]; !ok {
			payIdx[key] = len(s.Pays)
			s.Pays = append(s.Pays, projection.SnapshotPay{Band: "A", WeeklyHours: d("35"), FTE: d(fte), MonthlyPay: d(p.pay)})
		}
		vals := append([]string{p.sex}, p.attrs...)
		c.Groups = append(c.Groups, paystructure.Group{Band: "A", Point: "1", FTE: d(fte), Count: p.n, Attributes: vals})
		c.Headcount += p.n
		for a, v := range vals {
			g := groups[a][v]
			if g == nil {
				g = &projection.SnapshotGroup{Value: v}
				groups[a][v] = g
			}
			addPeople(g, payIdx[key], p)
		}
		addPeople(all, payIdx[key], p)
	}
	fill := func(g *projection.SnapshotGroup) projection.SnapshotGroup {
		for len(g.People) < len(s.Pays) {
			g.People = append(g.People, decimal.Zero)
		}
		slices.SortFunc(g.Bonus, func(a, b projection.SnapshotBonus) int { return a.Amount.Cmp(b.Amount) })
		return *g
	}
	s.All = fill(all)
	for a, name := range names {
		attr := projection.SnapshotAttribute{Name: name}
		var vals []string
		for v := range groups[a] {
			vals = append(vals, v)
		}
		slices.Sort(vals)
		for _, v := range vals {
			attr.Groups = append(attr.Groups, fill(groups[a][v]))
		}
		s.Attributes = append(s.Attributes, attr)
	}
	return &projection.Costing{Scenarios: []projection.ScenarioCosting{{Scenario: "Current", Snapshots: []projection.Snapshot{s}}}}, c
}

func addPeople(g *projection.SnapshotGroup, i int, p staff) {
	for len(g.People) <= i {
		g.People = append(g.People, decimal.Zero)
	}
	n := decimal.NewFromInt(p.n)
	g.People[i] = g.People[i].Add(n)
	if p.bonus != "" {
		for j := range g.Bonus {
			if g.Bonus[j].Amount.Equal(d(p.bonus)) {
				g.Bonus[j].People = g.Bonus[j].People.Add(n)
				return
			}
		}
		g.Bonus = append(g.Bonus, projection.SnapshotBonus{Amount: d(p.bonus), People: n})
	}
}

// gapValues is year 1 of timeline 0's measures as "group/measure" → value
// ("" when blank).
func gapValues(g *PayGaps) map[string]string {
	out := map[string]string{}
	for _, m := range g.Timelines[0].Years[0].Measures {
		v := ""
		if m.Value != nil {
			v = m.Value.StringFixed(1)
		}
		out[m.Group+"/"+m.Measure] = v
	}
	return out
}

func wantValues(t *testing.T, got map[string]string, want map[string]string) {
	t.Helper()
	for k, v := range want {
		g, ok := got[k]
		if !ok {
			t.Errorf("%s: missing", k)
		} else if g != v {
			t.Errorf("%s = %q, want %q", k, g, v)
		}
	}
}

func TestPayGapMeanMedian(t *testing.T) {
	tests := []struct {
		name   string
		people []staff
		want   map[string]string
	}{{
		// Men (11): 5 at £10, 1 at £14, 5 at £20: mean 164/11, median the
		// 6th, £14. Women (11): 6 at £10, 5 at £16: mean 140/11, median the
		// 6th, £10. Mean gap (164 − 140) ÷ 164 × 100 = 14.634… → 14.6;
		// median gap (14 − 10) ÷ 14 × 100 = 28.571… → 28.6.
		name: "odd counts",
		people: []staff{
			{sex: "M", pay: "1550", n: 5}, {sex: "Male", pay: "2170", n: 1}, {sex: "man", pay: "3100", n: 5},
			{sex: "F", pay: "1550", n: 6}, {sex: "Female", pay: "2480", n: 5},
		},
		want: map[string]string{"sex/DiffMeanHourlyPercent": "14.6", "sex/DiffMedianHourlyPercent": "28.6"},
	}, {
		// Men (10): 5 at £10, 5 at £20: mean 15, median (10 + 20) ÷ 2 = 15.
		// Women (10): 4 at £10, 6 at £12: mean 11.2, median the 5th and 6th,
		// both £12. Mean gap 3.8 ÷ 15 × 100 = 25.333… → 25.3; median gap
		// 3 ÷ 15 × 100 = 20.0.
		name: "even counts",
		people: []staff{
			{sex: "M", pay: "1550", n: 5}, {sex: "M", pay: "3100", n: 5},
			{sex: "woman", pay: "1550", n: 4}, {sex: "F", pay: "1860", n: 6},
		},
		want: map[string]string{"sex/DiffMeanHourlyPercent": "25.3", "sex/DiffMedianHourlyPercent": "20.0"},
	}, {
		// Men 10 at £16, women 10 at £14.04 (£2,176.20 a month): the gap is
		// 1.96 ÷ 16 × 100 = 12.25 exactly, a half: 12.3, away from zero.
		name:   "half rounds away from zero",
		people: []staff{{sex: "M", pay: "2480", n: 10}, {sex: "F", pay: "2176.20", n: 10}},
		want:   map[string]string{"sex/DiffMeanHourlyPercent": "12.3", "sex/DiffMedianHourlyPercent": "12.3"},
	}, {
		// Women at £16.36 (£2,535.80): (16 − 16.36) ÷ 16 × 100 = −2.25
		// exactly: −2.3, away from zero; a negative gap means women are paid
		// more.
		name:   "negative half rounds away from zero",
		people: []staff{{sex: "M", pay: "2480", n: 10}, {sex: "F", pay: "2535.80", n: 10}},
		want:   map[string]string{"sex/DiffMeanHourlyPercent": "-2.3", "sex/DiffMedianHourlyPercent": "-2.3"},
	}, {
		// Nine women: fewer than MinGapGroup, so the hourly gaps are
		// withheld, and so (complementary) is the men's side: both blank.
		// The quartiles are head counts and stay: 19 people, a quarter is
		// 4.75; the nine women at £10 fill the lower quartile and 4.25 of
		// the lower middle: 4.25 ÷ 4.75 = 89.47…% → 89.5.
		name:   "small group withheld",
		people: []staff{{sex: "M", pay: "2480", n: 10}, {sex: "F", pay: "1550", n: 9}},
		want: map[string]string{"sex/DiffMeanHourlyPercent": "", "sex/DiffMedianHourlyPercent": "",
			"sex/FemaleLowerQuartile": "100.0", "sex/FemaleLowerMiddleQuartile": "89.5", "sex/MaleLowerMiddleQuartile": "10.5"},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cost, c := gapFixture(nil, tc.people...)
			wantValues(t, gapValues(PayGapsOf(cost, c, PayGapOptions{})), tc.want)
		})
	}
}

// TestPayGapQuartileTies: 10 men and 10 women, a quarter is 5 people.
// Ranked: £10 (4 men, 2 women) at positions 0–6, £12 (4 women) 6–10, £14
// (3 men, 2 women) 10–15, £20 (3 men, 2 women) 15–20. The six on £10
// straddle the first boundary: 5 of them are in the lower quartile, shared
// 4:2, so 10/3 men and 5/3 women; the sixth (2/3 man, 1/3 woman) is in the
// lower middle with the four women on £12. Lower: 10/3 ÷ 5 = 66.7% men,
// 33.3% women; lower middle: 2/3 ÷ 5 = 13.3% men, 86.7% women; upper
// middle and top: 60.0% men, 40.0% women.
func TestPayGapQuartileTies(t *testing.T) {
	cost, c := gapFixture(nil,
		staff{sex: "M", pay: "1550", n: 4}, staff{sex: "F", pay: "1550", n: 2},
		staff{sex: "F", pay: "1860", n: 4},
		staff{sex: "M", pay: "2170", n: 3}, staff{sex: "F", pay: "2170", n: 2},
		staff{sex: "M", pay: "3100", n: 3}, staff{sex: "F", pay: "3100", n: 2},
	)
	wantValues(t, gapValues(PayGapsOf(cost, c, PayGapOptions{})), map[string]string{
		"sex/MaleLowerQuartile": "66.7", "sex/FemaleLowerQuartile": "33.3",
		"sex/MaleLowerMiddleQuartile": "13.3", "sex/FemaleLowerMiddleQuartile": "86.7",
		"sex/MaleUpperMiddleQuartile": "60.0", "sex/FemaleUpperMiddleQuartile": "40.0",
		"sex/MaleTopQuartile": "60.0", "sex/FemaleTopQuartile": "40.0",
		// Means 142 ÷ 10 = 14.2 and 136 ÷ 10 = 13.6: 0.6 ÷ 14.2 = 4.225…% →
		// 4.2. Medians: the 5th and 6th man are on £14, the 5th and 6th
		// woman on £12: 2 ÷ 14 = 14.285…% → 14.3.
		"sex/DiffMeanHourlyPercent": "4.2", "sex/DiffMedianHourlyPercent": "14.3",
		// Nobody was paid a lump sum: the bonus measures are blank.
		"sex/DiffMeanBonusPercent": "", "sex/MaleBonusPercent": "", "sex/FemaleBonusPercent": "",
	})
}

// TestPayGapBonus: 10 men paid £500, 12 women of whom 10 were paid: 6 £500
// and 4 part-timers £250.
func TestPayGapBonus(t *testing.T) {
	cost, c := gapFixture(nil,
		staff{sex: "M", pay: "1860", bonus: "500", n: 10},
		staff{sex: "F", pay: "1550", bonus: "500", n: 6},
		staff{sex: "F", pay: "930", fte: "0.5", bonus: "250", n: 4},
		staff{sex: "F", pay: "1550", n: 2},
	)
	wantValues(t, gapValues(PayGapsOf(cost, c, PayGapOptions{})), map[string]string{
		// Women's mean bonus (3000 + 1000) ÷ 10 = 400: (500 − 400) ÷ 500 =
		// 20.0%. Median: the 5th and 6th of 250 ×4, 500 ×6 are both £500:
		// 0.0.
		"sex/DiffMeanBonusPercent": "20.0", "sex/DiffMedianBonusPercent": "0.0",
		// 10 of 10 men, 10 of 12 women: 83.333…% → 83.3.
		"sex/MaleBonusPercent": "100.0", "sex/FemaleBonusPercent": "83.3",
		// The part-timers' £930.00 is £12 an hour: 930 ÷ (35 × 0.5 × 31 ÷
		// 7) = 930 ÷ 77.5. Women: 8 at £10, 4 at £12: mean 128 ÷ 12 =
		// 10.666…; men £12: (12 − 10.666…) ÷ 12 = 11.111…% → 11.1.
		"sex/DiffMeanHourlyPercent": "11.1",
	})
}

// TestPayGapOtherValuesAndNoSex: values other than male or female are left
// out and counted in a note; a census without sex or gender has no sex
// measures and says why, but still has the working-pattern gap.
func TestPayGapOtherValuesAndNoSex(t *testing.T) {
	cost, c := gapFixture(nil,
		staff{sex: "M", pay: "1860", n: 10}, staff{sex: "F", pay: "1550", n: 10},
		staff{sex: "Non-binary", pay: "3100", n: 3},
	)
	g := PayGapsOf(cost, c, PayGapOptions{})
	if g.Sex != "sex" || len(g.Notes) != 1 || !strings.HasPrefix(g.Notes[0], "3 people with a sex other than male or female") {
		t.Errorf("sex %q, notes %q", g.Sex, g.Notes)
	}
	// (12 − 10) ÷ 12 = 16.666…% → 16.7: the three on £20 are not counted.
	wantValues(t, gapValues(g), map[string]string{"sex/DiffMeanHourlyPercent": "16.7"})

	c.AttributeNames[0] = "grade"
	cost.Scenarios[0].Snapshots[0].Attributes[0].Name = "grade"
	g = PayGapsOf(cost, c, PayGapOptions{})
	if g.Sex != "" || !strings.Contains(g.NoSex, "no sex or gender column") {
		t.Errorf("sex %q, why %q", g.Sex, g.NoSex)
	}
	for _, m := range g.Timelines[0].Years[0].Measures {
		if m.Group == SexGroup {
			t.Errorf("sex measure %s without a sex column", m.Measure)
		}
	}
	// Everyone is full time, so the working pattern gap is blank (no
	// part-timers: fewer than MinGapGroup).
	wantValues(t, gapValues(g), map[string]string{"working pattern: part-time/DiffMeanHourlyPercent": ""})
}

// TestPayGapGroupsAndSuppression: ethnicity against White (the default
// reference): Asian 12 and Black 4. Black has fewer than 10 people, so it
// is blank, and so is the smallest group of 10 or more other than it, which
// is Asian; disability is measured against a reference chosen by option.
func TestPayGapGroupsAndSuppression(t *testing.T) {
	people := []staff{
		{sex: "M", pay: "1860", n: 10, attrs: []string{"White", "Disabled"}},
		{sex: "F", pay: "1860", n: 10, attrs: []string{"White", "Not disabled"}},
		{sex: "F", pay: "1550", n: 12, attrs: []string{"Asian", "Not disabled"}},
		{sex: "M", pay: "1550", n: 4, attrs: []string{"Black", "Not disabled"}},
	}
	cost, c := gapFixture([]string{"Ethnicity", "disability"}, people...)
	g := PayGapsOf(cost, c, PayGapOptions{References: map[string]string{"DISABILITY": "disabled"}})
	if len(g.Attributes) != 2 || g.Attributes[0].Reference != "White" || g.Attributes[1].Reference != "Disabled" {
		t.Errorf("attributes %+v", g.Attributes)
	}
	wantValues(t, gapValues(g), map[string]string{
		"Ethnicity: Asian/DiffMeanHourlyPercent": "",
		"Ethnicity: Black/DiffMeanHourlyPercent": "",
		// Not disabled (26): 10 at £12, 16 at £10: mean 280 ÷ 26; against
		// Disabled (10) at £12: (12 − 280/26) ÷ 12 = 10.256…% → 10.3. Medians:
		// the 13th and 14th of 26 are £10: (12 − 10) ÷ 12 = 16.666…% → 16.7.
		"disability: Not disabled/DiffMeanHourlyPercent":   "10.3",
		"disability: Not disabled/DiffMedianHourlyPercent": "16.7",
	})
	if len(g.Notes) != 1 || !strings.Contains(g.Notes[0], "some Ethnicity groups are blank") {
		t.Errorf("notes %q", g.Notes)
	}
	opt := PayGapOptions{Attributes: []string{"region"}, References: map[string]string{"ethnicity": "Martian"}}
	err := CheckPayGapOptions(c, opt)
	if err == nil || err.Error() != `--equality-attribute "region": no such column in staff.csv (staff.csv's attributes are "sex", "Ethnicity", "disability")`+"\n"+
		`--reference ethnicity=Martian: nobody in staff.csv has Ethnicity "Martian"` {
		t.Errorf("CheckPayGapOptions = %v", err)
	}
}

// TestPayGapFlags: the EHRC's thresholds on a run of yearly gaps.
func TestPayGapFlags(t *testing.T) {
	values := []string{"3.0", "3.5", "2.9", "4.9", "5.0", "-3.1", "-3.0", "", "3.2"}
	want := []Flag{
		FlagPersistent, // 3.0, and 3.5 the year after
		FlagPersistent, // 3.5, and 3.0 the year before
		NoFlag,         // 2.9
		FlagPersistent, // 4.9, and 5.0 the year after
		FlagFive,       // 5.0
		FlagPersistent, // −3.1 (either way), and 5.0 before
		FlagPersistent, // −3.0, and −3.1 before
		NoFlag,         // blank
		NoFlag,         // 3.2 alone: the year before is blank
	}
	var years []YearPayGap
	for i, v := range values {
		m := GapMeasure{Group: SexGroup, Measure: DiffMeanHourly}
		if v != "" {
			x := d(v)
			m.Value = &x
		}
		years = append(years, YearPayGap{Year: i + 1, Measures: []GapMeasure{m}})
	}
	flagGaps(years)
	for i, y := range years {
		if got := y.Measures[0].Flag; got != want[i] {
			t.Errorf("year %d (%s): flag %q, want %q", i+1, values[i], got, want[i])
		}
	}
}

// TestPayGapRun goes through Run on a census with count rows, part-timers
// and a value other than male or female, with an offer paying a £500 lump
// sum pro rata in October 2025. Band A works 35 hours; point 1 pays £18,600
// (£1,550.00 a month, £10 an hour in March) and point 2 £22,320 (£1,860.00,
// £12). Nobody progresses within the one-year horizon.
func TestPayGapRun(t *testing.T) {
	fsys := fstest.MapFS{
		"bands.csv":      {Data: []byte("band,weekly_hours\nA,35\n")},
		"increments.csv": {Data: []byte("band,point,salary\nA,1,18600\nA,2,22320\n")},
		"staff.csv": {Data: []byte("band,point,fte,sex,count\n" +
			"A,2,1,M,10\n" + // 10 men at £12
			"A,1,1,F,6\n" + // 6 women at £10
			"A,2,0.5,F,4\n" + // 4 women half time: £930.00 ÷ 77.5 hours = £12
			"A,1,1,Non-binary,2\n")},
	}
	r := runOn(t, "paygap", fsys, Options{},
		"name = \"Bonus\"\nstart = 2025-04-01\nyears = 1\n[[lump_sum]]\npaid = 2025-10-01\namount = \"£500\"\n")
	g := r.PayGaps
	if len(g.Timelines) != 2 || g.Timelines[1].Years[0].Snapshot != (calendar.Date{Year: 2026, Month: 3, Day: 31}) {
		t.Fatalf("timelines %+v", g.Timelines)
	}
	common := map[string]string{
		// Women: 6 at £10, 4 at £12, mean 10.8: (12 − 10.8) ÷ 12 = 10.0%;
		// median the 5th and 6th, £10: 2 ÷ 12 = 16.666…% → 16.7.
		"sex/DiffMeanHourlyPercent": "10.0", "sex/DiffMedianHourlyPercent": "16.7",
		// 20 people, a quarter 5: the 6 women on £10 fill the lower quartile
		// and 1 of the lower middle; the 14 on £12 (10 men, 4 women) the
		// rest, shared 10:4: lower middle 4 × 10/14 = 20/7 men, 1 + 8/7
		// women: 57.1% and 42.9%; upper middle and top 25/7 men, 10/7 women:
		// 71.4% and 28.6%.
		"sex/MaleLowerQuartile": "0.0", "sex/FemaleLowerQuartile": "100.0",
		"sex/MaleLowerMiddleQuartile": "57.1", "sex/FemaleLowerMiddleQuartile": "42.9",
		"sex/MaleUpperMiddleQuartile": "71.4", "sex/FemaleTopQuartile": "28.6",
		// 4 part-timers: fewer than 10, so the working pattern gap is blank.
		"working pattern: part-time/DiffMeanHourlyPercent": "",
	}
	cur := map[string]string{"sex/DiffMeanBonusPercent": "", "sex/MaleBonusPercent": ""}
	for k, v := range common {
		cur[k] = v
	}
	wantValues(t, gapValues(g), cur)
	offer := gapValuesAt(g, 1)
	wantValues(t, offer, common)
	// Men £500 each; women 6 × £500 and 4 × £250: mean 400, 20.0%; median
	// the 5th and 6th of 250 ×4, 500 ×6: £500, 0.0. Everyone was paid one.
	wantValues(t, offer, map[string]string{
		"sex/DiffMeanBonusPercent": "20.0", "sex/DiffMedianBonusPercent": "0.0",
		"sex/MaleBonusPercent": "100.0", "sex/FemaleBonusPercent": "100.0",
	})
	if len(g.Notes) < 1 || !strings.HasPrefix(g.Notes[0], "2 people with a sex other than") {
		t.Errorf("notes %q", g.Notes)
	}
	if ch := g.Changes(1, 1); len(ch) != 0 {
		t.Errorf("a lump sum changes no hourly gap, got %+v", ch)
	}
}

func gapValuesAt(g *PayGaps, t int) map[string]string {
	return gapValues(&PayGaps{Timelines: g.Timelines[t:]})
}

func ExamplePayGapsOf() {
	// 10 men at £12 an hour and 10 women at £10 (35-hour weeks, March).
	cost, census := gapFixture(nil, staff{sex: "M", pay: "1860", n: 10}, staff{sex: "F", pay: "1550", n: 10})
	g := PayGapsOf(cost, census, PayGapOptions{})
	for _, m := range g.Timelines[0].Years[0].Measures[:2] {
		fmt.Println(m.Group, m.Measure, m.Value.StringFixed(1), m.Flag)
	}
	// Output:
	// sex DiffMeanHourlyPercent 16.7 5% or more
	// sex DiffMedianHourlyPercent 16.7 5% or more
}

// TestMedianFractionalPeople: with expected people (turnover), the median
// is the mean of the value at which the cumulative people reach half of
// them and the one at which they pass it.
func TestMedianFractionalPeople(t *testing.T) {
	rat := func(n int64) *big.Rat { return big.NewRat(n, 1) }
	tests := []struct {
		name   string
		values []int64
		people []string
		want   string
	}{
		// 1.5 + 1.5 people: half is 1.5, reached on £10 and passed on £20:
		// (10 + 20) ÷ 2 = 15.
		{"half on a boundary", []int64{10, 20}, []string{"1.5", "1.5"}, "15"},
		// 0.9, 0.9, 0.3: half of 2.1 is 1.05, reached and passed on £20.
		{"half inside a value", []int64{10, 20, 30}, []string{"0.9", "0.9", "0.3"}, "20"},
		// Whole people, odd: 3 people, half 1.5: the 2nd, £20.
		{"odd count", []int64{10, 20, 30}, []string{"1", "1", "1"}, "20"},
		// Whole people, even: 4, half 2: the 2nd and 3rd, (20 + 30) ÷ 2.
		{"even count", []int64{10, 20, 30, 40}, []string{"1", "1", "1", "1"}, "25"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var w []weightedRat
			for i, v := range tc.values {
				w = append(w, weightedRat{rat(v), d(tc.people[i])})
			}
			if got := medianOf(w); got.RatString() != tc.want {
				t.Errorf("median %s, want %s", got.RatString(), tc.want)
			}
		})
	}
}

// TestPayGapWithheldNotes: nine women (fewer than MinGapGroup) withhold the
// hourly gaps by sex; four women paid a bonus withhold the bonus gaps, but
// not the share paid one (4 of 9: 44.4%).
func TestPayGapWithheldNotes(t *testing.T) {
	cost, c := gapFixture(nil,
		staff{sex: "M", pay: "1860", bonus: "500", n: 10},
		staff{sex: "F", pay: "1550", bonus: "500", n: 4},
		staff{sex: "F", pay: "1550", n: 5},
	)
	g := PayGapsOf(cost, c, PayGapOptions{})
	want := []string{
		"the hourly pay gaps by sex are blank in some years: fewer than 10 men or women",
		"the bonus gaps are blank in some years: fewer than 10 men or women were paid a bonus",
	}
	if !slices.Equal(g.Notes, want) {
		t.Errorf("notes %q, want %q", g.Notes, want)
	}
	wantValues(t, gapValues(g), map[string]string{
		"sex/DiffMeanHourlyPercent": "", "sex/DiffMeanBonusPercent": "",
		"sex/MaleBonusPercent": "100.0", "sex/FemaleBonusPercent": "44.4",
	})
}
