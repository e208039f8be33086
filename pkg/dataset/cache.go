package dataset

import (
	"slices"
	"strings"
)

// maxCache bounds what a cache keeps of values that are not part of a
// group (counts) and of bad values, so that a census whose values are all
// distinct cannot grow memory without limit: values past it are parsed
// every time they occur.
const maxCache = 1 << 16

// cached is a parsed value, or the message of why it did not parse. id
// numbers the distinct valid values (0, 1, …), or is -1.
type cached[T any] struct {
	v   T
	msg string
	id  int32
}

// cache maps raw text to its parse, so that each distinct text is parsed and
// checked once. A cache with a canon function keeps every valid value and
// gives equal values (by canon: "1" and "1.0") one id.
type cache[T any] struct {
	m     map[string]cached[T]
	small map[uint64]cached[T] // texts with a smallKey, by it
	parse func(string) (T, string)
	canon func(T) string // nil: a bounded cache without ids
	ids   map[string]int32
	vals  []T // by id
	// Recent texts with a smallKey and their parses, in a table indexed by
	// a hash of the key: a census has few distinct values of each field,
	// so nearly every lookup ends here, without a map.
	slots     []cacheSlot[T]
	slotShift uint
	// The last other text looked up and its parse: neighbouring census rows
	// often repeat a value, and comparing is cheaper than hashing.
	lastRaw string
	last    cached[T]
	hasLast bool
}

// cacheSlot is a text's smallKey and its parse.
type cacheSlot[T any] struct {
	key  uint64
	p    cached[T]
	used bool
}

// newCache returns a cache whose table of recent values has 2^slotBits
// slots.
func newCache[T any](parse func(string) (T, string), canon func(T) string, slotBits uint) *cache[T] {
	return &cache[T]{
		m: map[string]cached[T]{}, small: map[uint64]cached[T]{}, parse: parse, canon: canon, ids: map[string]int32{},
		slots: make([]cacheSlot[T], 1<<slotBits), slotShift: 64 - slotBits,
	}
}

// get returns the parse of raw. It is the cache's own copy, valid until the
// next get: returning a pointer spares copying it on every census row.
func (c *cache[T]) get(raw string) *cached[T] {
	if sk, ok := smallKey(raw); ok {
		s := &c.slots[sk*0x9e3779b97f4a7c15>>c.slotShift]
		if !s.used || s.key != sk {
			*s = cacheSlot[T]{key: sk, p: c.lookup(raw), used: true}
		}
		return &s.p
	}
	if !c.hasLast || raw != c.lastRaw {
		// A copy: raw may share bytes its reader reuses (csvReader.arena).
		c.lastRaw, c.last, c.hasLast = strings.Clone(raw), c.lookup(raw), true
	}
	return &c.last
}

func (c *cache[T]) lookup(raw string) cached[T] {
	sk, short := smallKey(raw)
	if short {
		if p, ok := c.small[sk]; ok {
			return p
		}
	} else if p, ok := c.m[raw]; ok {
		return p
	}
	v, msg := c.parse(raw)
	p := cached[T]{v, msg, -1}
	if msg == "" && c.canon != nil {
		k := c.canon(v)
		id, ok := c.ids[k]
		if !ok {
			id = int32(len(c.vals))
			c.vals = append(c.vals, v)
			c.ids[k] = id
		}
		p.id = id
	} else if len(c.m)+len(c.small) >= maxCache {
		return p
	}
	if short {
		c.small[sk] = p
	} else {
		c.m[strings.Clone(raw)] = p
	}
	return p
}

// order returns the ids of the cache's values in ascending order by cmp,
// and the rank of each id.
func (c *cache[T]) order(cmp func(a, b T) int) ranking {
	return order(len(c.vals), func(a, b int32) int { return cmp(c.vals[a], c.vals[b]) })
}

// order orders n ids by cmp.
func order(n int, cmp func(a, b int32) int) ranking {
	ids := make([]int32, n)
	for i := range ids {
		ids[i] = int32(i)
	}
	slices.SortFunc(ids, cmp)
	r := make([]int32, n)
	for rank, id := range ids {
		r[id] = int32(rank)
	}
	return ranking{ids: ids, ranks: r}
}

// smallKey returns a number that stands for s, when s is short or shaped
// like a date, so that it can be looked up in a map by an integer, which
// is quicker than by a string: for at most 7 bytes, the bytes with the
// length in the top byte; for NNNN-NN-NN (N a digit), the eight digits with
// the top bit set. Distinct strings have distinct keys.
func smallKey(s string) (uint64, bool) {
	if len(s) <= 7 {
		k := uint64(len(s)) << 56
		for i := 0; i < len(s); i++ {
			k |= uint64(s[i]) << (8 * i)
		}
		return k, true
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	var k uint64
	for i := 0; i < 10; i++ {
		if i == 4 || i == 7 {
			continue
		}
		d := s[i] - '0'
		if d > 9 {
			return 0, false
		}
		k = k<<4 | uint64(d)
	}
	return k | 1<<63, true
}
