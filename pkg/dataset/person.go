package dataset

import (
	"fmt"
	"io/fs"
	"strings"

	"paymodel/pkg/diag"
	"paymodel/pkg/paystructure"
)

// EachPerson streams the rows of staff.csv in fsys (or its sheet: see
// Workbook) to fn, one Person per
// row in file order, for per-person outputs such as member statements. The
// dataset ds must have been loaded by Load from the same fsys; a row that no
// longer checks out (the file changed since) stops the stream with an error
// naming its line, as does any error fn returns. Each call gets a fresh
// Person, which fn may keep. A dataset without a census has no rows.
func EachPerson(fsys fs.FS, ds *paystructure.Dataset, fn func(p *paystructure.Person) error) error {
	if ds.Census == nil {
		return nil
	}
	src := sourcesOf(fsys) // staff.csv may be a sheet: workbook.go
	defer src.close()
	errs := newCollector()
	errs.placer = src.place
	var warnings []string
	t, found := openTable(src, staffSchema, errs, &warnings)
	if !found {
		return fmt.Errorf("%s: file not found (it was there when the dataset was loaded)", StaffFile)
	}
	if t == nil {
		return errs.list()
	}
	defer t.close()
	cols := newStaffColumns(t)
	var latest *paystructure.Structure
	if n := len(ds.Structures); n > 0 {
		latest = &ds.Structures[n-1]
	}
	for rec, line, ok := t.next(); ok; rec, line, ok = t.next() {
		p, msg := person(rec, line, &cols, ds, latest)
		if msg != "" {
			errs.add(StaffFile, line, "", msg)
			return errs.list()
		}
		if err := fn(p); err != nil {
			return err
		}
	}
	if !errs.empty() {
		return errs.list()
	}
	return nil
}

// person parses one census row, returning the first problem found.
func person(rec []string, line int, cols *staffColumns, ds *paystructure.Dataset, latest *paystructure.Structure) (*paystructure.Person, string) {
	p := &paystructure.Person{
		Line:  line,
		ID:    label(field(rec, cols.id)),
		Name:  strings.Clone(strings.TrimSpace(field(rec, cols.name))),
		Band:  strings.Clone(label(rec[cols.band])),
		Point: strings.Clone(label(rec[cols.point])),
	}
	p.ID = strings.Clone(p.ID) // not pinning the whole CSV line
	if _, ok := ds.Band(p.Band); !ok {
		return nil, fmt.Sprintf("band %q is not in bands.csv", diag.Clip(p.Band))
	}
	if latest != nil {
		if sc, ok := latest.Scale(p.Band); !ok || sc.Index(p.Point) < 0 {
			return nil, fmt.Sprintf("point %q is not a point of %s%s", diag.Clip(p.Point), p.Band, latestText(latest.EffectiveFrom))
		}
	}
	var msg string
	if p.FTE, msg = parseFTE(field(rec, cols.fte)); msg != "" {
		return nil, msg
	}
	if p.PointDate, msg = parsePointDate(field(rec, cols.pointDate)); msg != "" {
		return nil, msg
	}
	if p.StartDate, msg = parseStartDate(field(rec, cols.startDate)); msg != "" {
		return nil, msg
	}
	cpd, msg := parseCPD(field(rec, cols.cpd))
	if msg != "" {
		return nil, msg
	}
	p.CPDHours, p.CPDRecorded = cpd.hours, cpd.recorded
	if p.Count, msg = parseCount(field(rec, cols.count)); msg != "" {
		return nil, msg
	}
	for _, i := range cols.attrs {
		p.Attributes = append(p.Attributes, strings.Clone(strings.TrimSpace(rec[i])))
	}
	return p, ""
}
