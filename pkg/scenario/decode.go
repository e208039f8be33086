package scenario

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/diag"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
)

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
	Implemented any             `toml:"implemented"`
	ToLeavers   any             `toml:"arrears_to_leavers"`
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
	return parse(&parser{file: filename}, src)
}

// parse is Parse with p's options (see ParseUnknown).
func parse(p *parser, src []byte) (*Scenario, error) {
	filename := p.file
	if len(src) > MaxFileBytes {
		return nil, listErr(ErrorList{{File: filename, Msg: fmt.Sprintf("%s bytes is larger than 1 MiB, which no scenario file is (is this the right file?)", thousands(len(src)))}})
	}
	text := string(src)
	if list, _ := prescan(filename, text); len(list) > 0 {
		return nil, listErr(list)
	}
	var raw rawScenario
	md, err := toml.Decode(text, &raw)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line, col := lineCol(src, pe.Position)
			return nil, listErr(ErrorList{{File: filename, Line: line, Col: col, Msg: pe.Message}})
		}
		return nil, listErr(ErrorList{shapeError(filename, err)})
	}
	p.loc = locate(text)
	sc := &Scenario{File: filename, Text: text, Years: DefaultYears, Rounding: money.RoundPound}
	if p.tooMany(keyPath("award"), len(raw.Award), MaxAwards) || p.tooMany(keyPath("lump_sum"), len(raw.LumpSum), MaxLumpSums) {
		return nil, listErr(p.errs.list)
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
	p.oneUnknown()
	if err := listErr(p.errs.list); err != nil {
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

	// solving is set by ParseUnknown, which collects the placeholders
	// (unknowns; the first at unknownAt) that Parse refuses.
	solving   bool
	unknowns  []Unknown
	unknownAt path
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
	sc.namePos = p.keyPos("name")
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
	if raw.Implemented != nil {
		if d, ok := p.date("implemented", raw.Implemented, "a deal is implemented"); ok {
			sc.Implemented = d
			sc.implementedPos = p.valuePos("implemented")
		}
	}
	if raw.ToLeavers != nil {
		b, ok := raw.ToLeavers.(bool)
		if !ok {
			p.errs.at(p.valuePos("arrears_to_leavers"), "arrears_to_leavers: %s is %s; write true or false", p.shown("arrears_to_leavers", raw.ToLeavers), kindOf(raw.ToLeavers))
		}
		sc.ArrearsToLeavers = b
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
	if sc.Implemented.IsZero() {
		return
	}
	if sc.Implemented.Before(start) {
		p.errs.at(sc.implementedPos, "implemented: %s is before the scenario's start (%s); a deal is implemented on or after it starts", sc.Implemented, start)
	} else {
		check(sc.Implemented, sc.implementedPos, "implemented")
	}
	for _, l := range sc.LumpSums {
		if !l.Paid.IsZero() && l.Paid.Before(sc.Implemented) {
			p.errs.at(l.Pos, "paid: %s is before implemented (%s); a lump sum of a deal implemented late is paid on or after the implementation date", l.Paid, sc.Implemented)
		}
	}
}
