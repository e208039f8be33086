package projection

import (
	"fmt"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/projection/internal/exact"
)

// person is the state of one career path as the month loop advances it.
// Every person on the same path key is in the same state every month, so one
// person stands for them all.
type person struct {
	c        *compiled
	progress bool // false: nobody progresses (the drift counterfactual)
	fte      decimal.Decimal
	cpd      decimal.Decimal
	recorded bool // CPD hours recorded; false meets every requirement
	accel    bool // hours reach the acceleration threshold

	band, point, table int
	pointMonth         calendar.Month // time at the point counts from here
	notBefore          calendar.Month // anniversary schemes: no test before this month

	prot    decimal.Decimal // protected annual full-time salary
	hasProt bool
	// protPence caches MonthlyPay(prot, fte) in pence; protOK says it is current.
	protPence int64
	protOK    bool
	// overflow records that an amount in pence did not fit in 64 bits
	// (see pence); walk reports it.
	overflow bool
}

func newPerson(c *compiled, progress bool, fte, cpd decimal.Decimal, recorded bool) person {
	return person{
		c: c, progress: progress, fte: fte, cpd: cpd, recorded: recorded,
		accel: recorded && c.accel && cpd.GreaterThanOrEqual(c.accelHours),
	}
}

// meets reports whether the person's CPD hours meet req.
func (s *person) meets(req decimal.Decimal) bool {
	return !s.recorded || s.cpd.GreaterThanOrEqual(req)
}

// startEntrant places the person at the bottom of band in the table in force
// at month index mi, with no time at the point.
func (s *person) startEntrant(band, mi int) {
	s.band, s.point, s.table = band, 0, s.c.tableOf[mi]
	s.pointMonth = s.c.month(mi)
	s.notBefore = 0
}

// startCensus places the person on a census row's band and point at the
// start, applying the first table's moves, and works out when someone who
// completed their point's time before the start is next tested.
func (s *person) startCensus(band int, label string, pointMonth calendar.Month) error {
	c := s.c
	s.band, s.pointMonth = band, pointMonth
	sc := &c.tables[0].scales[band]
	if mv, ok := c.tables[0].moves[moveKey{band, label}]; ok {
		s.point = sc.index[mv.To]
		if p, ok := sc.index[label]; ok && mv.Protect {
			s.setProt(sc.salary[p])
		}
	} else if p, ok := sc.index[label]; ok {
		s.point = p
	} else {
		return fmt.Errorf("scenario %q: band %q has no point %q at the start", c.tl.Scenario, c.bands[band], label)
	}
	s.table = 0
	s.settleProt()
	if c.prog[band].Kind == paystructure.Anniversary {
		due := pointMonth + calendar.Month(sc.months[s.point])
		if due < c.start {
			late := int(c.start - due)
			s.notBefore = due + calendar.Month(12*((late+11)/12))
		}
	}
	return nil
}

func (s *person) setProt(annual decimal.Decimal) {
	if s.hasProt && s.prot.GreaterThanOrEqual(annual) {
		return
	}
	s.prot, s.hasProt, s.protOK = annual, true, false
}

// settleProt ends protection once the person's point pays at least as much.
func (s *person) settleProt() {
	if s.hasProt && s.c.tables[s.table].scales[s.band].salary[s.point].GreaterThanOrEqual(s.prot) {
		s.hasProt = false
	}
}

// salary returns the person's annual full-time salary: their point's, or
// their protected salary if higher.
func (s *person) salary() decimal.Decimal {
	sal := s.c.tables[s.table].scales[s.band].salary[s.point]
	if s.hasProt && s.prot.GreaterThan(sal) {
		return s.prot
	}
	return sal
}

// atTop reports whether the person stands on the top point of their band.
func (s *person) atTop() bool {
	return s.point == len(s.c.tables[s.table].scales[s.band].labels)-1
}

// step advances the person to month index mi: a new table's moves and the
// progression due that month in the order Rules.Order gives, then any
// pathway, then the end of protection that no longer bites.
func (s *person) step(mi int) {
	c := s.c
	m := c.month(mi)
	t := c.tableOf[mi]
	if c.changeAt[mi] && s.table != t {
		if c.order == paystructure.ProgressFirst {
			wasTop := s.atTop()
			s.progressAt(m, mi)
			s.assimilate(t, m)
			if wasTop && !s.atTop() {
				// Nowhere to progress on the old scale: tested on the new one.
				s.progressAt(m, mi)
			}
		} else {
			s.assimilate(t, m)
			s.progressAt(m, mi)
		}
	} else {
		s.progressAt(m, mi)
	}
	s.pathway(m, mi)
	s.settleProt()
}

// assimilate moves the person from their current table onto table t, in
// month m.
func (s *person) assimilate(t int, m calendar.Month) {
	c := s.c
	if s.atTop() {
		defer s.overdue(m)
	}
	if t == s.table+1 {
		if tr := c.tables[t].trans[s.band][s.point]; !tr.dynamic {
			if tr.protect {
				s.setProt(s.salary())
			}
			s.table, s.point = t, tr.to
			return
		}
	}
	old := &c.tables[s.table].scales[s.band]
	label := old.labels[s.point]
	oldSal := s.salary()
	sc := &c.tables[t].scales[s.band]
	s.table = t
	if mv, ok := c.tables[t].moves[moveKey{s.band, label}]; ok {
		s.point = sc.index[mv.To]
		if mv.Protect {
			s.setProt(oldSal)
		}
		return
	}
	if p, ok := sc.index[label]; ok {
		s.point = p
		return
	}
	// The point vanished without a move: the lowest point paying at least
	// the old salary, else the top with the old salary protected.
	for p, sal := range sc.salary {
		if sal.GreaterThanOrEqual(oldSal) {
			s.point = p
			return
		}
	}
	s.point = len(sc.labels) - 1
	s.setProt(oldSal)
}

// overdue is called when a table takes effect in month m on someone who
// stood on their band's top point just before. In an anniversary scheme, if
// the new table leaves a point above them and their time at the point was
// already complete before m, they are first tested on the first anniversary
// of the month it completed on or after m, exactly as a census backlog is at
// the start (startCensus): time that was complete while there was nowhere
// to go waits for the person's anniversary, whenever a point appears.
func (s *person) overdue(m calendar.Month) {
	c := s.c
	if s.atTop() || c.prog[s.band].Kind != paystructure.Anniversary {
		return
	}
	due := s.pointMonth + calendar.Month(c.tables[s.table].scales[s.band].months[s.point])
	if due < m {
		s.notBefore = max(s.notBefore, due+calendar.Month(12*((int(m-due)+11)/12)))
	}
}

// progressAt applies the progression due in month m (index mi) on the
// person's current table.
func (s *person) progressAt(m calendar.Month, mi int) {
	c := s.c
	if !s.progress || c.frozen[mi] {
		return
	}
	sc := &c.tables[s.table].scales[s.band]
	top := len(sc.labels) - 1
	p := s.point
	if p >= top {
		return
	}
	at := int(m - s.pointMonth)
	pr := c.prog[s.band]
	if pr.Kind == paystructure.FixedDate {
		if m.Number() != pr.On.Month || at < sc.months[p]-12+pr.QualifyingMonths {
			return
		}
	} else if at < sc.months[p] || m < s.notBefore {
		return
	}
	if !s.meets(sc.cpdReq[p]) {
		if pr.Kind != paystructure.FixedDate {
			s.notBefore = m + 12
		}
		return
	}
	steps := 1
	if s.accel {
		steps = c.accelPoints
	}
	s.point = min(p+steps, top)
	s.pointMonth, s.notBefore = m, 0
}

// pathway moves a person who qualifies for one of their band's pathways
// (the first that applies, in Rules order).
func (s *person) pathway(m calendar.Month, mi int) {
	c := s.c
	if !s.progress || c.frozen[mi] || len(c.pathways[s.band]) == 0 || !s.atTop() {
		return
	}
	at := int(m - s.pointMonth)
	for _, pw := range c.pathways[s.band] {
		if at < pw.after || !s.meets(pw.cpd) {
			continue
		}
		cur := s.salary()
		to := &c.tables[s.table].scales[pw.to]
		s.band, s.point = pw.to, len(to.labels)-1
		for p, sal := range to.salary {
			if sal.GreaterThanOrEqual(cur) {
				s.point = p
				break
			}
		}
		s.pointMonth, s.notBefore = m, 0
		return
	}
}

// nextEvent returns the first month index ≥ from (at most c.n) at which
// step could change the person's state or a record must be taken: a static
// event (nextStatic), the next month progression could be due, or the next
// month a pathway could be open. Between events step is a no-op, so the
// month loop may jump from event to event. It is a lower bound: a frozen or
// CPD-failed check merely makes another event.
func (s *person) nextEvent(from int) int {
	c := s.c
	next := c.nextStatic[from]
	if !s.progress || next == from {
		return next
	}
	sc := &c.tables[s.table].scales[s.band]
	fm := c.month(from)
	var due calendar.Month
	if p := s.point; p < len(sc.labels)-1 {
		pr := c.prog[s.band]
		if pr.Kind == paystructure.FixedDate {
			due = max(s.pointMonth+calendar.Month(sc.months[p]-12+pr.QualifyingMonths), fm)
			due += calendar.Month((pr.On.Month - due.Number() + 12) % 12)
		} else {
			due = max(s.pointMonth+calendar.Month(sc.months[p]), s.notBefore, fm)
		}
	} else {
		open := false
		for _, pw := range c.pathways[s.band] {
			if s.meets(pw.cpd) {
				at := max(s.pointMonth+calendar.Month(pw.after), fm)
				if !open || at < due {
					due, open = at, true
				}
			}
		}
		if !open {
			return next
		}
	}
	return min(next, int(due-c.start))
}

// monthlyPence returns the person's pay for the month in pence, using cache
// for unprotected salaries.
func (s *person) monthlyPence(cache *payCache) int64 {
	if s.hasProt {
		if !s.protOK {
			s.protPence, s.protOK = s.pence(money.MonthlyPay(s.prot, s.fte)), true
		}
		return s.protPence
	}
	slot := s.c.tables[s.table].scales[s.band].slot + s.point
	v := cache.monthly[slot]
	if v == unset {
		v = s.pence(money.MonthlyPay(s.c.tables[s.table].scales[s.band].salary[s.point], s.fte))
		cache.monthly[slot] = v
	}
	return v
}

// lumpPence returns the lump sums paid to the person in month index mi, in
// pence: each is rounded to the penny for the person.
func (s *person) lumpPence(mi int, cache *payCache) int64 {
	var total int64
	for i := range s.c.lumps[mi] {
		l := &s.c.lumps[mi][i]
		if !s.gets(l) {
			continue
		}
		if s.hasProt {
			s.add(&total, s.pence(lumpAmount(l.amount, l.rate, s.salary(), s.fte)))
			continue
		}
		slot := s.c.tables[s.table].scales[s.band].slot + s.point
		at := l.id*s.c.slots + slot
		v := cache.lump[at]
		if v == unset {
			v = s.pence(lumpAmount(l.amount, l.rate, s.salary(), s.fte))
			cache.lump[at] = v
		}
		s.add(&total, v)
	}
	return total
}

// gets reports whether lump sum l is paid to the person in its month: they
// are in one of its bands and, for an at-top-only sum, on their band's top
// point.
func (s *person) gets(l *clump) bool {
	return (l.bands == nil || l.bands[s.band]) && (!l.atTop || s.atTop())
}

// lumpAmount is one person's lump sum: amount × fte, or rate × full-time
// salary × fte when rate is non-zero, rounded to the penny.
func lumpAmount(amount, rate, salary, fte decimal.Decimal) decimal.Decimal {
	return money.Penny(fullTimeLump(amount, rate, salary).Mul(fte))
}

// fullTimeLump is a lump sum's full-time value: rate × salary when rate is
// non-zero, else amount.
func fullTimeLump(amount, rate, salary decimal.Decimal) decimal.Decimal {
	if !rate.IsZero() {
		return rate.Mul(salary)
	}
	return amount
}

// daysPerYear is the working days in a year used for CPD time: 52.143 × 5.
var daysPerYear = paystructure.WeeksPerYear.Mul(decimal.NewFromInt(5))

// cpdTimeAmount is the cost of a year's paid CPD days for one person: the
// daily rate (salary × fte ÷ 260.715, rounded to the penny) × days, rounded
// to the penny.
func cpdTimeAmount(salary, fte, days decimal.Decimal) decimal.Decimal {
	daily := salary.Mul(fte).DivRound(daysPerYear, 2)
	return money.Penny(daily.Mul(days))
}

// cpdPence returns the person's CPD time cost for a year on their current
// salary, in pence.
func (s *person) cpdPence(cache *payCache, days decimal.Decimal) int64 {
	if s.hasProt {
		return s.pence(cpdTimeAmount(s.salary(), s.fte, days))
	}
	slot := s.c.tables[s.table].scales[s.band].slot + s.point
	v := cache.cpd[slot]
	if v == unset {
		v = s.pence(cpdTimeAmount(s.c.tables[s.table].scales[s.band].salary[s.point], s.fte, days))
		cache.cpd[slot] = v
	}
	return v
}

// unset marks a cache slot not yet computed.
const unset = -1 << 63

// payCache holds, for one timeline and one FTE, the monthly pay, yearly
// CPD time cost and each lump sum of every (table, band, point), in pence.
type payCache struct {
	monthly []int64
	cpd     []int64
	lump    []int64 // by lump sum id × slots + slot
}

func newPayCache(c *compiled) *payCache {
	pc := &payCache{monthly: make([]int64, c.slots), cpd: make([]int64, c.slots), lump: make([]int64, c.nLumps*c.slots)}
	for i := range pc.monthly {
		pc.monthly[i], pc.cpd[i] = unset, unset
	}
	for i := range pc.lump {
		pc.lump[i] = unset
	}
	return pc
}

// payCaches returns c's pay cache for an FTE key (pathKey.fte), each made
// on first use: a path's cached amounts depend on its FTE.
func payCaches(c *compiled) func(fte int64) *payCache {
	caches := map[int64]*payCache{}
	return func(fte int64) *payCache {
		pc := caches[fte]
		if pc == nil {
			pc = newPayCache(c)
			caches[fte] = pc
		}
		return pc
	}
}

// pence converts an amount already rounded to the penny to integer pence,
// setting s.overflow when it does not fit in 64 bits (exact.Pence).
func (s *person) pence(d decimal.Decimal) int64 {
	p, ok := exact.Pence(d)
	if !ok {
		s.overflow = true
	}
	return p
}

// add adds v to *dst, setting s.overflow when the sum does not fit in 64
// bits.
func (s *person) add(dst *int64, v int64) {
	if !exact.AddTo(dst, v) {
		s.overflow = true
	}
}
