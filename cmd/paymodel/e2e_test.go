package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"paymodel/pkg/outfile"
	"paymodel/pkg/report/pdf/pdftext"
)

// tinyDataset is a two-band dataset with a census of three named people and
// one offer.
const tinyDataset = "testdata/tiny"

// runCLI runs paymodel in-process and returns its exit status, stdout and
// stderr, failing the test if it panicked.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	for _, m := range panicMarkers {
		if strings.Contains(stderr.String(), m) {
			t.Fatalf("paymodel %s panicked:\n%s", strings.Join(args, " "), stderr.String())
		}
	}
	return code, stdout.String(), stderr.String()
}

// listFiles returns every path under dir, relative and sorted.
func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	return out
}

// A full disk part way through a run: exit 1 naming the cause, no
// temporary file, no new file, the earlier report untouched.
func TestDiskFull(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		file string // an earlier report in the output folder
	}{
		{"compare", []string{"compare", tinyDataset, "--no-pdf"}, "points.csv"},
		{"compare with PDF", []string{"compare", tinyDataset}, "comparison.pdf"},
		{"statements", []string{"statements", tinyDataset, "--workers", "2"}, "statement-S1.pdf"},
		{"briefing", []string{"briefing", tinyDataset}, "briefing.pdf"},
	} {
		for _, limit := range []int64{0, 100, 1500} {
			t.Run(fmt.Sprintf("%s/%d bytes", tc.name, limit), func(t *testing.T) {
				out := t.TempDir()
				earlier := filepath.Join(out, tc.file)
				if err := os.WriteFile(earlier, []byte("earlier report"), 0o644); err != nil {
					t.Fatal(err)
				}
				args := append(tc.args, "--out", out)
				if tc.name == "briefing" {
					args = append(tc.args, "--out", earlier)
				}
				restore := outfile.SimulateFullDisk(limit)
				code, _, stderr := runCLI(t, args...)
				restore()
				if code != exitFailure {
					t.Errorf("exit %d, want 1; stderr:\n%s", code, stderr)
				}
				if !strings.Contains(stderr, "no space left on device") || strings.Count(stderr, "\n") != 1 {
					t.Errorf("stderr should be one line naming the full disk:\n%s", stderr)
				}
				if got := strings.Join(listFiles(t, out), " "); got != tc.file {
					t.Errorf("output folder holds %s, want only the earlier %s", got, tc.file)
				}
				if b, _ := os.ReadFile(earlier); string(b) != "earlier report" {
					t.Errorf("earlier report changed: %.40q", b)
				}
			})
		}
	}
}

// An output folder that cannot be created: its parent is a regular file
// (tests run as root, so chmod would not stop writes). Exit 1, one line,
// nothing created.
func TestUnwritableOutput(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"compare", tinyDataset, "--out", filepath.Join(file, "out")},
		{"statements", tinyDataset, "--out", filepath.Join(file, "out")},
		{"statement", tinyDataset, "--id", "S1", "--out", filepath.Join(file, "s.pdf")},
		{"briefing", tinyDataset, "--out", filepath.Join(file, "b.pdf")},
	} {
		code, stdout, stderr := runCLI(t, args...)
		if code != exitFailure || !strings.Contains(stderr, "not a directory") || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%s: exit %d, stderr:\n%s", args[0], code, stderr)
		}
		if strings.Contains(stdout, "Wrote") {
			t.Errorf("%s: claims to have written: %s", args[0], stdout)
		}
		if got := strings.Join(listFiles(t, dir), " "); got != "file" {
			t.Errorf("%s: left %s", args[0], got)
		}
	}
}

// Statements hold named individuals: files 0600, folders 0700, whatever
// the umask, and a failed run removes the folders it created.
func TestStatementsPrivate(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	out := filepath.Join(t.TempDir(), "a", "statements")
	code, _, stderr := runCLI(t, "statements", tinyDataset, "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	files := listFiles(t, out)
	if got := strings.Join(files, " "); got != "statement-S1.pdf statement-S2.pdf statement-S3.pdf" {
		t.Errorf("files: %s", got)
	}
	for _, p := range []string{out, filepath.Dir(out)} {
		if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o700 {
			t.Errorf("%s: mode %v, %v; want 0700", p, fi.Mode().Perm(), err)
		}
	}
	for _, f := range files {
		if fi, err := os.Stat(filepath.Join(out, f)); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, %v; want 0600", f, fi.Mode().Perm(), err)
		}
	}
	one := filepath.Join(t.TempDir(), "private", "one.pdf")
	if code, _, stderr := runCLI(t, "statement", tinyDataset, "--id", "S2", "--out", one); code != 0 {
		t.Fatalf("statement: exit %d: %s", code, stderr)
	}
	if fi, err := os.Stat(one); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("statement file: mode %v, %v; want 0600", fi.Mode().Perm(), err)
	}
	if fi, err := os.Stat(filepath.Dir(one)); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("statement folder: mode %v, %v; want 0700", fi.Mode().Perm(), err)
	}
}

// Ctrl-C in the middle of statements on the 20,000-person probation census:
// exit 1, the "interrupted" message, no statement and no temporary file
// left, the earlier file in the folder untouched. Runs the real binary
// (TestMain put it on $PATH) so that the signal goes through main's handler.
func TestInterruptStatements(t *testing.T) {
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			bin, err := exec.LookPath("paymodel")
			if err != nil {
				t.Fatal(err)
			}
			out := t.TempDir()
			earlier := filepath.Join(out, "notes.txt")
			if err := os.WriteFile(earlier, []byte("keep me"), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(bin, "statements", "probation", "--out", out, "--workers", "2")
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(30 * time.Second)
			for len(listFiles(t, out)) < 3 {
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatal("no statement appeared within 30s")
				}
				time.Sleep(2 * time.Millisecond)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err = <-done:
			case <-time.After(30 * time.Second):
				cmd.Process.Kill()
				t.Fatal("paymodel did not stop within 30s of the signal")
			}
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 1 {
				t.Errorf("exit: %v, want status 1", err)
			}
			if got := stderr.String(); got != "paymodel: interrupted; no reports were written\n" {
				t.Errorf("stderr:\n%s", got)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout: %s", stdout.String())
			}
			if got := strings.Join(listFiles(t, out), " "); got != "notes.txt" {
				t.Errorf("left in the folder: %.300s", got)
			}
			if b, _ := os.ReadFile(earlier); string(b) != "keep me" {
				t.Errorf("earlier file changed: %q", b)
			}
		})
	}
}

// --redact leaves names out of statements; without it the name is there.
// Checked on the PDF's text with pdftext (poppler's pdftotext): skipped if
// it is missing, unless PAYMODEL_REQUIRE_POPPLER is set (as CI sets it).
func TestRedact(t *testing.T) {
	pdftext.Available(t)
	text := func(p string) string { return pdftext.File(t, p, 0) }
	dir := t.TempDir()
	names := map[string]string{"S1": "Ann Lee", "S2": "Bob Kay", "S3": "Cy Dee"}
	for _, redact := range []bool{false, true} {
		out := filepath.Join(dir, "plain")
		args := []string{"statements", tinyDataset, "--out", out}
		one := filepath.Join(dir, "plain-one.pdf")
		oneArgs := []string{"statement", tinyDataset, "--id", "S2", "--out", one}
		if redact {
			out = filepath.Join(dir, "redacted")
			args = []string{"statements", tinyDataset, "--out", out, "--redact"}
			one = filepath.Join(dir, "redacted-one.pdf")
			oneArgs = []string{"statement", tinyDataset, "--id", "S2", "--out", one, "--redact"}
		}
		code, _, stderr := runCLI(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		code, stdout, stderr := runCLI(t, oneArgs...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", oneArgs, code, stderr)
		}
		if strings.Contains(stdout, "Bob") != !redact {
			t.Errorf("%v: stdout, redact=%v:\n%s", oneArgs, redact, stdout)
		}
		check := func(p, name string) {
			txt := text(p)
			if !strings.Contains(txt, "Band") {
				t.Fatalf("%s: no text extracted:\n%s", p, txt)
			}
			for _, part := range strings.Fields(name) {
				if strings.Contains(txt, part) != !redact {
					t.Errorf("%s (redact=%v): name part %q present=%v", filepath.Base(p), redact, part, !redact)
				}
			}
		}
		for id, name := range names {
			check(filepath.Join(out, "statement-"+id+".pdf"), name)
		}
		check(one, names["S2"])
	}
}

// Statements rendered in parallel never carry another member's data: each
// of 40 statements written by 8 workers names its own member and no other.
func TestStatementsDoNotMix(t *testing.T) {
	pdftext.Available(t)
	dir := t.TempDir()
	ds := filepath.Join(dir, "ds")
	if err := os.MkdirAll(ds, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"bands.csv", "increments.csv"} {
		b, err := os.ReadFile(filepath.Join(tinyDataset, f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(ds, f), b, 0o644)
	}
	var staff strings.Builder
	staff.WriteString("id,name,band,point,fte\n")
	const n = 40
	name := func(i int) string { return fmt.Sprintf("Zed%02dq Member", i) }
	for i := range n {
		fmt.Fprintf(&staff, "M%02d,%s,Band %c,%d,0.%d\n", i, name(i), 'A'+i%2, 1+i%2, 1+i%9)
	}
	os.WriteFile(filepath.Join(ds, "staff.csv"), []byte(staff.String()), 0o644)
	out := filepath.Join(dir, "out")
	if code, _, stderr := runCLI(t, "statements", ds, "--out", out, "--workers", "8"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for i := range n {
		p := filepath.Join(out, fmt.Sprintf("statement-M%02d.pdf", i))
		txt := pdftext.File(t, p, 0)
		if !strings.Contains(txt, name(i)) {
			t.Errorf("statement-M%02d.pdf does not name %s", i, name(i))
		}
		if got := strings.Count(txt, "Zed"); got != strings.Count(txt, name(i)) {
			t.Errorf("statement-M%02d.pdf names someone else:\n%s", i, txt)
		}
		if want := fmt.Sprintf("at 0.%d", 1+i%9); !strings.Contains(txt, want) {
			t.Errorf("statement-M%02d.pdf: no %q (its member's FTE)", i, want)
		}
	}
}
