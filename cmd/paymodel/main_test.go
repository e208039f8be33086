package main

// The end-to-end suite. TestMain turns the test binary into a paymodel
// binary (testscript installs a copy of it on $PATH as "paymodel", which runs
// exactly what main runs), so the CLI is built once per "go test".
//
// TestScripts runs every testdata/script/*.txtar file. Besides testscript's
// own commands (exec, cmp, stderr, exists, …) a script can use:
//
//	exits CODE paymodel ARGS...   run paymodel and require exit status CODE;
//	                               it always fails on "internal error" or a
//	                               Go panic trace in stderr
//	dataset NAME DIR              copy the built-in dataset NAME into DIR
//	sub FILE OLD NEW              replace every OLD in FILE by NEW (Go-quoted
//	                               "..." arguments are unquoted first, so
//	                               "\r" or "\ufeff" can be written)
//	crlf FILE...                  convert LF line endings to CRLF
//	bom FILE...                   prefix a UTF-8 byte-order mark
//	longfield FILE N TEXT         append a line with TEXT followed by N 'x's
//	repeat FILE N LINE            append LINE to FILE N times, {i} in it
//	                               becoming 1, 2, … N
//	perm PATH MODE                require PATH's permission bits to be MODE
//	noglob DIR PATTERN...         require no file in DIR (recursively) to
//	                               match any PATTERN
//	xlsx BOOK FILE...             write the workbook BOOK with a sheet of each
//	                               CSV FILE, named as the file without .csv,
//	                               its values typed as a person would type
//	                               them (xlsx.Builder.CSV)
//	csvall FILE                   require cost.csv's All rows to be the sum
//	                               of the band rows, column by column, where
//	                               no band's cell is blank (suppressed); and
//	                               never one band's cell blank alone
//
// Run "go test ./cmd/paymodel -run TestScripts -update" to rewrite the cmp
// files of failing scripts (then review the diff: the expected stderr is the
// specification).

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"paymodel/pkg/xlsx"
	"paymodel/scenarios"
)

var update = flag.Bool("update", false, "rewrite the expected output of failing scripts")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"paymodel": func() {
			// What main does, so that signals are handled as in the real
			// binary, with the test hooks the environment asks for.
			setTestHooks()
			os.Exit(runWithSignals(os.Args[1:]))
		},
	})
}

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		Setup: func(e *testscript.Env) error {
			e.Setenv("SOURCE_DATE_EPOCH", "1735689600")
			e.Setenv("PAYMODEL_DEBUG", "1")
			return nil
		},
		Cmds: scriptCmds(),
	})
}

// panicMarkers are what a panic, recovered or not, leaves in stderr.
var panicMarkers = []string{"internal error", "panic:", "goroutine "}

func scriptCmds() map[string]func(ts *testscript.TestScript, neg bool, args []string) {
	return map[string]func(ts *testscript.TestScript, neg bool, args []string){
		"exits": func(ts *testscript.TestScript, neg bool, args []string) {
			if neg || len(args) < 2 || args[1] != "paymodel" {
				ts.Fatalf("usage: exits CODE paymodel ARGS...")
			}
			want, err := strconv.Atoi(args[0])
			ts.Check(err)
			err = ts.Exec("paymodel", args[2:]...)
			got := 0
			if err != nil {
				ee, ok := err.(interface{ ExitCode() int })
				if !ok {
					ts.Fatalf("running paymodel: %v", err)
				}
				got = ee.ExitCode()
			}
			stderr := ts.ReadFile("stderr")
			for _, m := range panicMarkers {
				if strings.Contains(stderr, m) {
					ts.Fatalf("paymodel panicked (stderr contains %q)", m)
				}
			}
			if got != want {
				ts.Fatalf("paymodel exited with status %d, want %d", got, want)
			}
		},
		"xlsx": func(ts *testscript.TestScript, neg bool, args []string) {
			if neg || len(args) < 2 {
				ts.Fatalf("usage: xlsx BOOK FILE...")
			}
			b := xlsx.NewBuilder()
			for _, f := range args[1:] {
				sheet := strings.TrimSuffix(filepath.Base(f), ".csv")
				b.Sheet(sheet)
				ts.Check(b.CSV(sheet, strings.NewReader(ts.ReadFile(f))))
			}
			data, err := b.Bytes()
			ts.Check(err)
			ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o644))
		},
		"dataset": func(ts *testscript.TestScript, neg bool, args []string) {
			if neg || len(args) != 2 {
				ts.Fatalf("usage: dataset NAME DIR")
			}
			fsys, err := scenarios.FS(args[0])
			ts.Check(err)
			ts.Check(copyFS(ts.MkAbs(args[1]), fsys))
		},
		"sub": func(ts *testscript.TestScript, neg bool, args []string) {
			if neg || len(args) != 3 {
				ts.Fatalf("usage: sub FILE OLD NEW")
			}
			old, repl := unquote(ts, args[1]), unquote(ts, args[2])
			name := ts.MkAbs(args[0])
			b, err := os.ReadFile(name)
			ts.Check(err)
			if !strings.Contains(string(b), old) {
				ts.Fatalf("sub: %s does not contain %q", args[0], old)
			}
			ts.Check(os.WriteFile(name, []byte(strings.ReplaceAll(string(b), old, repl)), 0o644))
		},
		"crlf": func(ts *testscript.TestScript, neg bool, args []string) {
			for _, a := range args {
				name := ts.MkAbs(a)
				b, err := os.ReadFile(name)
				ts.Check(err)
				ts.Check(os.WriteFile(name, []byte(strings.ReplaceAll(string(b), "\n", "\r\n")), 0o644))
			}
		},
		"bom": func(ts *testscript.TestScript, neg bool, args []string) {
			for _, a := range args {
				name := ts.MkAbs(a)
				b, err := os.ReadFile(name)
				ts.Check(err)
				ts.Check(os.WriteFile(name, append([]byte("\ufeff"), b...), 0o644))
			}
		},
		"longfield": func(ts *testscript.TestScript, neg bool, args []string) {
			if neg || len(args) != 3 {
				ts.Fatalf("usage: longfield FILE N TEXT")
			}
			n, err := strconv.Atoi(args[1])
			ts.Check(err)
			f, err := os.OpenFile(ts.MkAbs(args[0]), os.O_APPEND|os.O_WRONLY, 0)
			ts.Check(err)
			_, err = fmt.Fprintf(f, "%s%s\n", unquote(ts, args[2]), strings.Repeat("x", n))
			ts.Check(err)
			ts.Check(f.Close())
		},
		"repeat": func(ts *testscript.TestScript, neg bool, args []string) {
			if neg || len(args) != 3 {
				ts.Fatalf("usage: repeat FILE N LINE")
			}
			n, err := strconv.Atoi(args[1])
			ts.Check(err)
			f, err := os.OpenFile(ts.MkAbs(args[0]), os.O_APPEND|os.O_WRONLY, 0)
			ts.Check(err)
			line := unquote(ts, args[2])
			var b strings.Builder
			for i := 1; i <= n; i++ {
				b.WriteString(strings.ReplaceAll(line, "{i}", strconv.Itoa(i)))
				b.WriteByte('\n')
			}
			_, err = io.WriteString(f, b.String())
			ts.Check(err)
			ts.Check(f.Close())
		},
		"perm": func(ts *testscript.TestScript, neg bool, args []string) {
			if neg || len(args) != 2 {
				ts.Fatalf("usage: perm PATH MODE")
			}
			want, err := strconv.ParseUint(args[1], 8, 32)
			ts.Check(err)
			fi, err := os.Stat(ts.MkAbs(args[0]))
			ts.Check(err)
			if got := fi.Mode().Perm(); got != fs.FileMode(want) {
				ts.Fatalf("%s has mode %#o, want %#o", args[0], got, want)
			}
		},
		"noglob": func(ts *testscript.TestScript, neg bool, args []string) {
			if neg || len(args) < 2 {
				ts.Fatalf("usage: noglob DIR PATTERN...")
			}
			root := ts.MkAbs(args[0])
			ts.Check(filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				for _, pat := range args[1:] {
					if ok, _ := filepath.Match(pat, d.Name()); ok && p != root {
						return fmt.Errorf("%s matches %s", p, pat)
					}
				}
				return nil
			}))
		},
		"csvall": func(ts *testscript.TestScript, neg bool, args []string) {
			if neg || len(args) != 1 {
				ts.Fatalf("usage: csvall FILE")
			}
			b, err := os.ReadFile(ts.MkAbs(args[0]))
			ts.Check(err)
			ts.Check(checkCostAll(b))
		},
	}
}

func unquote(ts *testscript.TestScript, s string) string {
	if len(s) >= 2 && s[0] == '"' {
		u, err := strconv.Unquote(s)
		ts.Check(err)
		return u
	}
	return s
}

// copyFS writes every file of fsys under dir.
func copyFS(dir string, fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}
