package outfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// failRename makes the rename of a temporary file onto target fail (and,
// when back is set, the rename of a kept earlier file back onto target too),
// until the test ends.
func failRename(t *testing.T, target string, back bool) {
	t.Helper()
	old := rename
	rename = func(from, to string) error {
		if to == target && (strings.HasSuffix(from, ".tmp") || back && strings.HasSuffix(from, ".old")) {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EIO}
		}
		return old(from, to)
	}
	t.Cleanup(func() { rename = old })
}

// noHardLinks makes link fail as on a file system without hard links.
func noHardLinks(t *testing.T) {
	t.Helper()
	old := link
	link = func(from, to string) error { return &os.LinkError{Op: "link", Old: from, New: to, Err: syscall.EPERM} }
	t.Cleanup(func() { link = old })
}

// contents returns "name=content" for every file in dir and "name/" for
// every folder, sorted.
func contents(t *testing.T, dir string) string {
	t.Helper()
	var out []string
	for _, e := range entries(t, dir) {
		if fi, err := os.Stat(filepath.Join(dir, e)); err == nil && fi.IsDir() {
			out = append(out, e+"/")
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e+"="+string(b))
	}
	return strings.Join(out, " ")
}

// commitFive writes a batch of the five compare tables into dir, where
// careers.csv, cost.csv and points.csv already hold earlier reports, and
// commits it.
func commitFive(t *testing.T, dir string) error {
	t.Helper()
	for _, n := range []string{"careers.csv", "cost.csv", "points.csv"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("old "+n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b := NewBatch()
	defer b.Abort()
	for _, n := range []string{"careers.csv", "cost.csv", "distribution.csv", "points.csv", "summary.csv"} {
		if err := b.Write(filepath.Join(dir, n), PublicFile, PublicDir, writeString("new "+n)); err != nil {
			t.Fatal(err)
		}
	}
	return b.Commit()
}

const (
	earlier = "careers.csv=old careers.csv cost.csv=old cost.csv points.csv=old points.csv"
	allNew  = "careers.csv=new careers.csv cost.csv=new cost.csv distribution.csv=new distribution.csv points.csv=new points.csv summary.csv=new summary.csv"
)

// Every file is replaced, the earlier ones' second names removed; with
// hard links or without.
func TestCommitReplaces(t *testing.T) {
	for _, links := range []bool{true, false} {
		t.Run(fmt.Sprintf("hard links %v", links), func(t *testing.T) {
			if !links {
				noHardLinks(t)
			}
			dir := t.TempDir()
			if err := commitFive(t, dir); err != nil {
				t.Fatal(err)
			}
			if got := contents(t, dir); got != allNew {
				t.Errorf("after Commit: %s", got)
			}
		})
	}
}

// A rename failing part way puts back every file already in place: the
// earlier files are as they were, the files that had no earlier one are
// gone, and no temporary file or kept earlier file is left.
func TestCommitRestores(t *testing.T) {
	for _, tc := range []struct {
		fail  string // the target whose rename fails
		links bool
		msg   string // the error, after "writing DIR/"
	}{
		{"careers.csv", true, "careers.csv: rename %[1]s/.careers.csv.*.tmp %[1]s/careers.csv: input/output error"},
		{"distribution.csv", true, "distribution.csv: rename %[1]s/.distribution.csv.*.tmp %[1]s/distribution.csv: input/output error (the 2 files already in place were put back as they were)"},
		{"summary.csv", true, "summary.csv: rename %[1]s/.summary.csv.*.tmp %[1]s/summary.csv: input/output error (the 4 files already in place were put back as they were)"},
		{"points.csv", false, "points.csv: rename %[1]s/.points.csv.*.tmp %[1]s/points.csv: input/output error (the 3 files already in place were put back as they were)"},
		{"summary.csv", false, "summary.csv: rename %[1]s/.summary.csv.*.tmp %[1]s/summary.csv: input/output error (the 4 files already in place were put back as they were)"},
	} {
		t.Run(fmt.Sprintf("%s, hard links %v", tc.fail, tc.links), func(t *testing.T) {
			dir := t.TempDir()
			if !tc.links {
				noHardLinks(t)
			}
			failRename(t, filepath.Join(dir, tc.fail), false)
			err := commitFive(t, dir)
			want := "writing " + dir + "/" + fmt.Sprintf(tc.msg, dir)
			if err == nil || !matchTemp(err.Error(), want) {
				t.Errorf("Commit = %v\nwant     %s", err, want)
			}
			if got := contents(t, dir); got != earlier {
				t.Errorf("after the failed Commit: %s\nwant %s", got, earlier)
			}
		})
	}
}

// matchTemp reports whether got is want, each "*" in want matching one
// run of digits.
func matchTemp(got, want string) bool {
	parts := strings.Split(want, "*")
	if !strings.HasPrefix(got, parts[0]) {
		return false
	}
	got = got[len(parts[0]):]
	for _, p := range parts[1:] {
		n := 0
		for n < len(got) && got[n] >= '0' && got[n] <= '9' {
			n++
		}
		if n == 0 || !strings.HasPrefix(got[n:], p) {
			return false
		}
		got = got[n+len(p):]
	}
	return got == ""
}

// When putting an earlier file back fails too, the error says where it is,
// and it is still there.
func TestCommitRestoreFails(t *testing.T) {
	dir := t.TempDir()
	// points.csv's new file goes in; summary.csv's rename fails, and so
	// does putting points.csv's earlier file back.
	old := rename
	rename = func(from, to string) error {
		if to == filepath.Join(dir, "summary.csv") || to == filepath.Join(dir, "points.csv") && strings.HasSuffix(from, ".old") {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EIO}
		}
		return old(from, to)
	}
	defer func() { rename = old }()
	err := commitFive(t, dir)
	want := fmt.Sprintf("writing %[1]s/summary.csv: rename %[1]s/.summary.csv.*.tmp %[1]s/summary.csv: input/output error; and putting back the files already in place failed: "+
		"%[1]s/points.csv is the new file; the earlier one is at %[1]s/.points.csv.*.0.old (rename %[1]s/.points.csv.*.0.old %[1]s/points.csv: input/output error)", dir)
	if err == nil || !matchTemp(err.Error(), want) {
		t.Fatalf("Commit = %v\nwant     %s", err, want)
	}
	got := contents(t, dir)
	if !matchTemp(got, ".points.csv.*.0.old=old points.csv careers.csv=old careers.csv cost.csv=old cost.csv points.csv=new points.csv") {
		t.Errorf("after the failed Commit: %s", got)
	}
}

// A target that is a folder is found before the first rename: nothing is
// replaced, and the error is a *TargetError naming it.
func TestCommitTargetIsFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "summary.csv", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	renames := 0
	old := rename
	rename = func(from, to string) error { renames++; return old(from, to) }
	defer func() { rename = old }()
	err := commitFive(t, dir)
	var te *TargetError
	if !errors.As(err, &te) || te.Path != filepath.Join(dir, "summary.csv") {
		t.Fatalf("Commit = %v, want a TargetError", err)
	}
	if want := dir + "/summary.csv is a folder, so no report was replaced; remove it or write the reports elsewhere"; err.Error() != want {
		t.Errorf("error %q\nwant  %q", err, want)
	}
	if renames != 0 {
		t.Errorf("%d renames before the error", renames)
	}
	if got, want := contents(t, dir), earlier+" summary.csv/ summary.csv/x/"; got != want {
		t.Errorf("after the failed Commit: %s\nwant %s", got, want)
	}
}

// StopCommits waits for a Commit in progress, which completes; a later
// Commit puts nothing in place.
func TestStopCommits(t *testing.T) {
	defer commitsStopped.Store(false)
	dir := t.TempDir()
	inRename, release := make(chan bool), make(chan bool)
	old := rename
	rename = func(from, to string) error {
		if strings.HasSuffix(to, "a.csv") {
			inRename <- true
			<-release
		}
		return old(from, to)
	}
	defer func() { rename = old }()
	b := NewBatch()
	for _, n := range []string{"a.csv", "b.csv"} {
		if err := b.Write(filepath.Join(dir, n), PublicFile, PublicDir, writeString(n)); err != nil {
			t.Fatal(err)
		}
	}
	committed := make(chan error)
	go func() { committed <- b.Commit() }()
	<-inRename
	stopped := make(chan bool)
	go func() { StopCommits(); stopped <- true }()
	select {
	case <-stopped:
		t.Fatal("StopCommits returned while a Commit was renaming")
	case <-time.After(50 * time.Millisecond):
	}
	release <- true
	if err := <-committed; err != nil {
		t.Fatal(err)
	}
	<-stopped
	later := NewBatch()
	if err := later.Write(filepath.Join(dir, "c.csv"), PublicFile, PublicDir, writeString("c")); err != nil {
		t.Fatal(err)
	}
	if err := later.Commit(); err != ErrCommitsStopped {
		t.Errorf("Commit after StopCommits = %v", err)
	}
	if got := contents(t, dir); got != "a.csv=a.csv b.csv=b.csv" {
		t.Errorf("files: %s", got)
	}
}
