package scenario

import (
	"fmt"
	"io"
	"slices"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
)

// Explain returns how the salary of band's point was derived in the table in
// force in month m: the base value first, then each award, rounding and
// merge in the order applied. The steps are a copy.
func Explain(tl *paystructure.Timeline, band, point string, m calendar.Month) ([]paystructure.Step, error) {
	if m < tl.Start {
		return nil, fmt.Errorf("%s: %s is before the scenario starts (%s)", tl.Scenario, m.First(), tl.Start.First())
	}
	t := tl.TableAt(m)
	s, ok := t.Scale(band)
	if !ok {
		var names []string
		for _, sc := range t.Scales {
			names = append(names, sc.Band)
		}
		return nil, fmt.Errorf("%s: no band %q in the pay structure in force on %s (bands: %s)", tl.Scenario, band, m.First(), joinQuoted(names))
	}
	i := s.Index(point)
	if i < 0 {
		var labels []string
		for _, p := range s.Points {
			labels = append(labels, p.Label)
		}
		return nil, fmt.Errorf("%s: %s has no point %q on %s (points: %s)", tl.Scenario, band, point, m.First(), joinQuoted(labels))
	}
	return slices.Clone(s.Points[i].Derivation), nil
}

func joinQuoted(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += ", "
		}
		out += fmt.Sprintf("%q", x)
	}
	return out
}

// WriteExplanation writes steps one a line, numbered:
//
//  1. £37,500.00 from increments.csv, 2024-04-01
//  2. £37,500.00 × 1.04 = £39,000.00 → rounded to the pound £39,000 (award 1, offer.toml:9)
func WriteExplanation(w io.Writer, steps []paystructure.Step) error {
	if len(steps) == 0 {
		_, err := fmt.Fprintln(w, "  (no derivation recorded)")
		return err
	}
	for i, s := range steps {
		if _, err := fmt.Fprintf(w, "  %d. %s\n", i+1, s.Text); err != nil {
			return err
		}
	}
	return nil
}
