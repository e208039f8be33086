// Package outfile owns writing report files safely: every file of a run is
// written to a temporary name in its target folder and renamed into place
// only when the whole run has succeeded, so a failed or interrupted run leaves
// no half-written report and earlier reports untouched.
package outfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync"
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
	done    bool
}

// NewBatch returns an empty batch.
func NewBatch() *Batch { return &Batch{pending: map[string]string{}} }

// Write creates path's folder if needed (with dirPerm), writes the file's
// content with fn to a temporary file beside path, with perm, and records it
// for Commit. If fn fails, the temporary file is removed at once.
func (b *Batch) Write(path string, perm, dirPerm os.FileMode, fn func(w io.Writer) error) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, dirPerm); err != nil {
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
	if err := fn(tmp); err != nil {
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
		return errors.New("outfile: write after the batch was committed or aborted")
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
