package projection

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
)

// Helper constructors: tests build timelines directly in Go.

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func dp(s string) *decimal.Decimal { v := d(s); return &v }

// mon parses "2025-04".
func mon(s string) calendar.Month { return calendar.Of(calendar.MustParse(s + "-01")) }

func date(s string) calendar.Date { return calendar.MustParse(s) }

// scale returns a band's scale with points labelled "1", "2", … each with
// months at the point.
func scale(band string, months int, salaries ...string) paystructure.Scale {
	sc := paystructure.Scale{Band: band}
	for i, s := range salaries {
		sc.Points = append(sc.Points, paystructure.Point{Label: fmt.Sprint(i + 1), Salary: d(s), Months: months})
	}
	return sc
}

// labelled returns a scale with the given labels and salaries interleaved:
// "2", "21000", "3", "22000".
func labelled(band string, months int, pairs ...string) paystructure.Scale {
	sc := paystructure.Scale{Band: band}
	for i := 0; i < len(pairs); i += 2 {
		sc.Points = append(sc.Points, paystructure.Point{Label: pairs[i], Salary: d(pairs[i+1]), Months: months})
	}
	return sc
}

func anniversary() paystructure.Progression {
	return paystructure.Progression{Kind: paystructure.Anniversary}
}

func fixedDate(month, qualifying int) paystructure.Progression {
	return paystructure.Progression{Kind: paystructure.FixedDate, On: calendar.AnnualDate{Month: month, Day: 1}, QualifyingMonths: qualifying}
}

func band(name string, p paystructure.Progression) paystructure.Band {
	return paystructure.Band{Name: name, Progression: p}
}

func table(from string, scales ...paystructure.Scale) paystructure.Table {
	return paystructure.Table{From: mon(from), Scales: scales}
}

func tline(name, start string, years int, bands []paystructure.Band, tables ...paystructure.Table) *paystructure.Timeline {
	return &paystructure.Timeline{Scenario: name, Start: mon(start), Years: years, Bands: bands, Tables: tables}
}

func group(band, point string, fte string, pointDate string, count int64, attrs ...string) paystructure.Group {
	g := paystructure.Group{Band: band, Point: point, FTE: d(fte), Count: count, Attributes: attrs}
	if pointDate != "" {
		g.PointDate = date(pointDate)
	}
	return g
}

func withCPD(g paystructure.Group, hours string) paystructure.Group {
	g.CPDHours, g.CPDRecorded = d(hours), true
	return g
}

func census(attrNames []string, groups ...paystructure.Group) *paystructure.Census {
	c := &paystructure.Census{AttributeNames: attrNames, Groups: groups}
	for _, g := range groups {
		c.Headcount += g.Count
		c.Rows++
	}
	return c
}

func eq(t *testing.T, what string, got decimal.Decimal, want string) {
	t.Helper()
	if !got.Equal(d(want)) {
		t.Errorf("%s = %s, want %s", what, got, want)
	}
}
