package dataset

import (
	"cmp"
	"math/bits"
	"slices"

	"github.com/shopspring/decimal"

	"paymodel/pkg/paystructure"
)

// census returns the census read, for the valid dataset ds: its groups
// sorted by band display order, point order in the latest structure, FTE,
// point_date, CPD hours (not recorded first) and attributes.
func (c *censusReader) census(ds *paystructure.Dataset) *paystructure.Census {
	r := c.ranks()
	points := censusPoints(ds)
	keys, counts, ok := c.radixGroups(r, points)
	if !ok {
		keys, counts = c.sortedGroups(r)
	}
	groups := make([]paystructure.Group, len(keys))
	for i, k := range keys {
		// Field by field, into the zeroed slice: assigning a whole Group
		// copies it with a write barrier on each of its words while the
		// collector runs, which at a million rows took a fifth of compare.
		cpd := &c.cpd.vals[k.cpd]
		g := &groups[i]
		g.Band = ds.Bands[k.band].Name
		g.Point = points[k.band][k.point]
		g.FTE = c.fte.vals[k.fte]
		g.PointDate = unpackDate(k.date)
		g.CPDHours = cpd.hours
		g.CPDRecorded = cpd.recorded
		g.Count = counts[i]
		if len(c.cols.attrs) > 0 {
			g.Attributes = c.tuples[k.attrs] // shared by groups with equal attributes
		}
	}
	return &paystructure.Census{
		AttributeNames: c.cols.attrNames,
		Groups:         groups,
		Headcount:      c.headcount,
		Rows:           c.rows,
	}
}

// ranks orders the ids of the values that make a group.
func (c *censusReader) ranks() censusRanks {
	return censusRanks{
		fte: c.fte.order(decimal.Decimal.Cmp),
		cpd: c.cpd.order(func(a, b cpdValue) int {
			if a.recorded != b.recorded {
				if a.recorded {
					return 1
				}
				return -1
			}
			return a.hours.Cmp(b.hours)
		}),
		tuple: order(len(c.tuples), func(a, b int32) int { return slices.Compare(c.tuples[a], c.tuples[b]) }),
	}
}

// censusPoints returns the point labels of each band of ds, by position, in
// its latest structure.
func censusPoints(ds *paystructure.Dataset) [][]string {
	latest := ds.Latest()
	points := make([][]string, len(ds.Bands))
	for i, b := range ds.Bands {
		if sc, ok := latest.Scale(b.Name); ok {
			for _, p := range sc.Points {
				points[i] = append(points[i], p.Label)
			}
		}
	}
	return points
}

// censusRanks orders the ids of the values that make a group.
type censusRanks struct {
	fte, cpd, tuple ranking
}

// ranking is an order of ids: the id of each rank, and the rank of each id.
type ranking struct {
	ids, ranks []int32
}

// radixGroups counts the groups of the rows in c.keys and c.packed, in
// order, without a map or a comparison sort: each row's packed key is
// rewritten with the ranks of its values in place of their ids, in the
// fields' sort order and in as few bits as they need, so that sorting the
// rewritten keys as integers (a radix sort) sorts the rows into their groups
// in the census's order; equal neighbours are then counted. ok is false
// when some rows' keys did not pack (c.groups), when the ranks do not fit in
// 64 bits, or when a key names a band or point outside ds's latest
// structure; sortedGroups then does the work.
func (c *censusReader) radixGroups(r censusRanks, points [][]string) (keys []groupKey, counts []int64, ok bool) {
	if len(c.groups) > 0 {
		return nil, nil, false
	}
	// The months groups are dated by (0: no point_date), in order.
	months := make([]int32, 1, len(c.pointDate.vals)+1)
	for _, d := range c.pointDate.vals {
		months = append(months, packDate(countsFrom(d)))
	}
	slices.Sort(months)
	months = slices.Compact(months)
	monthRanks := make([]int32, months[len(months)-1]+1)
	for i, m := range months {
		monthRanks[m] = int32(i)
	}
	nPoints := 0
	for _, p := range points {
		nPoints = max(nPoints, len(p))
	}
	width := func(n int) int { return bits.Len(uint(max(n, 1) - 1)) }
	wTuple, wCPD, wMonth, wFTE, wPoint, wBand := width(len(r.tuple.ids)), width(len(r.cpd.ids)), width(len(months)), width(len(r.fte.ids)), width(nPoints), width(len(points))
	total := wTuple + wCPD + wMonth + wFTE + wPoint + wBand
	if total > 64 {
		return nil, nil, false
	}
	sCPD := wTuple
	sMonth := sCPD + wCPD
	sFTE := sMonth + wMonth
	sPoint := sFTE + wFTE
	sBand := sPoint + wPoint
	rank := func(p uint64) (uint64, bool) {
		k := unpack(p)
		if int(k.band) >= len(points) || int(k.point) >= len(points[k.band]) || int(k.date) >= len(monthRanks) {
			return 0, false
		}
		return uint64(k.band)<<sBand | uint64(k.point)<<sPoint | uint64(r.fte.ranks[k.fte])<<sFTE |
			uint64(monthRanks[k.date])<<sMonth | uint64(r.cpd.ranks[k.cpd])<<sCPD | uint64(r.tuple.ranks[k.attrs]), true
	}
	unrank := func(q uint64) groupKey {
		field := func(shift, width int) uint64 { return q >> shift & (1<<width - 1) }
		return groupKey{
			band:  int32(field(sBand, wBand)),
			point: int32(field(sPoint, wPoint)),
			fte:   r.fte.ids[field(sFTE, wFTE)],
			date:  months[field(sMonth, wMonth)],
			cpd:   r.cpd.ids[field(sCPD, wCPD)],
			attrs: r.tuple.ids[field(0, wTuple)],
		}
	}

	// Rows of other counts, already added up by packed key (first, so
	// that c.keys is untouched if one does not rank).
	type pair struct {
		q     uint64
		count int64
	}
	others := make([]pair, 0, len(c.packed))
	for p, count := range c.packed {
		q, ok := rank(p)
		if !ok {
			return nil, nil, false
		}
		others = append(others, pair{q, count})
	}
	slices.SortFunc(others, func(a, b pair) int { return cmp.Compare(a.q, b.q) })

	// Rows of count 1: their keys rewritten in place, then sorted.
	n := c.keys.len()
	var rows [][]uint64
	if n < 1<<12 || total > 32 {
		flat := make([]uint64, 0, n)
		for _, chunk := range c.keys.chunks() {
			for _, p := range chunk {
				q, ok := rank(p)
				if !ok {
					return nil, nil, false
				}
				flat = append(flat, q)
			}
		}
		rows = [][]uint64{radixSortBits(flat, total)}
	} else {
		var ok bool
		if rows, ok = c.rankAndSort(r, months, monthRanks, points, total, [6]int{sBand, sPoint, sFTE, sMonth, sCPD, 0}); !ok {
			return nil, nil, false
		}
	}
	c.keys = chunked{}

	// Merge the two, counting equal keys once: a first pass counts the
	// groups, so that keys and counts are made at their size (appending
	// grew them to several times it, a large part of loading a census).
	merge := func(add func(q uint64, count int64)) {
		j := 0
		for _, chunk := range rows {
			for _, q := range chunk {
				for ; j < len(others) && others[j].q < q; j++ {
					add(others[j].q, others[j].count)
				}
				add(q, 1)
			}
		}
		for ; j < len(others); j++ {
			add(others[j].q, others[j].count)
		}
	}
	n, last := 0, uint64(0)
	merge(func(q uint64, _ int64) {
		if n == 0 || q != last {
			n++
			last = q
		}
	})
	keys, counts = make([]groupKey, 0, n), make([]int64, 0, n)
	merge(func(q uint64, count int64) {
		if len(counts) > 0 && q == last {
			counts[len(counts)-1] += count
			return
		}
		keys = append(keys, unrank(q))
		counts = append(counts, count)
		last = q
	})
	return keys, counts, true
}

// rankAndSort rewrites the keys of c.keys in place with the ranks of their
// values (shifts gives where each field goes: band, point, FTE, month, CPD
// hours, attributes), counting the digits of both radix passes as it goes,
// and sorts them in two passes: into a new slice, and back into the chunks,
// which it returns. The keys fit in total bits, at most 32. ok is false,
// with c.keys as they were, when a key names a band, point or month outside
// the tables.
func (c *censusReader) rankAndSort(r censusRanks, months, monthRanks []int32, points [][]string, total int, shifts [6]int) (sorted [][]uint64, ok bool) {
	digit := (total + 1) / 2
	mask := uint64(1)<<digit - 1
	lo, hi := make([]int, 1<<digit), make([]int, 1<<digit)
	fteRanks, cpdRanks, tupleRanks := r.fte.ranks, r.cpd.ranks, r.tuple.ranks
	chunks := c.keys.chunks()
	for ci, chunk := range chunks {
		for j, p := range chunk {
			k := unpack(p)
			if int(k.band) >= len(points) || int(k.point) >= len(points[k.band]) || int(k.date) >= len(monthRanks) {
				c.unrank(chunks, ci, j, r, months, shifts)
				return nil, false
			}
			q := uint64(k.band)<<shifts[0] | uint64(k.point)<<shifts[1] | uint64(fteRanks[k.fte])<<shifts[2] |
				uint64(monthRanks[k.date])<<shifts[3] | uint64(cpdRanks[k.cpd])<<shifts[4] | uint64(tupleRanks[k.attrs])
			chunk[j] = q
			lo[q&mask]++
			hi[q>>digit&mask]++
		}
	}
	offsets := func(counts []int) {
		sum := 0
		for i, n := range counts {
			counts[i] = sum
			sum += n
		}
	}
	offsets(lo)
	offsets(hi)
	flat := make([]uint64, c.keys.len())
	for _, chunk := range chunks {
		for _, q := range chunk {
			d := q & mask
			flat[lo[d]] = q
			lo[d]++
		}
	}
	for _, q := range flat {
		d := q >> digit & mask
		i := hi[d]
		chunks[i/chunkLen][i%chunkLen] = q
		hi[d]++
	}
	return chunks, true
}

// unrank undoes rankAndSort's rewriting of the keys before chunks[ci][j].
func (c *censusReader) unrank(chunks [][]uint64, ci, j int, r censusRanks, months []int32, shifts [6]int) {
	ranked := func(i int) bool { return i < ci }
	for i, chunk := range chunks {
		end := len(chunk)
		if !ranked(i) {
			if i > ci {
				break
			}
			end = j
		}
		for x := range chunk[:end] {
			q := chunk[x]
			field := func(n int) uint64 {
				w := 64
				if n > 0 {
					w = shifts[n-1]
				}
				return q >> shifts[n] & (1<<(w-shifts[n]) - 1)
			}
			k := groupKey{
				band: int32(field(0)), point: int32(field(1)),
				fte: r.fte.ids[field(2)], date: months[field(3)],
				cpd: r.cpd.ids[field(4)], attrs: r.tuple.ids[field(5)],
			}
			chunk[x], _ = k.pack()
		}
	}
}

// sortedGroups counts the groups of every row in maps and sorts them: the
// general way, for keys radixGroups cannot handle.
func (c *censusReader) sortedGroups(r censusRanks) ([]groupKey, []int64) {
	for _, chunk := range c.keys.chunks() {
		for _, p := range chunk {
			c.packed[p]++
		}
	}
	c.keys = chunked{}
	// Every key is canonical, so no two groups sort equal: the order does
	// not depend on the map's.
	n := len(c.packed) + len(c.groups)
	keys := make([]sortKey, 0, n)
	found := make([]groupKey, 0, n)
	counts := make([]int64, 0, n)
	add := func(k groupKey, count int64) {
		keys = append(keys, sortKey{
			k1: uint64(k.band)<<32 | uint64(k.point),
			k2: uint64(r.fte.ranks[k.fte])<<32 | uint64(k.date),
			k3: uint64(r.cpd.ranks[k.cpd])<<32 | uint64(r.tuple.ranks[k.attrs]),
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
	outKeys := make([]groupKey, len(keys))
	outCounts := make([]int64, len(keys))
	for i, sk := range keys {
		outKeys[i], outCounts[i] = found[sk.i], counts[sk.i]
	}
	return outKeys, outCounts
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
