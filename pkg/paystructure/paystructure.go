// Package paystructure owns the domain of paymodel: bands, their ordered pay
// points, the progression rules that move people up them, a census of the
// people on them, and the timeline of pay tables a scenario produces. It knows
// no file formats: package dataset reads these values from CSV, package
// scenario derives timelines from them.
package paystructure

import (
	"fmt"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/money"
)

// ProgressionKind says when people move up a point.
type ProgressionKind int

const (
	// Anniversary: a person moves up on the first of the month on or after
	// they complete the point's months.
	Anniversary ProgressionKind = iota
	// FixedDate: everyone eligible moves up on one date each year.
	FixedDate
)

// DefaultQualifyingMonths is the time at a point a fixed-date scheme requires
// by the progression date when bands.csv leaves it blank.
const DefaultQualifyingMonths = 6

// DefaultPointMonths is the normal time at a point before the next.
const DefaultPointMonths = 12

// DefaultWeeklyHours is the full-time week when bands.csv leaves it blank.
var DefaultWeeklyHours = decimal.NewFromInt(37)

// WeeksPerYear converts weekly hours to annual hours (52.143, i.e. 365/7
// rounded to three places, as UK pay bodies use).
var WeeksPerYear = decimal.RequireFromString("52.143")

// Progression is a band's rule for moving up its points.
type Progression struct {
	Kind ProgressionKind
	// On is the yearly progression date of a FixedDate scheme.
	On calendar.AnnualDate
	// QualifyingMonths is the time at the point needed by the date (FixedDate
	// only): a person moves if months at point ≥ point months − 12 + this.
	QualifyingMonths int
}

// Describe is the one description of the rule in words: "anniversary", or
// for a fixed-date rule "each " and its date followed by its qualifying
// months written by qualifying, a format with one %d verb. The comparison's
// appendix passes " (%d months qualifying)" ("each 04-01 (6 months
// qualifying)"), validate's summary ", %d months qualifying" ("each 04-01,
// 6 months qualifying"), and "" leaves the months out ("each 04-01").
func (p Progression) Describe(qualifying string) string {
	if p.Kind == Anniversary {
		return "anniversary"
	}
	s := "each " + p.On.String()
	if qualifying != "" {
		s += fmt.Sprintf(qualifying, p.QualifyingMonths)
	}
	return s
}

// String is Describe without the qualifying months ("anniversary", "each
// 04-01").
func (p Progression) String() string { return p.Describe("") }

// Band is a pay band as bands.csv describes it.
type Band struct {
	Name        string // unique label, e.g. "Band 4"
	Title       string // e.g. "Probation officer"
	WeeklyHours decimal.Decimal
	Order       int // display order; bands are kept sorted by it
	Progression Progression
}

// Point is one pay point of a band.
type Point struct {
	Label string
	// Salary is the annual full-time salary in pounds.
	Salary decimal.Decimal
	// Months is the normal time at this point before the next (ignored at the
	// top point).
	Months int
	// CPDHours is the CPD in the preceding 12 months needed to progress from
	// this point (0: none).
	CPDHours decimal.Decimal
	// Derivation is how Salary was produced, base value first. Empty for
	// values read straight from the dataset.
	Derivation []Step
	// Status says whether the dataset's salary is a published figure
	// (the default) or one derived or made up for illustration
	// (increments.csv's status column). In a scenario's tables it is the
	// status of the dataset salary the point's salary is worked out from:
	// an uplift or flat sum keeps it (a published point stays published,
	// an illustrative one stays illustrative, since the value depends on
	// it), while a salary an award sets outright (set, floor_hourly,
	// add_point) is the offer's own figure, so Published.
	Status Status
}

// Status is where a dataset's salary comes from. The zero value is
// Published; a larger value is further from a published figure, so the
// status of a figure worked out from several salaries is their Max.
type Status int

const (
	Published    Status = iota // a published figure
	Derived                    // worked out from published figures, or published with less than high confidence
	Illustrative               // made up to show how the model works
)

// String is the status as increments.csv writes it: "published",
// "derived" or "illustrative".
func (s Status) String() string {
	switch s {
	case Derived:
		return "derived"
	case Illustrative:
		return "illustrative"
	}
	return "published"
}

// Max returns the status further from published of s and o.
func (s Status) Max(o Status) Status { return max(s, o) }

// Step is one step of a derivation, e.g. "£37,500.00 × 1.04 = £39,000.00"
// with the source "offer.toml:9".
type Step struct {
	Text   string
	Source string
}

// Scale is one band's points in a structure, in ascending salary order.
type Scale struct {
	Band   string
	Points []Point
}

// Index returns the position of the point labelled label, or -1.
func (s Scale) Index(label string) int {
	for i, p := range s.Points {
		if p.Label == label {
			return i
		}
	}
	return -1
}

// Top returns the top point of the scale.
func (s Scale) Top() Point { return s.Points[len(s.Points)-1] }

// Status returns the Status of the point labelled label, or Published when
// the scale has no such point.
func (s Scale) Status(label string) Status {
	if i := s.Index(label); i >= 0 {
		return s.Points[i].Status
	}
	return Published
}

// Structure is every band's scale from one effective date.
type Structure struct {
	// EffectiveFrom is when this structure took effect; zero for an undated
	// dataset with a single structure.
	EffectiveFrom calendar.Date
	Scales        []Scale // in band display order
}

// Scale returns the scale of band, if the structure has it.
func (s Structure) Scale(band string) (Scale, bool) { return findScale(s.Scales, band) }

func findScale(scales []Scale, band string) (Scale, bool) {
	for _, sc := range scales {
		if sc.Band == band {
			return sc, true
		}
	}
	return Scale{}, false
}

// IndexPoint is one value of a price index (e.g. CPI) on a date.
type IndexPoint struct {
	// Series names the measure ("CPI", "CPIH", "RPI", or any name); "" in
	// a file of one unnamed series.
	Series string
	Date   calendar.Date
	Index  decimal.Decimal
	// Forecast marks a projected value (inflation.csv status "forecast"),
	// never a published one; Source says where it came from, when given.
	Forecast bool
	Source   string
}

// Floor is one value of a wage floor (floors.csv): from Date, an hourly
// rate of at least Hourly under the floor Name (e.g. "National Living
// Wage"). Forecast marks a projected value, never a published one.
type Floor struct {
	Date     calendar.Date
	Name     string
	Hourly   decimal.Decimal
	Forecast bool
}

// OnCost is an employer cost on top of pay: rate × max(0, pay − Threshold),
// per person and pay year, rounded to the penny.
type OnCost struct {
	Name      string
	Rate      decimal.Decimal // a fraction: 15% is 0.15
	Threshold decimal.Decimal // annual pounds per person
}

// Person is one census row: a person, or Count identical people.
type Person struct {
	Line      int // line in staff.csv, for messages
	ID        string
	Name      string
	Band      string
	Point     string
	FTE       decimal.Decimal // 0 < FTE ≤ 1
	PointDate calendar.Date   // zero: not recorded
	StartDate calendar.Date   // zero: not recorded
	// CPDHours is the person's CPD hours a year; CPDRecorded is false when the
	// census left it blank, which counts as meeting every CPD requirement.
	CPDHours    decimal.Decimal
	CPDRecorded bool
	Count       int64
	// Attributes holds the values of the census's attribute columns, in the
	// order of Census.AttributeNames.
	Attributes []string
}

// Group is a set of census rows identical in everything that decides a
// career path and in their attributes, added together. Identity (ID, Name,
// Line) is dropped.
type Group struct {
	Band  string
	Point string
	FTE   decimal.Decimal
	// PointDate is the first of the month from which the group's time at
	// its point counts: the first of the month on or after the date they
	// reached it (the only part of the date the model uses). Zero when the
	// census does not record it.
	PointDate   calendar.Date
	CPDHours    decimal.Decimal
	CPDRecorded bool
	Attributes  []string
	Count       int64 // how many people the group stands for
}

// Census is a workforce aggregated into groups. Its size grows with the
// number of distinct groups, not the number of people.
type Census struct {
	AttributeNames []string
	Groups         []Group // sorted by band order, point order, then the other fields
	Headcount      int64
	Rows           int64 // census rows read
}

// Dataset is a validated pay structure with its optional tables.
type Dataset struct {
	Name       string
	Bands      []Band      // sorted by Order
	Structures []Structure // ascending EffectiveFrom; at least one
	// Inflation holds every price-index series, series by series in the
	// order each first appears in inflation.csv, each in date order.
	Inflation []IndexPoint
	OnCosts   []OnCost
	// Floors are the wage floors of floors.csv, by name in the order each
	// first appears, each in date order; nil without the file.
	Floors []Floor
	Census *Census // nil when there is no staff.csv
	// Checksum is a short hash of the input files' bytes, printed on reports
	// so anyone can check they reproduce the same figures from the same data.
	Checksum string
	Warnings []string
}

// Band returns the band named name.
func (d *Dataset) Band(name string) (Band, bool) {
	for _, b := range d.Bands {
		if b.Name == name {
			return b, true
		}
	}
	return Band{}, false
}

// Latest returns the most recent structure.
func (d *Dataset) Latest() Structure { return d.Structures[len(d.Structures)-1] }

// YearsToTop returns the normal time from a scale's entry point to its top
// in years (the sum of every point's months but the top's, ÷ 12, to 2 places).
func YearsToTop(s Scale) decimal.Decimal {
	months := 0
	for _, p := range s.Points[:len(s.Points)-1] {
		months += p.Months
	}
	return decimal.NewFromInt(int64(months)).DivRound(decimal.NewFromInt(12), 2)
}

// Order says what happens first when points are removed on a date on which
// someone is also due to progress.
type Order int

const (
	// AssimilateFirst moves people off removed points, then progresses them.
	AssimilateFirst Order = iota
	// ProgressFirst progresses people on the old scale, then assimilates.
	ProgressFirst
)

func (o Order) String() string {
	if o == ProgressFirst {
		return "progress-first"
	}
	return "assimilate-first"
}

// CPDRules link progression to CPD hours.
type CPDRules struct {
	// Hours is the minimum CPD in the preceding 12 months to pass any point;
	// the requirement at a point is the higher of this and the point's own.
	Hours decimal.Decimal
	// AccelerateHours, when positive, moves a person who reaches it up
	// AcceleratePoints at once instead of one (never past the top).
	AccelerateHours  decimal.Decimal
	AcceleratePoints int
}

// Pathway moves people from the top of one band into another.
type Pathway struct {
	From, To    string
	AfterMonths int             // months at the top of From
	CPDHours    decimal.Decimal // CPD in the preceding 12 months needed
	Source      string          // file:line
}

// Rules are the progression rules in force under a scenario.
type Rules struct {
	// Progression per band name (the dataset's, or the scenario's override).
	Progression map[string]Progression
	// Freeze lists progression months on which nobody progresses.
	Freeze   []calendar.Month
	CPD      CPDRules
	Pathways []Pathway
	Order    Order
}

// Move assimilates people on a removed or merged point at a table's start.
type Move struct {
	Band, From, To string
	// Protect keeps the person's old salary until their point pays more
	// (used when a band's top point is removed).
	Protect bool
}

// Table is the pay structure in force from a month.
type Table struct {
	From   calendar.Month
	Scales []Scale // every band, in display order
	// Moves are applied to people at From, before or after progression due
	// that month according to Rules.Order.
	Moves []Move
	// Awards names the awards that produced this table from the previous one.
	Awards []string
}

// Scale returns band's scale in the table.
func (t Table) Scale(band string) (Scale, bool) { return findScale(t.Scales, band) }

// LumpSum is a non-consolidated one-off payment.
type LumpSum struct {
	Paid calendar.Month
	// Amount is a cash sum (when Rate is zero), paid pro rata FTE.
	Amount decimal.Decimal
	// Rate is a fraction of the person's full-time salary, paid pro rata FTE.
	Rate      decimal.Decimal
	Bands     []string // empty: every band
	AtTopOnly bool
	Source    string
}

// Timeline is what a scenario does to a dataset: the tables in force month
// by month over its horizon, the rules that move people, and one-off
// payments. The Current baseline is a timeline with a single table.
type Timeline struct {
	Scenario    string // name; "Current" for the baseline
	Description string
	Start       calendar.Month
	Years       int
	Bands       []Band  // display order
	Tables      []Table // ascending From; Tables[0].From == Start
	// Prior is the structure in force just before the start when awards
	// fall on the start date (nil otherwise): the census starts on it and
	// meets Tables[0], its moves and the progression due at the start in
	// Rules.Order, as it meets any later table. It is in force in no month.
	Prior    *Table
	Rules    Rules
	LumpSums []LumpSum
	// Rounding is the rule that rounded the salaries the awards produced
	// (money.RoundNone for Current); reports say it with its Describe.
	Rounding money.Rule
	// CPDDays is the paid CPD time a year the scenario grants (0: none).
	CPDDays decimal.Decimal
	Source  string // scenario file, verbatim text kept for appendices
	Text    string

	// Implemented is the month the deal is put into pay, when it is later
	// than the awards it backdates (nil: each award is paid from its date).
	// Until then people are paid Current's pay; in that month they are
	// paid the difference as arrears (package projection).
	Implemented *calendar.Month
	// ArrearsToLeavers pays arrears to people who left before Implemented
	// for the months they were in post; false pays only those in post in
	// the implementation month.
	ArrearsToLeavers bool
}

// CensusStart returns the table the census starts on: Prior when awards
// fall on the start date, else Tables[0].
func (t *Timeline) CensusStart() *Table {
	if t.Prior != nil {
		return t.Prior
	}
	return &t.Tables[0]
}

// End returns the first month after the horizon.
func (t *Timeline) End() calendar.Month { return t.Start + calendar.Month(12*t.Years) }

// TableAt returns the table in force in month m.
func (t *Timeline) TableAt(m calendar.Month) *Table {
	i := len(t.Tables) - 1
	for i > 0 && t.Tables[i].From > m {
		i--
	}
	return &t.Tables[i]
}
