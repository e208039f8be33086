package content

import (
	"fmt"
	"io"
	"strings"

	"paymodel/pkg/analysis"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/report"
)

// WriteFacts writes a member statement's key facts as plain text, as
// paymodel statement prints them: where the member stands, their next move
// and the top under Current, their total reward when the dataset has an
// employer pension, their salary for the first StatementYears pay years
// under Current and each offer, and their arrears under each offer
// implemented late ("Offer: arrears £1,234.56 paid in January 2026"). A
// salary from a point the dataset does not give as published carries a †,
// and a last line (memberStatusNote) says so when a salary of the years
// shown is from such a point (memberStatus). It writes the whole text at once
// and returns the writer's error.
func WriteFacts(w io.Writer, m *analysis.Member) error {
	var b strings.Builder
	f := m.Facts()
	cur := m.Tracks[0]
	fmt.Fprintf(&b, "%s: %s point %s (%d of %d)\n", m.Who(), m.Band.Name, m.Person.Point, f.PointIndex, f.PointCount)
	now, shown := memberStatus(m, f)
	var seen bool
	fmt.Fprintf(&b, "  full-time salary %s; pay at %s FTE %s; %s of the way through the band\n",
		marked(report.Money(f.Salary), now, &seen).Display(), report.Number(m.Person.FTE, 2).Display(), report.Money(f.Pay).Display(), report.Percent(f.Through).Display())
	if cur.NextMove != nil {
		fmt.Fprintf(&b, "  next move under Current: %s point %s on %s\n", cur.NextBand, cur.NextPoint, cur.NextMove.First())
	}
	switch {
	case f.PointIndex == f.PointCount:
		fmt.Fprintf(&b, "  at the top of %s\n", m.Band.Name)
	case cur.TopMonth != nil:
		fmt.Fprintf(&b, "  reaches the top on %s (%s years)\n", cur.TopMonth.First(), report.Number(*cur.YearsToTop, 2).Display())
	default:
		fmt.Fprintf(&b, "  does not reach the top within %d years\n", len(cur.Years))
	}
	if m.Pension != nil {
		fmt.Fprintf(&b, "  total reward %s (with employer pension %s)\n", report.Money(f.TotalReward).Display(), report.Money(f.Pension).Display())
	}
	years := min(StatementYears, len(cur.Years))
	for _, tr := range m.Tracks {
		fmt.Fprintf(&b, "  %-45s", tr.Scenario)
		for _, y := range tr.Years[:years] {
			fmt.Fprintf(&b, " %10s", report.Money(y.Salary).Display())
		}
		b.WriteByte('\n')
	}
	for _, a := range f.Arrears {
		fmt.Fprintf(&b, "  %s: arrears %s paid in %s\n", a.Scenario, report.Money(a.Amount).Display(), a.Month.Long())
	}
	if shown != paystructure.Published {
		fmt.Fprintf(&b, "  %s\n", memberStatusNote)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
