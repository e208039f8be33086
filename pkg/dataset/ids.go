package dataset

import (
	"hash/maphash"
	"io/fs"
	"slices"
	"strings"
)

// idSet finds repeated census ids while staff.csv streams past, holding
// only a 64-bit hash per id (no map, and no copy of the id). Afterwards the
// hashes are sorted; ids whose hashes match are probably equal, and
// reportDuplicates settles it by reading staff.csv again.
type idSet struct {
	seed   maphash.Seed
	hashes []uint64
}

func newIDSet() *idSet { return &idSet{seed: maphash.MakeSeed()} }

// add notes id.
func (s *idSet) add(id string) { s.hashes = append(s.hashes, maphash.String(s.seed, id)) }

// reportDuplicates reports every id used on an earlier line, exactly. When
// no two hashes match (the usual case), staff.csv is not read again.
func (s *idSet) reportDuplicates(fsys fs.FS, errs *collector) {
	radixSort(s.hashes)
	matched := map[uint64]bool{}
	for i := 1; i < len(s.hashes); i++ {
		if s.hashes[i] == s.hashes[i-1] {
			matched[s.hashes[i]] = true
		}
	}
	s.hashes = nil
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
	col := t.index("id")
	firstLine := map[string]int{}
	for rec, line, ok := t.next(); ok; rec, line, ok = t.next() {
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

// radixSort sorts a in ascending order: a least-significant-digit radix sort
// on 16-bit digits, which for a million hashes is several times quicker than
// a comparison sort.
func radixSort(a []uint64) {
	if len(a) < 1<<12 {
		slices.Sort(a)
		return
	}
	buf := make([]uint64, len(a))
	src, dst := a, buf
	var counts [1 << 16]int
	for shift := 0; shift < 64; shift += 16 {
		clear(counts[:])
		for _, v := range src {
			counts[v>>shift&0xffff]++
		}
		sum := 0
		for i, c := range counts {
			counts[i] = sum
			sum += c
		}
		for _, v := range src {
			d := v >> shift & 0xffff
			dst[counts[d]] = v
			counts[d]++
		}
		src, dst = dst, src
	}
	// Four passes: the result is back in a.
}
