// Command benchcompare is the census benchmark behind make bench: it builds a
// dataset with a large synthetic census (the probation structure, on-costs and
// inflation, five shipped offers, and a staff.csv of -n people with point
// dates, CPD hours and a gender column), then measures in one run
//
//   - the time encoding/csv alone takes to read staff.csv (the floor any
//     census reader must pay), and
//   - the time paymodel compare takes on the dataset over 10 years, with and
//     without the comparison PDF, and its peak memory,
//
// and prints the ratio of the two. Each time is the best of -runs runs.
//
// Usage: go run ./cmd/benchcompare -bin bin/paymodel [-n 1000000] [-runs 3]
package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"

	"paymodel/pkg/synth"
	"paymodel/scenarios"
)

// offers are the five shipped probation offers the benchmark compares.
var offers = []string{
	"employer-offer-2025.toml",
	"joint-union-claim-2025.toml",
	"napo-2016-principles.toml",
	"cpd-linked-progression.toml",
	"shorter-band-4.toml",
}

// keep are the census columns of the benchmark file.
var keep = []string{"id", "band", "point", "fte", "point_date", "cpd_hours", "gender"}

func main() {
	bin := flag.String("bin", "bin/paymodel", "the paymodel binary to time")
	n := flag.Int("n", 1_000_000, "census rows")
	runs := flag.Int("runs", 3, "runs of each measurement (the best is reported)")
	dir := flag.String("dir", "", "where to build the dataset (default: a temporary folder, removed afterwards)")
	flag.Parse()
	if err := run(*bin, *n, *runs, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "benchcompare:", err)
		os.Exit(1)
	}
}

func run(bin string, n, runs int, dir string) error {
	if dir == "" {
		tmp, err := os.MkdirTemp("", "paymodel-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	ds := filepath.Join(dir, "census")
	t0 := time.Now()
	if err := buildDataset(ds, n); err != nil {
		return err
	}
	fi, err := os.Stat(filepath.Join(ds, "staff.csv"))
	if err != nil {
		return err
	}
	fmt.Printf("dataset: %d census rows, staff.csv %.1f MB, built in %s\n", n, float64(fi.Size())/1e6, time.Since(t0).Round(time.Millisecond))

	parse := best(runs, func() (time.Duration, int64, error) {
		start := time.Now()
		rows, err := readCSV(filepath.Join(ds, "staff.csv"))
		if err == nil && rows != n {
			err = fmt.Errorf("read %d rows, want %d", rows, n)
		}
		return time.Since(start), 0, err
	})
	if parse.err != nil {
		return parse.err
	}
	out := filepath.Join(dir, "out")
	noPDF := best(runs, func() (time.Duration, int64, error) {
		return timeCommand(bin, "compare", ds, "--years", "10", "--out", out, "--no-pdf")
	})
	if noPDF.err != nil {
		return noPDF.err
	}
	full := best(runs, func() (time.Duration, int64, error) {
		return timeCommand(bin, "compare", ds, "--years", "10", "--out", out)
	})
	if full.err != nil {
		return full.err
	}
	ratio := func(d time.Duration) float64 { return float64(d) / float64(parse.d) }
	fmt.Printf("encoding/csv reading staff.csv:          %8s\n", parse.d.Round(time.Millisecond))
	fmt.Printf("paymodel compare, CSV tables only:        %8s  %5.2f× the CSV read  peak %4d MiB\n", noPDF.d.Round(time.Millisecond), ratio(noPDF.d), noPDF.rss>>20)
	fmt.Printf("paymodel compare, CSV tables and PDF:     %8s  %5.2f× the CSV read  peak %4d MiB\n", full.d.Round(time.Millisecond), ratio(full.d), full.rss>>20)
	verdict := "met"
	if ratio(full.d) > 3 || full.rss >= 1<<30 {
		verdict = "NOT met"
	}
	fmt.Printf("target (whole run ≤ 3× the CSV read, peak < 1 GiB): %s\n", verdict)
	return nil
}

type measurement struct {
	d   time.Duration
	rss int64
	err error
}

func best(runs int, f func() (time.Duration, int64, error)) measurement {
	var m measurement
	for i := 0; i < max(1, runs); i++ {
		d, rss, err := f()
		if err != nil {
			return measurement{err: err}
		}
		if i == 0 || d < m.d {
			m.d = d
		}
		m.rss = max(m.rss, rss)
	}
	return m
}

// readCSV reads every record of the file as cheaply as encoding/csv allows.
func readCSV(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReaderSize(f, 1<<20))
	r.ReuseRecord = true
	rows := -1 // the header
	for {
		_, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return rows, err
		}
		rows++
	}
}

func timeCommand(bin string, args ...string) (time.Duration, int64, error) {
	cmd := exec.Command(bin, args...)
	cmd.Stdout = io.Discard
	var stderr bufferTail
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	if err != nil {
		return 0, 0, fmt.Errorf("%s %v: %v\n%s", bin, args, err, stderr.b)
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss << 10 // Linux reports kilobytes
	}
	return d, rss, nil
}

type bufferTail struct{ b []byte }

func (t *bufferTail) Write(p []byte) (int, error) {
	t.b = append(t.b, p...)
	if len(t.b) > 4096 {
		t.b = t.b[len(t.b)-4096:]
	}
	return len(p), nil
}

// buildDataset writes the benchmark dataset into dir.
func buildDataset(dir string, n int) error {
	src, err := scenarios.FS("probation")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dir, "offers"), 0o755); err != nil {
		return err
	}
	copyFiles := []string{"bands.csv", "increments.csv", "oncosts.csv", "inflation.csv"}
	for _, o := range offers {
		copyFiles = append(copyFiles, "offers/"+o)
	}
	for _, name := range copyFiles {
		b, err := fs.ReadFile(src, name)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	spec, ok := synth.Builtin("probation")
	if !ok {
		return fmt.Errorf("no built-in census spec %q", "probation")
	}
	pr, pw := io.Pipe()
	go func() {
		bw := bufio.NewWriterSize(pw, 1<<20)
		err := synth.Census(bw, spec, n, synth.ProbationSeed)
		if err == nil {
			err = bw.Flush()
		}
		pw.CloseWithError(err)
	}()
	f, err := os.Create(filepath.Join(dir, "staff.csv"))
	if err != nil {
		return err
	}
	defer f.Close()
	return selectColumns(f, pr, keep)
}

// selectColumns copies the named columns of a CSV stream.
func selectColumns(w io.Writer, r io.Reader, names []string) error {
	cr := csv.NewReader(bufio.NewReaderSize(r, 1<<20))
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return err
	}
	idx := make([]int, len(names))
	for i, name := range names {
		idx[i] = -1
		for j, h := range header {
			if h == name {
				idx[i] = j
			}
		}
		if idx[i] < 0 {
			return fmt.Errorf("generated census has no column %q", name)
		}
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	cw := csv.NewWriter(bw)
	if err := cw.Write(names); err != nil {
		return err
	}
	out := make([]string, len(names))
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		for i, j := range idx {
			out[i] = rec[j]
		}
		if err := cw.Write(out); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
