package projection

import (
	"testing"

	"paymodel/pkg/paystructure"
)

// BenchmarkTrack1000: 1,000 people of benchCensus tracked, one at a time,
// as paymodel statements does for each member under each timeline, 10
// years.
func BenchmarkTrack1000(b *testing.B) {
	tr, err := NewTracker(benchTimeline("S", "1.03"))
	if err != nil {
		b.Fatal(err)
	}
	groups := benchCensus(1000).Groups
	b.ReportAllocs()
	for b.Loop() {
		for _, g := range groups {
			p := paystructure.Person{Band: g.Band, Point: g.Point, FTE: g.FTE, PointDate: g.PointDate, CPDHours: g.CPDHours, CPDRecorded: g.CPDRecorded, Count: 1}
			if _, err := tr.Track(&p); err != nil {
				b.Fatal(err)
			}
		}
	}
}
