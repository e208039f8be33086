package dataset

import (
	"cmp"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/paystructure"
)

// census returns the census read, for the valid dataset ds: its groups
// sorted by band display order, point order in the latest structure, FTE,
// point_date, CPD hours (not recorded first) and attributes, with groups
// that are equal once parsed ("1" and "1.0") merged.
func (c *censusReader) census(ds *paystructure.Dataset) *paystructure.Census {
	fteRanks := c.fte.ranks(decimal.Decimal.Cmp)
	cpdRanks := c.cpd.ranks(func(a, b cpdValue) int {
		if a.recorded != b.recorded {
			if a.recorded {
				return 1
			}
			return -1
		}
		return a.hours.Cmp(b.hours)
	})
	attrRanks := stringRanks(c.attrVals)
	nattrs := int32(len(c.cols.attrs))

	keys := make([]sortKey, 0, c.valid)
	for _, chunk := range c.entries {
		for j := range chunk {
			e := &chunk[j]
			if !e.valid || e.count == 0 {
				continue
			}
			keys = append(keys, sortKey{
				band: e.band, point: e.point, fte: fteRanks[e.fte], date: e.date, cpd: cpdRanks[e.cpd],
				attrs: e.attrs, entry: e,
			})
		}
	}
	compare := func(a, b sortKey) int {
		switch {
		case a.band != b.band:
			return cmp.Compare(a.band, b.band)
		case a.point != b.point:
			return cmp.Compare(a.point, b.point)
		case a.fte != b.fte:
			return cmp.Compare(a.fte, b.fte)
		case a.date != b.date:
			return cmp.Compare(a.date, b.date)
		case a.cpd != b.cpd:
			return cmp.Compare(a.cpd, b.cpd)
		}
		for k := range nattrs {
			ra, rb := attrRanks[c.attrArena[a.attrs+k]], attrRanks[c.attrArena[b.attrs+k]]
			if ra != rb {
				return cmp.Compare(ra, rb)
			}
		}
		return 0
	}
	slices.SortFunc(keys, compare)

	// Band names and point labels by position.
	latest := ds.Latest()
	points := make([][]string, len(ds.Bands))
	for i, b := range ds.Bands {
		if sc, ok := latest.Scale(b.Name); ok {
			for _, p := range sc.Points {
				points[i] = append(points[i], p.Label)
			}
		}
	}
	n := 0
	for i := range keys {
		if i == 0 || compare(keys[i-1], keys[i]) != 0 {
			n++
		}
	}
	groups := make([]paystructure.Group, 0, n)
	attrs := make([]string, n*int(nattrs))
	for i, k := range keys {
		e := k.entry
		if i > 0 && compare(keys[i-1], k) == 0 {
			groups[len(groups)-1].Count += e.count
			continue
		}
		cpd := c.cpd.vals[e.cpd]
		g := paystructure.Group{
			Band:        ds.Bands[e.band].Name,
			Point:       points[e.band][e.point],
			FTE:         c.fte.vals[e.fte],
			PointDate:   unpackDate(e.date),
			CPDHours:    cpd.hours,
			CPDRecorded: cpd.recorded,
			Count:       e.count,
		}
		if nattrs > 0 {
			g.Attributes, attrs = attrs[:nattrs:nattrs], attrs[nattrs:]
			for k := range nattrs {
				g.Attributes[k] = c.attrVals[c.attrArena[e.attrs+k]]
			}
		}
		groups = append(groups, g)
	}
	return &paystructure.Census{
		AttributeNames: c.cols.attrNames,
		Groups:         groups,
		Headcount:      c.headcount,
		Rows:           c.rows,
	}
}

// sortKey is a group's sort fields, as positions and ranks.
type sortKey struct {
	band, point, fte, date, cpd int32
	attrs                       int32 // offset in attrArena
	entry                       *entry
}

// stringRanks returns the rank of each string in byte order.
func stringRanks(vals []string) []int32 {
	order := make([]int32, len(vals))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(vals[a], vals[b]) })
	ranks := make([]int32, len(vals))
	for r, id := range order {
		ranks[id] = int32(r)
	}
	return ranks
}
