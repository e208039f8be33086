package dataset

import (
	"cmp"
	"slices"

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
	tupleRanks := tupleRanks(c.tuples)

	keys := make([]sortKey, 0, c.valid)
	for i, chunk := range c.entries {
		for j := range chunk {
			e := &chunk[j]
			if !e.valid || e.count == 0 {
				continue
			}
			keys = append(keys, sortKey{
				k1: uint64(e.band)<<32 | uint64(e.point),
				k2: uint64(fteRanks[e.fte])<<32 | uint64(e.date),
				k3: uint64(cpdRanks[e.cpd])<<32 | uint64(tupleRanks[e.attrs]),
				n:  int32(i*entryChunk + j),
			})
		}
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
	n := 0
	for i := range keys {
		if i == 0 || compareKeys(keys[i-1], keys[i]) != 0 {
			n++
		}
	}
	groups := make([]paystructure.Group, 0, n)
	for i, k := range keys {
		e := c.entry(k.n)
		if i > 0 && compareKeys(keys[i-1], k) == 0 {
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
		if len(c.cols.attrs) > 0 {
			g.Attributes = c.tuples[e.attrs] // shared by groups with equal attributes
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

// sortKey is a group's sort fields, packed into integers: band and point
// positions, the ranks of its FTE, point_date, CPD hours and attributes,
// and the number of its entry.
type sortKey struct {
	k1, k2, k3 uint64
	n          int32
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

// tupleRanks returns the rank of each tuple of attribute values in
// lexicographic order, equal tuples sharing a rank.
func tupleRanks(tuples [][]string) []int32 {
	order := make([]int32, len(tuples))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return slices.Compare(tuples[a], tuples[b]) })
	ranks := make([]int32, len(tuples))
	r := int32(0)
	for i, id := range order {
		if i > 0 && !slices.Equal(tuples[order[i-1]], tuples[id]) {
			r++
		}
		ranks[id] = r
	}
	return ranks
}
