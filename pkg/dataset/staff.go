package dataset

import (
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
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
	// bands holds each band's position in display order; nil when
	// bands.csv could not be read, so bands are not checked.
	bands map[string]int32
	// points holds each band's point labels in the latest structure with
	// their positions; nil when increments.csv could not be read, so points
	// are not checked.
	points map[string]map[string]int32
	latest calendar.Date // the latest structure's date (zero: undated)
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

// packDate packs a date as the integer YYYYMMDD (0 for no date), which
// orders as the dates do.
func packDate(d calendar.Date) int32 { return int32(d.Year*10000 + d.Month*100 + d.Day) }

func unpackDate(p int32) calendar.Date {
	if p == 0 {
		return calendar.Date{}
	}
	return calendar.Date{Year: int(p / 10000), Month: int(p / 100 % 100), Day: int(p % 100)}
}

// entry is a census group as read: positions and ids rather than values,
// so that the groups hold no pointers for the garbage collector to scan,
// and sort by comparing integers.
type entry struct {
	valid       bool  // the key's fields are all valid
	band, point int32 // positions in display order and in the latest scale
	fte, cpd    int32 // ids in the fte and cpd caches
	date        int32 // point_date, packed
	attrs       int32 // id of the tuple of attribute values
	count       int64
}

// entryChunk is how many entries each chunk holds; chunks never move, so
// the group list grows without copying.
const entryChunk = 4096

// bandPoint is the check of a census row's band and point.
type bandPoint struct {
	band, point       int32
	bandMsg, pointMsg string // problems, or ""
}

// censusReader aggregates staff.csv in one streaming pass.
type censusReader struct {
	t    *table
	cols staffColumns
	refs censusRefs

	// Caches of the values that make a group. They keep every valid value
	// (there are no more of them than groups), so each has an id.
	bandPoints map[string]bandPoint // by the key's band and point part
	fte        *cache[decimal.Decimal]
	pointDate  *cache[calendar.Date]
	cpd        *cache[cpdValue]
	tupleIDs   map[string]int32  // by the key's attributes part
	tuples     [][]string        // attribute values by tuple id
	interned   map[string]string // attribute values, shared between tuples

	// Cache of per-row values, bounded by maxCache.
	count *cache[int64]

	key        []byte    // the current row's group key, reused
	bpEnd      int       // where the key's band and point part ends
	attrsStart int       // where the key's attributes part starts
	groups     *keyTable // group keys; a group's number is its key's
	entries    [][]entry // by group number, in chunks
	ids        *idSet    // ids seen, when there is an id column

	rows, headcount int64
	valid           int // groups with valid keys
	early           int // rows whose point_date is before their start_date
	earlyLine       int // the first of them
}

// readStaff reads staff.csv, checking every row and adding it to its group.
// The groups are put in order by (*censusReader).census once the rest of
// the dataset is known to be valid. Warnings are appended to warnings.
func readStaff(t *table, refs censusRefs, warnings *[]string) *censusReader {
	c := &censusReader{
		t: t, cols: newStaffColumns(t), refs: refs,
		bandPoints: map[string]bandPoint{},
		fte:        newCache(parseFTE, false), pointDate: newCache(parsePointDate, false), cpd: newCache(parseCPD, false),
		tupleIDs: map[string]int32{}, interned: map[string]string{},
		count:  newCache(parseCount, true),
		groups: newKeyTable(),
	}
	if c.cols.id >= 0 {
		c.ids = newIDSet()
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
	return c
}

// appendField appends s to a group key, length-prefixed so that keys are
// unambiguous whatever the fields contain.
func appendField(key []byte, s string) []byte {
	key = binary.AppendUvarint(key, uint64(len(s)))
	return append(key, s...)
}

// entry returns group n's entry, growing the chunks to hold it.
func (c *censusReader) entry(n int32) *entry {
	i, j := int(n)/entryChunk, int(n)%entryChunk
	for i >= len(c.entries) {
		c.entries = append(c.entries, make([]entry, entryChunk))
	}
	return &c.entries[i][j]
}

// row checks one census row and adds it to its group.
func (c *censusReader) row(rec []string, line int) {
	c.rows++
	cols := &c.cols
	key := c.key[:0]
	key = appendField(key, rec[cols.band])
	key = appendField(key, rec[cols.point])
	c.bpEnd = len(key)
	key = appendField(key, field(rec, cols.fte))
	key = appendField(key, field(rec, cols.pointDate))
	key = appendField(key, field(rec, cols.cpd))
	c.attrsStart = len(key)
	for _, i := range cols.attrs {
		key = appendField(key, rec[i])
	}
	c.key = key

	n, added := c.groups.add(key)
	e := c.entry(n)
	if added {
		*e = c.newGroup(rec, line, true)
		if e.valid {
			c.valid++
		}
	} else if !e.valid {
		c.newGroup(rec, line, false) // report the problems on this line too
	}
	ok := e.valid

	count := int64(1)
	if raw := field(rec, cols.count); raw != "" && raw != "1" {
		p := c.count.get(raw)
		if p.msg != "" {
			c.t.errs.add(c.t.file, line, "count", p.msg)
			ok = false
		}
		count = p.v
	}
	if cols.id >= 0 {
		if id := label(rec[cols.id]); id != "" {
			c.ids.add(id)
		}
	}
	if raw := field(rec, cols.startDate); raw != "" {
		// Parsed every time: a start date is quicker to parse than to look
		// up, and there are as many of them as people.
		start, msg := parseStartDate(raw)
		if msg != "" {
			c.t.errs.add(c.t.file, line, "start_date", msg)
		} else if e.valid && e.date != 0 && !start.IsZero() && e.date < packDate(start) {
			if c.early == 0 {
				c.earlyLine = line
			}
			c.early++
		}
	}
	if ok {
		e.count += count
		c.headcount += count
	}
}

// newGroup checks the fields that make the current row's group (whose key
// is in c.key), reporting every problem on line. When keep is set and they
// are valid, a new group's attributes are recorded.
func (c *censusReader) newGroup(rec []string, line int, keep bool) entry {
	cols, errs, file := &c.cols, c.t.errs, c.t.file
	e := entry{valid: true}
	fail := func(col, msg string) {
		errs.add(file, line, col, msg)
		e.valid = false
	}
	bp, ok := c.bandPoints[string(c.key[:c.bpEnd])]
	if !ok {
		bp = c.checkBandPoint(label(rec[cols.band]), label(rec[cols.point]))
		if (bp.bandMsg == "" && bp.pointMsg == "") || len(c.bandPoints) < maxCache {
			c.bandPoints[string(c.key[:c.bpEnd])] = bp
		}
	}
	if bp.bandMsg != "" {
		fail("band", bp.bandMsg)
	}
	if bp.pointMsg != "" {
		fail("point", bp.pointMsg)
	}
	e.band, e.point = bp.band, bp.point
	if p := c.fte.get(field(rec, cols.fte)); p.msg != "" {
		fail("fte", p.msg)
	} else {
		e.fte = p.id
	}
	if p := c.pointDate.get(field(rec, cols.pointDate)); p.msg != "" {
		fail("point_date", p.msg)
	} else {
		e.date = packDate(p.v)
	}
	if p := c.cpd.get(field(rec, cols.cpd)); p.msg != "" {
		fail("cpd_hours", p.msg)
	} else {
		e.cpd = p.id
	}
	if e.valid && keep {
		e.attrs = c.tuple(rec)
	}
	return e
}

// checkBandPoint checks a census row's band and point.
func (c *censusReader) checkBandPoint(band, point string) bandPoint {
	var bp bandPoint
	bandOK := true
	if band == "" {
		bp.bandMsg, bandOK = "band is blank", false
	} else if c.refs.bands != nil {
		var known bool
		if bp.band, known = c.refs.bands[band]; !known {
			bp.bandMsg, bandOK = fmt.Sprintf("band %q is not in bands.csv", band), false
		}
	}
	if point == "" {
		bp.pointMsg = "point is blank"
	} else if bandOK && c.refs.points != nil {
		var known bool
		if bp.point, known = c.refs.points[band][point]; !known {
			bp.pointMsg = fmt.Sprintf("point %q is not a point of %s%s", point, band, latestText(c.refs.latest))
		}
	}
	return bp
}

// tuple returns the id of the current row's attribute values.
func (c *censusReader) tuple(rec []string) int32 {
	k := c.key[c.attrsStart:]
	if id, ok := c.tupleIDs[string(k)]; ok {
		return id
	}
	vals := make([]string, len(c.cols.attrs))
	for j, i := range c.cols.attrs {
		v := strings.TrimSpace(rec[i])
		s, ok := c.interned[v]
		if !ok {
			s = strings.Clone(v)
			c.interned[s] = s
		}
		vals[j] = s
	}
	id := int32(len(c.tuples))
	c.tuples = append(c.tuples, vals)
	c.tupleIDs[string(k)] = id
	return id
}

// latestText names the latest structure in a message about census points.
func latestText(d calendar.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf(" in the latest structure (%s)", d)
}
