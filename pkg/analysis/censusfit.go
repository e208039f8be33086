package analysis

import (
	"fmt"
	"strings"

	"paymodel/pkg/internal/plain"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
)

// CensusFitError reports census points that the pay structure in force at
// the start of a comparison does not have. The census is checked against
// the dataset's latest structure, but a scenario may start earlier (its
// start key), when a newer point does not exist yet: the people on it have
// no place to start from. It is bad input, and names the census file, the
// band, the point and how many people are on it, never a person.
type CensusFitError struct {
	Problems []string
}

// Error is a heading line followed by one line a point.
func (e *CensusFitError) Error() string {
	return "the census does not fit the start of the comparison:\n" + strings.Join(e.Problems, "\n")
}

// checkCensusFits returns a CensusFitError for every census band and point
// that some timeline has no place for at its start: on the structure the
// census starts on (Prior when awards fall on the start date, else
// Tables[0]), the point is missing and no move of Tables[0] names it.
func checkCensusFits(ds *paystructure.Dataset, tls []*paystructure.Timeline) error {
	if ds.Census == nil {
		return nil
	}
	type key struct{ band, point string }
	people := map[key]int64{}
	var order []key
	for _, g := range ds.Census.Groups {
		k := key{g.Band, g.Point}
		if _, seen := people[k]; !seen {
			order = append(order, k)
		}
		people[k] += g.Count
	}
	var problems []string
	for _, k := range order {
		for _, tl := range tls {
			if fitsAtStart(tl, k.band, k.point) {
				continue
			}
			since := ""
			for _, s := range ds.Structures {
				if sc, ok := s.Scale(k.band); ok && sc.Index(k.point) >= 0 && !s.EffectiveFrom.IsZero() {
					since = fmt.Sprintf(" (it is in the structure from %s)", s.EffectiveFrom)
					break
				}
			}
			n := people[k]
			problems = append(problems, fmt.Sprintf("staff.csv: %s %s on %s point %q, which the pay structure in force at the start, %s, does not have%s; start the scenarios on or after the date the census describes, or give those people their point in the structure in force at the start",
				money.Group(fmt.Sprint(n)), plain.Plural(int(n), "person is", "people are"), k.band, k.point, tl.Start.First(), since))
			break
		}
	}
	if len(problems) > 0 {
		return &CensusFitError{Problems: problems}
	}
	return nil
}

// fitsAtStart reports whether someone on band's point can be placed on tl's
// structure at its start.
func fitsAtStart(tl *paystructure.Timeline, band, point string) bool {
	first := tl.CensusStart()
	for _, mv := range first.Moves { // only a first table without Prior has any
		if mv.Band == band && mv.From == point {
			return true
		}
	}
	sc, ok := first.Scale(band)
	return ok && sc.Index(point) >= 0
}
