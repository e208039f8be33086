package scenario

import (
	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
)

// Horizon limits and defaults.
const (
	DefaultYears = 10
	MinYears     = 1
	MaxYears     = 50
)

// Scenario is one parsed scenario file. Parse has checked everything that can
// be checked without a dataset; Apply checks the rest.
type Scenario struct {
	Name        string
	Description string
	// Start is the first day of the first pay year, always the first of a
	// month; zero means the dataset's latest structure date (see Apply).
	Start    calendar.Date
	Years    int // horizon in years, MinYears–MaxYears
	Rounding money.Rule
	Order    paystructure.Order
	// CPDDays is the paid CPD days a year the scenario grants (0: none).
	CPDDays     decimal.Decimal
	Awards      []Award   // in file order
	LumpSums    []LumpSum // in file order
	Progression *Progression
	File        string // the file name given to Parse
	Text        string // the file's verbatim text

	// Implemented is the first day of the month the deal is put into pay
	// (zero: on time). Awards dated before it are paid at Current's rates
	// until then and their difference as arrears in that month; it is on
	// or after Start and within the horizon.
	Implemented calendar.Date
	// ArrearsToLeavers says whether people who leave before Implemented
	// (turnover) are paid arrears for the months they were in post; false,
	// the default, pays arrears only to people in post in the
	// implementation month.
	ArrearsToLeavers bool

	// startPos and namePos are where Parse found the start and name
	// keys, for Check's and Apply's messages; implementedPos the
	// implemented key's value.
	startPos       Pos
	namePos        Pos
	implementedPos Pos
}

// Award is one [[award]] table. Exactly one of its operations is set:
// Uplift or Flat (with optional Minimum and Maximum), Set, RemovePoints,
// AddPoint or FloorHourly.
type Award struct {
	N    int           // 1-based position among the file's awards, as in "award 2"
	From calendar.Date // first of a month
	Pos  Pos           // the [[award]] header

	Uplift  *decimal.Decimal // a fraction: "3%" is 0.03
	Flat    *decimal.Decimal // pounds a year
	Minimum *Bound
	Maximum *Bound
	Select  Selection

	Set          []SetPoint
	RemovePoints []BandPoints
	AddPoint     *NewPoint
	// FloorHourly is the lowest hourly rate in pounds.
	FloorHourly *decimal.Decimal

	pos map[string]Pos // where each key's value is, for messages
}

// Bound is an award's underpin or cap on the rise of a point: an amount in
// pounds, or (IsRate) a fraction of the point's salary before the award.
type Bound struct {
	Amount decimal.Decimal
	Rate   decimal.Decimal
	IsRate bool
}

// Of returns the bound in pounds for a point paid salary before the award.
func (b Bound) Of(salary decimal.Decimal) decimal.Decimal {
	if b.IsRate {
		return salary.Mul(b.Rate)
	}
	return b.Amount
}

func (b Bound) String() string {
	if b.IsRate {
		return money.RateText(b.Rate)
	}
	return money.AmountText(b.Amount)
}

// Selection chooses the points an uplift, flat or floor_hourly award
// changes. The zero Selection selects every point of every band.
type Selection struct {
	Bands  []string // empty: every band
	Points []string // point labels; empty: every point
	// SalaryBelow and SalaryFrom select by the salary before the award:
	// below SalaryBelow, and at least SalaryFrom.
	SalaryBelow *decimal.Decimal
	SalaryFrom  *decimal.Decimal
}

// IsZero reports whether the selection selects everything.
func (s Selection) IsZero() bool {
	return len(s.Bands) == 0 && len(s.Points) == 0 && s.SalaryBelow == nil && s.SalaryFrom == nil
}

// SetPoint sets one point's salary.
type SetPoint struct {
	Band, Point string
	Salary      decimal.Decimal
	Pos         Pos
}

// BandPoints lists points of a band, for remove_points.
type BandPoints struct {
	Band   string
	Points []string
	Pos    Pos
}

// NewPoint is an add_point: a new label in a band, placed by its salary, with
// paystructure.DefaultPointMonths months and no CPD requirement.
type NewPoint struct {
	Band, Point string
	Salary      decimal.Decimal
}

// LumpSum is one [[lump_sum]] table: a non-consolidated payment, an amount
// or (IsRate) a fraction of full-time salary, pro rata FTE.
type LumpSum struct {
	Paid      calendar.Date // first of a month
	Amount    decimal.Decimal
	Rate      decimal.Decimal
	IsRate    bool
	Bands     []string
	AtTopOnly bool
	Pos       Pos
}

// Progression is the [progression] table: it overrides the dataset's
// progression rules.
type Progression struct {
	// On, when set, replaces every band's progression rule; nil keeps each
	// band's rule from bands.csv.
	On       *paystructure.Progression
	Freeze   []calendar.Date
	CPD      paystructure.CPDRules
	Pathways []paystructure.Pathway
	Pos      Pos

	freezePos []Pos
	pathPos   []Pos
}
