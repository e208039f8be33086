package projection

import (
	"fmt"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
)

// cscale is one band's scale in one table, indexed for the month loop.
type cscale struct {
	labels []string
	index  map[string]int
	salary []decimal.Decimal // annual full-time salary
	months []int
	cpdReq []decimal.Decimal // max(point's CPDHours, Rules.CPD.Hours)
	slot   int               // offset of point 0 in the flat per-(table, band, point) caches
}

type moveKey struct {
	band int
	from string
}

// ctable is a Table indexed by band number.
type ctable struct {
	from   calendar.Month
	scales []cscale // by band index
	moves  map[moveKey]paystructure.Move
	// trans[band][point of the previous table] is where assimilation onto
	// this table puts a person, precomputed unless it depends on their
	// salary (a point vanished without a move).
	trans [][]transition
}

type transition struct {
	to      int
	protect bool
	dynamic bool // work it out in person.assimilate
}

// cpathway is a Pathway with its destination band resolved.
type cpathway struct {
	to    int
	after int
	cpd   decimal.Decimal
}

// clump is a LumpSum with its bands resolved.
type clump struct {
	id           int // index among the horizon's lump sums, for caches
	amount, rate decimal.Decimal
	bands        []bool // by band index; nil: every band
	atTop        bool
}

// compiled is a Timeline prepared for month-by-month simulation: every
// lookup the month loop needs is an index into a slice.
type compiled struct {
	tl       *paystructure.Timeline
	start    calendar.Month
	n        int // months in the horizon
	bands    []string
	bandIdx  map[string]int
	tables   []ctable
	tableOf  []int  // table in force, per month index
	changeAt []bool // a table takes effect at this month index
	prog     []paystructure.Progression
	frozen   []bool // per month index
	pathways [][]cpathway
	lumps    [][]clump // per month index
	nLumps   int
	order    paystructure.Order

	accel       bool
	accelHours  decimal.Decimal
	accelPoints int

	slots      int               // size of the flat per-(table, band, point) caches
	slotSalary []decimal.Decimal // annual full-time salary per slot

	// nextStatic[mi] is the first month index ≥ mi at which something
	// happens to everyone: a table takes effect, a pay year starts, a lump
	// sum is paid, or the last month of pay year 1 (whose salary the equality
	// figures use). nextStatic[n] == n.
	nextStatic []int
}

// compile checks a timeline and indexes it. Errors name the scenario.
func compile(tl *paystructure.Timeline) (*compiled, error) {
	errf := func(format string, args ...any) error {
		return fmt.Errorf("scenario %q: "+format, append([]any{tl.Scenario}, args...)...)
	}
	if tl == nil {
		return nil, fmt.Errorf("projection: nil timeline")
	}
	if tl.Years <= 0 {
		return nil, errf("horizon of %d years", tl.Years)
	}
	if len(tl.Tables) == 0 {
		return nil, errf("no pay tables")
	}
	if tl.Tables[0].From != tl.Start {
		return nil, errf("first pay table starts %s, not at the start %s", tl.Tables[0].From, tl.Start)
	}
	if len(tl.Bands) == 0 {
		return nil, errf("no bands")
	}
	c := &compiled{
		tl:      tl,
		start:   tl.Start,
		n:       12 * tl.Years,
		bandIdx: make(map[string]int, len(tl.Bands)),
		order:   tl.Rules.Order,
	}
	for i, b := range tl.Bands {
		if _, dup := c.bandIdx[b.Name]; dup {
			return nil, errf("band %q listed twice", b.Name)
		}
		c.bandIdx[b.Name] = i
		c.bands = append(c.bands, b.Name)
		p := b.Progression
		if o, ok := tl.Rules.Progression[b.Name]; ok {
			p = o
		}
		if p.Kind == paystructure.FixedDate && (p.On.Month < 1 || p.On.Month > 12) {
			return nil, errf("band %q: fixed-date progression without a date", b.Name)
		}
		c.prog = append(c.prog, p)
	}
	minCPD := tl.Rules.CPD.Hours
	tables := tl.Tables
	if tl.Prior != nil {
		// The structure before the start's awards is table 0, in force in
		// no month: the census starts on it and meets Tables[0] at month 0.
		if tl.Prior.From != tl.Start || len(tl.Prior.Moves) > 0 {
			return nil, errf("the structure before the start must be from the start %s, with no moves", tl.Start)
		}
		tables = append([]paystructure.Table{*tl.Prior}, tl.Tables...)
	}
	for ti, t := range tables {
		if ti > 0 && t.From < tables[ti-1].From {
			return nil, errf("pay tables out of order at %s", t.From)
		}
		ct := ctable{from: t.From, scales: make([]cscale, len(c.bands)), moves: map[moveKey]paystructure.Move{}}
		for bi, name := range c.bands {
			sc, ok := t.Scale(name)
			if !ok || len(sc.Points) == 0 {
				return nil, errf("pay table from %s has no points for band %q", t.From, name)
			}
			cs := cscale{index: make(map[string]int, len(sc.Points)), slot: c.slots}
			for pi, p := range sc.Points {
				if _, dup := cs.index[p.Label]; dup {
					return nil, errf("band %q point %q listed twice in the table from %s", name, p.Label, t.From)
				}
				cs.index[p.Label] = pi
				cs.labels = append(cs.labels, p.Label)
				cs.salary = append(cs.salary, p.Salary)
				cs.months = append(cs.months, p.Months)
				req := p.CPDHours
				if minCPD.GreaterThan(req) {
					req = minCPD
				}
				cs.cpdReq = append(cs.cpdReq, req)
				c.slotSalary = append(c.slotSalary, p.Salary)
			}
			c.slots += len(sc.Points)
			ct.scales[bi] = cs
		}
		for _, mv := range t.Moves {
			bi, ok := c.bandIdx[mv.Band]
			if !ok {
				return nil, errf("move from %q to %q names unknown band %q", mv.From, mv.To, mv.Band)
			}
			if _, ok := ct.scales[bi].index[mv.To]; !ok {
				return nil, errf("move in band %q to point %q, which the table from %s lacks", mv.Band, mv.To, t.From)
			}
			ct.moves[moveKey{bi, mv.From}] = mv
		}
		if ti > 0 {
			prev := &c.tables[ti-1]
			ct.trans = make([][]transition, len(c.bands))
			for bi := range c.bands {
				for _, label := range prev.scales[bi].labels {
					tr := transition{dynamic: true}
					if mv, ok := ct.moves[moveKey{bi, label}]; ok {
						tr = transition{to: ct.scales[bi].index[mv.To], protect: mv.Protect}
					} else if p, ok := ct.scales[bi].index[label]; ok {
						tr = transition{to: p}
					}
					ct.trans[bi] = append(ct.trans[bi], tr)
				}
			}
		}
		c.tables = append(c.tables, ct)
	}
	c.tableOf = make([]int, c.n)
	c.changeAt = make([]bool, c.n)
	c.frozen = make([]bool, c.n)
	c.lumps = make([][]clump, c.n)
	t := 0
	for mi := 0; mi < c.n; mi++ {
		m := c.start + calendar.Month(mi)
		for t+1 < len(c.tables) && c.tables[t+1].from <= m {
			t++
		}
		c.tableOf[mi] = t
		c.changeAt[mi] = mi == 0 || c.tableOf[mi-1] != t
	}
	for _, f := range tl.Rules.Freeze {
		if mi := int(f - c.start); mi >= 0 && mi < c.n {
			c.frozen[mi] = true
		}
	}
	c.pathways = make([][]cpathway, len(c.bands))
	for _, pw := range tl.Rules.Pathways {
		from, ok1 := c.bandIdx[pw.From]
		to, ok2 := c.bandIdx[pw.To]
		if !ok1 || !ok2 {
			return nil, errf("pathway %s → %s names an unknown band", pw.From, pw.To)
		}
		c.pathways[from] = append(c.pathways[from], cpathway{to: to, after: pw.AfterMonths, cpd: pw.CPDHours})
	}
	for _, ls := range tl.LumpSums {
		mi := int(ls.Paid - c.start)
		if mi < 0 || mi >= c.n {
			continue // paid outside the horizon
		}
		cl := clump{id: c.nLumps, amount: ls.Amount, rate: ls.Rate, atTop: ls.AtTopOnly}
		c.nLumps++
		if len(ls.Bands) > 0 {
			cl.bands = make([]bool, len(c.bands))
			for _, b := range ls.Bands {
				bi, ok := c.bandIdx[b]
				if !ok {
					return nil, errf("lump sum (%s) names unknown band %q", ls.Source, b)
				}
				cl.bands[bi] = true
			}
		}
		c.lumps[mi] = append(c.lumps[mi], cl)
	}
	c.nextStatic = make([]int, c.n+1)
	c.nextStatic[c.n] = c.n
	for mi := c.n - 1; mi >= 0; mi-- {
		if c.changeAt[mi] || mi%12 == 0 || mi == 11 || len(c.lumps[mi]) > 0 {
			c.nextStatic[mi] = mi
		} else {
			c.nextStatic[mi] = c.nextStatic[mi+1]
		}
	}
	if a := tl.Rules.CPD; a.AccelerateHours.Sign() > 0 {
		c.accel = true
		c.accelHours = a.AccelerateHours
		c.accelPoints = max(a.AcceleratePoints, 1)
	}
	return c, nil
}

// month returns the calendar month of month index mi.
func (c *compiled) month(mi int) calendar.Month { return c.start + calendar.Month(mi) }
