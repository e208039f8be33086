package projection

import (
	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
)

// Career is the path of a full-time new entrant who starts at the bottom of
// a band on a timeline's start date.
type Career struct {
	Scenario string
	Band     string // starting band
	Years    []CareerYear
	// YearsToTop is the time from the start until the entrant first stands on
	// the top point of their starting band, in years to 2 places (months ÷
	// 12); nil when that does not happen within the horizon.
	YearsToTop *decimal.Decimal
	// Earnings is basic pay plus lump sums over the whole horizon, in pounds.
	Earnings decimal.Decimal
}

// CareerYear is one pay year of a Career.
type CareerYear struct {
	Year int           // 1-based pay year
	Date calendar.Date // first day of the pay year
	// Band, Point and Salary are where the entrant stands on Date, after any
	// move or progression that day; Salary is the annual full-time salary
	// (their protected salary if higher).
	Band, Point string
	Salary      decimal.Decimal
	Basic       decimal.Decimal // sum of the year's 12 monthly pays
	LumpSums    decimal.Decimal // lump sums paid in the year
	Earnings    decimal.Decimal // Basic + LumpSums
	Cumulative  decimal.Decimal // Earnings of this and every earlier year
}

// Careers returns, for each band of tl in display order, the career of a
// full-time new entrant at the band's bottom point on tl.Start with time at
// point 0 and cpdHours CPD hours a year. A nil cpdHours means the hours are
// unrecorded: the entrant meets every CPD requirement but does not qualify
// for acceleration.
func Careers(tl *paystructure.Timeline, cpdHours *decimal.Decimal) ([]Career, error) {
	c, err := compile(tl)
	if err != nil {
		return nil, err
	}
	var cpd decimal.Decimal
	if cpdHours != nil {
		cpd = *cpdHours
	}
	out := make([]Career, 0, len(c.bands))
	for b := range c.bands {
		out = append(out, career(c, b, cpd, cpdHours != nil))
	}
	return out, nil
}

func career(c *compiled, band int, cpd decimal.Decimal, recorded bool) Career {
	s := newPerson(c, true, decimal.NewFromInt(1), cpd, recorded)
	s.startEntrant(band, 0)
	car := Career{Scenario: c.tl.Scenario, Band: c.bands[band]}
	var years payYears
	for mi := 0; mi < c.n; mi++ {
		s.step(mi)
		if car.YearsToTop == nil && s.band == band && s.atTop() {
			y := decimal.NewFromInt(int64(mi)).DivRound(money.Twelve, 2)
			car.YearsToTop = &y
		}
		years.pay(&s, mi)
	}
	car.Years, car.Earnings = years.done, years.cum
	return car
}

// payYears adds up one person's pay month by month into pay years, for
// careers and member tracks (census costing adds up in integer pence
// instead, see run). A month's pay changes only with the person's salary,
// so it is worked out (money.MonthlyPay) when the salary changes, and a run
// of n months at one pay is added as pay × n: the same sum as n additions
// of the penny-rounded pay, for a few decimal operations a year instead of
// two dozen.
type payYears struct {
	done         []CareerYear
	year         CareerYear
	basic, lumps decimal.Decimal
	cum          decimal.Decimal

	salary  decimal.Decimal // the salary monthly is the pay of
	monthly decimal.Decimal
	priced  bool // salary and monthly are set
	months  int64
}

// pay records month index mi, after s has stepped to it: where the person
// stands on the first day of a pay year, and every month's pay and lump sums.
func (y *payYears) pay(s *person, mi int) {
	c := s.c
	if y.done == nil {
		y.done = make([]CareerYear, 0, (c.n+11)/12)
	}
	if mi%12 == 0 {
		y.year = CareerYear{
			Year:   mi/12 + 1,
			Date:   c.month(mi).First(),
			Band:   c.bands[s.band],
			Point:  c.tables[s.table].scales[s.band].labels[s.point],
			Salary: s.salary(),
		}
		y.basic, y.lumps = decimal.Zero, decimal.Zero
	}
	if sal := s.salary(); !y.priced || !sal.Equal(y.salary) {
		y.addMonths()
		y.salary, y.monthly, y.priced = sal, money.MonthlyPay(sal, s.fte), true
	}
	y.months++
	for _, l := range c.lumps[mi] {
		if !s.gets(&l) {
			continue
		}
		y.lumps = y.lumps.Add(lumpAmount(l.amount, l.rate, s.salary(), s.fte))
	}
	if mi%12 == 11 {
		y.addMonths()
		y.year.Basic, y.year.LumpSums = y.basic, y.lumps
		y.year.Earnings = y.basic.Add(y.lumps)
		y.cum = y.cum.Add(y.year.Earnings)
		y.year.Cumulative = y.cum
		y.done = append(y.done, y.year)
	}
}

// addMonths adds the months since the last addition, all at the pay
// monthly, to the year's basic pay.
func (y *payYears) addMonths() {
	switch y.months {
	case 0:
		return
	case 1:
		y.basic = y.basic.Add(y.monthly)
	default:
		y.basic = y.basic.Add(y.monthly.Mul(decimal.NewFromInt(y.months)))
	}
	y.months = 0
}
