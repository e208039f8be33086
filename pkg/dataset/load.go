package dataset

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io/fs"
	"sync"

	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
)

// Load reads and validates the dataset whose files are at the root of fsys.
// name is the dataset's name for reports.
//
// When anything is wrong, Load returns a nil Dataset and an ErrorList with
// every problem found in every file. Otherwise the Dataset's Bands are in
// display order, its Structures ascend by date with each Scale's points in
// ascending salary order, Inflation is in date order, OnCosts in file order,
// Census is nil when there is no staff.csv, and Warnings lists things worth
// a look.
func Load(fsys fs.FS, name string) (*paystructure.Dataset, error) {
	return LoadContext(context.Background(), fsys, name)
}

// LoadContext is Load, stopping early when ctx is done: it checks ctx
// between files, between batches of census rows (every 512 rows) as they
// are read and checked, and while staff.csv is read again to check ids. A
// stopped load returns a nil Dataset and ctx.Err(), even when it had found
// problems by then.
func LoadContext(ctx context.Context, fsys fs.FS, name string) (*paystructure.Dataset, error) {
	src := sourcesOf(fsys) // tables may be sheets of workbooks: workbook.go
	defer src.close()
	fsys = src
	errs := newCollector()
	errs.placer = src.place
	ds := &paystructure.Dataset{Name: name}
	sum := newChecksum()

	// bands.csv and increments.csv are required.
	bt, found := openTable(fsys, bandsSchema, errs, &ds.Warnings)
	if !found {
		errs.add(BandsFile, 0, "", "file not found (a dataset needs bands.csv and increments.csv)")
	}
	var bands []bandInfo
	if bt != nil {
		bands = readBands(bt)
		sum.add(bt)
		bt.close()
	}
	it, found := openTable(fsys, incrementsSchema, errs, &ds.Warnings)
	if !found {
		errs.add(IncrementsFile, 0, "", "file not found (a dataset needs bands.csv and increments.csv)")
	}
	var inc *increments
	if it != nil {
		inc = readIncrements(it, bands, len(bands) > 0)
		sum.add(it)
		it.close()
	}
	for _, b := range bands {
		ds.Bands = append(ds.Bands, b.band)
	}

	if t, _ := openTable(fsys, inflationSchema, errs, &ds.Warnings); t != nil {
		ds.Inflation = readInflation(t)
		sum.add(t)
		t.close()
	}
	if t, _ := openTable(fsys, onCostsSchema, errs, &ds.Warnings); t != nil {
		ds.OnCosts = readOnCosts(t)
		sum.add(t)
		t.close()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var census *censusReader
	if t, _ := openTable(fsys, staffSchema, errs, &ds.Warnings); t != nil {
		t.ctx = ctx
		refs := newCensusRefs(bands, len(bands) > 0, inc)
		census = readStaff(t, refs, &ds.Warnings)
		if err := ctx.Err(); err != nil {
			t.close()
			return nil, err
		}
		sum.add(t)
		t.close()
	}
	if census != nil {
		if census.ids != nil {
			census.ids.ctx = ctx
		}
		if !errs.empty() {
			if census.ids != nil {
				census.ids.reportDuplicates(fsys, errs)
			}
		} else {
			// Every other check has passed: put the groups in order while
			// the ids are checked on another goroutine, and keep them only
			// if no id is repeated.
			var wg sync.WaitGroup
			dups := newCollector()
			if census.ids != nil {
				wg.Go(func() { census.ids.reportDuplicates(fsys, dups) })
			}
			ds.Structures = inc.structures
			ds.Census = census.census(ds)
			wg.Wait()
			errs.merge(dups)
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}

	if t, _ := openTable(fsys, floorsSchema, errs, &ds.Warnings); t != nil {
		ds.Floors = readFloors(t)
		sum.add(t)
		t.close()
	}

	if !errs.empty() {
		return nil, errs.list()
	}
	ds.Structures = inc.structures
	ds.Checksum = sum.text()
	ds.Warnings = append(ds.Warnings, overlapWarnings(ds)...)
	ds.Warnings = src.warnings(ds.Warnings)
	return ds, nil
}

// newCensusRefs returns what census rows are checked against.
func newCensusRefs(bands []bandInfo, bandsRead bool, inc *increments) censusRefs {
	var refs censusRefs
	if bandsRead {
		refs.bands = map[string]int32{}
		for i, b := range bands {
			refs.bands[b.band.Name] = int32(i)
		}
	}
	if inc != nil {
		refs.points = inc.latest
		refs.unsure, refs.unsureAll = inc.dropped, inc.droppedAll
		if n := len(inc.structures); n > 0 {
			refs.latest = inc.structures[n-1].EffectiveFrom
		}
	}
	return refs
}

// overlapWarnings warns where a band's top salary in the latest structure
// is above the next band's entry salary.
func overlapWarnings(ds *paystructure.Dataset) []string {
	var out []string
	scales := ds.Latest().Scales
	for i := 1; i < len(scales); i++ {
		lo, hi := scales[i-1], scales[i]
		if top, entry := lo.Top().Salary, hi.Points[0].Salary; top.Cmp(entry) > 0 {
			out = append(out, fmt.Sprintf("overlapping bands: the top of %s (%s) is above the entry point of %s (%s)",
				lo.Band, money.AmountText(top), hi.Band, money.AmountText(entry)))
		}
	}
	return out
}

// checksum hashes the dataset's files: SHA-256 over, for each file read in
// the order bands.csv, increments.csv, inflation.csv, oncosts.csv,
// staff.csv, floors.csv, its name, a NUL, the hex SHA-256 of its bytes and a newline.
// The Dataset's Checksum is the first 12 hex digits.
type checksum struct{ h hash.Hash }

func newChecksum() *checksum { return &checksum{sha256.New()} }

func (c *checksum) add(t *table) {
	fmt.Fprintf(c.h, "%s\x00%x\n", t.file, t.sum())
}

func (c *checksum) text() string { return hex.EncodeToString(c.h.Sum(nil))[:12] }
