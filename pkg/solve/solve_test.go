package solve

import (
	"context"
	"errors"
	"testing"

	"github.com/shopspring/decimal"

	"paymodel/pkg/analysis"
	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/scenario"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func ptr(s string) *decimal.Decimal { d := dec(s); return &d }

// small is the hand-checkable dataset of these tests: one band of two
// points, £20,000 and £30,000 (12 months each, anniversary progression,
// 37 hours a week), and 10 full-time people on point 1 with no point date,
// so they move to point 2 on 1 April 2026, at the start of pay year 2.
// With onCost, a 10% on-cost with no threshold.
//
// Under Current a person's month is £20,000 ÷ 12 = £1,666.67 (to the
// penny), so pay year 1 costs 12 × £1,666.67 = £20,000.04 a person,
// £200,000.40 for the 10; pay year 2 is £30,000 ÷ 12 = £2,500.00 a month,
// £30,000.00 a person.
func small(onCost bool) *paystructure.Dataset {
	pt := func(label, salary string) paystructure.Point {
		return paystructure.Point{Label: label, Salary: dec(salary), Months: 12, CPDHours: decimal.Zero}
	}
	ds := &paystructure.Dataset{
		Name: "small",
		Bands: []paystructure.Band{{Name: "Band 1", Title: "Band 1", WeeklyHours: decimal.NewFromInt(37), Order: 1,
			Progression: paystructure.Progression{Kind: paystructure.Anniversary}}},
		Structures: []paystructure.Structure{{EffectiveFrom: calendar.MustParse("2024-04-01"),
			Scales: []paystructure.Scale{{Band: "Band 1", Points: []paystructure.Point{pt("1", "20000"), pt("2", "30000")}}}}},
		Census: &paystructure.Census{AttributeNames: []string{"gender"}, Headcount: 10, Rows: 10,
			Groups: []paystructure.Group{{Band: "Band 1", Point: "1", FTE: decimal.NewFromInt(1), Attributes: []string{"F"}, Count: 10}}},
	}
	if onCost {
		ds.OnCosts = []paystructure.OnCost{{Name: "Pension", Rate: dec("0.1"), Threshold: decimal.Zero}}
	}
	return ds
}

// offer is a two-year scenario whose one award (or lump sum) is body.
func offer(body string) string {
	return "name = \"Solve\"\nstart = 2025-04-01\nyears = 2\nrounding = \"pound\"\n\n" + body
}

func award(keys string) string { return offer("[[award]]\nfrom = 2025-04-01\n" + keys) }

func problem(t *testing.T, ds *paystructure.Dataset, src string, target Target) *Problem {
	t.Helper()
	u, err := scenario.ParseUnknown("offer.toml", []byte(src))
	if err != nil {
		t.Fatalf("ParseUnknown:\n%v", err)
	}
	return &Problem{Dataset: ds, Unknown: u, Target: target}
}

func parse(t *testing.T, src string) *scenario.Scenario {
	t.Helper()
	sc, err := scenario.Parse("other.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// The bracket for each key that may be unknown, and for the measures, the
// step and each kind of target. Every expected figure is worked out by hand
// in its comment, from the month's pay rule (annual salary ÷ 12, to the
// penny) and the Current figures in small's comment.
func TestSolveBracket(t *testing.T) {
	tenK := Target{Amount: ptr("10000")}
	tests := []struct {
		name     string
		onCost   bool
		src      string
		target   Target
		measure  Measure
		step     string
		value    string
		cost     string
		next     string
		nextCost string
	}{
		{
			// £21,000 ÷ 12 = £1,750.00 a month, £21,000.00 a year: £999.96
			// more than Current a person, £9,999.60 for 10. £1,001: £21,001 ÷
			// 12 = £1,750.08 (to the penny), £21,000.96 a year, £1,000.92 more,
			// £10,009.20 for 10.
			name: "flat", src: award("flat = \"?\"\n"), target: tenK,
			value: "1000", cost: "9999.60", next: "1001", nextCost: "10009.20",
		},
		{
			// 5% of £20,000 is £1,000: as flat £1,000. 5.01%: £21,002 (to the
			// pound), £1,750.17 a month, £21,002.04 a year, £1,002.00 more,
			// £10,020.00 for 10.
			name: "uplift", src: award("uplift = \"?\"\n"), target: tenK,
			value: "0.05", cost: "9999.60", next: "0.0501", nextCost: "10020.00",
		},
		{
			// 3% is a rise of £600; an underpin above it sets the rise, so
			// £1,000 costs as flat £1,000 does, and £1,001 as flat £1,001.
			name: "minimum", src: award("uplift = \"3%\"\nminimum = \"?\"\n"), target: tenK,
			value: "1000", cost: "9999.60", next: "1001", nextCost: "10009.20",
		},
		{
			// 10% would be £2,000; a cap below it sets the rise: as flat.
			name: "maximum", src: award("uplift = \"10%\"\nmaximum = \"?\"\n"), target: tenK,
			value: "1000", cost: "9999.60", next: "1001", nextCost: "10009.20",
		},
		{
			// £10 an hour × 37 × 52.143 = £19,292.91, below £20,000: no change,
			// cost £0. £11: £21,222.201, £21,222 to the pound, £1,768.50 a
			// month, £21,222.00 a year, £1,221.96 more, £12,219.60 for 10.
			name: "floor_hourly", src: award("floor_hourly = \"?\"\n"), target: tenK,
			value: "10", cost: "0", next: "11", nextCost: "12219.60",
		},
		{
			// With a step of a penny: £10.88 × 1,929.291 = £20,990.686,
			// £20,991 to the pound; £20,991 ÷ 12 = £1,749.25, so £990.96 more a
			// person, £9,909.60. £10.89: £21,009.979, £21,010; £1,750.83 a
			// month, £21,009.96 a year, £1,009.92 more, £10,099.20.
			name: "floor_hourly by the penny", src: award("floor_hourly = \"?\"\n"), target: tenK, step: "0.01",
			value: "10.88", cost: "9909.60", next: "10.89", nextCost: "10099.20",
		},
		{
			// A lump sum of £1,000 to each of 10 full-time people costs
			// exactly £10,000, which the target allows; £1,001 costs £10,010.
			name: "lump sum amount", src: offer("[[lump_sum]]\npaid = 2025-10-01\namount = \"?\"\n"), target: tenK,
			value: "1000", cost: "10000.00", next: "1001", nextCost: "10010.00",
		},
		{
			// 5% of £20,000 a person, 10 people: £10,000; 5.01%: £10,020.
			name: "lump sum rate", src: offer("[[lump_sum]]\npaid = 2025-10-01\namount = \"?%\"\n"), target: tenK,
			value: "0.05", cost: "10000.00", next: "0.0501", nextCost: "10020.00",
		},
		{
			// A step of £250 for the flat sum: £1,000 costs £9,999.60 (as in
			// "flat"); £1,250: £21,250 ÷ 12 = £1,770.83, £21,249.96 a year,
			// £1,249.92 more, £12,499.20 for 10.
			name: "step of £250", src: award("flat = \"?\"\n"), target: tenK, step: "250",
			value: "1000", cost: "9999.60", next: "1250", nextCost: "12499.20",
		},
		{
			// 4% of Current's £200,000.40 is £8,000.016. Flat £800: £20,800 ÷ 12
			// = £1,733.33, £20,799.96 a year, £799.92 more, £7,999.20. £801:
			// £1,733.42 a month, £20,801.04, £801.00 more, £8,010.00.
			name: "a share of Current", src: award("flat = \"?\"\n"), target: Target{Share: ptr("0.04")},
			value: "800", cost: "7999.20", next: "801", nextCost: "8010.00",
		},
		{
			// Another offer: 5% costs £9,999.60 (as in "uplift"), and so does
			// flat £1,000, which therefore meets it exactly.
			name: "another offer", src: award("flat = \"?\"\n"), target: Target{Offer: parse(t, award("uplift = \"5%\"\n"))},
			value: "1000", cost: "9999.60", next: "1001", nextCost: "10009.20",
		},
		{
			// With a 10% on-cost, flat £909: £20,909 ÷ 12 = £1,742.42, £20,909.04
			// a year, £909.00 more; on-cost £2,090.904 → £2,090.90 against
			// £2,000.004 → £2,000.00, £90.90 more; £999.90 a person, £9,999.00.
			// £910: £1,742.50 a month, £20,910.00, £909.96 more; on-cost
			// £2,091.00, £91.00 more; £1,000.96, £10,009.60.
			name: "total cost with an on-cost", onCost: true, src: award("flat = \"?\"\n"), target: tenK,
			value: "909", cost: "9999.00", next: "910", nextCost: "10009.60",
		},
		{
			// Basic pay alone leaves the on-cost out: as "flat".
			name: "basic pay with an on-cost", onCost: true, src: award("flat = \"?\"\n"), target: tenK, measure: Measure{Basic: true},
			value: "1000", cost: "9999.60", next: "1001", nextCost: "10009.20",
		},
		{
			// The whole deal: pay year 2 is on point 2. Flat £500: year 1
			// £20,500 ÷ 12 = £1,708.33, £20,499.96, £499.92 more; year 2 £30,500
			// ÷ 12 = £2,541.67, £30,500.04, £500.04 more; £999.96 a person,
			// £9,999.60. £501: £1,708.42 → £20,501.04, £501.00 more; £2,541.75
			// → £30,501.00, £501.00 more; £1,002.00, £10,020.00.
			name: "whole deal", src: award("flat = \"?\"\n"), target: tenK, measure: Measure{WholeDeal: true},
			value: "500", cost: "9999.60", next: "501", nextCost: "10020.00",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := problem(t, small(tt.onCost), tt.src, tt.target)
			p.Measure = tt.measure
			if tt.step != "" {
				p.Step = dec(tt.step)
			}
			a, err := Solve(context.Background(), p)
			if err != nil {
				t.Fatalf("Solve: %v", err)
			}
			if !a.Value.Equal(dec(tt.value)) || !a.Cost.Equal(dec(tt.cost)) || a.Next == nil || !a.Next.Equal(dec(tt.next)) || !a.NextCost.Equal(dec(tt.nextCost)) {
				t.Errorf("got %s costing %s, next %v costing %s; want %s costing %s, next %s costing %s",
					a.Value, a.Cost, a.Next, a.NextCost, tt.value, tt.cost, tt.next, tt.nextCost)
			}
			if a.Cost.GreaterThan(a.Target) || !a.NextCost.GreaterThan(a.Target) {
				t.Errorf("bracket %s ≤ %s < %s does not hold", a.Cost, a.Target, a.NextCost)
			}
			if a.Evaluations < 2 {
				t.Errorf("%d evaluations", a.Evaluations)
			}
		})
	}
}

// The solved scenario's comparison is compare's: its figures hold the cost
// Solve printed, and the scenario carries the value.
func TestSolveResultIsTheComparison(t *testing.T) {
	p := problem(t, small(true), award("flat = \"?\"\n"), Target{Amount: ptr("10000")})
	a, err := Solve(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if f := a.Result.Figures[1]; !f.FirstYearChange.Equal(a.Cost) {
		t.Errorf("comparison's year-1 change %s, Solve's cost %s", f.FirstYearChange, a.Cost)
	}
	if fl := a.Scenario.Awards[0].Flat; fl == nil || !fl.Equal(a.Value) {
		t.Errorf("solved scenario's flat %v, want %s", fl, a.Value)
	}
	p.Measure = Measure{WholeDeal: true}
	a, err = Solve(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if f := a.Result.Figures[1]; !f.WholeDealChange.Equal(a.Cost) {
		t.Errorf("comparison's whole-deal change %s, Solve's cost %s", f.WholeDealChange, a.Cost)
	}
}

func TestSolveUnreachable(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		target string
		want   string
	}{
		{
			// 3% alone costs £6,000 (£20,600 ÷ 12 = £1,716.67, £20,600.04, £600
			// more a person); the underpin can only add to it. The largest
			// underpin allowed is £999,999,969,999: it takes point 2 to
			// £999,999,999,999, and a pound more would take it to £1,000,000,000,000,
			// which Apply refuses. Point 1 is then £999,999,989,999,
			// £83,333,332,499.92 a month, £999,999,989,999.04 a year,
			// £999,999,969,999.00 more, £9,999,999,699,990.00 for 10.
			name: "below the lowest", src: award("uplift = \"3%\"\nminimum = \"?\"\n"), target: "5000",
			want: "target +£5,000.00 is below the cost of the lowest value allowed: minimum (award 1, offer.toml:9) can cost from +£6,000.00 (at £0) to +£9,999,999,699,990.00 (at £999,999,969,999) in year-1 change in total cost",
		},
		{
			// The same largest flat sum, whose cost the target exceeds.
			name: "above the largest", src: award("flat = \"?\"\n"), target: "10000000000000",
			want: "target +£10,000,000,000,000.00 is above the cost of the largest value allowed: flat (award 1, offer.toml:8) can cost from £0.00 (at £0) to +£9,999,999,699,990.00 (at £999,999,969,999) in year-1 change in total cost",
		},
		{
			// 1000% is the largest uplift: £220,000, £18,333.33 a month,
			// £219,999.96, £199,999.92 more, £1,999,999.20 for 10.
			name: "above the largest rate", src: award("uplift = \"?\"\n"), target: "3000000",
			want: "target +£3,000,000.00 is above the cost of the largest value allowed: uplift (award 1, offer.toml:8) can cost from £0.00 (at 0%) to +£1,999,999.20 (at 1000%) in year-1 change in total cost",
		},
		{
			// A lump sum must be more than £0: £1 to each costs £10. The
			// largest on the grid of whole pounds is £999,999,999,999.
			name: "below the smallest lump sum", src: offer("[[lump_sum]]\npaid = 2025-10-01\namount = \"?\"\n"), target: "5",
			want: "target +£5.00 is below the cost of the lowest value allowed: amount (lump sum 1, offer.toml:8) can cost from +£10.00 (at £1) to +£9,999,999,999,990.00 (at £999,999,999,999) in year-1 change in total cost",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Solve(context.Background(), problem(t, small(false), tt.src, Target{Amount: ptr(tt.target)}))
			var ue *UnreachableError
			if !errors.As(err, &ue) {
				t.Fatalf("error %v (%T), want an UnreachableError", err, err)
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n%s\nwant:\n%s", err, tt.want)
			}
		})
	}
}

// A scenario that cannot be applied even at the lowest value is bad input,
// reported as compare would.
func TestSolveScenarioError(t *testing.T) {
	_, err := Solve(context.Background(), problem(t, small(false), award("flat = \"?\"\nbands = [\"Band 9\"]\n"), Target{Amount: ptr("1")}))
	var se *analysis.ScenarioError
	if !errors.As(err, &se) {
		t.Fatalf("error %v (%T), want a ScenarioError", err, err)
	}
	want := "scenarios cannot be applied to dataset small:\noffer.toml:9:9: bands: no band \"Band 9\" in the dataset (its bands are Band 1)"
	if got := err.Error(); got != want {
		t.Errorf("error:\n%s\nwant:\n%s", got, want)
	}
}

// A target offer must start when the scenario does, and the dataset must
// have a census.
func TestSolveInputErrors(t *testing.T) {
	late := parse(t, "name = \"Later\"\nstart = 2026-04-01\nyears = 2\n\n[[award]]\nfrom = 2026-04-01\nuplift = \"5%\"\n")
	_, err := Solve(context.Background(), problem(t, small(false), award("flat = \"?\"\n"), Target{Offer: late}))
	if want := "target offer other.toml starts on 2026-04-01 and offer.toml on 2025-04-01: an offer is costed against Current from its start, so both must start on the same date"; !errors.Is(err, ErrTargetStart) || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
	ds := small(false)
	ds.Census = nil
	_, err = Solve(context.Background(), problem(t, ds, award("flat = \"?\"\n"), Target{Amount: ptr("1")}))
	if !errors.Is(err, ErrNoCensus) {
		t.Errorf("error %v, want ErrNoCensus", err)
	}
	_, err = Solve(context.Background(), &Problem{Dataset: small(false), Unknown: problem(t, small(false), award("flat = \"?\"\n"), Target{}).Unknown,
		Target: Target{Amount: ptr("1")}, Step: dec("-1")})
	if err == nil || err.Error() != "step -£1: must be more than zero" {
		t.Errorf("error %v, want a step error", err)
	}
}

// A target the largest value allowed costs exactly is met by it, with no
// next value: 1000% costs £1,999,999.20 (see "above the largest rate").
func TestSolveLargestValue(t *testing.T) {
	a, err := Solve(context.Background(), problem(t, small(false), award("uplift = \"?\"\n"), Target{Amount: ptr("1999999.20")}))
	if err != nil {
		t.Fatal(err)
	}
	if !a.Value.Equal(dec("10")) || !a.Cost.Equal(dec("1999999.20")) || a.Next != nil {
		t.Errorf("got %s costing %s, next %v; want 1000%% costing £1,999,999.20 and no next value", a.Value, a.Cost, a.Next)
	}
}
