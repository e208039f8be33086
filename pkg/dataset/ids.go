package dataset

import (
	"context"
	"hash/maphash"
	"io/fs"
	"math/bits"
	"slices"
	"strings"
)

// idSet finds repeated census ids while staff.csv streams past, holding
// only a 64-bit hash per id (no map, and no copy of the id). Afterwards the
// hashes are sorted; ids whose hashes match are probably equal, and
// reportDuplicates settles it by reading staff.csv again.
type idSet struct {
	seed   maphash.Seed
	hashes chunked
	// ctx, when not nil, stops reportDuplicates part way (its errors are
	// then incomplete, and the load is abandoned).
	ctx context.Context
}

func newIDSet() *idSet { return &idSet{seed: maphash.MakeSeed()} }

// add notes id.
func (s *idSet) add(id string) { s.hashes.add(maphash.String(s.seed, id)) }

// reportDuplicates reports every id used on an earlier line, exactly. When
// no two hashes match (the usual case), staff.csv is not read again.
func (s *idSet) reportDuplicates(fsys fs.FS, errs *collector) {
	matched := matchingHashes(s.hashes.chunks())
	s.hashes = chunked{}
	if len(matched) == 0 {
		return
	}
	var warnings []string
	t, _ := openTable(fsys, staffSchema, newCollector(), &warnings)
	if t == nil {
		errs.add(StaffFile, 0, "id", "cannot read the file again to check ids")
		return
	}
	defer t.close()
	t.ctx = s.ctx
	col := t.index("id")
	firstLine := map[string]int{}
	for rec, line, ok := t.next(); ok; rec, line, ok = t.next() {
		if t.rows%batchRows == 0 && t.stopped() {
			return
		}
		id := label(rec[col])
		if id == "" || !matched[maphash.String(s.seed, id)] {
			continue
		}
		if first, dup := firstLine[id]; dup {
			errs.addf(StaffFile, line, "id", "id %q is already on line %d", id, first)
		} else {
			firstLine[strings.Clone(id)] = line
		}
	}
}

// matchingHashes returns the hashes that occur more than once. Rather than
// sorting every hash, it marks each in a bitmap of at least 16 bits per hash,
// indexed by the hash's top bits, noting the bits marked twice; only the few
// hashes on those bits (about one in 16) are then sorted and compared.
func matchingHashes(chunks [][]uint64) map[uint64]bool {
	matched := map[uint64]bool{}
	n := 0
	for _, c := range chunks {
		n += len(c)
	}
	if n < 2 {
		return matched
	}
	width := bits.Len(uint(n)*16 - 1)
	shift := 64 - width
	seen := make([]uint64, max(1, (1<<width)/64))
	twice := make([]uint64, len(seen))
	for _, hashes := range chunks {
		for _, h := range hashes {
			i := h >> shift
			w, b := i/64, uint64(1)<<(i%64)
			if seen[w]&b != 0 {
				twice[w] |= b
			}
			seen[w] |= b
		}
	}
	var maybe []uint64
	for _, hashes := range chunks {
		for _, h := range hashes {
			if i := h >> shift; twice[i/64]&(1<<(i%64)) != 0 {
				maybe = append(maybe, h)
			}
		}
	}
	slices.Sort(maybe)
	for i := 1; i < len(maybe); i++ {
		if maybe[i] == maybe[i-1] {
			matched[maybe[i]] = true
		}
	}
	return matched
}

// radixSortBits sorts a, whose values are all below 2^bits, in ascending
// order and returns the sorted slice: a, or a scratch slice of its length.
// It makes one pass per digit of at most 16 bits.
func radixSortBits(a []uint64, bits int) []uint64 {
	if len(a) < 1<<12 || bits <= 0 {
		slices.Sort(a)
		return a
	}
	passes := (bits + 15) / 16
	digit := (bits + passes - 1) / passes
	mask := uint64(1)<<digit - 1
	counts := make([]int, 1<<digit)
	src, dst := a, make([]uint64, len(a))
	for pass := range passes {
		shift := pass * digit
		clear(counts)
		for _, v := range src {
			counts[v>>shift&mask]++
		}
		sum := 0
		for i, c := range counts {
			counts[i] = sum
			sum += c
		}
		for _, v := range src {
			d := v >> shift & mask
			dst[counts[d]] = v
			counts[d]++
		}
		src, dst = dst, src
	}
	return src
}
