package projection

import (
	"testing"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
)

// late returns a copy of tl implemented in month m.
func late(tl *paystructure.Timeline, m string, toLeavers bool) *paystructure.Timeline {
	out := *tl
	im := mon(m)
	out.Implemented, out.ArrearsToLeavers = &im, toLeavers
	return &out
}

// TestArrears checks each arrears rule on one band of one point (so nobody
// progresses) against numbers worked out by hand.
func TestArrears(t *testing.T) {
	bands := []paystructure.Band{band("A", anniversary())}
	cur := func(years int) *paystructure.Timeline {
		return tline("Current", "2025-04", years, bands, table("2025-04", scale("A", 12, "24000")))
	}
	// 3% from the start: £24,000 → £24,720.
	uplift := func(years int) *paystructure.Timeline {
		return tline("Offer", "2025-04", years, bands, table("2025-04", scale("A", 12, "24720")))
	}
	tests := []struct {
		name     string
		current  *paystructure.Timeline
		offer    *paystructure.Timeline
		groups   []paystructure.Group
		turnover string
		month    string // when arrears are paid; "" for none
		year     int    // the pay year they are paid in
		want     string // All's arrears that year
	}{
		{
			// April and May 2025 at Current's £2,000 a month instead of
			// £24,720 ÷ 12 = £2,060: 2 × £60 = £120.
			name: "one person two months late", current: cur(1),
			offer:  late(uplift(1), "2025-06", false),
			groups: []paystructure.Group{group("A", "1", "1", "", 1, "F")},
			month:  "2025-06", year: 1, want: "120.00",
		},
		{
			// 3% from April (£2,060 a month), then £600 more from October
			// (£25,320: £2,110 a month), implemented January 2026:
			// 6 × £60 (April–September) + 3 × £110 (October–December) = £690.
			name: "a second award before implementation", current: cur(1),
			offer: late(tline("Offer", "2025-04", 1, bands,
				table("2025-04", scale("A", 12, "24720")),
				table("2025-10", scale("A", 12, "25320"))), "2026-01", false),
			groups: []paystructure.Group{group("A", "1", "1", "", 1, "F")},
			month:  "2026-01", year: 1, want: "690.00",
		},
		{
			// £24,001 at 0.7 FTE: 16,800.70 ÷ 12 = 1,400.058… → £1,400.06 a
			// month; 3% is £24,721.03: 17,304.721 ÷ 12 = 1,442.060… →
			// £1,442.06. Each month's difference is £42.00, so 3 months are
			// £126.00 (rounding the 3 months' difference once would give
			// 720.03 × 0.7 × 3 ÷ 12 = 126.00525 → £126.01). Two people.
			name:    "each month rounded to the penny",
			current: tline("Current", "2025-04", 1, bands, table("2025-04", scale("A", 12, "24001"))),
			offer: late(tline("Offer", "2025-04", 1, bands,
				table("2025-04", scale("A", 12, "24721.03"))), "2025-07", false),
			groups: []paystructure.Group{group("A", "1", "0.7", "", 2, "F")},
			month:  "2025-07", year: 1, want: "252.00",
		},
		{
			// Implemented June 2026 (pay year 2) with 10% turnover: the
			// census's stayers (0.9) are owed 14 months × £60 = £840 each:
			// £756; the entrants who joined in April 2026 (0.1) 2 × £60:
			// £12. The leavers (0.1, gone at the end of year 1) are not
			// paid: £768.00.
			name: "leavers not paid", current: cur(2),
			offer:  late(uplift(2), "2026-06", false),
			groups: []paystructure.Group{group("A", "1", "1", "", 1, "F")}, turnover: "0.1",
			month: "2026-06", year: 2, want: "768.00",
		},
		{
			// As above, and the leavers are paid their 12 months × £60 ×
			// 0.1 = £72: £840.00, which is also every month's £60 × the
			// people in post that month (12 × 1 + 2 × (0.9 + 0.1)).
			name: "leavers paid", current: cur(2),
			offer:  late(uplift(2), "2026-06", true),
			groups: []paystructure.Group{group("A", "1", "1", "", 1, "F")}, turnover: "0.1",
			month: "2026-06", year: 2, want: "840.00",
		},
		{
			name: "implemented on the start date", current: cur(1),
			offer:  late(uplift(1), "2025-04", false),
			groups: []paystructure.Group{group("A", "1", "1", "", 1, "F")},
		},
		{
			// A horizon cut short of the implementation (--years): no
			// arrears within it.
			name: "implemented after the horizon", current: cur(1),
			offer:  late(uplift(1), "2026-06", false),
			groups: []paystructure.Group{group("A", "1", "1", "", 1, "F")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			turnover := "0"
			if tt.turnover != "" {
				turnover = tt.turnover
			}
			c, err := Cost(census([]string{"Sex"}, tt.groups...), tt.current, []*paystructure.Timeline{tt.offer},
				Options{OnCosts: pensionNI, Turnover: d(turnover)})
			if err != nil {
				t.Fatal(err)
			}
			sc := c.Scenarios[1]
			if tt.month == "" {
				if sc.ArrearsMonth != nil {
					t.Errorf("arrears paid in %s, want none", sc.ArrearsMonth)
				}
			} else if sc.ArrearsMonth == nil || *sc.ArrearsMonth != mon(tt.month) {
				t.Errorf("arrears paid in %v, want %s", sc.ArrearsMonth, tt.month)
			}
			// On time, the same offer costs the same: arrears are only when
			// the pay earned is paid.
			onTime := *tt.offer
			onTime.Implemented = nil
			ref, err := Cost(census([]string{"Sex"}, tt.groups...), tt.current, []*paystructure.Timeline{&onTime},
				Options{OnCosts: pensionNI, Turnover: d(turnover)})
			if err != nil {
				t.Fatal(err)
			}
			for i, r := range sc.Rows {
				want := "0"
				if r.Year == tt.year && (r.Band == AllBands || r.Band == "A") {
					want = tt.want
				}
				eq(t, r.Band+" arrears", r.Arrears, want)
				o := ref.Scenarios[1].Rows[i]
				if !r.Basic.Equal(o.Basic) || !r.Total.Equal(o.Total) || !r.OnCosts.Equal(o.OnCosts) {
					t.Errorf("year %d %s: basic %s, on-costs %s, total %s; on time %s, %s, %s", r.Year, r.Band,
						r.Basic, r.OnCosts, r.Total, o.Basic, o.OnCosts, o.Total)
				}
			}
			if c.Scenarios[0].ArrearsMonth != nil {
				t.Errorf("Current pays arrears")
			}
		})
	}
}

// TestArrearsByBand: arrears count in the band a person is in on the first
// day of the pay year holding the implementation month, after a pathway.
func TestArrearsByBand(t *testing.T) {
	bands := []paystructure.Band{band("A", anniversary()), band("B", anniversary())}
	cur := tline("Current", "2025-04", 2, bands, table("2025-04", scale("A", 12, "24000"), scale("B", 12, "30000", "31000")))
	offer := tline("Offer", "2025-04", 2, bands, table("2025-04", scale("A", 12, "24720"), scale("B", 12, "30900", "31930")))
	// After 12 months at the top of A, a person moves to B's lowest point
	// paying at least their salary: B point 1 (£30,900) from April 2026.
	offer.Rules.Pathways = []paystructure.Pathway{{From: "A", To: "B", AfterMonths: 12}}
	offer = late(offer, "2026-05", false)
	c, err := Cost(census(nil, group("A", "1", "1", "2025-04-01", 1)), cur, []*paystructure.Timeline{offer}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Offer: 12 × £2,060 (A) + £2,575 (B point 1, April 2026).
	// Current: 13 × £2,000. Arrears: 24,720 + 2,575 − 26,000 = £1,295, in
	// band B, where the person starts pay year 2.
	for _, r := range c.Scenarios[1].Rows {
		want := "0"
		if r.Year == 2 && r.Band != "A" {
			want = "1295"
		}
		eq(t, r.Band+" arrears", r.Arrears, want)
	}
}

// TestTrackerArrears: a member's arrears, as statements show them.
func TestTrackerArrears(t *testing.T) {
	bands := []paystructure.Band{band("A", anniversary())}
	cur, err := NewTracker(tline("Current", "2025-04", 1, bands, table("2025-04", scale("A", 12, "24000", "25000"))))
	if err != nil {
		t.Fatal(err)
	}
	offerTL := tline("Offer", "2025-04", 1, bands,
		table("2025-04", scale("A", 12, "24720", "25750")),
		table("2025-10", scale("A", 12, "25320", "26350")))
	offer, err := NewTracker(late(offerTL, "2026-01", false))
	if err != nil {
		t.Fatal(err)
	}
	// Half time on point 1 since 1 July 2024: moves to point 2 in July
	// 2025 under both. Offer less Current, a month each, at 0.5 FTE:
	//   April–June    (24,720 − 24,000) ÷ 24 = £30 × 3 = £90
	//   July–Sept     (25,750 − 25,000) ÷ 24 = £31.25 × 3 = £93.75
	//   Oct–Dec       (26,350 − 25,000) ÷ 24 = £56.25 × 3 = £168.75
	// = £352.50, paid in January 2026.
	p := &paystructure.Person{Band: "A", Point: "1", FTE: d("0.5"), PointDate: date("2024-07-01"), Count: 1}
	a, ok, err := offer.Arrears(cur, p)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	eq(t, "arrears", a.Amount, "352.50")
	if a.Month != calendar.MonthOf(2026, 1) {
		t.Errorf("paid in %s, want 2026-01", a.Month)
	}
	if _, ok, _ := cur.Arrears(cur, p); ok {
		t.Errorf("Current has arrears")
	}
}
