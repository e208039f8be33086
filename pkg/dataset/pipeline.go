package dataset

import (
	"sync/atomic"
	"time"
)

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
	text   []byte // the rows' text, which fields share (csvReader.arena)
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
//
// When c.t's context is done, both goroutines stop at their next batch:
// the reader stops reading, and this goroutine hands the batches still
// queued back unread. readAll returns once the reader has finished, so the
// file may then be closed; what was read is incomplete, and the caller
// must abandon it.
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
		t.r.arena = &b.text
		defer func() { t.r.arena = nil }()
		pause := slowRead.Load()
		for rec, line, ok := c.t.next(); ok; rec, line, ok = c.t.next() {
			if idCol >= 0 {
				if id := label(rec[idCol]); id != "" {
					c.ids.add(id)
				}
			}
			// The strings share the batch's text, which is reused when
			// the batch comes back: what row keeps of them, it copies.
			b.fields = append(b.fields, rec...)
			b.lines = append(b.lines, line)
			if len(b.lines) == batchRows {
				b.raw, t.unhashed = t.unhashed, b.raw[:0]
				full <- b // never blocks: full holds every batch
				if pause != nil {
					time.Sleep(*pause) // SimulateSlowRead
				}
				if t.stopped() {
					return
				}
				b = <-empty
				b.fields, b.lines, b.text = b.fields[:0], b.lines[:0], b.text[:0]
				t.r.arena = &b.text
			}
		}
		if len(b.lines) > 0 {
			b.raw, t.unhashed = t.unhashed, b.raw[:0]
			full <- b
		}
	}()
	for b := range full {
		if t.stopped() {
			empty <- b
			continue // until the reader stops
		}
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

// slowRead, when set, is how long the census reader pauses after each
// batch of rows (see SimulateSlowRead).
var slowRead atomic.Pointer[time.Duration]

// SimulateSlowRead makes Load pause for d after reading each batch of
// census rows (512 rows), as a read from a slow share would, without
// looking at its context during a pause, until the returned function is
// called. It is for tests of programs that use LoadContext: with a short d,
// that an interrupt stops a load part way; with a long one, that a second
// interrupt ends the program while the load cannot notice the first. It
// must not be used concurrently with itself.
func SimulateSlowRead(d time.Duration) (restore func()) {
	slowRead.Store(&d)
	return func() { slowRead.Store(nil) }
}
