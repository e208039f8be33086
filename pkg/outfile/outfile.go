// Package outfile owns writing report files safely: every file of a run is
// written to a temporary name in its target folder and renamed into place
// only when the whole run has succeeded, so a failed or interrupted run leaves
// no half-written report and earlier reports untouched.
//
// What is guaranteed: until Commit, nothing but temporary files (named
// ".NAME.*.tmp", beside their target) and any folders the batch had to
// create exist; Abort removes both. Every file of a batch is put in place,
// or none is:
//
//   - Commit first checks every target: one that is a folder is a
//     *TargetError, and nothing is renamed.
//   - It then renames the files into place in path order, each over its
//     earlier file, having first kept the earlier file under a second name
//     (".NAME.*.old", a hard link, so the rename still replaces the file
//     atomically; where links are not supported, the earlier file is
//     renamed aside instead). A report file is thus always the earlier one
//     or the complete new one.
//   - If a rename fails part way, the files already renamed are put back:
//     each earlier file is renamed back over the new one, and a new file
//     where there was none is removed. The error says so, and says where an
//     earlier file was left if putting it back failed too.
//   - Once every rename has succeeded, the kept earlier files are removed.
package outfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
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
		// A folder another writer of this batch created, which Abort could
		// not remove while this file was being written in it.
		removeDirs(b.dirs)
		return errWriteAfterDone
	}
	if old, ok := b.pending[path]; ok {
		os.Remove(old)
	}
	b.pending[path] = name
	return nil
}

// TargetError is a target that cannot take its new file. Commit returns it
// before renaming anything.
type TargetError struct {
	Path    string // the target
	Problem string // what it is, e.g. "is a folder"
}

func (e *TargetError) Error() string {
	return fmt.Sprintf("%s %s, so no report was replaced; remove it or write the reports elsewhere", e.Path, e.Problem)
}

// The file operations Commit makes, as variables so that tests can make
// them fail.
var (
	rename = os.Rename
	link   = os.Link
)

// committing is held (shared) by every Commit while it puts files in place,
// and taken by StopCommits; commitsStopped is set by StopCommits.
var (
	committing     sync.RWMutex
	commitsStopped atomic.Bool
)

// ErrCommitsStopped is what Commit returns after StopCommits.
var ErrCommitsStopped = errors.New("outfile: the program is stopping; no report was written")

// StopCommits waits for every Commit in progress to finish, and makes every
// later Commit remove its temporary files and return ErrCommitsStopped. It
// is for a program about to exit at once (on a second Ctrl-C), so that it
// never exits part way through putting a batch's files in place.
func StopCommits() {
	commitsStopped.Store(true)
	committing.Lock()
	defer committing.Unlock()
}

// Commit puts every file into place, in path order, or none (see the
// package documentation). On failure it removes every temporary file.
func (b *Batch) Commit() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	committing.RLock()
	defer committing.RUnlock()
	b.done = true
	paths := make([]string, 0, len(b.pending))
	for p := range b.pending {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	removeTemps := func(from int) {
		for _, q := range paths[from:] {
			os.Remove(b.pending[q])
		}
		b.pending = nil
	}
	if commitsStopped.Load() {
		removeTemps(0)
		return ErrCommitsStopped
	}
	for _, p := range paths {
		if err := checkTarget(p); err != nil {
			removeTemps(0)
			return err
		}
	}
	var done []placed
	for i, p := range paths {
		pl, err := place(b.pending[p], p)
		if err != nil {
			removeTemps(i)
			if undo := restore(done); undo != nil {
				return fmt.Errorf("writing %s: %w; %v", p, err, undo)
			}
			if len(done) == 0 {
				return fmt.Errorf("writing %s: %w", p, err)
			}
			return fmt.Errorf("writing %s: %w (the %d files already in place were put back as they were)", p, err, len(done))
		}
		done = append(done, pl)
	}
	for _, pl := range done {
		if pl.kept != "" {
			os.Remove(pl.kept)
		}
	}
	b.pending = nil
	b.dirs = nil
	return nil
}

// checkTarget returns a *TargetError when path cannot take a new file.
func checkTarget(path string) error {
	fi, err := os.Lstat(path)
	if err == nil && fi.IsDir() {
		return &TargetError{Path: path, Problem: "is a folder"}
	}
	return nil
}

// placed is a file Commit has put in place.
type placed struct {
	path string
	kept string // its earlier file's second name, or "" if it had none
}

// place renames tmp to path, first keeping path's earlier file, if any,
// under a second name. If it fails, path is as it was.
func place(tmp, path string) (placed, error) {
	pl := placed{path: path}
	if _, err := os.Lstat(path); err == nil {
		base := strings.TrimSuffix(tmp, ".tmp")
		linked := false
		for i := 0; ; i++ {
			pl.kept = fmt.Sprintf("%s.%d.old", base, i)
			err := link(path, pl.kept)
			if err == nil {
				linked = true
				break
			}
			if errors.Is(err, fs.ErrExist) && i < 100 {
				continue
			}
			// No hard links here: move the earlier file aside instead.
			if err := rename(path, pl.kept); err != nil {
				return pl, fmt.Errorf("keeping the earlier file: %w", err)
			}
			break
		}
		if err := rename(tmp, path); err != nil {
			if linked {
				os.Remove(pl.kept)
			} else if rerr := rename(pl.kept, path); rerr != nil {
				return pl, fmt.Errorf("%w; and putting the earlier file back failed (%v): it is at %s", err, rerr, pl.kept)
			}
			return pl, err
		}
		return pl, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return pl, err
	}
	return pl, rename(tmp, path)
}

// restore puts back the files of done, last first: each earlier file over
// the new one, and a new file where there was none removed. It returns an
// error naming any it could not put back, and where their earlier files are.
func restore(done []placed) error {
	var failed []string
	for i := len(done) - 1; i >= 0; i-- {
		pl := done[i]
		if pl.kept == "" {
			if err := os.Remove(pl.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
				failed = append(failed, fmt.Sprintf("%s is the new file (%v)", pl.path, err))
			}
			continue
		}
		if err := rename(pl.kept, pl.path); err != nil {
			failed = append(failed, fmt.Sprintf("%s is the new file; the earlier one is at %s (%v)", pl.path, pl.kept, err))
		}
	}
	if len(failed) == 0 {
		return nil
	}
	return fmt.Errorf("and putting back the files already in place failed: %s", strings.Join(failed, "; "))
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
	// Remove the folders this batch created. They stay listed: a writer
	// still writing in one removes it when it finds the batch done.
	removeDirs(b.dirs)
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
