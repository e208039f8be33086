package analysis

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
)

func TestCPDWarnings(t *testing.T) {
	census := &paystructure.Census{Groups: []paystructure.Group{
		{Band: "B", Point: "1", Count: 3, CPDRecorded: false},
		{Band: "B", Point: "1", Count: 5, CPDRecorded: true, CPDHours: decimal.NewFromInt(40)},
		{Band: "B", Point: "2", Count: 2, CPDRecorded: false},
	}}
	plain := &paystructure.Timeline{Scenario: "Plain", Tables: []paystructure.Table{{Scales: []paystructure.Scale{{Band: "B", Points: []paystructure.Point{{Label: "1"}, {Label: "2"}}}}}}}
	gated := &paystructure.Timeline{Scenario: "Gated", Rules: paystructure.Rules{CPD: paystructure.CPDRules{Hours: decimal.NewFromInt(30)}}}
	pathway := &paystructure.Timeline{Scenario: "Pathway", Rules: paystructure.Rules{Pathways: []paystructure.Pathway{{From: "B", To: "C", CPDHours: decimal.NewFromInt(150)}}}}
	pointGate := &paystructure.Timeline{Scenario: "Point gate", Tables: []paystructure.Table{{Scales: []paystructure.Scale{{Band: "B", Points: []paystructure.Point{{Label: "1", CPDHours: decimal.NewFromInt(10)}, {Label: "2"}}}}}}}

	got := cpdWarnings(census, []*paystructure.Timeline{plain, gated, pathway, pointGate})
	if len(got) != 3 {
		t.Fatalf("got %d warnings, want 3 (every timeline but Plain):\n%s", len(got), strings.Join(got, "\n"))
	}
	for i, name := range []string{"Gated", "Pathway", "Point gate"} {
		// 3 + 2 people have no hours recorded.
		if !strings.HasPrefix(got[i], name+" gates progression on CPD hours, but 5 people") {
			t.Errorf("warning %d = %q", i, got[i])
		}
	}
	census.Groups[0].CPDRecorded, census.Groups[2].CPDRecorded = true, true
	if got := cpdWarnings(census, []*paystructure.Timeline{gated}); got != nil {
		t.Errorf("every hour recorded: got warnings %q", got)
	}
}

func TestCensusWarnings(t *testing.T) {
	start := calendar.MonthOf(2025, 4)
	if got := censusWarnings(&paystructure.Census{}, start); len(got) != 1 || got[0] != "staff.csv has no people in it: every cost is £0" {
		t.Errorf("empty census: %q", got)
	}
	c := &paystructure.Census{Headcount: 6, Groups: []paystructure.Group{
		{Count: 1, PointDate: calendar.MustParse("2025-04-01")}, // on the start: fine
		{Count: 2, PointDate: calendar.MustParse("2025-05-01")},
		{Count: 3, PointDate: calendar.MustParse("2031-04-01")}, // a typo for 2021
	}}
	want := "5 people in staff.csv reach their point after the start (2025-04-01; the latest 2031-04-01): their time at the point counts from then, so they do not progress before it"
	if got := censusWarnings(c, start); len(got) != 1 || got[0] != want {
		t.Errorf("got %q, want %q", got, want)
	}
	c.Groups = c.Groups[:1]
	if got := censusWarnings(c, start); got != nil {
		t.Errorf("no late point dates: got %q", got)
	}
}
