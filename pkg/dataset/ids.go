package dataset

import (
	"hash/maphash"
	"io/fs"
	"slices"
)

// idSet finds repeated census ids while staff.csv streams past, holding
// only a 64-bit hash and a line per id. Two ids with the same hash are
// probably equal; reportDuplicates settles it by reading those lines again.
type idSet struct {
	seed  maphash.Seed
	first map[uint64]int32 // hash → line of the first id with it
	lines map[int32]bool   // every line involved in a hash match
}

func newIDSet() *idSet {
	return &idSet{seed: maphash.MakeSeed(), first: map[uint64]int32{}}
}

// add notes that id is on line.
func (s *idSet) add(id string, line int) {
	h := maphash.String(s.seed, id)
	first, seen := s.first[h]
	if !seen {
		s.first[h] = int32(line)
		return
	}
	if s.lines == nil {
		s.lines = map[int32]bool{}
	}
	s.lines[first] = true
	s.lines[int32(line)] = true
}

// reportDuplicates reads staff.csv again, when there were hash matches, to
// report every id used on an earlier line, exactly.
func (s *idSet) reportDuplicates(fsys fs.FS, errs *collector) {
	if len(s.lines) == 0 {
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
	type use struct {
		id   string
		line int
	}
	var uses []use
	for rec, line, ok := t.next(); ok; rec, line, ok = t.next() {
		if s.lines[int32(line)] {
			uses = append(uses, use{label(rec[col]), line})
		}
	}
	slices.SortStableFunc(uses, func(a, b use) int { return a.line - b.line })
	firstLine := map[string]int{}
	for _, u := range uses {
		if first, dup := firstLine[u.id]; dup {
			errs.addf(StaffFile, u.line, "id", "id %q is already on line %d", u.id, first)
		} else {
			firstLine[u.id] = u.line
		}
	}
}
