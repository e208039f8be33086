package outfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// entries returns every path under dir, relative, sorted.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func mode(t *testing.T, p string) os.FileMode {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

func TestCommit(t *testing.T) {
	dir := t.TempDir()
	b := NewBatch()
	defer b.Abort()
	pub := filepath.Join(dir, "reports", "points.csv")
	priv := filepath.Join(dir, "reports", "statements", "statement-1.pdf")
	if err := b.Write(pub, PublicFile, PublicDir, writeString("points")); err != nil {
		t.Fatal(err)
	}
	if err := b.Write(priv, PrivateFile, PrivateDir, writeString("private")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(pub); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s exists before Commit (%v)", pub, err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]string{pub: "points", priv: "private"} {
		got, err := os.ReadFile(p)
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", p, got, err, want)
		}
	}
	if m := mode(t, pub); m != 0o644 {
		t.Errorf("public file mode %#o, want 0644", m)
	}
	if m := mode(t, priv); m != 0o600 {
		t.Errorf("private file mode %#o, want 0600", m)
	}
	if m := mode(t, filepath.Dir(priv)); m != 0o700 {
		t.Errorf("private folder mode %#o, want 0700", m)
	}
	if got := strings.Join(entries(t, dir), " "); got != "reports reports/points.csv reports/statements reports/statements/statement-1.pdf" {
		t.Errorf("after Commit: %s", got)
	}
	b.Abort() // after Commit: nothing happens
	if _, err := os.Stat(priv); err != nil {
		t.Errorf("Abort after Commit removed a committed file: %v", err)
	}
	if err := b.Write(pub, PublicFile, PublicDir, writeString("late")); err == nil {
		t.Error("Write after Commit succeeded")
	}
	if got, _ := os.ReadFile(pub); string(got) != "points" {
		t.Errorf("Write after Commit changed the file: %q", got)
	}
	if got := strings.Join(entries(t, dir), " "); strings.Contains(got, ".tmp") {
		t.Errorf("temporary file left: %s", got)
	}
}

// The permissions do not depend on the umask, nor on the folder existing.
func TestPermissionsIgnoreUmask(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	dir := t.TempDir()
	b := NewBatch()
	p := filepath.Join(dir, "s", "x.pdf")
	if err := b.Write(p, PrivateFile, PrivateDir, writeString("x")); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if m := mode(t, p); m != 0o600 {
		t.Errorf("file mode %#o under umask 0, want 0600", m)
	}
	if m := mode(t, filepath.Dir(p)); m != 0o700 {
		t.Errorf("folder mode %#o under umask 0, want 0700", m)
	}
}

// Abort leaves the folder as it was: earlier reports untouched, no
// temporary files, no folders the batch created.
func TestAbortLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	earlier := filepath.Join(dir, "points.csv")
	if err := os.WriteFile(earlier, []byte("earlier"), 0o644); err != nil {
		t.Fatal(err)
	}
	b := NewBatch()
	if err := b.Write(earlier, PublicFile, PublicDir, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if err := b.Write(filepath.Join(dir, "a", "b", "c.csv"), PublicFile, PublicDir, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if got := len(entries(t, dir)); got != 5 { // points.csv and its .tmp, a, a/b, a/b/.c.csv.*.tmp
		t.Errorf("before Abort: %v", entries(t, dir))
	}
	b.Abort()
	if got := strings.Join(entries(t, dir), " "); got != "points.csv" {
		t.Errorf("after Abort: %s", got)
	}
	if got, _ := os.ReadFile(earlier); string(got) != "earlier" {
		t.Errorf("earlier report = %q", got)
	}
	b.Abort() // twice is fine
}

// A folder that existed, even empty, is not removed by Abort.
func TestAbortKeepsExistingFolders(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	b := NewBatch()
	if err := b.Write(filepath.Join(out, "new", "x.csv"), PublicFile, PublicDir, writeString("x")); err != nil {
		t.Fatal(err)
	}
	b.Abort()
	if got := strings.Join(entries(t, dir), " "); got != "out" {
		t.Errorf("after Abort: %s", got)
	}
}

func TestWriteFailureRemovesTemporary(t *testing.T) {
	dir := t.TempDir()
	b := NewBatch()
	defer b.Abort()
	boom := errors.New("render failed")
	err := b.Write(filepath.Join(dir, "x.pdf"), PublicFile, PublicDir, func(w io.Writer) error {
		io.WriteString(w, "half a PDF")
		return boom
	})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "x.pdf") {
		t.Errorf("err = %v, want it to wrap %v and name x.pdf", err, boom)
	}
	if got := entries(t, dir); len(got) != 0 {
		t.Errorf("left behind: %v", got)
	}
	// The failed file is not recorded: Commit has nothing to place.
	if err := b.Commit(); err != nil {
		t.Errorf("Commit after a failed Write: %v", err)
	}
	if got := entries(t, dir); len(got) != 0 {
		t.Errorf("failed file recorded, Commit left: %v", got)
	}
}

// A later Write of the same path replaces the earlier one.
func TestRewrite(t *testing.T) {
	dir := t.TempDir()
	b := NewBatch()
	p := filepath.Join(dir, "x.csv")
	for _, s := range []string{"one", "two"} {
		if err := b.Write(p, PublicFile, PublicDir, writeString(s)); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(entries(t, dir)); n != 1 {
		t.Errorf("%d temporary files, want 1: %v", n, entries(t, dir))
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(p); string(got) != "two" {
		t.Errorf("got %q, want two", got)
	}
}

// An output folder that cannot be created (its parent is a file) is an
// error before anything is written. chmod would not do: tests may run as
// root.
func TestUnwritableFolder(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	b := NewBatch()
	defer b.Abort()
	err := b.Write(filepath.Join(file, "out", "x.csv"), PublicFile, PublicDir, writeString("x"))
	if err == nil || !strings.Contains(err.Error(), "creating output folder") || !errors.Is(err, syscall.ENOTDIR) {
		t.Errorf("err = %v, want creating output folder: … not a directory", err)
	}
	if got := strings.Join(entries(t, dir), " "); got != "file" {
		t.Errorf("after the failure: %s", got)
	}
}

// A target that is now a folder is found before anything is renamed: a
// *TargetError naming it, every temporary file removed, nothing else
// created.
func TestCommitFailure(t *testing.T) {
	dir := t.TempDir()
	b := NewBatch()
	for _, n := range []string{"a.csv", "b.csv", "c.csv"} {
		if err := b.Write(filepath.Join(dir, n), PublicFile, PublicDir, writeString(n)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "b.csv", "inside"), 0o755); err != nil {
		t.Fatal(err)
	}
	err := b.Commit()
	var te *TargetError
	if !errors.As(err, &te) || te.Path != filepath.Join(dir, "b.csv") {
		t.Fatalf("Commit = %v, want a TargetError naming b.csv", err)
	}
	if got := strings.Join(entries(t, dir), " "); got != "b.csv b.csv/inside" {
		t.Errorf("after the failed Commit: %s", got)
	}
}

func TestSimulateFullDisk(t *testing.T) {
	dir := t.TempDir()
	earlier := filepath.Join(dir, "a.csv")
	os.WriteFile(earlier, []byte("earlier"), 0o644)
	restore := SimulateFullDisk(10)
	b := NewBatch()
	if err := b.Write(earlier, PublicFile, PublicDir, writeString("12345678")); err != nil {
		t.Fatalf("first 8 bytes: %v", err)
	}
	err := b.Write(filepath.Join(dir, "b.csv"), PublicFile, PublicDir, writeString("12345678"))
	if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "no space left on device") {
		t.Errorf("err = %v, want no space left on device", err)
	}
	b.Abort()
	restore()
	if got := strings.Join(entries(t, dir), " "); got != "a.csv" {
		t.Errorf("after the failure: %s", got)
	}
	if got, _ := os.ReadFile(earlier); string(got) != "earlier" {
		t.Errorf("earlier report = %q", got)
	}
	// restored: writes work again
	b = NewBatch()
	if err := b.Write(filepath.Join(dir, "c.csv"), PublicFile, PublicDir, writeString(strings.Repeat("x", 100))); err != nil {
		t.Errorf("after restore: %v", err)
	}
	b.Abort()
}

// Many goroutines may write into one batch (statements does).
func TestConcurrentWrites(t *testing.T) {
	dir := t.TempDir()
	b := NewBatch()
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := filepath.Join(dir, "s", fmt.Sprintf("%02d.pdf", i))
			if err := b.Write(p, PrivateFile, PrivateDir, writeString(p)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if n := len(entries(t, filepath.Join(dir, "s"))); n != 64 {
		t.Errorf("%d files, want 64", n)
	}
}

// Aborting a batch whose writers are still running removes their files too.
func TestAbortWithConcurrentWrites(t *testing.T) {
	dir := t.TempDir()
	b := NewBatch()
	var wg sync.WaitGroup
	for i := range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b.Write(filepath.Join(dir, "s", fmt.Sprintf("%02d.pdf", i)), PrivateFile, PrivateDir, writeString("x"))
		}()
	}
	b.Abort()
	wg.Wait()
	if got := entries(t, dir); len(got) != 0 {
		t.Errorf("left behind: %v", got)
	}
}
