package main

// Signals while a large census loads. These run the real binary (TestMain
// put it on $PATH as "paymodel"), so that signals go through main's
// handler, with PAYMODEL_TEST_SLOW_LOAD making the census load pause after
// every batch of 512 rows (dataset.SimulateSlowRead). They watch
// /proc/PID/fd to send the signal once staff.csv is open, so they run on
// Linux only.

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"paymodel/pkg/dataset"
)

// slowLoadEnv names the test hook's variable: a duration to pause after
// every batch of census rows read.
const slowLoadEnv = "PAYMODEL_TEST_SLOW_LOAD"

// setTestHooks applies the test hooks the environment asks for, in the
// paymodel that TestMain runs.
func setTestHooks() {
	if s := os.Getenv(slowLoadEnv); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s=%q: %v\n", slowLoadEnv, s, err)
			os.Exit(3)
		}
		dataset.SimulateSlowRead(d)
	}
}

// largeDataset writes a two-band dataset whose staff.csv has rows rows, the
// last of them with a point_date before its start_date (which gives a
// warning once the whole census has been read), and returns its folder.
func largeDataset(t *testing.T, rows int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "large")
	if err := os.MkdirAll(filepath.Join(dir, "offers"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"bands.csv", "increments.csv", "offers/offer.toml"} {
		b, err := os.ReadFile(filepath.Join(tinyDataset, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Create(filepath.Join(dir, "staff.csv"))
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("band,point,fte,point_date,start_date,region\n")
	regions := []string{"North", "South", "East", "West"}
	for i := range rows - 1 {
		fmt.Fprintf(w, "Band %c,%d,%s,20%02d-%02d-01,2015-01-01,%s\n", 'A'+i%2, 1+i/2%2, []string{"1", "0.8", "0.5"}[i%3], 16+i%9, 1+i%12, regions[i%4])
	}
	w.WriteString("Band A,1,1,2015-01-01,2020-01-01,North\n")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// startPaymodel starts the paymodel binary with args and extra environment.
func startPaymodel(t *testing.T, env []string, args ...string) (*exec.Cmd, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	bin, err := exec.LookPath("paymodel")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	return cmd, &stdout, &stderr
}

// waitOpen waits until process pid has file open, failing after 30 s.
func waitOpen(t *testing.T, pid int, file string) {
	t.Helper()
	want, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	fds := "/proc/" + strconv.Itoa(pid) + "/fd"
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir(fds)
		for _, e := range entries {
			if target, err := os.Readlink(filepath.Join(fds, e.Name())); err == nil && target == want {
				return
			}
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("paymodel did not open %s within 30 s", file)
}

// waitExit waits for cmd to end, at most limit, and returns its exit
// status and how long it took.
func waitExit(t *testing.T, cmd *exec.Cmd, limit time.Duration) (int, time.Duration) {
	t.Helper()
	start := time.Now()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		took := time.Since(start)
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				t.Fatalf("paymodel was killed by %v instead of exiting", ws.Signal())
			}
			return ee.ExitCode(), took
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0, took
	case <-time.After(limit):
		cmd.Process.Kill()
		t.Fatalf("paymodel did not stop within %v", limit)
	}
	return 0, 0
}

func requireProcFS(t *testing.T) {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("watches /proc/PID/fd: Linux only")
	}
}

// The first SIGINT or SIGTERM stops a run while it is still loading its
// census: exit 1, only the interrupt message (the census's warning, given
// once it has all been read, never appears), nothing written. The load
// pauses 3 ms per batch of 512 rows, so the 300,000-row census takes over
// 1.7 s to read; the signal is sent 50 ms after staff.csv is
// opened, and the run must end well before the load could have finished.
func TestInterruptWhileLoading(t *testing.T) {
	requireProcFS(t)
	ds := largeDataset(t, 300_000)
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			cmd, stdout, stderr := startPaymodel(t, []string{slowLoadEnv + "=3ms"}, "compare", ds, "--out", out, "--no-pdf")
			waitOpen(t, cmd.Process.Pid, filepath.Join(ds, "staff.csv"))
			time.Sleep(50 * time.Millisecond)
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			code, took := waitExit(t, cmd, 30*time.Second)
			if code != exitFailure {
				t.Errorf("exit %d, want 1", code)
			}
			if got := stderr.String(); got != "paymodel: interrupted; no reports were written\n" {
				t.Errorf("stderr (a warning means the census was read to the end):\n%s", got)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout: %s", stdout)
			}
			if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("output folder: %v (want none)", err)
			}
			// 586 batches take at least 1.76 s to read; the run stops at the
			// next batch (the bound leaves room for a loaded machine).
			if took > time.Second {
				t.Errorf("took %v after the signal to stop", took)
			}
			t.Logf("stopped %v after the signal", took)
		})
	}
}

// A second signal 50 ms after the first ends the program at once, even
// when the run cannot notice the first: here the census load pauses for a
// minute after its first batch, not looking at its context meanwhile.
// Repeated, with both cores kept busy, since a lost second signal was seen
// in 2 trials of 4 under load.
func TestSecondInterruptWhileLoading(t *testing.T) {
	requireProcFS(t)
	ds := largeDataset(t, 300_000)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
					for i := 0; i < 1e5; i++ {
						_ = strconv.Itoa(i)
					}
				}
			}
		})
	}
	defer wg.Wait()
	defer close(stop)
	for trial := range 6 {
		sigs := []os.Signal{os.Interrupt, syscall.SIGTERM}
		first, second := sigs[trial%2], sigs[trial/2%2]
		t.Run(fmt.Sprintf("%d %v then %v", trial, first, second), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			cmd, stdout, stderr := startPaymodel(t, []string{slowLoadEnv + "=1m"}, "compare", ds, "--out", out, "--no-pdf")
			waitOpen(t, cmd.Process.Pid, filepath.Join(ds, "staff.csv"))
			time.Sleep(20 * time.Millisecond)
			if err := cmd.Process.Signal(first); err != nil {
				t.Fatal(err)
			}
			time.Sleep(50 * time.Millisecond)
			if err := cmd.Process.Signal(second); err != nil {
				t.Fatal(err)
			}
			code, took := waitExit(t, cmd, 20*time.Second)
			if code != exitFailure {
				t.Errorf("exit %d, want 1", code)
			}
			want := "paymodel: interrupted again; stopped at once (temporary files named .*.tmp may be left beside the reports)\n"
			if got := stderr.String(); got != want {
				t.Errorf("stderr:\n%s\nwant:\n%s", got, want)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout: %s", stdout)
			}
			if took > time.Second {
				t.Errorf("took %v after the second signal to stop", took)
			}
			t.Logf("stopped %v after the second signal", took)
			if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("output folder: %v (want none)", err)
			}
		})
	}
}

// Without the slow-load hook the 300,000-row census loads in full and the
// run succeeds: the census and its warning are as the tests above expect.
func TestLargeDatasetLoads(t *testing.T) {
	requireProcFS(t)
	ds := largeDataset(t, 300_000)
	cmd, stdout, stderr := startPaymodel(t, nil, "validate", ds)
	start := time.Now()
	if code, _ := waitExit(t, cmd, 60*time.Second); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	t.Logf("validate took %v", time.Since(start))
	if !strings.Contains(stdout.String(), "Census: 300,000 people in 300,000 rows") {
		t.Errorf("stdout:\n%s", stdout)
	}
	if want := "paymodel: warning: staff.csv: 1 row has a point_date before the start_date (the first on line 300001)\n"; stderr.String() != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
	}
}
