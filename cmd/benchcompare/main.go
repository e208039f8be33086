// Command benchcompare is the whole-run benchmark behind make bench: it
// times paymodel jobs against their floors (what the same job costs a
// program that does only the unavoidable part) and prints each ratio, so a
// regression shows at a glance. Each job and its floor run as child
// processes, alternately, -runs times; it reports the median wall-clock
// time with its range, the median CPU time (user + system, which other
// work on the machine disturbs less than the clock) and the peak memory.
//
//   - census (make bench-census): a dataset with a large synthetic census
//     (the probation structure, on-costs and inflation, five shipped offers,
//     and a staff.csv of -n people with point dates, CPD hours and a gender
//     column); paymodel compare over 10 years, with and without the
//     comparison PDF (both without tables.xlsx, whose cost does not grow
//     with the census; a third run adds it, for information), against
//     encoding/csv reading staff.csv. Goal: the whole run at most 2× the
//     read, peak under 512 MiB. It also times testdata/paybill.py, what a
//     skilled analyst writes instead (Python's decimal, people grouped by
//     band, point, FTE and the month their time counts from), checks that
//     its basic paybill for Current equals cost.csv's to the penny, band by
//     band and year by year, and prints how many times faster paymodel
//     compare --no-pdf --no-xlsx is. Goal: at least 5×.
//   - statements (make bench-statements): paymodel statements for the
//     20,000 members of the built-in probation sample, against writing
//     20,000 minimal one-page PDFs of a statement's text through the same
//     temporary-file-and-rename batch (floor.go). Goals: at most 3× the
//     floor's time, at most 16 KB a statement on average.
//
// Usage: go run ./cmd/benchcompare -bin bin/paymodel [-job census|statements] [-n 1000000] [-runs 5]
package main

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
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

// sampleMembers is how many people the built-in probation sample has.
const sampleMembers = 20000

func main() {
	bin := flag.String("bin", "bin/paymodel", "the paymodel binary to time")
	job := flag.String("job", "census", "what to time: census or statements")
	n := flag.Int("n", 1_000_000, "census rows")
	runs := flag.Int("runs", 5, "runs of each measurement (medians are reported)")
	dir := flag.String("dir", "", "where to build the dataset (default: a temporary folder, removed afterwards)")
	// The floors, run by benchcompare itself as child processes.
	readCSVFile := flag.String("floor-csv", "", "(floor) read this CSV file with encoding/csv and exit")
	floorDir := flag.String("floor-statements", "", "(floor) write -n minimal statements into this folder and exit")
	flag.Parse()
	var err error
	switch {
	case *readCSVFile != "":
		_, err = readCSV(*readCSVFile)
	case *floorDir != "":
		err = writeFloor(*floorDir, *n)
	case *job == "census":
		err = census(*bin, *n, *runs, *dir)
	case *job == "statements":
		err = statements(*bin, *runs, *dir)
	default:
		err = fmt.Errorf("-job %q: want census or statements", *job)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchcompare:", err)
		os.Exit(1)
	}
}

// workDir returns dir, or a new temporary folder and its removal.
func workDir(dir string) (string, func(), error) {
	if dir != "" {
		return dir, func() {}, nil
	}
	tmp, err := os.MkdirTemp("", "paymodel-bench-")
	if err != nil {
		return "", nil, err
	}
	return tmp, func() { os.RemoveAll(tmp) }, nil
}

func census(bin string, n, runs int, dir string) error {
	dir, cleanup, err := workDir(dir)
	if err != nil {
		return err
	}
	defer cleanup()
	ds := filepath.Join(dir, "census")
	t0 := time.Now()
	if err := buildDataset(ds, n); err != nil {
		return err
	}
	staff := filepath.Join(ds, "staff.csv")
	fi, err := os.Stat(staff)
	if err != nil {
		return err
	}
	fmt.Printf("census: %d rows, staff.csv %.1f MB, built in %s; %d runs each, alternating\n", n, float64(fi.Size())/1e6, time.Since(t0).Round(time.Millisecond), runs)
	self, err := os.Executable()
	if err != nil {
		return err
	}
	out := filepath.Join(dir, "out")
	cmds := []command{
		{self, []string{"-floor-csv", staff}, nil},
		{bin, []string{"compare", ds, "--years", "10", "--out", out, "--no-pdf", "--no-xlsx"}, nil},
		{bin, []string{"compare", ds, "--years", "10", "--out", out, "--no-xlsx"}, nil},
		{bin, []string{"compare", ds, "--years", "10", "--out", out}, nil},
	}
	python, pyErr := exec.LookPath("python3")
	pyOut := filepath.Join(dir, "paybill.csv")
	if pyErr == nil {
		script := filepath.Join(dir, "paybill.py")
		if err := os.WriteFile(script, paybillPy, 0o644); err != nil {
			return err
		}
		cmds = append(cmds, command{python, []string{script, ds, paybillStart, "10", pyOut}, nil})
	}
	ms, err := alternate(runs, cmds...)
	if err != nil {
		return err
	}
	floor, noPDF, full, xlsx := ms[0], ms[1], ms[2], ms[3]
	printHeader()
	printRow("encoding/csv reading staff.csv (floor)", floor, measurement{}, "")
	printRow("paymodel compare --no-pdf --no-xlsx", noPDF, floor, "")
	printRow("paymodel compare --no-xlsx (CSV tables and PDF)", full, floor, "≤ 2×")
	printRow("paymodel compare (CSV tables, PDF and tables.xlsx)", xlsx, floor, "")
	verdict(full.ratio(floor) <= 2 && full.rss < 512<<20, "compare: whole run ≤ 2× the CSV read, peak < 512 MiB")
	if pyErr != nil {
		fmt.Printf("paybill.py not run: %v\n", pyErr)
		return nil
	}
	py := ms[4]
	rows, err := samePaybill(filepath.Join(out, "cost.csv"), pyOut)
	if err != nil {
		return err
	}
	printRow("paybill.py (Python decimal, grouped; same basic)", py, floor, "")
	fmt.Printf("paymodel compare --no-pdf --no-xlsx is %.2f× faster than paybill.py by the clock, %.2f× by CPU time; its %d basic paybill figures for Current are equal to the penny\n",
		py.ratio(noPDF), float64(py.cpu)/float64(noPDF.cpu), rows)
	verdict(py.ratio(noPDF) >= 5, "compare --no-pdf --no-xlsx ≥ 5× faster than paybill.py")
	return nil
}

// paybillPy is what a skilled analyst writes instead of paymodel: Current's
// basic paybill in Python's decimal, people grouped (testdata/paybill.py).
//
//go:embed testdata/paybill.py
var paybillPy []byte

// paybillStart is the start of the benchmark's offers, which cost.csv's
// years count from.
const paybillStart = "2025-04-01"

// samePaybill checks that paybill.py's rows (year, date, band, basic) are
// exactly cost.csv's Current rows, in the same order, and returns how many
// there are.
func samePaybill(costCSV, pyCSV string) (int, error) {
	cost, err := readAll(costCSV)
	if err != nil {
		return 0, err
	}
	py, err := readAll(pyCSV)
	if err != nil {
		return 0, err
	}
	col := map[string]int{}
	for i, h := range cost[0] {
		col[h] = i
	}
	var want [][]string
	for _, r := range cost[1:] {
		if r[col["scenario"]] == "Current" {
			want = append(want, []string{r[col["year"]], r[col["date"]], r[col["band"]], r[col["basic"]]})
		}
	}
	got := py[1:]
	if len(got) != len(want) {
		return 0, fmt.Errorf("paybill.py wrote %d rows, cost.csv has %d for Current", len(got), len(want))
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			return 0, fmt.Errorf("paybill.py and cost.csv differ: %v against %v", got[i], want[i])
		}
	}
	return len(want), nil
}

func readAll(path string) ([][]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return csv.NewReader(bytes.NewReader(b)).ReadAll()
}

func statements(bin string, runs int, dir string) error {
	dir, cleanup, err := workDir(dir)
	if err != nil {
		return err
	}
	defer cleanup()
	self, err := os.Executable()
	if err != nil {
		return err
	}
	fmt.Printf("statements: the %d members of the built-in probation sample; %d runs each, alternating\n", sampleMembers, runs)
	floorOut, out := filepath.Join(dir, "floor"), filepath.Join(dir, "statements")
	ms, err := alternate(runs,
		command{self, []string{"-floor-statements", floorOut, "-n", fmt.Sprint(sampleMembers)}, func() error { return os.RemoveAll(floorOut) }},
		command{bin, []string{"statements", "probation", "--out", out}, func() error { return os.RemoveAll(out) }},
	)
	if err != nil {
		return err
	}
	// The files of the last runs.
	floorSize, err := averageSize(floorOut)
	if err != nil {
		return err
	}
	size, err := averageSize(out)
	if err != nil {
		return err
	}
	floor, st := ms[0], ms[1]
	printHeader()
	printRow(fmt.Sprintf("minimal one-page PDFs (floor), %.1f KB a file", floorSize/1024), floor, measurement{}, "")
	printRow(fmt.Sprintf("paymodel statements, %.1f KB a file", size/1024), st, floor, "≤ 3×")
	verdict(st.ratio(floor) <= 3 && size <= 16*1024, "statements: ≤ 3× the floor, ≤ 16 KB a statement")
	return nil
}

// averageSize is the average size of the files in dir.
func averageSize(dir string) (float64, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	var total int64
	for _, e := range entries {
		fi, err := e.Info()
		if err != nil {
			return 0, err
		}
		total += fi.Size()
	}
	if len(entries) == 0 {
		return 0, fmt.Errorf("%s is empty", dir)
	}
	return float64(total) / float64(len(entries)), nil
}

// command is a child process to time; before, when set, runs first,
// untimed.
type command struct {
	bin    string
	args   []string
	before func() error
}

// measurement is the medians of a command's runs.
type measurement struct {
	wall, lo, hi time.Duration // median, fastest and slowest run
	cpu          time.Duration // median user + system time
	rss          int64         // largest peak resident memory
}

func (m measurement) ratio(floor measurement) float64 { return float64(m.wall) / float64(floor.wall) }

// alternate runs the commands in turn, runs times round, and returns the
// medians of each.
func alternate(runs int, cmds ...command) ([]measurement, error) {
	walls := make([][]time.Duration, len(cmds))
	cpus := make([][]time.Duration, len(cmds))
	ms := make([]measurement, len(cmds))
	for r := 0; r < max(1, runs); r++ {
		for i, c := range cmds {
			if c.before != nil {
				if err := c.before(); err != nil {
					return nil, err
				}
			}
			wall, cpu, rss, err := timeCommand(c.bin, c.args...)
			if err != nil {
				return nil, err
			}
			walls[i] = append(walls[i], wall)
			cpus[i] = append(cpus[i], cpu)
			ms[i].rss = max(ms[i].rss, rss)
		}
	}
	for i := range cmds {
		slices.Sort(walls[i])
		slices.Sort(cpus[i])
		ms[i].wall, ms[i].lo, ms[i].hi = median(walls[i]), walls[i][0], walls[i][len(walls[i])-1]
		ms[i].cpu = median(cpus[i])
	}
	return ms, nil
}

// median of sorted ds.
func median(ds []time.Duration) time.Duration {
	n := len(ds)
	if n%2 == 1 {
		return ds[n/2]
	}
	return (ds[n/2-1] + ds[n/2]) / 2
}

func printHeader() {
	fmt.Printf("%-52s %9s %19s %9s %9s %10s %s\n", "job", "median", "range", "cpu", "peak", "vs floor", "goal")
}

func printRow(name string, m, floor measurement, goal string) {
	vs := "floor"
	if floor.wall > 0 {
		vs = fmt.Sprintf("%.2f×", m.ratio(floor))
	}
	sec := func(d time.Duration) string { return fmt.Sprintf("%.3f s", d.Seconds()) }
	fmt.Printf("%-52s %9s %19s %9s %5d MiB %10s %s\n", name, sec(m.wall), "["+sec(m.lo)+"–"+sec(m.hi)+"]", sec(m.cpu), m.rss>>20, vs, goal)
}

func verdict(met bool, goal string) {
	v := "met"
	if !met {
		v = "NOT met"
	}
	fmt.Printf("goal (%s): %s\n", goal, v)
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

// timeCommand runs bin and returns its wall-clock time, CPU time (user +
// system) and peak resident memory.
func timeCommand(bin string, args ...string) (wall, cpu time.Duration, rss int64, err error) {
	cmd := exec.Command(bin, args...)
	cmd.Stdout = io.Discard
	var stderr bufferTail
	cmd.Stderr = &stderr
	start := time.Now()
	err = cmd.Run()
	wall = time.Since(start)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("%s %v: %v\n%s", bin, args, err, stderr.b)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss << 10 // Linux reports kilobytes
	}
	cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return wall, cpu, rss, nil
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
