package dataset

import (
	"context"
	"errors"
	"io/fs"
	"sync"
	"testing"
	"testing/fstest"
)

// watchedFS is a MapFS that counts the bytes read from staff.csv on each
// opening of it and calls onRead after every read.
type watchedFS struct {
	fstest.MapFS
	mu     sync.Mutex
	read   []int // bytes read, per opening
	onRead func(open, total int)
}

func (w *watchedFS) Open(name string) (fs.File, error) {
	f, err := w.MapFS.Open(name)
	if err != nil || name != StaffFile {
		return f, err
	}
	w.mu.Lock()
	w.read = append(w.read, 0)
	n := len(w.read) - 1
	w.mu.Unlock()
	return &watchedFile{File: f, w: w, n: n}, nil
}

func (w *watchedFS) bytesRead() []int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]int(nil), w.read...)
}

type watchedFile struct {
	fs.File
	w *watchedFS
	n int
}

func (f *watchedFile) Read(p []byte) (int, error) {
	n, err := f.File.Read(p)
	f.w.mu.Lock()
	f.w.read[f.n] += n
	total := f.w.read[f.n]
	f.w.mu.Unlock()
	if f.w.onRead != nil {
		f.w.onRead(f.n, total)
	}
	return n, err
}

// A load whose context is already done reads nothing of staff.csv.
func TestLoadContextDone(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	w := &watchedFS{MapFS: censusFS(t, 1000)}
	ds, err := LoadContext(ctx, w, "test")
	if ds != nil || !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, %v; want no dataset and context.Canceled", ds != nil, err)
	}
	if got := w.bytesRead(); len(got) != 0 {
		t.Errorf("staff.csv was read: %v bytes", got)
	}
}

// Cancelled while staff.csv is being read, the load stops within a few
// batches of rows, not at the end of the file.
func TestLoadContextCancelWhileReading(t *testing.T) {
	const rows = 100_000
	fsys := censusFS(t, rows)
	size := len(fsys[StaffFile].Data) // about 7 MB
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const at = 1 << 20
	w := &watchedFS{MapFS: fsys, onRead: func(open, total int) {
		if total >= at {
			cancel()
		}
	}}
	ds, err := LoadContext(ctx, w, "test")
	if ds != nil || !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, %v; want no dataset and context.Canceled", ds != nil, err)
	}
	// The reader stops at its next batch (512 rows, about 36 KB); the
	// batches already queued (at most 8) are dropped unread.
	if got := w.bytesRead(); len(got) != 1 || got[0] > at+(256<<10) {
		t.Errorf("read %v bytes of staff.csv's %d after cancelling at %d", got, size, at)
	}
	// The same census loads in full without cancelling.
	if ds, err := LoadContext(context.Background(), fsys, "test"); err != nil || ds.Census.Rows != rows {
		t.Fatalf("uncancelled: %v", err)
	}
}

// Cancelled while staff.csv is read again to settle repeated ids, the
// load stops there too.
func TestLoadContextCancelCheckingIDs(t *testing.T) {
	fsys := censusFS(t, 100_000)
	// Repeat the first id on the last line, so that staff.csv is read again.
	data := fsys[StaffFile].Data
	fsys[StaffFile] = &fstest.MapFile{Data: append(append([]byte(nil), data...), "E0000000,Person 0,Band 2,1,1,2020-01-01,2015-01-01,,F,North\r\n"...)}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := &watchedFS{MapFS: fsys, onRead: func(open, total int) {
		if open == 1 && total >= 1<<20 {
			cancel()
		}
	}}
	ds, err := LoadContext(ctx, w, "test")
	if ds != nil || !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, %v; want no dataset and context.Canceled", ds != nil, err)
	}
	if got := w.bytesRead(); len(got) != 2 || got[0] != len(fsys[StaffFile].Data) || got[1] > 1<<20+(64<<10) {
		t.Errorf("bytes read per opening of staff.csv: %v (size %d)", got, len(fsys[StaffFile].Data))
	}
	// Uncancelled, the repeated id is reported.
	if _, err := LoadContext(context.Background(), fsys, "test"); err == nil || err.Error() != `staff.csv:100002: id "E0000000" is already on line 2` {
		t.Errorf("uncancelled: %v", err)
	}
}
