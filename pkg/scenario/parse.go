package scenario

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/diag"
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

	startPos Pos
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

// The shape of the file as decoded. Every value is decoded as any and
// checked here, so that one wrong type does not stop the others being found.
type rawScenario struct {
	Name        any             `toml:"name"`
	Description any             `toml:"description"`
	Start       any             `toml:"start"`
	Years       any             `toml:"years"`
	Rounding    any             `toml:"rounding"`
	Order       any             `toml:"order"`
	CPDDays     any             `toml:"cpd_days"`
	Award       []rawAward      `toml:"award"`
	LumpSum     []rawLumpSum    `toml:"lump_sum"`
	Progression *rawProgression `toml:"progression"`
}

type rawAward struct {
	From         any          `toml:"from"`
	Uplift       any          `toml:"uplift"`
	Flat         any          `toml:"flat"`
	Minimum      any          `toml:"minimum"`
	Maximum      any          `toml:"maximum"`
	Bands        any          `toml:"bands"`
	Points       any          `toml:"points"`
	SalaryBelow  any          `toml:"salary_below"`
	SalaryFrom   any          `toml:"salary_from"`
	RemovePoints any          `toml:"remove_points"`
	Set          any          `toml:"set"`
	AddPoint     *rawAddPoint `toml:"add_point"`
	FloorHourly  any          `toml:"floor_hourly"`
}

type rawAddPoint struct {
	Band   any `toml:"band"`
	Point  any `toml:"point"`
	Salary any `toml:"salary"`
}

type rawLumpSum struct {
	Paid      any `toml:"paid"`
	Amount    any `toml:"amount"`
	Bands     any `toml:"bands"`
	AtTopOnly any `toml:"at_top_only"`
}

type rawProgression struct {
	On               any          `toml:"on"`
	QualifyingMonths any          `toml:"qualifying_months"`
	Freeze           any          `toml:"freeze"`
	CPD              *rawCPD      `toml:"cpd"`
	Pathway          []rawPathway `toml:"pathway"`
}

type rawCPD struct {
	Hours            any `toml:"hours"`
	AccelerateHours  any `toml:"accelerate_hours"`
	AcceleratePoints any `toml:"accelerate_points"`
}

type rawPathway struct {
	From        any `toml:"from"`
	To          any `toml:"to"`
	AfterMonths any `toml:"after_months"`
	CPDHours    any `toml:"cpd_hours"`
}

// Keys whose values are tables the parser reads itself (their inner keys are
// band names and point labels, not keys of the format).
var freeFormKeys = [][]string{{"award", "set"}, {"award", "remove_points"}}

// Parse reads a scenario file. filename is used in messages and Source
// fields. Every problem found is reported, as an ErrorList sorted by position;
// each names the file, line and column.
//
// A file over one of the limits (MaxFileBytes, MaxDepth, MaxKeys,
// MaxListElements, MaxKeyParts, MaxKeyBytes) is refused before it is decoded,
// with an error for each key over a limit (and for the first key and list
// element over the count of each); its other problems are
// reported once it is within them.
func Parse(filename string, src []byte) (*Scenario, error) {
	if len(src) > MaxFileBytes {
		return nil, ErrorList{{File: filename, Msg: fmt.Sprintf("%s bytes is larger than 1 MiB, which no scenario file is (is this the right file?)", thousands(len(src)))}}.err()
	}
	text := string(src)
	if list, _ := prescan(filename, text); len(list) > 0 {
		return nil, list.err()
	}
	var raw rawScenario
	md, err := toml.Decode(text, &raw)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line, col := lineCol(src, pe.Position)
			return nil, ErrorList{{File: filename, Line: line, Col: col, Msg: pe.Message}}.err()
		}
		return nil, ErrorList{shapeError(filename, err)}.err()
	}
	p := &parser{file: filename, loc: locate(text)}
	sc := &Scenario{File: filename, Text: text, Years: DefaultYears, Rounding: money.RoundPound}
	if p.tooMany(keyPath("award"), len(raw.Award), MaxAwards) || p.tooMany(keyPath("lump_sum"), len(raw.LumpSum), MaxLumpSums) {
		return nil, p.errs.list.err()
	}
	p.unknownKeys(md)
	p.top(&raw, sc)
	for i := range raw.Award {
		sc.Awards = append(sc.Awards, p.award(&raw.Award[i], keyPath("award").index(i), i+1, sc))
	}
	for i := range raw.LumpSum {
		sc.LumpSums = append(sc.LumpSums, p.lumpSum(&raw.LumpSum[i], keyPath("lump_sum").index(i), sc))
	}
	if raw.Progression != nil {
		sc.Progression = p.progression(raw.Progression)
	}
	if !sc.Start.IsZero() {
		p.horizon(sc, sc.Start)
	}
	if err := p.errs.list.err(); err != nil {
		return nil, err
	}
	return sc, nil
}

// lineCol turns a decoder error position into a line and column. The
// decoder's byte offset is more precise than its line (which can point past
// an unterminated construct), so it is preferred.
func lineCol(src []byte, p toml.Position) (line, col int) {
	if p.Start < 0 || p.Start > len(src) || (p.Start == 0 && p.Line > 1) {
		return p.Line, 0
	}
	before := src[:p.Start]
	nl := bytes.LastIndexByte(before, '\n')
	return 1 + bytes.Count(before, []byte{'\n'}), utf8.RuneCount(before[nl+1:]) + 1
}

// tableExamples shows how each table of the format is written.
var tableExamples = map[string]string{
	"award":               "[[award]]",
	"lump_sum":            "[[lump_sum]]",
	"progression":         "[progression]",
	"progression.cpd":     "[progression.cpd]",
	"progression.pathway": "[[progression.pathway]]",
	"award.add_point":     `add_point = { band = "Band 4", point = "6", salary = "£46,500" }`,
}

var lastKeyRE = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\)`)

// shapeError rewrites the decoder's error for a value where the format has a
// table ("award = 3") as a positioned message.
func shapeError(file string, err error) *Error {
	m := lastKeyRE.FindStringSubmatch(err.Error())
	if m == nil {
		return &Error{File: file, Msg: strings.TrimPrefix(err.Error(), "toml: ")}
	}
	line, _ := strconv.Atoi(m[1])
	e := &Error{File: file, Line: line, Msg: diag.Clip(m[2]) + ": expected a table"}
	if ex, ok := tableExamples[m[2]]; ok {
		e.Msg += ", written " + ex
	}
	return e
}

type parser struct {
	file string
	loc  *locations
	errs errs
}

func (p *parser) keyPos(k path) Pos   { return p.loc.keyPos(p.file, k) }
func (p *parser) valuePos(k path) Pos { return p.loc.valuePos(p.file, k) }

// name is the key's name for messages: its last segment (cut by clip).
func name(k path) string {
	segs := k.plain()
	return diag.Clip(segs[len(segs)-1])
}

func (p *parser) unknownKeys(md toml.MetaData) {
	undecoded := map[string]bool{}
	for _, k := range md.Undecoded() {
		undecoded[k.String()] = true
	}
	// Where each key is, by its path without array indexes, so that finding
	// every unknown key costs one pass over the file's keys.
	byPlain := map[string][]path{}
	for _, at := range p.loc.order {
		if !at.isElem() {
			plain := strings.Join(at.plain(), pathSep)
			byPlain[plain] = append(byPlain[plain], at)
		}
	}
	for _, k := range md.Undecoded() {
		skip := false
		for n := 1; n < len(k); n++ {
			if undecoded[k[:n].String()] {
				skip = true // report an unknown table once, not each key in it
			}
		}
		for _, ff := range freeFormKeys {
			if len(k) > len(ff) && slices.Equal(k[:len(ff)], ff) {
				skip = true
			}
		}
		if skip {
			continue
		}
		found := false
		for _, at := range byPlain[strings.Join(k, pathSep)] {
			found = true
			p.errs.at(p.keyPos(at), "unknown key %q%s", k[len(k)-1], where(k))
		}
		// A key deeper than the locator records is placed at its longest
		// recorded ancestor that stands for deeper paths.
		for n := len(k) - 1; n > 0 && !found; n-- {
			for _, at := range byPlain[strings.Join(k[:n], pathSep)] {
				if truncated(at) {
					found = true
					p.errs.at(p.keyPos(at), "unknown key %q%s", k[len(k)-1], where(k))
					break
				}
			}
		}
		if !found {
			p.errs.at(Pos{File: p.file}, "unknown key %q", k.String())
		}
	}
}

func where(k toml.Key) string {
	if len(k) == 1 {
		return ""
	}
	parent := diag.Clip(k[:len(k)-1].String())
	switch parent {
	case "award", "lump_sum", "progression.pathway":
		return " in [[" + parent + "]]"
	}
	return " in [" + parent + "]"
}

// tooMany reports, at the first table over the limit, an array of tables k
// with more than limit entries.
func (p *parser) tooMany(k path, n, limit int) bool {
	if n <= limit {
		return false
	}
	p.errs.at(p.keyPos(k.index(limit)), "more than %d [[%s]] tables; a scenario has a few (is this the right file?)", limit, name(k))
	return true
}

func (p *parser) top(raw *rawScenario, sc *Scenario) {
	if s, ok := p.str(keyPath("name"), raw.Name); ok {
		sc.Name = strings.TrimSpace(s)
		if n := utf8.RuneCountInString(sc.Name); n > MaxNameChars {
			p.errs.at(p.valuePos("name"), "name: %q is %s characters long; a name may have at most %d (it heads columns and charts)", sc.Name, thousands(n), MaxNameChars)
		}
	}
	if sc.Name == "" {
		if raw.Name == nil {
			p.errs.at(Pos{File: p.file, Line: 1, Col: 1}, `name is missing: every scenario needs one, e.g. name = "Employer offer 2025-27"`)
		} else {
			p.errs.at(p.valuePos("name"), "name is empty")
		}
	}
	if s, ok := p.str("description", raw.Description); ok {
		sc.Description = s
	}
	if raw.Start != nil {
		if d, ok := p.date("start", raw.Start, "a scenario starts"); ok {
			sc.Start = d
			sc.startPos = p.valuePos("start")
		}
	}
	if raw.Years != nil {
		if n, ok := p.integer("years", raw.Years); ok {
			if n < MinYears || n > MaxYears {
				p.errs.at(p.valuePos("years"), "years: %d is out of range (write %d to %d)", n, MinYears, MaxYears)
			} else {
				sc.Years = n
			}
		}
	}
	if s, ok := p.str("rounding", raw.Rounding); ok {
		if r, err := money.ParseRule(s); err != nil {
			p.errs.at(p.valuePos("rounding"), "rounding: %q is %v", s, err)
		} else {
			sc.Rounding = r
		}
	}
	if s, ok := p.str("order", raw.Order); ok {
		switch s {
		case "assimilate-first":
			sc.Order = paystructure.AssimilateFirst
		case "progress-first":
			sc.Order = paystructure.ProgressFirst
		default:
			p.errs.at(p.valuePos("order"), `order: %q is not an order (write "assimilate-first" or "progress-first")`, s)
		}
	}
	if raw.CPDDays != nil {
		if d, ok := p.number("cpd_days", raw.CPDDays); ok {
			if d.GreaterThan(decimal.NewFromInt(366)) {
				p.errs.at(p.valuePos("cpd_days"), "cpd_days: %s is more days than a year has", d)
			} else {
				sc.CPDDays = d
			}
		}
	}
}

// horizon checks that every dated event falls in the horizon.
func (p *parser) horizon(sc *Scenario, start calendar.Date) {
	first, end := calendar.Of(start), calendar.Of(start)+calendar.Month(12*sc.Years)
	check := func(d calendar.Date, pos Pos, what string) {
		if d.IsZero() {
			return
		}
		if m := calendar.Of(d); m < first || m >= end {
			p.errs.at(pos, "%s: %s is outside the scenario's horizon (%s to %s, %d years from start)", what, d, start, (end - 1).First(), sc.Years)
		}
	}
	for _, a := range sc.Awards {
		check(a.From, a.pos["from"], "from")
	}
	for _, l := range sc.LumpSums {
		check(l.Paid, l.Pos, "paid")
	}
}

func (p *parser) award(raw *rawAward, k path, n int, sc *Scenario) Award {
	a := Award{N: n, Pos: p.keyPos(k), pos: map[string]Pos{}}
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

// Typed readers. Each reports a problem at the value and returns ok=false.

// shown is the value as the file spells it, for messages.
func (p *parser) shown(k path, v any) string {
	if s := p.loc.at[k].value; s != "" {
		return diag.Clip(s)
	}
	return diag.Clip(fmt.Sprint(v))
}

// kindOf names a TOML value's type in words.
func kindOf(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "a number"
	case bool:
		return "true or false"
	case time.Time:
		return "a date"
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	if reflect.ValueOf(v).CanFloat() {
		return "a number"
	}
	return "a value"
}

func (p *parser) notString(k path, v any, want string) {
	p.errs.at(p.valuePos(k), "%s: %s is %s; write %s", name(k), p.shown(k, v), kindOf(v), want)
}

func (p *parser) str(k path, v any) (string, bool) {
	if v == nil {
		return "", false
	}
	s, ok := v.(string)
	if !ok {
		p.notString(k, v, "it in quotes")
	}
	return s, ok
}

func (p *parser) strings(k path, v any) []string {
	list, ok := v.([]any)
	if !ok {
		if s, isStr := v.(string); isStr {
			p.errs.at(p.valuePos(k), "%s: expected a list such as [%q]", name(k), s)
		} else {
			p.errs.at(p.valuePos(k), `%s: expected a list of names such as ["Band 3"]`, name(k))
		}
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for i, e := range list {
		s, ok := e.(string)
		if !ok {
			p.errs.at(p.valuePos(k.elem(i)), "%s: %s is %s; write names in quotes", name(k), p.shown(k.elem(i), e), kindOf(e))
			continue
		}
		if seen[s] {
			p.errs.at(p.valuePos(k.elem(i)), "%s: %q is listed twice", name(k), s)
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	if len(list) == 0 {
		p.errs.at(p.valuePos(k), "%s: the list is empty", name(k))
	}
	return out
}

func (p *parser) amount(k path, v any) (decimal.Decimal, bool) { return p.amountAs(k, name(k), v) }

// amountAs is amount with the value's name for messages given.
func (p *parser) amountAs(k path, label string, v any) (decimal.Decimal, bool) {
	s, ok := v.(string)
	if !ok {
		example := `"£1,000"`
		if n, isInt := v.(int64); isInt {
			example = strconv.Quote(money.AmountText(decimal.NewFromInt(n)))
		}
		p.errs.at(p.valuePos(k), "%s: %s is %s; write an amount as a string such as %s", label, p.shown(k, v), kindOf(v), example)
		return decimal.Zero, false
	}
	d, err := money.ParseAmount(s)
	if err != nil {
		p.errs.at(p.valuePos(k), "%s: %q is %v", label, s, err)
		return decimal.Zero, false
	}
	return d, true
}

func (p *parser) rate(k path, v any) (decimal.Decimal, bool) {
	s, ok := v.(string)
	if !ok {
		example := `"3%"`
		if _, isStr := v.(string); !isStr && kindOf(v) == "a number" {
			example = strconv.Quote(p.shown(k, v) + "%")
		}
		p.notString(k, v, "a rate as a string such as "+example)
		return decimal.Zero, false
	}
	d, err := money.ParseRate(s)
	if err != nil {
		p.errs.at(p.valuePos(k), "%s: %q is %v", name(k), s, err)
		return decimal.Zero, false
	}
	return d, true
}

// number reads a non-negative decimal such as hours: a TOML integer or a
// quoted number. A TOML float is refused, so nothing passes through float64.
func (p *parser) number(k path, v any) (decimal.Decimal, bool) {
	switch x := v.(type) {
	case int64:
		if x < 0 {
			p.errs.at(p.valuePos(k), "%s: %d is negative", name(k), x)
			return decimal.Zero, false
		}
		return decimal.NewFromInt(x), true
	case string:
		d, err := money.ParseNumber(x)
		if err != nil {
			p.errs.at(p.valuePos(k), "%s: %q is %v", name(k), x, err)
			return decimal.Zero, false
		}
		return d, true
	}
	if kindOf(v) == "a number" {
		p.errs.at(p.valuePos(k), "%s: %s has a fraction; write a whole number, or a quoted number such as \"%s\"", name(k), p.shown(k, v), p.shown(k, v))
	} else {
		p.notString(k, v, "a number such as 30 or \"7.5\"")
	}
	return decimal.Zero, false
}

func (p *parser) integer(k path, v any) (int, bool) {
	n, ok := v.(int64)
	if !ok {
		p.errs.at(p.valuePos(k), "%s: %s is %s; write a whole number", name(k), p.shown(k, v), kindOf(v))
		return 0, false
	}
	if n < -1_000_000 || n > 1_000_000 {
		p.errs.at(p.valuePos(k), "%s: %d is out of range", name(k), n)
		return 0, false
	}
	return int(n), true
}

// date reads a TOML local date (or a quoted ISO date), which must be the
// first of a month.
func (p *parser) date(k path, v any, what string) (calendar.Date, bool) {
	var d calendar.Date
	var err error
	switch x := v.(type) {
	case time.Time:
		if x.Location().String() != "date-local" {
			p.errs.at(p.valuePos(k), "%s: %s has a time of day; write a date such as 2025-04-01", name(k), p.shown(k, v))
			return d, false
		}
		d, err = calendar.New(x.Year(), int(x.Month()), x.Day())
	case string:
		d, err = calendar.Parse(x)
	default:
		p.errs.at(p.valuePos(k), "%s: %s is %s; write a date such as 2025-04-01", name(k), p.shown(k, v), kindOf(v))
		return d, false
	}
	if err != nil {
		p.errs.at(p.valuePos(k), "%s: %s: %v", name(k), p.shown(k, v), err)
		return d, false
	}
	if d.Day != 1 {
		p.errs.at(p.valuePos(k), "%s: %s is not the first of a month; %s on the first of a month (write %s)", name(k), d, what, calendar.FirstOnOrAfter(d).First())
		return d, false
	}
	return d, true
}

// Check cross-checks the scenarios of one comparison: names must be unique
// and all must share one start (an unset start counts as its own value, the
// dataset's default).
func Check(scenarios []*Scenario) error {
	var e errs
	seen := map[string]*Scenario{}
	for _, sc := range scenarios {
		if strings.EqualFold(strings.TrimSpace(sc.Name), "Current") {
			e.at(Pos{File: sc.File, Line: sc.namePos().Line, Col: sc.namePos().Col}, "scenario name %q is the name of the baseline every offer is compared with; give the scenario another name", sc.Name)
			continue
		}
		if prev, dup := seen[sc.Name]; dup {
			e.at(Pos{File: sc.File, Line: sc.namePos().Line, Col: sc.namePos().Col}, "scenario name %q is also used by %s; names must be unique in a comparison", sc.Name, prev.File)
			continue
		}
		seen[sc.Name] = sc
	}
	for _, sc := range scenarios[min(1, len(scenarios)):] {
		first := scenarios[0]
		if sc.Start != first.Start {
			e.at(sc.startPos.orFile(sc.File), "start %s differs from %s in %s; scenarios compared together must share one start", startText(sc.Start), startText(first.Start), first.File)
		}
	}
	return e.list.err()
}

func startText(d calendar.Date) string {
	if d.IsZero() {
		return "(the dataset's default)"
	}
	return d.String()
}

func (p Pos) orFile(file string) Pos {
	if p.File == "" {
		return Pos{File: file}
	}
	return p
}

func (sc *Scenario) namePos() Pos {
	l := locate(sc.Text)
	return l.keyPos(sc.File, "name")
}
