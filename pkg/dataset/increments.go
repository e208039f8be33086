package dataset

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
)

var incrementsSchema = &schema{
	file:     IncrementsFile,
	columns:  columnsOf[incrementRow](),
	required: []string{"band", "point", "salary"},
	unknown:  rejectUnknown,
}

// incrementRow is one row of increments.csv, as gocsv decodes it (see
// cells.go).
type incrementRow struct {
	Band          string     `csv:"band"`
	Point         string     `csv:"point"`
	Salary        amountCell `csv:"salary"`
	EffectiveFrom dateCell   `csv:"effective_from"`
	Months        wholeCell  `csv:"months"`
	CPDHours      numberCell `csv:"cpd_hours"`
	// Status is published (the default when blank), derived or
	// illustrative; Source is free text for people, which the model does
	// not read.
	Status string `csv:"status"`
	Source string `csv:"source"`
}

// parsePointStatus reads a status cell of increments.csv: blank or
// "published" (any case) is Published; "derived" and "illustrative" their
// statuses; anything else is a message.
func parsePointStatus(raw string) (paystructure.Status, string) {
	switch strings.ToLower(label(raw)) {
	case "", statusPublished:
		return paystructure.Published, ""
	case "derived":
		return paystructure.Derived, ""
	case "illustrative":
		return paystructure.Illustrative, ""
	}
	return paystructure.Published, bad("status", raw, "must be published, derived or illustrative (blank: published)")
}

// maxPointMonths bounds the months at a point (50 years).
const maxPointMonths = 600

// pointRow is a parsed point with the line it came from.
type pointRow struct {
	point paystructure.Point
	line  int
}

// scaleKey identifies one band's scale at one date.
type scaleKey struct {
	date calendar.Date
	band string
}

// increments is what readIncrements learns.
type increments struct {
	structures []paystructure.Structure // ascending date; nil on errors
	// latest holds, per band, the point labels of the latest structure (as
	// far as they could be read), for checking the census, with each
	// point's position in its scale (0 for a point whose salary is bad).
	latest map[string]map[string]int32
	// dropped names the bands with a row that could not be read (its date,
	// band or point was unusable, or it repeated a point), so that their
	// points may be missing from latest; droppedAll is set when a row was
	// lost before its band was known, so any band's may be.
	dropped    map[string]bool
	droppedAll bool
}

// readIncrements reads increments.csv, checking bands against bands
// (names from bands.csv; nil when bands.csv could not be read).
func readIncrements(t *table, bands []bandInfo, bandsRead bool) *increments {
	rows, lines := decodeRows[incrementRow](t)
	// The reader reports and skips malformed rows (a wrong number of
	// fields, a line too long) before their band can be known.
	lostRows := t.errs.count(t.file) > 0
	dropped := map[string]bool{}
	if len(rows) == 0 {
		if t.errs.count(t.file) == 0 {
			t.errs.add(t.file, 0, "", "file has no points (write one pay point per row under the header)")
		}
		return nil
	}
	known := map[string]bool{}
	for _, b := range bands {
		known[b.band.Name] = true
	}

	scales := map[scaleKey][]pointRow{}
	labels := map[scaleKey]map[string]int{} // point label → line
	var firstDated, firstBlank int
	var firstDate calendar.Date
	for i, r := range rows {
		line := lines[i]
		band, point := label(r.Band), label(r.Point)
		ok := true
		switch {
		case band == "":
			t.errs.add(t.file, line, "band", "band is blank")
			ok = false
		case bandsRead && !known[band]:
			t.errs.addf(t.file, line, "band", "band %q is not in bands.csv", band)
			ok = false
		}
		if point == "" {
			t.errs.add(t.file, line, "point", "point is blank")
			ok = false
		}
		salary, msg := r.Salary.positive("salary")
		if msg != "" {
			t.errs.add(t.file, line, "salary", msg)
		}
		date, dmsg := r.EffectiveFrom.val, r.EffectiveFrom.problem("effective_from")
		if dmsg != "" {
			t.errs.add(t.file, line, "effective_from", dmsg)
			ok = false
		} else if date.IsZero() {
			if firstBlank == 0 {
				firstBlank = line
			}
		} else if firstDated == 0 {
			firstDated, firstDate = line, date
		}
		months, mmsg := r.Months.in("months", paystructure.DefaultPointMonths, 1, maxPointMonths)
		if mmsg != "" {
			t.errs.add(t.file, line, "months", mmsg)
		}
		cpd, cmsg := r.CPDHours.or("cpd_hours", decimal.Zero)
		if cmsg != "" {
			t.errs.add(t.file, line, "cpd_hours", cmsg)
		}
		status, smsg := parsePointStatus(r.Status)
		if smsg != "" {
			t.errs.add(t.file, line, "status", smsg)
		}
		if !ok {
			if band == "" {
				lostRows = true
			}
			dropped[band] = true
			continue
		}
		key := scaleKey{date, band}
		if labels[key] == nil {
			labels[key] = map[string]int{}
		}
		if first, dup := labels[key][point]; dup {
			t.errs.addf(t.file, line, "point", "%s point %s%s is already on line %d", band, point, onDate(date), first)
			dropped[band] = true
			continue
		}
		labels[key][point] = line
		if msg != "" {
			continue // the salary is unusable, but the point exists
		}
		scales[key] = append(scales[key], pointRow{
			point: paystructure.Point{Label: point, Salary: salary, Months: months, CPDHours: cpd, Status: status},
			line:  line,
		})
	}
	mixed := firstDated > 0 && firstBlank > 0
	if mixed {
		if firstBlank > firstDated {
			t.errs.addf(t.file, firstBlank, "effective_from", "effective_from is blank but line %d gives %s (give a date on every row, or on none)", firstDated, firstDate)
		} else {
			t.errs.addf(t.file, firstDated, "effective_from", "effective_from %q is given but line %d leaves it blank (give a date on every row, or on none)", firstDate.String(), firstBlank)
		}
	}

	// Dates, ascending, and which bands have points at all.
	dateSet := map[calendar.Date]bool{}
	hasPoints := map[string]bool{}
	for key := range labels {
		dateSet[key.date] = true
		hasPoints[key.band] = true
	}
	dates := slices.SortedFunc(maps.Keys(dateSet), calendar.Date.Compare)
	inc := &increments{latest: map[string]map[string]int32{}, dropped: dropped, droppedAll: lostRows}
	if len(dates) > 0 {
		last := dates[len(dates)-1]
		for key, pts := range labels {
			if key.date == last {
				inc.latest[key.band] = map[string]int32{}
				for p := range pts {
					inc.latest[key.band][p] = 0
				}
			}
		}
	}
	for _, b := range bands {
		switch {
		case !hasPoints[b.band.Name]:
			t.errs.addf(BandsFile, b.line, "band", "band %q has no points in increments.csv", b.band.Name)
		case len(dates) > 0 && !mixed && inc.latest[b.band.Name] == nil:
			t.errs.addf(t.file, 0, "band", "band %q has no points on %s, the latest effective_from (the latest structure must contain every band)", b.band.Name, dates[len(dates)-1])
		}
	}

	// Each scale in salary order, strictly increasing; scales in band
	// order within each structure.
	bandPos := map[string]int{}
	for i, b := range bands {
		bandPos[b.band.Name] = i
	}
	keys := slices.Collect(maps.Keys(scales))
	slices.SortFunc(keys, func(a, b scaleKey) int {
		if c := a.date.Compare(b.date); c != 0 {
			return c
		}
		return bandPos[a.band] - bandPos[b.band]
	})
	if len(dates) == 0 {
		return inc // no usable row: the reasons are reported
	}
	structure := map[calendar.Date]int{}
	for i, d := range dates {
		inc.structures = append(inc.structures, paystructure.Structure{EffectiveFrom: d})
		structure[d] = i
	}
	latest := dates[len(dates)-1]
	for _, key := range keys {
		pts := scales[key]
		checkAscending(t, key.band, pts)
		sc := paystructure.Scale{Band: key.band}
		for i, p := range pts {
			sc.Points = append(sc.Points, p.point)
			if key.date == latest {
				inc.latest[key.band][p.point.Label] = int32(i)
			}
		}
		s := &inc.structures[structure[key.date]]
		s.Scales = append(s.Scales, sc)
	}
	return inc
}

// checkAscending sorts a scale's points by salary (file order of points is
// not significant) and reports equal salaries, at the later line.
func checkAscending(t *table, band string, pts []pointRow) {
	slices.SortStableFunc(pts, func(a, b pointRow) int { return a.point.Salary.Cmp(b.point.Salary) })
	for i := 1; i < len(pts); i++ {
		lo, hi := pts[i-1], pts[i]
		if lo.point.Salary.Cmp(hi.point.Salary) < 0 {
			continue
		}
		if hi.line < lo.line {
			lo, hi = hi, lo
		}
		t.errs.addf(t.file, hi.line, "salary", "%s point %s (%s) is not above point %s (%s)",
			band, hi.point.Label, money.AmountText(hi.point.Salary), lo.point.Label, money.AmountText(lo.point.Salary))
	}
	checkNumbered(t, band, pts)
}

// checkNumbered reports a salary that goes down as point numbers go up,
// when every label of the scale is one prefix followed by a distinct number
// ("1", "2", … or "M1", "M2", …): a mistyped salary must not silently
// reorder the band. pts is in salary order.
func checkNumbered(t *table, band string, pts []pointRow) {
	prefix := ""
	nums := make([]int, len(pts))
	seen := map[int]bool{}
	for i, p := range pts {
		l := p.point.Label
		j := len(l)
		for j > 0 && l[j-1] >= '0' && l[j-1] <= '9' {
			j--
		}
		if j == len(l) || len(l)-j > 9 {
			return
		}
		n, err := strconv.Atoi(l[j:])
		if err != nil || seen[n] || (i > 0 && l[:j] != prefix) {
			return
		}
		prefix, nums[i], seen[n] = l[:j], n, true
	}
	for i := 1; i < len(pts); i++ {
		if nums[i] > nums[i-1] {
			continue
		}
		lo, hi := pts[i-1], pts[i] // lo pays less but has the higher number
		line := max(lo.line, hi.line)
		if lo.point.Salary.Equal(hi.point.Salary) {
			continue // reported as not above
		}
		t.errs.addf(t.file, line, "salary", "%s point %s (%s) is not above point %s (%s)",
			band, lo.point.Label, money.AmountText(lo.point.Salary), hi.point.Label, money.AmountText(hi.point.Salary))
	}
}

// onDate returns " on DATE" for a dated structure, "" for an undated one.
func onDate(d calendar.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf(" on %s", d)
}
