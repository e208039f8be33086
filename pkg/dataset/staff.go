package dataset

import (
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/diag"
	"paymodel/pkg/internal/plain"
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
	// unsure names the bands whose points may be missing from points
	// because increments.csv had a row that could not be read (unsureAll:
	// any band's). A census point not found in such a band is counted, not
	// reported: the structure's own error is the one to fix, and reporting
	// it again on every row would bury it.
	unsure    map[string]bool
	unsureAll bool
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

// String is the canonical text of a CPD value, for the cache's ids.
func (v cpdValue) String() string {
	if !v.recorded {
		return ""
	}
	return v.hours.String()
}

func parsePointDate(raw string) (calendar.Date, string) { return parseDate("point_date", raw) }
func parseStartDate(raw string) (calendar.Date, string) { return parseDate("start_date", raw) }

// packDate numbers a date so that the numbers order as the dates do: 0 for
// no date, then 1 + 372 × (year − MinYear) + 31 × (month − 1) + day − 1,
// which is below 2¹⁷ for every year calendar accepts.
func packDate(d calendar.Date) int32 {
	if d.IsZero() {
		return 0
	}
	return int32(1 + 372*(d.Year-calendar.MinYear) + 31*(d.Month-1) + d.Day - 1)
}

func unpackDate(p int32) calendar.Date {
	if p == 0 {
		return calendar.Date{}
	}
	p--
	return calendar.Date{Year: calendar.MinYear + int(p/372), Month: int(p%372/31) + 1, Day: int(p%31) + 1}
}

// The bits of a groupKey packed into a uint64 (see pack).
const (
	bandBits  = 6
	pointBits = 7
	fteBits   = 10
	cpdBits   = 10
	attrBits  = 14
	dateBits  = 17 // see packDate
)

// pack packs k into 64 bits, when its ids are small enough (they nearly
// always are), so that groups can be counted in a map with a uint64 key,
// which Go's maps handle fastest.
func (k groupKey) pack() (uint64, bool) {
	if k.band >= 1<<bandBits || k.point >= 1<<pointBits || k.fte >= 1<<fteBits ||
		k.cpd >= 1<<cpdBits || k.attrs >= 1<<attrBits || k.date >= 1<<dateBits {
		return 0, false
	}
	p := uint64(k.band)
	p = p<<pointBits | uint64(k.point)
	p = p<<fteBits | uint64(k.fte)
	p = p<<cpdBits | uint64(k.cpd)
	p = p<<attrBits | uint64(k.attrs)
	p = p<<dateBits | uint64(k.date)
	return p, true
}

// unpack reverses pack.
func unpack(p uint64) groupKey {
	const (
		attrShift  = dateBits
		cpdShift   = attrShift + attrBits
		fteShift   = cpdShift + cpdBits
		pointShift = fteShift + fteBits
		bandShift  = pointShift + pointBits
	)
	return groupKey{
		date:  int32(p & (1<<dateBits - 1)),
		attrs: int32(p >> attrShift & (1<<attrBits - 1)),
		cpd:   int32(p >> cpdShift & (1<<cpdBits - 1)),
		fte:   int32(p >> fteShift & (1<<fteBits - 1)),
		point: int32(p >> pointShift & (1<<pointBits - 1)),
		band:  int32(p >> bandShift & (1<<bandBits - 1)),
	}
}

// groupKey identifies a census group by the ids of its values. Every id is
// canonical (equal values have one id, whatever their text), so rows in
// one group have one key.
type groupKey struct {
	band, point int32 // positions in display order and in the latest scale
	fte, cpd    int32 // ids in the fte and cpd caches
	date        int32 // point_date, by packDate
	attrs       int32 // id of the tuple of attribute values
}

// bandPoint is the check of a census row's band and point.
type bandPoint struct {
	band, point       int32
	bandMsg, pointMsg string // problems, or ""
	unchecked         bool   // not found in an untrusted structure
}

// bandPointSlotBits sizes the table of recent band and point checks.
const bandPointSlotBits = 8

// bandPointSlot is a band and point check, by the smallKeys of the two.
type bandPointSlot struct {
	band, point uint64
	bp          bandPoint
	used        bool
}

// censusReader aggregates staff.csv in one streaming pass.
type censusReader struct {
	t    *table
	cols staffColumns
	refs censusRefs
	errs *collector // problems in rows (t.errs has those in the file's form)

	// Caches of raw text. Those of the values that make a group keep
	// every valid value (there are no more of them than groups).
	bandPoints map[string]bandPoint // by band and point, length-prefixed
	// by the smallKeys of band and point, when both have one
	smallBandPoints map[[2]uint64]bandPoint
	bandPointSlots  [1 << bandPointSlotBits]bandPointSlot // the last few of them
	lastBandPoint   bandPoint                             // the last other check
	fte             *cache[decimal.Decimal]
	pointDate       *cache[calendar.Date]
	cpd             *cache[cpdValue]
	count           *cache[int64]
	tupleRaw        map[string]int32  // attribute values (length-prefixed) → tuple id
	smallTuples     map[uint64]int32  // the same, by smallKey, when it has one
	tupleIDs        map[string]int32  // trimmed values (length-prefixed) → tuple id
	tuples          [][]string        // attribute values by tuple id
	interned        map[string]string // attribute values, shared between tuples

	key    []byte             // scratch for cache keys
	keys   chunked            // the packed group key of each row of count 1
	packed map[uint64]int64   // headcount by packed group key, other rows
	groups map[groupKey]int64 // headcount by group key that does not pack
	ids    *idSet             // ids seen, when there is an id column

	rows, headcount int64
	early           int // rows whose point_date is before their start_date
	unchecked       int // rows whose point could not be checked
	earlyLine       int // the first of them
}

// readStaff reads staff.csv, checking every row and adding it to its group.
// The groups are put in order by (*censusReader).census once the rest of
// the dataset is known to be valid. Warnings are appended to warnings.
func readStaff(t *table, refs censusRefs, warnings *[]string) *censusReader {
	c := &censusReader{
		t: t, cols: newStaffColumns(t), refs: refs, errs: newCollector(),
		bandPoints: map[string]bandPoint{}, smallBandPoints: map[[2]uint64]bandPoint{},
		fte:       newCache(parseFTE, decimal.Decimal.String, 8),
		pointDate: newCache(parsePointDate, calendar.Date.String, 13), // dates over decades
		cpd:       newCache(parseCPD, cpdValue.String, 10),
		count:     newCache(parseCount, nil, 8),
		tupleRaw:  map[string]int32{}, smallTuples: map[uint64]int32{}, tupleIDs: map[string]int32{}, interned: map[string]string{},
		packed: map[uint64]int64{}, groups: map[groupKey]int64{},
	}
	if c.cols.id >= 0 {
		c.ids = newIDSet()
	}
	if len(c.cols.attrs) == 0 {
		c.tuples = [][]string{nil} // tuple 0: no attributes
	}
	c.readAll()
	if c.unchecked > 0 {
		c.errs.addf(t.file, 0, "point", "%d %s a point not found in increments.csv, which has rows that could not be read; points are checked once it is valid", c.unchecked, plain.Plural(c.unchecked, "row names", "rows name"))
	}
	t.errs.merge(c.errs)
	if c.early > 0 {
		rows := fmt.Sprintf("%d rows have", c.early)
		if c.early == 1 {
			rows = "1 row has"
		}
		*warnings = append(*warnings, fmt.Sprintf("%s: %s a point_date before the start_date (the first on line %d)", t.file, rows, c.earlyLine))
	}
	return c
}

// appendField appends s to a cache key, length-prefixed so that keys of
// several fields are unambiguous whatever the fields contain.
func appendField(key []byte, s string) []byte {
	key = binary.AppendUvarint(key, uint64(len(s)))
	return append(key, s...)
}

// row checks one census row, reporting every problem on line, and adds it
// to its group.
func (c *censusReader) row(rec []string, line int) {
	c.rows++
	cols, errs, file := &c.cols, c.errs, c.t.file
	ok := true
	fail := func(col, msg string) {
		errs.add(file, line, col, msg)
		ok = false
	}
	bp := c.bandPoint(rec)
	if bp.unchecked {
		c.unchecked++
		ok = false
	}
	if bp.bandMsg != "" {
		fail("band", bp.bandMsg)
	}
	if bp.pointMsg != "" {
		fail("point", bp.pointMsg)
	}
	fte := c.fte.get(field(rec, cols.fte))
	if fte.msg != "" {
		fail("fte", fte.msg)
	}
	pd := c.pointDate.get(field(rec, cols.pointDate))
	if pd.msg != "" {
		fail("point_date", pd.msg)
	}
	cpd := c.cpd.get(field(rec, cols.cpd))
	if cpd.msg != "" {
		fail("cpd_hours", cpd.msg)
	}
	count := int64(1)
	if raw := field(rec, cols.count); raw != "" && raw != "1" {
		p := c.count.get(raw)
		if p.msg != "" {
			fail("count", p.msg)
		}
		count = p.v
	}
	if raw := field(rec, cols.startDate); raw != "" {
		// Parsed every time: a start date is quicker to parse than to look
		// up, and there are as many of them as people.
		start, msg := parseStartDate(raw)
		if msg != "" {
			errs.add(file, line, "start_date", msg)
		} else if pd.msg == "" && !pd.v.IsZero() && !start.IsZero() && pd.v.Before(start) {
			if c.early == 0 {
				c.earlyLine = line
			}
			c.early++
		}
	}
	if !ok {
		return
	}
	// Time at a point counts from the first of the month on or after the
	// point date, and that is all of the date the model uses: people who
	// reached a point in the same month share a group.
	k := groupKey{band: bp.band, point: bp.point, fte: fte.id, cpd: cpd.id, date: packDate(countsFrom(pd.v)), attrs: c.tuple(rec)}
	if p, ok := k.pack(); ok {
		if count == 1 {
			c.keys.add(p)
		} else {
			c.packed[p] += count
		}
	} else {
		c.groups[k] += count
	}
	c.headcount += count
}

// countsFrom returns the first of the month on or after d (zero for zero):
// the month time at a point reached on d counts from.
func countsFrom(d calendar.Date) calendar.Date {
	if d.IsZero() {
		return d
	}
	return calendar.FirstOnOrAfter(d).First()
}

// bandPoint returns the check of the row's band and point, valid until the
// next call.
func (c *censusReader) bandPoint(rec []string) *bandPoint {
	band, point := rec[c.cols.band], rec[c.cols.point]
	kb, okb := smallKey(band)
	kp, okp := smallKey(point)
	if okb && okp {
		// A census has few bands and points: most rows find theirs in a
		// small table indexed by a hash of the two keys, before the map.
		slot := &c.bandPointSlots[(kb*0x9e3779b97f4a7c15^kp*0xc2b2ae3d27d4eb4f)>>(64-bandPointSlotBits)]
		if slot.used && slot.band == kb && slot.point == kp {
			return &slot.bp
		}
		bp, ok := c.smallBandPoints[[2]uint64{kb, kp}]
		if !ok {
			bp = c.checkBandPoint(label(band), label(point))
			if (bp.bandMsg == "" && bp.pointMsg == "") || len(c.smallBandPoints) < maxCache {
				c.smallBandPoints[[2]uint64{kb, kp}] = bp
			}
		}
		*slot = bandPointSlot{band: kb, point: kp, bp: bp, used: true}
		return &slot.bp
	}
	c.key = appendField(appendField(c.key[:0], band), point)
	bp, ok := c.bandPoints[string(c.key)]
	if !ok {
		bp = c.checkBandPoint(label(rec[c.cols.band]), label(rec[c.cols.point]))
		if (bp.bandMsg == "" && bp.pointMsg == "") || len(c.bandPoints) < maxCache {
			c.bandPoints[string(c.key)] = bp
		}
	}
	c.lastBandPoint = bp
	return &c.lastBandPoint
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
			bp.bandMsg, bandOK = fmt.Sprintf("band %q is not in bands.csv", diag.Clip(band)), false
		}
	}
	if point == "" {
		bp.pointMsg = "point is blank"
	} else if bandOK && c.refs.points != nil {
		var known bool
		if bp.point, known = c.refs.points[band][point]; !known {
			bp.pointMsg = fmt.Sprintf("point %q is not a point of %s%s", diag.Clip(point), band, latestText(c.refs.latest))
		}
	}
	if bp.pointMsg != "" && point != "" && (c.refs.unsureAll || c.refs.unsure[band]) {
		bp.pointMsg, bp.unchecked = "", true
	}
	return bp
}

// tuple returns the id of the row's attribute values.
func (c *censusReader) tuple(rec []string) int32 {
	if len(c.cols.attrs) == 0 {
		return 0
	}
	c.key = c.key[:0]
	for _, i := range c.cols.attrs {
		c.key = appendField(c.key, rec[i])
	}
	sk, short := smallKey(string(c.key))
	if short {
		if id, ok := c.smallTuples[sk]; ok {
			return id
		}
	} else if id, ok := c.tupleRaw[string(c.key)]; ok {
		return id
	}
	raw := string(c.key)
	vals := make([]string, len(c.cols.attrs))
	c.key = c.key[:0]
	for j, i := range c.cols.attrs {
		v := strings.TrimSpace(rec[i])
		s, ok := c.interned[v]
		if !ok {
			s = strings.Clone(v)
			c.interned[s] = s
		}
		vals[j] = s
		c.key = appendField(c.key, s)
	}
	id, ok := c.tupleIDs[string(c.key)]
	if !ok {
		id = int32(len(c.tuples))
		c.tuples = append(c.tuples, vals)
		c.tupleIDs[string(c.key)] = id
	}
	if short {
		c.smallTuples[sk] = id
	} else {
		c.tupleRaw[raw] = id
	}
	return id
}

// latestText names the latest structure in a message about census points.
func latestText(d calendar.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf(" in the latest structure (%s)", d)
}
