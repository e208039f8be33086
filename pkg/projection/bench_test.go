package projection

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
)

// benchTimeline is a 5-band, 10-year timeline with a yearly award in
// October (so 11 tables), a lump sum, CPD days and a pathway.
func benchTimeline(name string, award string) *paystructure.Timeline {
	var bands []paystructure.Band
	var scales []paystructure.Scale
	for b := range 5 {
		nm := fmt.Sprintf("Band %d", b+3)
		p := anniversary()
		if b%2 == 1 {
			p = fixedDate(4, 6)
		}
		bands = append(bands, band(nm, p))
		var sal []string
		for pt := range 8 {
			sal = append(sal, fmt.Sprint(22000+b*6000+pt*850))
		}
		scales = append(scales, scale(nm, 12, sal...))
	}
	tl := tline(name, "2025-04", 10, bands, paystructure.Table{From: mon("2025-04"), Scales: scales})
	f := d(award)
	for y := range 10 {
		prev := tl.Tables[len(tl.Tables)-1]
		next := paystructure.Table{From: mon("2025-10") + calendar.Month(12*y)}
		for _, sc := range prev.Scales {
			ns := paystructure.Scale{Band: sc.Band}
			for _, p := range sc.Points {
				p.Salary = p.Salary.Mul(f).Round(0)
				ns.Points = append(ns.Points, p)
			}
			next.Scales = append(next.Scales, ns)
		}
		tl.Tables = append(tl.Tables, next)
	}
	tl.LumpSums = []paystructure.LumpSum{{Paid: mon("2025-12"), Amount: d("750")}}
	tl.CPDDays = d("2")
	tl.Rules.Pathways = []paystructure.Pathway{{From: "Band 3", To: "Band 4", AfterMonths: 24}}
	return tl
}

func benchCensus(n int) *paystructure.Census {
	rng := rand.New(rand.NewPCG(1, 2))
	ftes := []string{"1", "0.9", "0.8", "0.75", "0.6", "0.5", "0.4", "0.3", "0.2", "0.1"}
	var groups []paystructure.Group
	for range n {
		g := paystructure.Group{
			Band:       fmt.Sprintf("Band %d", 3+rng.IntN(5)),
			Point:      fmt.Sprint(1 + rng.IntN(8)),
			FTE:        d(ftes[rng.IntN(len(ftes))]),
			Count:      int64(1 + rng.IntN(50)),
			Attributes: []string{[]string{"F", "M"}[rng.IntN(2)], fmt.Sprint(rng.IntN(20))},
		}
		g.PointDate = (mon("2025-04") - calendar.Month(rng.IntN(36))).First()
		if rng.IntN(2) == 0 {
			g.CPDHours, g.CPDRecorded = decimal.NewFromInt(int64(rng.IntN(40))), true
		}
		groups = append(groups, g)
	}
	return census([]string{"Sex", "Site"}, groups...)
}

func BenchmarkCareers(b *testing.B) {
	tl := benchTimeline("S", "1.03")
	for b.Loop() {
		if _, err := Careers(tl, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCost20000Groups: 20,000 census groups (nearly all distinct
// paths), Current and four scenarios, 10 years, 8% turnover, two on-costs.
func BenchmarkCost20000Groups(b *testing.B) {
	cen := benchCensus(20000)
	cur := benchTimeline("Current", "1")
	var scen []*paystructure.Timeline
	for i, f := range []string{"1.02", "1.03", "1.04", "1.05"} {
		scen = append(scen, benchTimeline(fmt.Sprint("S", i), f))
	}
	opt := Options{Turnover: d("0.08"), OnCosts: []paystructure.OnCost{{Name: "Pension", Rate: d("0.2368")}, {Name: "NI", Rate: d("0.15"), Threshold: d("5000")}}}
	for b.Loop() {
		if _, err := Cost(cen, cur, scen, opt); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCost20000GroupsNoTurnover(b *testing.B) {
	cen := benchCensus(20000)
	cur := benchTimeline("Current", "1")
	var scen []*paystructure.Timeline
	for i, f := range []string{"1.02", "1.03", "1.04", "1.05"} {
		scen = append(scen, benchTimeline(fmt.Sprint("S", i), f))
	}
	for b.Loop() {
		if _, err := Cost(cen, cur, scen, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCost200000Groups: a census aggregated into 200,000 groups (far
// more than a 1M-row census of real staff produces), Current and four
// scenarios, 10 years.
func BenchmarkCost200000Groups(b *testing.B) {
	cen := benchCensus(200000)
	cur := benchTimeline("Current", "1")
	var scen []*paystructure.Timeline
	for i, f := range []string{"1.02", "1.03", "1.04", "1.05"} {
		scen = append(scen, benchTimeline(fmt.Sprint("S", i), f))
	}
	for b.Loop() {
		if _, err := Cost(cen, cur, scen, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
