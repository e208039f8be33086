package dataset

// batchRows is how many census rows pass between the goroutines of readAll
// at a time, and batches how many batches there are: enough to keep both
// busy, few enough that memory stays flat.
const (
	batchRows = 512
	batches   = 8
)

// batch is a run of census rows: the fields of each row in turn, and each
// row's line.
type batch struct {
	fields []string
	lines  []int
	raw    []byte // the file's bytes read since the previous batch, to hash
}

// readAll reads every row of staff.csv and adds it to its group. The CSV is
// read (and its ids noted) on a second goroutine, so that on a machine with
// more than one core reading the file overlaps with checking and counting
// its rows; rows are still checked and counted one at a time, in file
// order. Each batch carries the bytes read since the one before, which this
// goroutine hashes (so the file is still read once, and hashed in order).
// The reading goroutine owns c.t (and its collector) and c.ids until it
// finishes, except c.t.hash, which this goroutine owns meanwhile; this
// goroutine owns the rest of c.
func (c *censusReader) readAll() {
	width := len(c.t.header)
	full := make(chan *batch, batches)
	empty := make(chan *batch, batches)
	for range batches {
		empty <- &batch{fields: make([]string, 0, batchRows*width), lines: make([]int, 0, batchRows)}
	}
	idCol := c.cols.id
	t := c.t
	t.deferHash = true
	go func() {
		defer close(full)
		b := <-empty
		for rec, line, ok := c.t.next(); ok; rec, line, ok = c.t.next() {
			if idCol >= 0 {
				if id := label(rec[idCol]); id != "" {
					c.ids.add(id)
				}
			}
			// The strings are the reader's fresh copies; only the slice
			// holding them is reused.
			b.fields = append(b.fields, rec...)
			b.lines = append(b.lines, line)
			if len(b.lines) == batchRows {
				b.raw, t.unhashed = t.unhashed, b.raw[:0]
				full <- b
				b = <-empty
				b.fields, b.lines = b.fields[:0], b.lines[:0]
			}
		}
		if len(b.lines) > 0 {
			b.raw, t.unhashed = t.unhashed, b.raw[:0]
			full <- b
		}
	}()
	for b := range full {
		t.hash.Write(b.raw)
		for i, line := range b.lines {
			c.row(b.fields[i*width:(i+1)*width:(i+1)*width], line)
		}
		empty <- b // never blocks: there are only ever batches batches
	}
	// The reading goroutine has finished: hash what it read last.
	t.hash.Write(t.unhashed)
	t.deferHash, t.unhashed = false, nil
}
