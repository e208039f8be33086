package dataset

// chunkLen is how many values a chunk of a chunked slice holds (512 KiB).
const chunkLen = 1 << 16

// chunked is a slice of uint64 kept in chunks, so that appending a million
// values never copies (or asks the system for) more memory than they fill.
type chunked struct {
	full [][]uint64 // full chunks
	cur  []uint64   // the chunk being filled
}

func (c *chunked) add(v uint64) {
	if len(c.cur) == cap(c.cur) {
		if c.cur != nil {
			c.full = append(c.full, c.cur)
		}
		c.cur = make([]uint64, 0, chunkLen)
	}
	c.cur = append(c.cur, v)
}

// len returns how many values c holds.
func (c *chunked) len() int { return len(c.full)*chunkLen + len(c.cur) }

// chunks returns c's values, chunk by chunk, in the order added.
func (c *chunked) chunks() [][]uint64 {
	if len(c.cur) == 0 {
		return c.full
	}
	return append(c.full[:len(c.full):len(c.full)], c.cur)
}
