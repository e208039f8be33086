package dataset

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"

	"paymodel/pkg/paystructure"
)

// census returns the census read, for the valid dataset ds: its groups
// sorted by band display order, point order in the latest structure, FTE,
// point_date, CPD hours (not recorded first) and attributes.
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
	tupleRanks := ranks(len(c.tuples), func(a, b int32) int { return slices.Compare(c.tuples[a], c.tuples[b]) })

	// Every key is canonical, so no two groups sort equal: the order does
	// not depend on the map's.
	n := len(c.packed) + len(c.groups)
	keys := make([]sortKey, 0, n)
	found := make([]groupKey, 0, n)
	counts := make([]int64, 0, n)
	add := func(k groupKey, count int64) {
		keys = append(keys, sortKey{
			k1: uint64(k.band)<<32 | uint64(k.point),
			k2: uint64(fteRanks[k.fte])<<32 | uint64(k.date),
			k3: uint64(cpdRanks[k.cpd])<<32 | uint64(tupleRanks[k.attrs]),
			i:  int32(len(found)),
		})
		found = append(found, k)
		counts = append(counts, count)
	}
	for p, count := range c.packed {
		add(unpack(p), count)
	}
	for k, count := range c.groups {
		add(k, count)
	}
	slices.SortFunc(keys, compareKeys)

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
	groups := make([]paystructure.Group, len(keys))
	for i, sk := range keys {
		k := found[sk.i]
		cpd := c.cpd.vals[k.cpd]
		groups[i] = paystructure.Group{
			Band:        ds.Bands[k.band].Name,
			Point:       points[k.band][k.point],
			FTE:         c.fte.vals[k.fte],
			PointDate:   unpackDate(k.date),
			CPDHours:    cpd.hours,
			CPDRecorded: cpd.recorded,
			Count:       counts[sk.i],
		}
		if len(c.cols.attrs) > 0 {
			groups[i].Attributes = c.tuples[k.attrs] // shared by groups with equal attributes
		}
	}
	return &paystructure.Census{
		AttributeNames: c.cols.attrNames,
		Groups:         groups,
		Headcount:      c.headcount,
		Rows:           c.rows,
	}
}

// sortKey is a group's sort fields, packed into integers: band and point
// positions, the ranks of its FTE, point_date, CPD hours and attributes.
type sortKey struct {
	k1, k2, k3 uint64
	i          int32 // index of the group's key and count
}

func compareKeys(a, b sortKey) int {
	if a.k1 != b.k1 {
		return cmp.Compare(a.k1, b.k1)
	}
	if a.k2 != b.k2 {
		return cmp.Compare(a.k2, b.k2)
	}
	return cmp.Compare(a.k3, b.k3)
}
