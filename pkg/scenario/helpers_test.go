package scenario

import (
	"testing"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
)

// dec parses a decimal literal in a test.
func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// scale builds a scale from label, salary pairs; every point has 12 months
// and no CPD requirement.
func scale(band string, labelSalary ...string) paystructure.Scale {
	s := paystructure.Scale{Band: band}
	for i := 0; i+1 < len(labelSalary); i += 2 {
		s.Points = append(s.Points, paystructure.Point{Label: labelSalary[i], Salary: dec(labelSalary[i+1]), Months: 12, CPDHours: decimal.Zero})
	}
	return s
}

// structure is the scales in force from date (YYYY-MM-DD, or "" undated).
func structure(date string, scales ...paystructure.Scale) paystructure.Structure {
	s := paystructure.Structure{Scales: scales}
	if date != "" {
		s.EffectiveFrom = calendar.MustParse(date)
	}
	return s
}

// dataset builds a dataset whose bands are those of the first structure,
// each 37 hours a week with anniversary progression.
func dataset(structures ...paystructure.Structure) *paystructure.Dataset {
	ds := &paystructure.Dataset{Name: "test", Structures: structures}
	for i, s := range structures[0].Scales {
		ds.Bands = append(ds.Bands, paystructure.Band{
			Name: s.Band, Title: s.Band, WeeklyHours: decimal.NewFromInt(37), Order: i + 1,
			Progression: paystructure.Progression{Kind: paystructure.Anniversary},
		})
	}
	return ds
}

// probation is a small probation-like dataset from 1 April 2024.
func probation() *paystructure.Dataset {
	return dataset(structure("2024-04-01",
		scale("Band 2", "1", "23500", "2", "24350", "3", "25210"),
		scale("Band 3", "1", "26475", "2", "27769", "3", "29062", "4", "30356", "5", "31650"),
		scale("Band 4", "1", "36000", "2", "37500", "3", "39000", "4", "40500", "5", "42000"),
	))
}

// header is the top of a test scenario starting 1 April 2025, so award
// tables can follow it. It is 5 lines long.
const header = `name = "Test"
start = 2025-04-01
years = 5
rounding = "pound"
`

func mustParse(t testing.TB, src string) *Scenario {
	t.Helper()
	sc, err := Parse("offer.toml", []byte(src))
	if err != nil {
		t.Fatalf("Parse:\n%v", err)
	}
	return sc
}

func mustApply(t testing.TB, ds *paystructure.Dataset, src string) *paystructure.Timeline {
	t.Helper()
	tl, err := Apply(ds, mustParse(t, src))
	if err != nil {
		t.Fatalf("Apply:\n%v", err)
	}
	return tl
}

// salaries returns band's "label=salary" pairs in table t, salaries as
// decimal strings.
func salaries(t testing.TB, table paystructure.Table, band string) []string {
	t.Helper()
	s, ok := table.Scale(band)
	if !ok {
		t.Fatalf("no band %q in table from %s", band, table.From)
	}
	var out []string
	for _, p := range s.Points {
		out = append(out, p.Label+"="+p.Salary.String())
	}
	return out
}

// probationFull is probation with Bands 5 and 6 as well.
func probationFull() *paystructure.Dataset {
	return dataset(structure("2024-04-01",
		scale("Band 2", "1", "23500", "2", "24350", "3", "25210"),
		scale("Band 3", "1", "26475", "2", "27769", "3", "29062", "4", "30356", "5", "31650"),
		scale("Band 4", "1", "36000", "2", "37500", "3", "39000", "4", "40500", "5", "42000"),
		scale("Band 5", "1", "43000", "2", "44500", "3", "46000"),
		scale("Band 6", "1", "48500", "2", "50720", "3", "52939"),
	))
}
