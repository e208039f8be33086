package projection

import (
	"sort"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
)

// canon maps census groups that must follow the same career path under
// every timeline onto one path key, so that a census of a million rows with
// CPD hours and point dates spread over every value is projected once per
// distinct path, not once per distinct row.
//
// Two facts make it exact:
//
//   - CPD hours are only ever compared with thresholds (a point's
//     requirement, the scenario's minimum, the acceleration hours, a
//     pathway's hours). A person's path depends only on which thresholds
//     their hours reach, so their hours can be replaced by the largest
//     threshold they reach (0 when none).
//   - Time at a point is only ever compared with a point's months (less
//     12 plus qualifying months) or a pathway's months, and anniversary
//     tests fall on whole years from the month the time was completed. Once
//     a person has been at their point longer than the longest of those
//     (window), moving their point month forward by whole years keeps every
//     comparison and every anniversary the same.
type canon struct {
	thresholds []decimal.Decimal // ascending, distinct
	window     int               // months
}

// newCanon collects the thresholds and the window of every timeline.
func newCanon(cs []*compiled) *canon {
	var ts []decimal.Decimal
	longest := 0
	for _, c := range cs {
		for _, t := range c.tables {
			for _, sc := range t.scales {
				ts = append(ts, sc.cpdReq...)
				for _, m := range sc.months {
					longest = max(longest, m)
				}
			}
		}
		after := 0
		for _, pws := range c.pathways {
			for _, pw := range pws {
				ts = append(ts, pw.cpd)
				after = max(after, pw.after)
			}
		}
		longest = max(longest, after)
		if c.accel {
			ts = append(ts, c.accelHours)
		}
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i].LessThan(ts[j]) })
	var uniq []decimal.Decimal
	for _, t := range ts {
		if len(uniq) == 0 || !uniq[len(uniq)-1].Equal(t) {
			uniq = append(uniq, t)
		}
	}
	return &canon{thresholds: uniq, window: longest + 12}
}

// hours returns the largest threshold that h reaches, or zero.
func (k *canon) hours(h decimal.Decimal) decimal.Decimal {
	i := sort.Search(len(k.thresholds), func(i int) bool { return k.thresholds[i].GreaterThan(h) })
	if i == 0 || k.thresholds[i-1].IsNegative() {
		return decimal.Zero
	}
	return k.thresholds[i-1]
}

// pointMonth moves a point month older than the window forward by whole
// years until it lies within the window before start.
func (k *canon) pointMonth(pm, start calendar.Month) calendar.Month {
	if age := int(start - pm); age > k.window {
		pm += calendar.Month(12 * ((age - k.window + 11) / 12))
	}
	return pm
}
