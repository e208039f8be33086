package scenario

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/internal/plain"
	"paymodel/pkg/money"
)

func (p *parser) award(raw *rawAward, k path, n int, sc *Scenario) Award {
	a := Award{N: n, Pos: p.keyPos(k), pos: map[string]Pos{}}
	p.awardPlaceholders(raw, k, n)
	keep := func(key string, v any) bool {
		if v == nil {
			return false
		}
		a.pos[key] = p.valuePos(k.key(key))
		return true
	}
	if keep("from", raw.From) {
		a.From, _ = p.date(k.key("from"), raw.From, "an award takes effect")
	} else {
		p.errs.at(a.Pos, "award %d has no from date (write from = 2025-04-01)", n)
	}
	var ops []string
	if keep("uplift", raw.Uplift) {
		ops = append(ops, "uplift")
		if d, ok := p.rate(k.key("uplift"), raw.Uplift); ok {
			if d.LessThanOrEqual(decimal.NewFromInt(-1)) {
				p.errs.at(a.pos["uplift"], "uplift: %s would take salaries to zero or below", money.RateText(d))
			} else {
				a.Uplift = &d
			}
		}
	}
	if keep("flat", raw.Flat) {
		ops = append(ops, "flat")
		if d, ok := p.amount(k.key("flat"), raw.Flat); ok {
			a.Flat = &d
		}
	}
	if keep("minimum", raw.Minimum) {
		a.Minimum = p.bound(k.key("minimum"), raw.Minimum)
	}
	if keep("maximum", raw.Maximum) {
		a.Maximum = p.bound(k.key("maximum"), raw.Maximum)
	}
	if keep("bands", raw.Bands) {
		a.Select.Bands = p.strings(k.key("bands"), raw.Bands)
	}
	if keep("points", raw.Points) {
		a.Select.Points = p.strings(k.key("points"), raw.Points)
	}
	if keep("salary_below", raw.SalaryBelow) {
		if d, ok := p.amount(k.key("salary_below"), raw.SalaryBelow); ok {
			a.Select.SalaryBelow = &d
		}
	}
	if keep("salary_from", raw.SalaryFrom) {
		if d, ok := p.amount(k.key("salary_from"), raw.SalaryFrom); ok {
			a.Select.SalaryFrom = &d
		}
	}
	if keep("set", raw.Set) {
		ops = append(ops, "set")
		a.Set = p.setTable(k.key("set"), raw.Set)
	}
	if keep("remove_points", raw.RemovePoints) {
		ops = append(ops, "remove_points")
		a.RemovePoints = p.removeTable(k.key("remove_points"), raw.RemovePoints)
	}
	if raw.AddPoint != nil {
		ops = append(ops, "add_point")
		a.pos["add_point"] = p.valuePos(k.key("add_point"))
		a.AddPoint = p.addPoint(k.key("add_point"), raw.AddPoint)
	}
	if keep("floor_hourly", raw.FloorHourly) {
		ops = append(ops, "floor_hourly")
		if d, ok := p.amount(k.key("floor_hourly"), raw.FloorHourly); ok {
			if d.Sign() <= 0 {
				p.errs.at(a.pos["floor_hourly"], "floor_hourly: %s must be more than zero", money.AmountText(d))
			} else {
				a.FloorHourly = &d
			}
		}
	}
	p.checkAward(&a, ops)
	return a
}

func (p *parser) checkAward(a *Award, ops []string) {
	switch {
	case len(ops) == 0:
		p.errs.at(a.Pos, "award %d does nothing: give one of uplift, flat, set, remove_points, add_point or floor_hourly", a.N)
	case slices.Equal(ops, []string{"uplift", "flat"}):
		p.errs.at(a.pos["flat"], `award %d has both uplift and flat; write two awards with the same from date (they apply in file order, the second on the result of the first), or use minimum for "uplift or flat, whichever is more"`, a.N)
	case len(ops) > 1:
		p.errs.at(a.pos[ops[1]], "award %d has both %s and %s; an award does one thing: write two awards with the same from date (they apply in file order)", a.N, ops[0], ops[1])
	}
	change := len(ops) > 0 && (ops[0] == "uplift" || ops[0] == "flat")
	for _, b := range []string{"minimum", "maximum"} {
		if _, ok := a.pos[b]; ok && !change {
			p.errs.at(a.pos[b], "%s bounds the rise of an uplift or flat award; award %d has neither", b, a.N)
		}
	}
	for _, b := range []*Bound{a.Minimum, a.Maximum} {
		if b != nil && (b.Amount.Sign() < 0 || b.Rate.Sign() < 0) {
			which := "minimum"
			if b == a.Maximum {
				which = "maximum"
			}
			p.errs.at(a.pos[which], "%s: %s is negative", which, b)
		}
	}
	if a.Minimum != nil && a.Maximum != nil && a.Minimum.IsRate == a.Maximum.IsRate &&
		(a.Minimum.Amount.GreaterThan(a.Maximum.Amount) || a.Minimum.Rate.GreaterThan(a.Maximum.Rate)) {
		p.errs.at(a.pos["maximum"], "maximum %s is less than minimum %s", a.Maximum, a.Minimum)
	}
	selective := change || (len(ops) > 0 && ops[0] == "floor_hourly")
	for _, s := range []string{"bands", "points", "salary_below", "salary_from"} {
		if _, ok := a.pos[s]; ok && !selective && len(ops) > 0 {
			p.errs.at(a.pos[s], "%s selects points for uplift, flat or floor_hourly; %s names its points itself", s, ops[0])
		}
	}
	if b, f := a.Select.SalaryBelow, a.Select.SalaryFrom; b != nil && f != nil && !f.LessThan(*b) {
		p.errs.at(a.pos["salary_below"], "salary_below %s and salary_from %s select no salary", money.AmountText(*b), money.AmountText(*f))
	}
}

func (p *parser) bound(k path, v any) *Bound {
	s, ok := v.(string)
	if !ok {
		p.notString(k, v, `an amount or a rate as a string such as "£1,000" or "2%"`)
		return nil
	}
	if strings.HasSuffix(strings.TrimSpace(s), "%") {
		d, err := money.ParseRate(s)
		if err != nil {
			p.errs.at(p.valuePos(k), "%s: %q is %v", name(k), s, err)
			return nil
		}
		return &Bound{Rate: d, IsRate: true}
	}
	d, err := money.ParseAmount(s)
	if err != nil {
		p.errs.at(p.valuePos(k), "%s: %q is neither a rate (such as \"2%%\") nor an amount (%s)", name(k), s, money.AmountHint)
		return nil
	}
	return &Bound{Amount: d}
}

// sortedKeys returns m's keys in file order (by position; then by name).
func (p *parser) sortedKeys(k path, m map[string]any) []string {
	keys := make([]string, 0, len(m))
	pos := make(map[string]Pos, len(m))
	for key := range m {
		keys = append(keys, key)
		pos[key] = p.keyPos(k.key(key))
	}
	slices.SortFunc(keys, func(a, b string) int {
		pa, pb := pos[a], pos[b]
		if pa.Line != pb.Line {
			return pa.Line - pb.Line
		}
		if pa.Col != pb.Col {
			return pa.Col - pb.Col
		}
		return strings.Compare(a, b)
	})
	return keys
}

func (p *parser) table(k path, v any, example string) (map[string]any, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		p.errs.at(p.valuePos(k), "%s: expected a table such as %s", name(k), example)
	}
	return m, ok
}

func (p *parser) setTable(k path, v any) []SetPoint {
	const example = `{ "Band 5" = { "1" = "£45,000" } }`
	m, ok := p.table(k, v, example)
	if !ok {
		return nil
	}
	var out []SetPoint
	for _, band := range p.sortedKeys(k, m) {
		bk := k.key(band)
		inner, ok := p.table(bk, m[band], example)
		if !ok {
			continue
		}
		for _, point := range p.sortedKeys(bk, inner) {
			if d, ok := p.amountAs(bk.key(point), fmt.Sprintf("set: %s point %s", band, point), inner[point]); ok {
				if d.Sign() <= 0 {
					p.errs.at(p.valuePos(bk.key(point)), "set: %s point %s: %s must be more than zero", band, point, money.AmountText(d))
					continue
				}
				out = append(out, SetPoint{Band: band, Point: point, Salary: d, Pos: p.keyPos(bk.key(point))})
			}
		}
	}
	if len(m) == 0 {
		p.errs.at(p.valuePos(k), "set is empty")
	}
	return out
}

func (p *parser) removeTable(k path, v any) []BandPoints {
	m, ok := p.table(k, v, `{ "Band 4" = ["1"] }`)
	if !ok {
		return nil
	}
	var out []BandPoints
	for _, band := range p.sortedKeys(k, m) {
		pts := p.strings(k.key(band), m[band])
		if len(pts) > 0 {
			out = append(out, BandPoints{Band: band, Points: pts, Pos: p.keyPos(k.key(band))})
		}
	}
	if len(m) == 0 {
		p.errs.at(p.valuePos(k), "remove_points is empty")
	}
	return out
}

func (p *parser) addPoint(k path, raw *rawAddPoint) *NewPoint {
	np := &NewPoint{}
	ok := true
	for _, f := range []struct {
		key string
		v   any
		dst *string
	}{{"band", raw.Band, &np.Band}, {"point", raw.Point, &np.Point}} {
		if f.v == nil {
			p.errs.at(p.valuePos(k), "add_point needs %s", f.key)
			ok = false
			continue
		}
		s, good := p.str(k.key(f.key), f.v)
		if good && strings.TrimSpace(s) == "" {
			p.errs.at(p.valuePos(k.key(f.key)), "add_point: %s is empty", f.key)
			good = false
		}
		*f.dst, ok = s, ok && good
	}
	if raw.Salary == nil {
		p.errs.at(p.valuePos(k), "add_point needs salary")
		return nil
	}
	d, good := p.amount(k.key("salary"), raw.Salary)
	if good && d.Sign() <= 0 {
		p.errs.at(p.valuePos(k.key("salary")), "add_point: salary %s must be more than zero", money.AmountText(d))
		good = false
	}
	if !ok || !good {
		return nil
	}
	np.Salary = d
	return np
}

func (p *parser) lumpSum(raw *rawLumpSum, k path, sc *Scenario) LumpSum {
	l := LumpSum{Pos: p.keyPos(k)}
	p.placeholder(k, "lump_sum", len(sc.LumpSums)+1, "amount", &raw.Amount)
	if raw.Paid == nil {
		p.errs.at(l.Pos, "lump_sum has no paid date (write paid = 2026-10-01)")
	} else {
		l.Paid, _ = p.date(k.key("paid"), raw.Paid, "a lump sum is paid")
	}
	if raw.Amount == nil {
		p.errs.at(l.Pos, `lump_sum has no amount (write amount = "£500" or "2%%")`)
	} else if b := p.bound(k.key("amount"), raw.Amount); b != nil {
		if b.Amount.Sign() < 0 || b.Rate.Sign() < 0 || (b.Amount.IsZero() && b.Rate.IsZero()) {
			p.errs.at(p.valuePos(k.key("amount")), "amount: %s must be more than zero", b)
		}
		l.Amount, l.Rate, l.IsRate = b.Amount, b.Rate, b.IsRate
	}
	if raw.Bands != nil {
		l.Bands = p.strings(k.key("bands"), raw.Bands)
	}
	if raw.AtTopOnly != nil {
		b, ok := raw.AtTopOnly.(bool)
		if !ok {
			p.errs.at(p.valuePos(k.key("at_top_only")), "at_top_only: write true or false")
		}
		l.AtTopOnly = b
	}
	return l
}

// Name identifies the award in Table.Awards and messages:
// "award 1 (offer.toml:9): uplift 3%, minimum £1,000".
func (a *Award) Name() string {
	return fmt.Sprintf("award %d (%s): %s", a.N, a.Pos, a.terms())
}

// terms says what the award does: "uplift 3%, minimum £1,000".
func (a *Award) terms() string {
	var parts []string
	add := func(format string, args ...any) { parts = append(parts, fmt.Sprintf(format, args...)) }
	switch {
	case a.Uplift != nil:
		add("uplift %s", money.RateText(*a.Uplift))
	case a.Flat != nil:
		add("flat %s", money.AmountText(*a.Flat))
	case a.FloorHourly != nil:
		add("floor %s an hour", money.AmountText(*a.FloorHourly))
	case a.AddPoint != nil:
		add("add %s point %s at %s", a.AddPoint.Band, a.AddPoint.Point, money.AmountText(a.AddPoint.Salary))
	}
	for _, s := range a.Set {
		add("set %s point %s to %s", s.Band, s.Point, money.AmountText(s.Salary))
	}
	for _, r := range a.RemovePoints {
		add("remove %s %s %s", r.Band, plain.Plural(len(r.Points), "point", "points"), strings.Join(r.Points, ", "))
	}
	if a.Minimum != nil {
		add("minimum %s", a.Minimum)
	}
	if a.Maximum != nil {
		add("maximum %s", a.Maximum)
	}
	if len(a.Select.Bands) > 0 {
		add("bands %s", strings.Join(a.Select.Bands, ", "))
	}
	if len(a.Select.Points) > 0 {
		add("points %s", strings.Join(a.Select.Points, ", "))
	}
	if a.Select.SalaryBelow != nil {
		add("salaries below %s", money.AmountText(*a.Select.SalaryBelow))
	}
	if a.Select.SalaryFrom != nil {
		add("salaries from %s", money.AmountText(*a.Select.SalaryFrom))
	}
	return strings.Join(parts, ", ")
}
