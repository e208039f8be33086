// Package outfile owns writing report files safely: every file of a run is
// written to a temporary name in its target folder and renamed into place
// only when the whole run has succeeded, so a failed or interrupted run leaves
// no half-written report and earlier reports untouched.
//
// What is guaranteed: until Commit, nothing but temporary files (named
// ".NAME.*.tmp", beside their target) and any folders the batch had to
// create exist; Abort removes both. Commit renames the files in path order;
// each rename is atomic, so a report file is always either the earlier one
// or the complete new one. If a rename fails part way (a file replaced by a
// folder meanwhile, say), the files renamed before it are new and the rest
// are left as they were.
package outfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"
	"syscall"
)

// Permissions for files that hold named individuals' data (statements,
// per-person tables) and for aggregate reports.
const (
	PrivateFile os.FileMode = 0o600
	PrivateDir  os.FileMode = 0o700
	PublicFile  os.FileMode = 0o644
	PublicDir   os.FileMode = 0o755
)

// Batch is a set of files written together: Create writes each to a
// temporary file, Commit renames them all into place, Abort removes every
// temporary file. A Batch is safe for concurrent use.
type Batch struct {
	mu      sync.Mutex
	pending map[string]string // final path → temporary path
	dirs    []string          // folders this batch created, parents first
	done    bool
}

// NewBatch returns an empty batch.
func NewBatch() *Batch { return &Batch{pending: map[string]string{}} }

// Write creates path's folder if needed (with dirPerm), writes the file's
// content with fn to a temporary file beside path, with perm, and records it
// for Commit. If fn fails, the temporary file is removed at once.
func (b *Batch) Write(path string, perm, dirPerm os.FileMode, fn func(w io.Writer) error) error {
	dir := filepath.Dir(path)
	created, err := b.mkdirAll(dir, dirPerm)
	if err != nil {
		return fmt.Errorf("creating output folder: %w", err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	name := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(name)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Chmod(perm); err != nil {
		return fail(err)
	}
	var w io.Writer = tmp
	if diskLimit.Load() != nil {
		w = &limitedWriter{w: tmp}
	}
	if err := fn(w); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.done {
		os.Remove(name)
		removeDirs(created)
		return errWriteAfterDone
	}
	if old, ok := b.pending[path]; ok {
		os.Remove(old)
	}
	b.pending[path] = name
	return nil
}

// Commit renames every file into place, in path order. It stops at the first
// failure, removing the remaining temporary files.
func (b *Batch) Commit() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.done = true
	paths := make([]string, 0, len(b.pending))
	for p := range b.pending {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for i, p := range paths {
		if err := os.Rename(b.pending[p], p); err != nil {
			for _, q := range paths[i:] {
				os.Remove(b.pending[q])
			}
			b.pending = nil
			return fmt.Errorf("writing %s: %w", p, err)
		}
	}
	b.pending = nil
	b.dirs = nil
	return nil
}

// Abort removes every temporary file. It is safe to call after Commit (it
// then does nothing) and more than once.
func (b *Batch) Abort() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.done = true
	for _, tmp := range b.pending {
		os.Remove(tmp)
	}
	b.pending = nil
	// Remove the folders this batch created.
	removeDirs(b.dirs)
	b.dirs = nil
}

var errWriteAfterDone = errors.New("outfile: write after the batch was committed or aborted")

// removeDirs removes the empty folders of dirs (parents first), deepest
// first; os.Remove leaves any that are not empty (another writer may be
// using them).
func removeDirs(dirs []string) {
	for i := len(dirs) - 1; i >= 0; i-- {
		os.Remove(dirs[i])
	}
}

// mkdirAll creates dir and any missing parents with perm, recording those it
// created so that Abort can remove them, and returns them, parents first.
func (b *Batch) mkdirAll(dir string, perm os.FileMode) ([]string, error) {
	b.mu.Lock()
	done := b.done
	b.mu.Unlock()
	if done {
		return nil, errWriteAfterDone
	}
	var missing []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); !errors.Is(err, fs.ErrNotExist) {
			break
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	if err := os.MkdirAll(dir, perm); err != nil {
		return nil, err
	}
	created := make([]string, 0, len(missing))
	for i := len(missing) - 1; i >= 0; i-- {
		created = append(created, missing[i])
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.dirs = append(b.dirs, created...)
	return created, nil
}

// Paths returns the final paths of the files written so far, sorted.
func (b *Batch) Paths() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	paths := make([]string, 0, len(b.pending))
	for p := range b.pending {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	return paths
}

// diskLimit, when set, holds how many more bytes every Batch may write in
// total before writes fail as on a full disk (see SimulateFullDisk).
var diskLimit atomic.Pointer[atomic.Int64]

// SimulateFullDisk makes writes through every Batch fail with "no space left
// on device" (syscall.ENOSPC) once n bytes in all have been written, until
// the returned function is called. It is for tests of programs that use
// Batch, to check that a run stopped by a full disk leaves nothing behind;
// it must not be used concurrently with itself.
func SimulateFullDisk(n int64) (restore func()) {
	left := new(atomic.Int64)
	left.Store(n)
	diskLimit.Store(left)
	return func() { diskLimit.Store(nil) }
}

// limitedWriter writes to w while the simulated disk has room.
type limitedWriter struct{ w io.Writer }

func (l *limitedWriter) Write(p []byte) (int, error) {
	left := diskLimit.Load()
	if left == nil {
		return l.w.Write(p)
	}
	room := left.Add(-int64(len(p))) + int64(len(p))
	if room >= int64(len(p)) {
		return l.w.Write(p)
	}
	n := 0
	if room > 0 {
		n, _ = l.w.Write(p[:room])
	}
	return n, &os.PathError{Op: "write", Path: "(simulated full disk)", Err: syscall.ENOSPC}
}
