package dataset

import (
	"slices"
	"strings"
)

// maxCache bounds a bounded cache, so that a census whose per-row values
// (start dates, counts) are all distinct cannot grow memory without limit:
// values past it are parsed every time they occur.
const maxCache = 1 << 16

// cached is a parsed value, or the message of why it did not parse. id
// numbers the distinct valid values the cache holds (0, 1, …), or is -1.
type cached[T any] struct {
	v   T
	msg string
	id  int32
}

// cache maps raw text to its parse, so that each distinct value is parsed
// and checked once.
type cache[T any] struct {
	m       map[string]cached[T]
	vals    []T // by id
	parse   func(string) (T, string)
	bounded bool // hold at most maxCache values; otherwise every valid one
}

func newCache[T any](parse func(string) (T, string), bounded bool) *cache[T] {
	return &cache[T]{m: map[string]cached[T]{}, parse: parse, bounded: bounded}
}

// get returns the parse of raw.
func (c *cache[T]) get(raw string) cached[T] {
	if p, ok := c.m[raw]; ok {
		return p
	}
	v, msg := c.parse(raw)
	p := cached[T]{v, msg, -1}
	switch {
	case len(c.m) < maxCache:
	case c.bounded || msg != "":
		return p // a bad value is not kept past the bound either
	}
	if msg == "" {
		p.id = int32(len(c.vals))
		c.vals = append(c.vals, v)
	}
	c.m[strings.Clone(raw)] = p
	return p
}

// ranks returns, for each id, the rank of its value in ascending order by
// cmp, equal values ("1" and "1.0") sharing a rank.
func (c *cache[T]) ranks(cmp func(a, b T) int) []int32 {
	order := make([]int32, len(c.vals))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp(c.vals[a], c.vals[b]) })
	ranks := make([]int32, len(c.vals))
	r := int32(0)
	for i, id := range order {
		if i > 0 && cmp(c.vals[order[i-1]], c.vals[id]) != 0 {
			r++
		}
		ranks[id] = r
	}
	return ranks
}
