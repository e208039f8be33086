package content

import (
	"fmt"
	"slices"
	"testing"

	"github.com/shopspring/decimal"

	"paymodel/pkg/analysis"
	"paymodel/pkg/calendar"
	"paymodel/pkg/projection"
	"paymodel/pkg/report"
)

// The differencing attack of issue 10, run against what paymodel publishes:
// 10 women and 1 man, all in the North. The attacker reads the published
// table (CSV cells: means and headcounts) and knows the whole census's
// total salary (the employer knows its paybill; every fully published
// attribute gives it too). Each attribute's groups add up to that total,
// and no other linear relation ties the groups of an attribute to anything
// published, so a blank mean can be worked out exactly when, and only when,
// it is the only blank one of its attribute: total − Σ published mean ×
// headcount, divided by its headcount.

// northCosting: F 10 people on £30,000; M 1 on £41,000; everyone in the
// North, whose mean is (10 × 30,000 + 41,000) ÷ 11 = 341,000 ÷ 11 = £31,000
// exactly. Under a 3% offer: 30,900, 42,230, and 351,230 ÷ 11 = 31,930.
func northCosting() *projection.Costing {
	eq := func(sc string, f, m, north string) []projection.EqualityRow {
		return []projection.EqualityRow{
			{Scenario: sc, Attribute: "gender", Value: "F", Headcount: 10, MeanSalary: dec(f), MedianSalary: dec(f)},
			{Scenario: sc, Attribute: "gender", Value: "M", Headcount: 1, MeanSalary: dec(m), MedianSalary: dec(m)},
			{Scenario: sc, Attribute: "region", Value: "North", Headcount: 11, MeanSalary: dec(north), MedianSalary: dec(f)},
		}
	}
	return &projection.Costing{Scenarios: []projection.ScenarioCosting{
		{Scenario: "Current", Equality: eq("Current", "30000", "41000", "31000")},
		{Scenario: "Offer", Equality: eq("Offer", "30900", "42230", "31930")},
	}}
}

// recoverEquality runs the attack on equality.csv's rows (scenario,
// attribute, group, headcount, mean, …): it returns "scenario/attribute/
// group=mean" for every blank mean it can work out. total gives each
// scenario's whole-census total salary.
func recoverEquality(t *testing.T, tab report.Table, total map[string]decimal.Decimal) []string {
	t.Helper()
	type group struct {
		name  string
		n     int64
		mean  string
		blank bool
	}
	type attr struct{ scenario, name string }
	byAttr := map[attr][]group{}
	var keys []attr
	for _, row := range tab.Rows {
		k := attr{row[0].CSV(), row[1].CSV()}
		if _, ok := byAttr[k]; !ok {
			keys = append(keys, k)
		}
		n := row[3].Dec.IntPart()
		byAttr[k] = append(byAttr[k], group{row[2].CSV(), n, row[4].CSV(), row[4].CSV() == ""})
	}
	var got []string
	for _, k := range keys {
		rest := total[k.scenario]
		var blanks []group
		for _, g := range byAttr[k] {
			if g.blank {
				blanks = append(blanks, g)
				continue
			}
			rest = rest.Sub(dec(g.mean).Mul(decimal.NewFromInt(g.n)))
		}
		if len(blanks) == 1 {
			got = append(got, fmt.Sprintf("%s/%s/%s=%s", k.scenario, k.name, blanks[0].name, rest.Div(decimal.NewFromInt(blanks[0].n)).StringFixed(2)))
		}
	}
	return got
}

// primaryOnly is equality.csv as paymodel wrote it before complementary
// suppression: only groups of fewer than 5 people blank.
func primaryOnly(c *projection.Costing) report.Table {
	t := EqualityTable(analysis.Disclose(c))
	t.Rows = nil
	for _, sc := range c.Scenarios {
		for _, e := range sc.Equality {
			ok := e.Headcount >= 5
			t.Rows = append(t.Rows, []report.Cell{report.Text(e.Scenario), report.Text(e.Attribute), report.Text(e.Value), report.Int(e.Headcount),
				report.Optional(report.Money(e.MeanSalary), ok), report.Optional(report.Money(e.MedianSalary), ok), report.Blank()})
		}
	}
	return t
}

func TestDifferencingEquality(t *testing.T) {
	c := northCosting()
	total := map[string]decimal.Decimal{"Current": dec("341000"), "Offer": dec("351230")}

	// Before: the man's salary falls out exactly, under Current and the
	// offer: 341,000 − 10 × 30,000 = 41,000; 351,230 − 10 × 30,900 = 42,230.
	before := recoverEquality(t, primaryOnly(c), total)
	want := []string{"Current/gender/M=41000.00", "Offer/gender/M=42230.00"}
	if !slices.Equal(before, want) {
		t.Fatalf("attack on primary suppression recovered %q, want %q", before, want)
	}

	// Now: F is blank with M, so the attack recovers nothing; only F + M
	// together (11 people) is known, which is the North's published total.
	tab := EqualityTable(analysis.Disclose(c))
	if got := recoverEquality(t, tab, total); len(got) > 0 {
		t.Errorf("attack recovered %q from equality.csv", got)
	}
	var lines []string
	for _, row := range tab.Rows {
		line := ""
		for i, cell := range row {
			if i > 0 {
				line += ","
			}
			line += cell.CSV()
		}
		lines = append(lines, line)
	}
	wantRows := []string{
		"Current,gender,F,10,,,", "Current,gender,M,1,,,", "Current,region,North,11,31000.00,30000.00,0.00",
		"Offer,gender,F,10,,,", "Offer,gender,M,1,,,", "Offer,region,North,11,31930.00,30900.00,0.00",
	}
	if !slices.Equal(lines, wantRows) {
		t.Errorf("equality.csv =\n%q\nwant\n%q", lines, wantRows)
	}
}

// bandCosting: one pay year; band A has 1 person (basic £20,000, on-costs
// £4,000), B 6 people (£150,000, £30,000), C 10 people (£300,000,
// £60,000); the offer adds 3% to basic pay and on-costs.
func bandCosting() *projection.Costing {
	rows := func(sc string, pct int64) []projection.CostRow {
		var out []projection.CostRow
		all := projection.CostRow{Scenario: sc, Year: 1, Band: projection.AllBands}
		for _, b := range []struct {
			band          string
			n             int64
			basic, oncost int64
		}{{"A", 1, 20000, 4000}, {"B", 6, 150000, 30000}, {"C", 10, 300000, 60000}} {
			up := func(x int64) decimal.Decimal { return decimal.NewFromInt(x * (100 + pct)).Div(decimal.NewFromInt(100)) }
			r := projection.CostRow{Scenario: sc, Year: 1, Band: b.band, Headcount: decimal.NewFromInt(b.n), FTE: decimal.NewFromInt(b.n),
				Basic: up(b.basic), OnCosts: up(b.oncost), Total: up(b.basic + b.oncost)}
			if pct > 0 {
				r.Change = up(b.basic + b.oncost).Sub(decimal.NewFromInt(b.basic + b.oncost))
			}
			share := decimal.New(pct, -2)
			r.ChangePct, all.ChangePct = &share, &share
			out = append(out, r)
			all.Headcount, all.FTE = all.Headcount.Add(r.Headcount), all.FTE.Add(r.FTE)
			all.Basic, all.OnCosts, all.Total, all.Change = all.Basic.Add(r.Basic), all.OnCosts.Add(r.OnCosts), all.Total.Add(r.Total), all.Change.Add(r.Change)
		}
		return append(out, all)
	}
	return &projection.Costing{Scenarios: []projection.ScenarioCosting{
		{Scenario: "Current", Rows: rows("Current", 0)},
		{Scenario: "Offer", Rows: rows("Offer", 3), Distribution: []projection.Distribution{
			{Scenario: "Offer", Band: "A", People: 1, MinRise: dec("600"), MedianRise: dec("600"), MaxRise: dec("600"), MinPct: dec("0.03"), MedianPct: dec("0.03"), MaxPct: dec("0.03")},
			{Scenario: "Offer", Band: "B", People: 6, MinRise: dec("750"), MedianRise: dec("750"), MaxRise: dec("750"), MinPct: dec("0.03"), MedianPct: dec("0.03"), MaxPct: dec("0.03")},
			{Scenario: "Offer", Band: "C", People: 10, MinRise: dec("900"), MedianRise: dec("900"), MaxRise: dec("900"), MinPct: dec("0.03"), MedianPct: dec("0.03"), MaxPct: dec("0.03")},
			{Scenario: "Offer", Band: projection.AllBands, People: 17, MinRise: dec("600"), MedianRise: dec("900"), MaxRise: dec("900"), MinPct: dec("0.03"), MedianPct: dec("0.03"), MaxPct: dec("0.03")},
		}},
	}}
}

// recoverBands runs the attack on a table of band rows closed by an All row
// (cost.csv, distribution.csv): for each scenario and year (columns key),
// and each additive column, a band whose cell is blank alone is the All
// row's figure minus the other bands'; for min and max columns (extremes),
// a band blank alone has the All row's extreme when no published band
// reaches it. It returns "scenario/year/band/column=value".
func recoverBands(tab report.Table, key []int, bandCol int, additive, extremes []string) []string {
	col := map[string]int{}
	for i, c := range tab.Columns {
		col[c] = i
	}
	var got []string
	for i := 0; i < len(tab.Rows); {
		k := ""
		for _, c := range key {
			k += tab.Rows[i][c].CSV() + "/"
		}
		j := i
		for j < len(tab.Rows) && tab.Rows[j][bandCol].CSV() != projection.AllBands {
			j++
		}
		bands, all := tab.Rows[i:j], tab.Rows[j]
		for _, c := range append(append([]string{}, additive...), extremes...) {
			x := col[c]
			if all[x].CSV() == "" {
				continue
			}
			var blank [][]report.Cell
			rest := dec(all[x].CSV())
			reached := false
			for _, r := range bands {
				if r[x].CSV() == "" {
					blank = append(blank, r)
					continue
				}
				rest = rest.Sub(dec(r[x].CSV()))
				reached = reached || r[x].CSV() == all[x].CSV()
			}
			if len(blank) != 1 {
				continue
			}
			if slices.Contains(extremes, c) {
				if !reached {
					got = append(got, fmt.Sprintf("%s%s/%s=%s", k, blank[0][bandCol].CSV(), c, all[x].CSV()))
				}
				continue
			}
			got = append(got, fmt.Sprintf("%s%s/%s=%s", k, blank[0][bandCol].CSV(), c, rest.StringFixed(2)))
		}
		i = j + 1
	}
	return got
}

func TestDifferencingBands(t *testing.T) {
	c := bandCosting()
	costCols := []string{"fte", "basic", "oncosts", "total", "change"}
	distCols := []string{"min_rise", "max_rise"}

	// Before: only band A (1 person) blank; All minus B and C gives A's
	// pay: basic 470,000 − 150,000 − 300,000 = 20,000; under the offer
	// 484,100 − 154,500 − 309,000 = 20,600 and a change of 720.
	cost := CostTable(c, analysis.Suppress(c), calendar.Of(calendar.Date{Year: 2025, Month: 4, Day: 1}))
	dist := DistributionTable(c, analysis.Suppress(c))
	blankA := func(tab report.Table, bandCol, from int) report.Table {
		old := report.Table{Columns: tab.Columns}
		for _, row := range tab.Rows {
			row = slices.Clone(row)
			if row[bandCol].CSV() == "A" {
				for i := from; i < len(row); i++ {
					row[i] = report.Blank()
				}
			}
			old.Rows = append(old.Rows, row)
		}
		return old
	}
	// Rebuild the tables with nothing suppressed, then blank A alone.
	open := func(tab report.Table, rows func() [][]report.Cell) report.Table { tab.Rows = rows(); return tab }
	full := open(cost, func() [][]report.Cell {
		var out [][]report.Cell
		for _, sc := range c.Scenarios {
			for _, r := range sc.Rows {
				out = append(out, []report.Cell{report.Text(r.Scenario), report.Int(int64(r.Year)), report.Blank(), report.Text(r.Band), report.Number(r.Headcount, 2), report.Number(r.FTE, 2),
					report.Money(r.Basic), report.Money(r.LumpSums), report.Money(r.OnCosts), report.Money(r.Total), report.Change(r.Change), optPctChange(r.ChangePct), report.Money(r.Drift), report.Money(r.CPDTime)})
			}
		}
		return out
	})
	before := recoverBands(blankA(full, 3, 5), []int{0, 1}, 3, costCols, nil)
	want := []string{
		"Current/1/A/fte=1.00", "Current/1/A/basic=20000.00", "Current/1/A/oncosts=4000.00", "Current/1/A/total=24000.00", "Current/1/A/change=0.00",
		"Offer/1/A/fte=1.00", "Offer/1/A/basic=20600.00", "Offer/1/A/oncosts=4120.00", "Offer/1/A/total=24720.00", "Offer/1/A/change=720.00",
	}
	if !slices.Equal(before, want) {
		t.Fatalf("attack on primary suppression of cost.csv recovered\n%q\nwant\n%q", before, want)
	}
	fullDist := open(dist, func() [][]report.Cell {
		var out [][]report.Cell
		for _, d := range c.Scenarios[1].Distribution {
			out = append(out, []report.Cell{report.Text(d.Scenario), report.Text(d.Band), report.Int(d.People), report.Change(d.MinRise), report.Change(d.MedianRise), report.Change(d.MaxRise),
				report.PercentChange(d.MinPct), report.PercentChange(d.MedianPct), report.PercentChange(d.MaxPct), report.Blank()})
		}
		return out
	})
	// A's rise, £600, is the smallest of all: the All row's min_rise.
	if got, want := recoverBands(blankA(fullDist, 1, 3), []int{0}, 1, nil, distCols), []string{"Offer/A/min_rise=600.00"}; !slices.Equal(got, want) {
		t.Fatalf("attack on primary suppression of distribution.csv recovered %q, want %q", got, want)
	}

	// Now: A and B (the smallest band of 5 or more) are blank, All is
	// still the total, and nothing can be recovered.
	if got := recoverBands(cost, []int{0, 1}, 3, costCols, nil); len(got) > 0 {
		t.Errorf("attack recovered %q from cost.csv", got)
	}
	if got := recoverBands(dist, []int{0}, 1, nil, distCols); len(got) > 0 {
		t.Errorf("attack recovered %q from distribution.csv", got)
	}
	var lines []string
	for _, row := range append(slices.Clone(cost.Rows[:4]), dist.Rows...) {
		line := ""
		for i, cell := range row {
			if i > 0 {
				line += ","
			}
			line += cell.CSV()
		}
		lines = append(lines, line)
	}
	wantLines := []string{
		"Current,1,2025-04-01,A,1.00,,,,,,,,,,",
		"Current,1,2025-04-01,B,6.00,,,,,,,,,,",
		"Current,1,2025-04-01,C,10.00,10.00,300000.00,0.00,60000.00,360000.00,0.00,0.00,0.00,0.00,0.00",
		"Current,1,2025-04-01,All,17.00,17.00,470000.00,0.00,94000.00,564000.00,0.00,0.00,0.00,0.00,0.00",
		"Offer,A,1,,,,,,,",
		"Offer,B,6,,,,,,,",
		"Offer,C,10,900.00,900.00,900.00,3.00,3.00,3.00,",
		"Offer,All,17,600.00,900.00,900.00,3.00,3.00,3.00,",
	}
	if !slices.Equal(lines, wantLines) {
		t.Errorf("tables =\n%q\nwant\n%q", lines, wantLines)
	}
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }
