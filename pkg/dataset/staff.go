package dataset

import (
	"encoding/binary"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
)

var staffSchema = &schema{
	file:     StaffFile,
	columns:  []string{"band", "point", "id", "name", "fte", "point_date", "start_date", "cpd_hours", "count"},
	required: []string{"band", "point"},
	unknown:  attributeUnknown,
}

// staffColumns holds the positions of staff.csv's columns (-1: absent).
type staffColumns struct {
	band, point, id, name, fte, pointDate, startDate, cpd, count int
	attrs                                                        []int    // attribute columns, in file order
	attrNames                                                    []string // their normalised names
}

func newStaffColumns(t *table) staffColumns {
	c := staffColumns{
		band: t.index("band"), point: t.index("point"), id: t.index("id"), name: t.index("name"),
		fte: t.index("fte"), pointDate: t.index("point_date"), startDate: t.index("start_date"),
		cpd: t.index("cpd_hours"), count: t.index("count"),
		attrs: t.extra,
	}
	for _, i := range t.extra {
		c.attrNames = append(c.attrNames, t.header[i])
	}
	return c
}

// field returns rec[i], or "" for an absent column.
func field(rec []string, i int) string {
	if i < 0 {
		return ""
	}
	return rec[i]
}

// censusRefs is what census rows are checked against.
type censusRefs struct {
	bands map[string]bool // nil: bands.csv unreadable, so bands are not checked
	// points holds each band's point labels in the latest structure; nil
	// when increments.csv could not be read, so points are not checked.
	points map[string]map[string]bool
	latest calendar.Date // the latest structure's date (zero: undated)
}

// maxCache bounds each parse cache, so that a census whose values are all
// distinct cannot grow memory without limit (values past it are parsed
// every time they occur).
const maxCache = 1 << 16

// cached is a parsed value, or the message of why it did not parse.
type cached[T any] struct {
	v   T
	msg string
}

// cacheParse returns the parse of raw, parsing it at most once while the
// cache has room.
func cacheParse[T any](m map[string]cached[T], raw string, parse func(string) (T, string)) cached[T] {
	if c, ok := m[raw]; ok {
		return c
	}
	v, msg := parse(raw)
	c := cached[T]{v, msg}
	if len(m) < maxCache {
		m[strings.Clone(raw)] = c
	}
	return c
}

// cpdValue is a census cpd_hours cell.
type cpdValue struct {
	hours    decimal.Decimal
	recorded bool
}

func parseCPD(raw string) (cpdValue, string) {
	if label(raw) == "" {
		return cpdValue{}, ""
	}
	d, msg := parseNumber("cpd_hours", raw, decimal.Zero)
	return cpdValue{d, true}, msg
}

func parsePointDate(raw string) (calendar.Date, string) { return parseDate("point_date", raw) }
func parseStartDate(raw string) (calendar.Date, string) { return parseDate("start_date", raw) }

// censusReader aggregates staff.csv in one streaming pass.
type censusReader struct {
	t    *table
	cols staffColumns
	refs censusRefs

	fte       map[string]cached[decimal.Decimal]
	pointDate map[string]cached[calendar.Date]
	startDate map[string]cached[calendar.Date]
	cpd       map[string]cached[cpdValue]
	count     map[string]cached[int64]

	key    []byte           // the current row's group key, reused
	groups map[string]int32 // group key → index in list
	list   []paystructure.Group
	ids    map[string]int32 // id → line of its first use

	rows, headcount int64
	early           int // rows whose point_date is before their start_date
	earlyLine       int // the first of them
}

// readStaff reads and aggregates staff.csv. The census's groups are not yet
// sorted (see sortCensus). Warnings are appended to warnings.
func readStaff(t *table, refs censusRefs, warnings *[]string) *paystructure.Census {
	c := &censusReader{
		t: t, cols: newStaffColumns(t), refs: refs,
		fte: map[string]cached[decimal.Decimal]{}, pointDate: map[string]cached[calendar.Date]{},
		startDate: map[string]cached[calendar.Date]{}, cpd: map[string]cached[cpdValue]{},
		count: map[string]cached[int64]{}, groups: map[string]int32{},
	}
	if c.cols.id >= 0 {
		c.ids = map[string]int32{}
	}
	for rec, line, ok := t.next(); ok; rec, line, ok = t.next() {
		c.row(rec, line)
	}
	if c.early > 0 {
		rows := fmt.Sprintf("%d rows have", c.early)
		if c.early == 1 {
			rows = "1 row has"
		}
		*warnings = append(*warnings, fmt.Sprintf("%s: %s a point_date before the start_date (the first on line %d)", t.file, rows, c.earlyLine))
	}
	return &paystructure.Census{
		AttributeNames: c.cols.attrNames,
		Groups:         c.list,
		Headcount:      c.headcount,
		Rows:           c.rows,
	}
}

// appendField appends s to a group key, length-prefixed so that keys are
// unambiguous whatever the fields contain.
func appendField(key []byte, s string) []byte {
	key = binary.AppendUvarint(key, uint64(len(s)))
	return append(key, s...)
}

// row checks one census row and adds it to its group.
func (c *censusReader) row(rec []string, line int) {
	c.rows++
	cols := &c.cols
	key := c.key[:0]
	key = appendField(key, rec[cols.band])
	key = appendField(key, rec[cols.point])
	key = appendField(key, field(rec, cols.fte))
	key = appendField(key, field(rec, cols.pointDate))
	key = appendField(key, field(rec, cols.cpd))
	for _, i := range cols.attrs {
		key = appendField(key, rec[i])
	}
	c.key = key

	gi, found := c.groups[string(key)]
	if !found {
		g, valid := c.newGroup(rec, line)
		if valid {
			gi = int32(len(c.list))
			c.list = append(c.list, g)
			c.groups[string(key)] = gi
		} else {
			gi = -1
		}
	}

	count := int64(1)
	if raw := field(rec, cols.count); raw != "" && raw != "1" {
		p := cacheParse(c.count, raw, parseCount)
		if p.msg != "" {
			c.t.errs.add(c.t.file, line, "count", p.msg)
			gi = -1
		}
		count = p.v
	}
	if cols.id >= 0 {
		if id := label(rec[cols.id]); id != "" {
			if first, dup := c.ids[id]; dup {
				c.t.errs.addf(c.t.file, line, "id", "id %q is already on line %d", id, first)
			} else {
				c.ids[strings.Clone(id)] = int32(line)
			}
		}
	}
	if raw := field(rec, cols.startDate); raw != "" {
		p := cacheParse(c.startDate, raw, parseStartDate)
		if p.msg != "" {
			c.t.errs.add(c.t.file, line, "start_date", p.msg)
		} else if gi >= 0 {
			if pd := c.list[gi].PointDate; !pd.IsZero() && !p.v.IsZero() && pd.Before(p.v) {
				if c.early == 0 {
					c.earlyLine = line
				}
				c.early++
			}
		}
	}
	if gi >= 0 {
		c.list[gi].Count += count
		c.headcount += count
	}
}

// newGroup checks the fields that make a row's group, reporting every
// problem on line.
func (c *censusReader) newGroup(rec []string, line int) (g paystructure.Group, valid bool) {
	cols, errs, file := &c.cols, c.t.errs, c.t.file
	valid = true
	fail := func(col, msg string) {
		errs.add(file, line, col, msg)
		valid = false
	}
	g.Band, g.Point = label(rec[cols.band]), label(rec[cols.point])
	bandOK := true
	switch {
	case g.Band == "":
		fail("band", "band is blank")
		bandOK = false
	case c.refs.bands != nil && !c.refs.bands[g.Band]:
		fail("band", fmt.Sprintf("band %q is not in bands.csv", g.Band))
		bandOK = false
	}
	switch {
	case g.Point == "":
		fail("point", "point is blank")
	case bandOK && c.refs.points != nil && !c.refs.points[g.Band][g.Point]:
		fail("point", fmt.Sprintf("point %q is not a point of %s%s", g.Point, g.Band, latestText(c.refs.latest)))
	}
	if fte := cacheParse(c.fte, field(rec, cols.fte), parseFTE); fte.msg != "" {
		fail("fte", fte.msg)
	} else {
		g.FTE = fte.v
	}
	if pd := cacheParse(c.pointDate, field(rec, cols.pointDate), parsePointDate); pd.msg != "" {
		fail("point_date", pd.msg)
	} else {
		g.PointDate = pd.v
	}
	if cpd := cacheParse(c.cpd, field(rec, cols.cpd), parseCPD); cpd.msg != "" {
		fail("cpd_hours", cpd.msg)
	} else {
		g.CPDHours, g.CPDRecorded = cpd.v.hours, cpd.v.recorded
	}
	if len(cols.attrs) > 0 {
		g.Attributes = make([]string, len(cols.attrs))
		for j, i := range cols.attrs {
			g.Attributes[j] = strings.Clone(strings.TrimSpace(rec[i]))
		}
	}
	return g, valid
}

// latestText names the latest structure in a message about census points.
func latestText(d calendar.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf(" in the latest structure (%s)", d)
}

// sortCensus sorts the census's groups by band display order, point order in
// the latest structure, FTE, point_date, CPD hours (not recorded first) and
// attributes, and merges groups that are equal once parsed ("1" and "1.0").
func sortCensus(c *paystructure.Census, ds *paystructure.Dataset) {
	bandPos := map[string]int{}
	for i, b := range ds.Bands {
		bandPos[b.Name] = i
	}
	pointPos := map[string]map[string]int{}
	for _, sc := range ds.Latest().Scales {
		pointPos[sc.Band] = map[string]int{}
		for i, p := range sc.Points {
			pointPos[sc.Band][p.Label] = i
		}
	}
	cmp := func(a, b *paystructure.Group) int {
		if d := bandPos[a.Band] - bandPos[b.Band]; d != 0 {
			return d
		}
		if d := pointPos[a.Band][a.Point] - pointPos[b.Band][b.Point]; d != 0 {
			return d
		}
		if d := a.FTE.Cmp(b.FTE); d != 0 {
			return d
		}
		if d := a.PointDate.Compare(b.PointDate); d != 0 {
			return d
		}
		if a.CPDRecorded != b.CPDRecorded {
			if a.CPDRecorded {
				return 1
			}
			return -1
		}
		if d := a.CPDHours.Cmp(b.CPDHours); d != 0 {
			return d
		}
		return slices.Compare(a.Attributes, b.Attributes)
	}
	slices.SortFunc(c.Groups, func(a, b paystructure.Group) int { return cmp(&a, &b) })
	merged := c.Groups[:0]
	for _, g := range c.Groups {
		if n := len(merged); n > 0 && cmp(&merged[n-1], &g) == 0 {
			merged[n-1].Count += g.Count
			continue
		}
		merged = append(merged, g)
	}
	c.Groups = slices.Clip(merged)
}
