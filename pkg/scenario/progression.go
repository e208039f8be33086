package scenario

import (
	"slices"
	"strings"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
)

func (p *parser) progression(raw *rawProgression) *Progression {
	k := keyPath("progression")
	pr := &Progression{Pos: p.keyPos(k)}
	var kind *paystructure.Progression
	if raw.On != nil {
		if s, ok := p.str(k.key("on"), raw.On); ok {
			if s == "anniversary" {
				kind = &paystructure.Progression{Kind: paystructure.Anniversary}
			} else if ad, err := calendar.ParseAnnual(s); err != nil {
				p.errs.at(p.valuePos(k.key("on")), `on: %q is neither "anniversary" nor a yearly date: %v`, s, err)
			} else {
				kind = &paystructure.Progression{Kind: paystructure.FixedDate, On: ad, QualifyingMonths: paystructure.DefaultQualifyingMonths}
			}
		}
	}
	if raw.QualifyingMonths != nil {
		if n, ok := p.integer(k.key("qualifying_months"), raw.QualifyingMonths); ok {
			switch {
			case raw.On == nil || (kind != nil && kind.Kind != paystructure.FixedDate):
				p.errs.at(p.valuePos(k.key("qualifying_months")), `qualifying_months applies only with a fixed progression date (on = "04-01")`)
			case n < 0 || n > 12:
				p.errs.at(p.valuePos(k.key("qualifying_months")), "qualifying_months: %d is out of range (write 0 to 12)", n)
			case kind != nil:
				kind.QualifyingMonths = n
			}
		}
	}
	pr.On = kind
	if raw.Freeze != nil {
		fk := k.key("freeze")
		list, ok := raw.Freeze.([]any)
		if !ok {
			p.errs.at(p.valuePos(fk), "freeze: expected a list of dates such as [2026-04-01]")
		}
		for i, v := range list {
			if d, ok := p.date(fk.elem(i), v, "a progression freeze"); ok {
				pr.Freeze = append(pr.Freeze, d)
				pr.freezePos = append(pr.freezePos, p.valuePos(fk.elem(i)))
			}
		}
	}
	if c := raw.CPD; c != nil {
		ck := k.key("cpd")
		if c.Hours != nil {
			pr.CPD.Hours, _ = p.number(ck.key("hours"), c.Hours)
		}
		if c.AccelerateHours != nil {
			pr.CPD.AccelerateHours, _ = p.number(ck.key("accelerate_hours"), c.AccelerateHours)
			if pr.CPD.AccelerateHours.Sign() > 0 && pr.CPD.AccelerateHours.LessThanOrEqual(pr.CPD.Hours) {
				p.errs.at(p.valuePos(ck.key("accelerate_hours")), "accelerate_hours %s must be more than hours %s", pr.CPD.AccelerateHours, pr.CPD.Hours)
			}
			if c.AcceleratePoints == nil {
				p.errs.at(p.valuePos(ck.key("accelerate_hours")), "accelerate_hours needs accelerate_points (how many points to move at once, e.g. 2)")
			}
		}
		if c.AcceleratePoints != nil {
			if n, ok := p.integer(ck.key("accelerate_points"), c.AcceleratePoints); ok {
				switch {
				case c.AccelerateHours == nil:
					p.errs.at(p.valuePos(ck.key("accelerate_points")), "accelerate_points needs accelerate_hours")
				case n < 1 || n > 20:
					p.errs.at(p.valuePos(ck.key("accelerate_points")), "accelerate_points: %d is out of range (write 1 to 20)", n)
				default:
					pr.CPD.AcceleratePoints = n
				}
			}
		}
	}
	for i, rp := range raw.Pathway {
		pk := k.key("pathway").index(i)
		pw := paystructure.Pathway{Source: p.keyPos(pk).String()}
		pr.pathPos = append(pr.pathPos, p.keyPos(pk))
		for _, f := range []struct {
			key string
			v   any
			dst *string
		}{{"from", rp.From, &pw.From}, {"to", rp.To, &pw.To}} {
			if f.v == nil {
				p.errs.at(p.keyPos(pk), "pathway needs %s (a band name)", f.key)
				continue
			}
			*f.dst, _ = p.str(pk.key(f.key), f.v)
			if _, isStr := f.v.(string); isStr && strings.TrimSpace(*f.dst) == "" {
				p.errs.at(p.valuePos(pk.key(f.key)), "pathway: %s is empty", f.key)
			}
		}
		if pw.From != "" && pw.From == pw.To {
			p.errs.at(p.valuePos(pk.key("to")), "pathway: from and to are both %q", pw.From)
		}
		if rp.AfterMonths != nil {
			if n, ok := p.integer(pk.key("after_months"), rp.AfterMonths); ok {
				if n < 0 || n > 12*MaxYears {
					p.errs.at(p.valuePos(pk.key("after_months")), "after_months: %d is out of range", n)
				}
				pw.AfterMonths = n
			}
		}
		if rp.CPDHours != nil {
			pw.CPDHours, _ = p.number(pk.key("cpd_hours"), rp.CPDHours)
		}
		pr.Pathways = append(pr.Pathways, pw)
	}
	return pr
}

func rules(ds *paystructure.Dataset, sc *Scenario, e *errs) paystructure.Rules {
	r := paystructure.Rules{Progression: map[string]paystructure.Progression{}, Order: sc.Order}
	for _, b := range ds.Bands {
		r.Progression[b.Name] = b.Progression
	}
	pr := sc.Progression
	if pr == nil {
		return r
	}
	if pr.On != nil {
		for _, b := range ds.Bands {
			r.Progression[b.Name] = *pr.On
		}
	}
	for _, d := range pr.Freeze {
		if m := calendar.Of(d); !slices.Contains(r.Freeze, m) {
			r.Freeze = append(r.Freeze, m)
		}
	}
	slices.Sort(r.Freeze)
	r.CPD = pr.CPD
	for i, pw := range pr.Pathways {
		for _, b := range []string{pw.From, pw.To} {
			if _, ok := ds.Band(b); !ok && b != "" {
				e.at(pr.pathPos[i], "pathway: %s", unknownBand(ds, b))
			}
		}
		r.Pathways = append(r.Pathways, pw)
	}
	return r
}
