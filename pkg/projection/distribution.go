package projection

import (
	"cmp"
	"slices"
	"sort"

	"github.com/shopspring/decimal"

	"paymodel/pkg/money"
	"paymodel/pkg/projection/internal/exact"
)

// distribution compares each path's pay-year-1 earnings under r with
// Current's (cur): the Distribution rows of every census band with people,
// in band display order, then AllBands.
func (e *engine) distribution(r, cur *run, inflation *decimal.Decimal) []Distribution {
	c := r.c
	// Paths with the same census band, Current earnings and rise are
	// alike here: add their weights first.
	type key struct {
		band      int
		old, rise int64
	}
	weights := map[key]int64{}
	for pi := range e.paths {
		b, ok := c.bandIdx[e.paths[pi].key.band]
		if !ok {
			b = -1
		}
		weights[key{b, cur.earn1[pi], r.earn1[pi] - cur.earn1[pi]}] += e.paths[pi].weight
	}
	byBand := make([][]rise, len(c.bands)) // by census band
	var all []rise
	for k, w := range weights {
		x := rise{old: k.old, rise: k.rise, w: w}
		if k.band >= 0 {
			byBand[k.band] = append(byBand[k.band], x)
		}
		all = append(all, x)
	}
	weight := func(x *rise) int64 { return x.w }
	one := func(band string, items []rise) Distribution {
		d := Distribution{Scenario: c.tl.Scenario, Band: band}
		items, lo, med, hi, ok := pickWeighted(items, weight, func(a, b rise) int { return cmp.Compare(a.rise, b.rise) })
		if !ok {
			return d
		}
		d.MinRise, d.MedianRise, d.MaxRise = exact.FromPence(items[lo].rise), exact.FromPence(items[med].rise), exact.FromPence(items[hi].rise)
		items, lo, med, hi, _ = pickWeighted(items, weight, func(a, b rise) int {
			an, ad := a.frac()
			bn, bd := b.frac()
			return exact.CmpFrac(an, ad, bn, bd)
		})
		d.MinPct, d.MedianPct, d.MaxPct = items[lo].pct(), items[med].pct(), items[hi].pct()
		for i := range items {
			d.People += items[i].w
		}
		if inflation != nil {
			// The rounded percentage never decreases along the sorted
			// items, so those below inflation are a prefix.
			n := sort.Search(len(items), func(i int) bool { return !items[i].pct().LessThan(*inflation) })
			var below int64
			for _, x := range items[:n] {
				below += x.w
			}
			d.BelowInflation = &below
		}
		return d
	}
	var out []Distribution
	for b, items := range byBand {
		if d := one(c.bands[b], items); d.People > 0 {
			out = append(out, d)
		}
	}
	return append(out, one(AllBands, all))
}

// rise is the first-year rise of the people on paths alike for the
// distribution (same census band, Current earnings and rise): new − old
// earnings in pence, and their weight. Kept in integer pence so that
// sorting by rise, and by rise ÷ old via exact.CmpFrac, is exact and cheap;
// only the picked items become decimals.
type rise struct {
	old, rise, w int64
}

// frac returns the rise as a fraction rise/den with den > 0 (0/1 when old
// is zero, as money.Change defines it).
func (r rise) frac() (num, den int64) {
	if r.old <= 0 {
		return 0, 1
	}
	return r.rise, r.old
}

// pct is the rise as a fraction of the old earnings, to 8 places
// (money.Change).
func (r rise) pct() decimal.Decimal {
	_, f := money.Change(exact.FromPence(r.old), exact.FromPence(r.old+r.rise))
	return f
}

// pickWeighted sorts items by cmp, ignoring those of zero weight, and
// returns the positions (in the returned slice) of the minimum, the lower
// weighted median and the maximum. The lower median is the item of the
// person at position ⌈W/2⌉ in ascending order, W the total weight: the
// middle person when W is odd, the lower of the two middle people when W is
// even. ok is false when there is nobody.
func pickWeighted[T any](items []T, weight func(*T) int64, cmp func(a, b T) int) (sorted []T, lo, med, hi int, ok bool) {
	n := 0
	for i := range items {
		if weight(&items[i]) > 0 {
			items[n] = items[i]
			n++
		}
	}
	items = items[:n]
	if len(items) == 0 {
		return items, 0, 0, 0, false
	}
	slices.SortFunc(items, cmp)
	var total int64
	for i := range items {
		total += weight(&items[i])
	}
	target := total - total/2 // ⌈W/2⌉
	var cum int64
	for i := range items {
		cum += weight(&items[i])
		if cum >= target {
			med = i
			break
		}
	}
	return items, 0, med, len(items) - 1, true
}
