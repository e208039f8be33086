package analysis

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

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
