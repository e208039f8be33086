package scenario

// End-to-end tests, from a scenario file through Apply to the projection,
// that pin the rules issue 9 found unwritten. Every figure was worked out by
// hand; the working is in the comments. Monthly pay is salary ÷ 12 rounded
// to the penny: 23500 → 1958.33, 24350 → 2029.17, 25210 → 2100.83.

import (
	"fmt"
	"slices"
	"testing"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/projection"
)

// track projects one full-time census person with unrecorded CPD hours.
func track(t *testing.T, tl *paystructure.Timeline, band, point, pointDate string) projection.Track {
	t.Helper()
	p := &paystructure.Person{Band: band, Point: point, FTE: decimal.NewFromInt(1), Count: 1}
	if pointDate != "" {
		p.PointDate = calendar.MustParse(pointDate)
	}
	tr, err := projection.TrackPerson(tl, p)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// yearly lists "point salary" on the first day of each pay year.
func yearly(tr projection.Track) []string {
	var out []string
	for _, y := range tr.Years {
		out = append(out, y.Band+"/"+y.Point+" "+y.Salary.String())
	}
	return out
}

func wantYearly(t *testing.T, what string, tr projection.Track, want ...string) {
	t.Helper()
	if got := yearly(tr); !slices.Equal(got, want) {
		t.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}

func eqDec(t *testing.T, what string, got decimal.Decimal, want string) {
	t.Helper()
	if !got.Equal(dec(want)) {
		t.Errorf("%s = %s, want %s", what, got, want)
	}
}

// TestCareerEarningsIncludeLumpSums: a career's earnings are its basic pay
// plus the lump sums a full-time entrant in its position would be paid.
func TestCareerEarningsIncludeLumpSums(t *testing.T) {
	tl := mustApply(t, probation(), header+`
[[lump_sum]]
paid = 2025-10-01
amount = "£500"

[[lump_sum]]
paid = 2027-10-01
amount = "2%"
at_top_only = true
`)
	cs, err := projection.Careers(tl, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := cs[0] // Band 2: point 1 in year 1, 2 in year 2, 3 (the top) from year 3
	// Year 1: 1958.33 × 12 = 23499.96, + £500 = 23999.96.
	eqDec(t, "year 1 basic", c.Years[0].Basic, "23499.96")
	eqDec(t, "year 1 lump sums", c.Years[0].LumpSums, "500")
	eqDec(t, "year 1 earnings", c.Years[0].Earnings, "23999.96")
	// Year 2: 2029.17 × 12 = 24350.04, no lump sum.
	eqDec(t, "year 2 earnings", c.Years[1].Earnings, "24350.04")
	// Year 3, at the top: 2100.83 × 12 = 25209.96, + 2% × 25210 = 504.20.
	eqDec(t, "year 3 earnings", c.Years[2].Earnings, "25714.16")
	// Over 5 years: 23999.96 + 24350.04 + 25714.16 + 2 × 25209.96.
	eqDec(t, "career earnings", c.Earnings, "124484.08")
	eqDec(t, "cumulative", c.Years[4].Cumulative, "124484.08")
}

// TestProgressionWithoutOnKeepsBandRules: a [progression] table without
// on changes nothing about when each band progresses; its freeze and CPD
// rules apply to each band's own scheme.
func TestProgressionWithoutOnKeepsBandRules(t *testing.T) {
	ds := probation()
	fixed := paystructure.Progression{Kind: paystructure.FixedDate, On: calendar.AnnualDate{Month: 4, Day: 1}, QualifyingMonths: 3}
	ds.Bands[0].Progression = fixed // Band 2: every 1 April, 3 months qualifying
	tl := mustApply(t, ds, header+"[progression]\nfreeze = [2027-04-01]\n")
	if got := tl.Rules.Progression["Band 2"]; got != fixed {
		t.Errorf("Band 2 progression %v, want %v", got, fixed)
	}
	if got := tl.Rules.Progression["Band 3"]; got.Kind != paystructure.Anniversary {
		t.Errorf("Band 3 progression %v, want anniversary", got)
	}
	// Band 2 on point 1 since 1 June 2025: 10 months on 1 April 2026, so
	// point 2 then; 1 April 2027 is frozen, so point 3 on 1 April 2028.
	wantYearly(t, "Band 2", track(t, tl, "Band 2", "1", "2025-06-01"),
		"Band 2/1 23500", "Band 2/2 24350", "Band 2/2 24350", "Band 2/3 25210", "Band 2/3 25210")
	// Band 3 on point 1 since 1 October 2024: anniversaries in October;
	// 1 April 2027 is not one of them, so the freeze does not touch them.
	tr := track(t, tl, "Band 3", "1", "2024-10-01")
	if tr.NextMove == nil || *tr.NextMove != calendar.Of(calendar.MustParse("2025-10-01")) {
		t.Errorf("Band 3 next move %v, want 2025-10", tr.NextMove)
	}
	wantYearly(t, "Band 3", tr,
		"Band 3/1 26475", "Band 3/2 27769", "Band 3/3 29062", "Band 3/4 30356", "Band 3/5 31650")
}

// TestTopRemovedWithUpliftProtectsOldSalary: when the top point is removed
// on the date of an uplift, in either file order, its people are protected
// at the salary they were paid the month before (25210), not at what the
// uplift would have made of it (25210 × 1.03 = 25966.30).
func TestTopRemovedWithUpliftProtectsOldSalary(t *testing.T) {
	uplift := "[[award]]\nfrom = 2026-04-01\nuplift = \"3%\"\n"
	remove := "[[award]]\nfrom = 2026-04-01\nremove_points = { \"Band 2\" = [\"3\"] }\n"
	flat := "[[award]]\nfrom = 2027-04-01\nflat = \"£200\"\n"
	for name, awards := range map[string]string{"uplift first": uplift + remove + flat, "remove first": remove + uplift + flat} {
		tl := mustApply(t, probation(), header+awards)
		// 2026: point 2 = 24350 × 1.03 = 25080.50 → 25081, below the
		// protected 25210. 2027: 25081 + 200 = 25281, above it: protection
		// ends.
		tr := track(t, tl, "Band 2", "3", "2020-04-01")
		wantYearly(t, name, tr,
			"Band 2/3 25210", "Band 2/2 25210", "Band 2/2 25281", "Band 2/2 25281", "Band 2/2 25281")
		eqDec(t, name+" year 2 basic", tr.Years[1].Basic, "25209.96")
	}
}

// TestTopTwoRemovedProtectsBoth: removing the top two points moves the
// people on both to the new top, each protected at their own salary.
func TestTopTwoRemovedProtectsBoth(t *testing.T) {
	tl := mustApply(t, probation(), header+"[[award]]\nfrom = 2026-04-01\nremove_points = { \"Band 3\" = [\"4\", \"5\"] }\n")
	want := []paystructure.Move{{Band: "Band 3", From: "4", To: "3", Protect: true}, {Band: "Band 3", From: "5", To: "3", Protect: true}}
	if got := tl.Tables[1].Moves; !slices.Equal(got, want) {
		t.Errorf("moves %v, want %v", got, want)
	}
	// Point 3 pays 29062 and nothing changes it, so each stays protected.
	// (On point 4 since 1 July 2025: due to progress in July 2026, but by
	// then on the top.)
	wantYearly(t, "second-top", track(t, tl, "Band 3", "4", "2025-07-01"),
		"Band 3/4 30356", "Band 3/3 30356", "Band 3/3 30356", "Band 3/3 30356", "Band 3/3 30356")
	wantYearly(t, "top", track(t, tl, "Band 3", "5", "2020-04-01"),
		"Band 3/5 31650", "Band 3/3 31650", "Band 3/3 31650", "Band 3/3 31650", "Band 3/3 31650")
}

// TestFloorMergeKeepsTimeAtPoint: people on a point merged into a higher
// one by floor_hourly keep their time at the point, as on a removed point.
func TestFloorMergeKeepsTimeAtPoint(t *testing.T) {
	// £12.70 × 37 × 52.143 = 24501.9957 → 24502: points 1 (23500) and 2
	// (24350) are lifted to it and merge into point 2.
	tl := mustApply(t, probation(), header+"[[award]]\nfrom = 2026-04-01\nfloor_hourly = \"£12.70\"\n")
	if got := salaries(t, tl.Tables[1], "Band 2"); !slices.Equal(got, []string{"2=24502", "3=25210"}) {
		t.Fatalf("Band 2 after the floor: %v", got)
	}
	// On point 1 since 1 October 2025: moved to point 2 on 1 April 2026
	// with 6 months' time, so on to point 3 on 1 October 2026. Year 2:
	// 6 × 2041.83 + 6 × 2100.83 = 24855.96 (with the time reset it would
	// be 12 × 2041.83 = 24501.96).
	tr := track(t, tl, "Band 2", "1", "2025-10-01")
	wantYearly(t, "merged", tr, "Band 2/1 23500", "Band 2/2 24502", "Band 2/3 25210", "Band 2/3 25210", "Band 2/3 25210")
	eqDec(t, "year 2 basic", tr.Years[1].Basic, "24855.96")
}

// TestScenarioCPDAppliesToAddedPoint: an added point has no CPD requirement
// of its own, but the scenario's [progression.cpd] hours apply to passing
// it as to every point.
func TestScenarioCPDAppliesToAddedPoint(t *testing.T) {
	tl := mustApply(t, probation(), header+`
[[award]]
from = 2025-04-01
add_point = { band = "Band 2", point = "0", salary = "£23,000" }

[progression.cpd]
hours = 30
`)
	sc, _ := tl.Tables[0].Scale("Band 2")
	if p := sc.Points[0]; p.Label != "0" || !p.CPDHours.IsZero() {
		t.Fatalf("Band 2 bottom point %s with %s CPD hours, want 0 with none", p.Label, p.CPDHours)
	}
	short, enough := dec("20"), dec("30")
	cs, err := projection.Careers(tl, &short)
	if err != nil {
		t.Fatal(err)
	}
	// 20 hours < 30: the entrant never passes point 0.
	if c := cs[0]; c.Years[4].Point != "0" || c.YearsToTop != nil {
		t.Errorf("with 20 hours: year 5 on point %s, years to top %v; want 0 and none", c.Years[4].Point, c.YearsToTop)
	}
	cs, err = projection.Careers(tl, &enough)
	if err != nil {
		t.Fatal(err)
	}
	// 30 hours: 0 → 1 → 2 → 3 on 1 April 2026, 2027, 2028: 3 years to top.
	if c := cs[0]; c.Years[1].Point != "1" || c.YearsToTop == nil || !c.YearsToTop.Equal(dec("3")) {
		t.Errorf("with 30 hours: year 2 on point %s, years to top %v; want 1 and 3", c.Years[1].Point, c.YearsToTop)
	}
}

// TestChangeMeasuredAgainstCurrent: points.csv's change is against the
// point with the same label in Current's table on the same date (Current
// takes up the dataset's later structures; the scenario does not), and
// blank for a label Current lacks. cost.csv's change is of the row's total
// (basic, lump sums, on-costs and CPD time) against Current's same year
// and band.
func TestChangeMeasuredAgainstCurrent(t *testing.T) {
	ds := dataset(
		structure("2024-04-01", scale("A", "1", "20000", "2", "21000")),
		structure("2026-04-01", scale("A", "1", "20500", "2", "21500")))
	tl := mustApply(t, ds, header+`
[[award]]
from = 2025-04-01
uplift = "3%"

[[award]]
from = 2026-04-01
add_point = { band = "A", point = "3", salary = "£23,000" }
`)
	cur := Current(ds, tl.Start, tl.Years)
	rows := projection.Points(tl, cur)
	find := func(date, point string) projection.PointRow {
		t.Helper()
		for _, r := range rows {
			if r.Date.String() == date && r.Point == point {
				return r
			}
		}
		t.Fatalf("no point %s on %s", point, date)
		return projection.PointRow{}
	}
	// 2025: 20000 × 1.03 = 20600 against Current's 20000: +600, 3%.
	r := find("2025-04-01", "1")
	eqDec(t, "2025 change", *r.Change, "600")
	eqDec(t, "2025 change_pct", *r.ChangePct, "0.03")
	// 2026: still 20600 (the scenario ignores the 2026 structure) against
	// Current's 20500: +100, 100 ÷ 20500 = 0.00487805 (8 places).
	r = find("2026-04-01", "1")
	eqDec(t, "2026 baseline", *r.BaselineSalary, "20500")
	eqDec(t, "2026 change", *r.Change, "100")
	eqDec(t, "2026 change_pct", *r.ChangePct, "0.00487805")
	if r = find("2026-04-01", "3"); r.BaselineSalary != nil || r.Change != nil || r.ChangePct != nil {
		t.Errorf("added point 3: baseline %v, change %v, %v; want none", r.BaselineSalary, r.Change, r.ChangePct)
	}

	// cost.csv: one person on A/1 since 1 April 2025, a 10% pension.
	// Scenario year 1: 20600 ÷ 12 = 1716.67 × 12 = 20600.04, pension
	// 2060.00, total 22660.04. Current: 1666.67 × 12 = 20000.04 + 2000.00 =
	// 22000.04. Change 660.00; 660 ÷ 22000.04 = 0.02999995.
	cen := &paystructure.Census{Groups: []paystructure.Group{{Band: "A", Point: "1", FTE: dec("1"), Count: 1, PointDate: calendar.MustParse("2025-04-01")}}, Headcount: 1, Rows: 1}
	c, err := projection.Cost(cen, cur, []*paystructure.Timeline{tl}, projection.Options{OnCosts: []paystructure.OnCost{{Name: "Pension", Rate: dec("0.1")}}})
	if err != nil {
		t.Fatal(err)
	}
	row := c.Scenarios[1].Rows[0]
	if row.Year != 1 || row.Band != "A" {
		t.Fatalf("first row is year %d band %s", row.Year, row.Band)
	}
	eqDec(t, "total", row.Total, "22660.04")
	eqDec(t, "cost change", row.Change, "660")
	// (Printed, so that the test holds whether ChangePct is a value or, as
	// where Current's total is zero it is nil, a pointer.)
	if got := fmt.Sprint(row.ChangePct); got != "0.02999995" {
		t.Errorf("cost change_pct = %s, want 0.02999995", got)
	}
}

// TestPointAddedAboveTopOnStartDate: a point added above the top on the
// start date meets people whose time at the top was complete exactly as a
// census backlog does: they are first tested on the first anniversary of
// the month their time completed on or after the start.
func TestPointAddedAboveTopOnStartDate(t *testing.T) {
	tl := mustApply(t, probation(), header+"[[award]]\nfrom = 2025-04-01\nadd_point = { band = \"Band 2\", point = \"4\", salary = \"£26,000\" }\n")
	for _, c := range []struct{ pointDate, move string }{
		{"2020-07-01", "2025-07-01"}, // complete 1 July 2021: July anniversaries
		{"2024-04-01", "2025-04-01"}, // complete on the start date: at once
		{"2024-06-01", "2025-06-01"}, // complete after the start: when due
	} {
		tr := track(t, tl, "Band 2", "3", c.pointDate)
		if tr.NextMove == nil || tr.NextMove.First().String() != c.move || tr.NextPoint != "4" {
			t.Errorf("on Band 2 point 3 since %s: next move %v to %s, want %s to 4", c.pointDate, tr.NextMove, tr.NextPoint, c.move)
		}
	}
}
