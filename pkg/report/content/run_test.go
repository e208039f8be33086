package content_test

import (
	"strings"
	"testing"

	"paymodel/pkg/report/content"
)

// The run sheet of the sample comparison: the probation sample's six
// shipped offers (scenarios/probation/offers), from 1 April 2025 (their
// start) for 10 years (their longest years), no turnover.
func TestRunTable(t *testing.T) {
	r := mustSample(t)
	tab := content.RunTable(r, "v1.2.3")
	var lines []string
	for _, row := range tab.Rows {
		lines = append(lines, row[0].CSV()+"="+row[1].CSV())
	}
	got := strings.Join(lines, "\n")
	for _, want := range []string{
		"dataset=probation\nchecksum=" + r.Dataset.Checksum + "\nscenario=",
		"scenario=Employer offer 2025/26 (offers/employer-offer-2025.toml)\n",
		"start=2025-04-01\nhorizon (years)=10\nturnover=0.00\nversion=v1.2.3",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("run table\n%s\nlacks\n%s", got, want)
		}
	}
	if n := strings.Count(got, "scenario="); n != 6 {
		t.Errorf("%d scenarios, want 6", n)
	}
}
