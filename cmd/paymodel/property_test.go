package main

// The whole-pipeline property test (issue 9). pkg/propgen makes a random
// valid dataset and offers from a seed; each case runs through the CLI
// in-process (compare, with the PDF in most cases and tables.xlsx in one in
// ten; statement for a census member and for a member described by flags;
// briefing), and the outputs are checked against properties that must hold
// for every valid input:
//
//   - every command exits 0, and compare run twice (one case in 8) writes
//     byte-identical files;
//   - tables.xlsx, when written, opens and every cell of every sheet reads
//     back as its CSV's value (checkTablesXLSX);
//   - in cost.csv the band rows add up exactly to All, and each row's total
//     is basic + lump sums + on-costs + CPD time;
//   - in careers.csv earnings add up to the cumulative figure year by year,
//     and summary.csv's career earnings are the last cumulative figure;
//   - a career's salary is never below its band's entry point in points.csv
//     on the same date, nor below its point's salary there, and is above it
//     (protected) only on the top point or in a scenario that removes points;
//   - an offer with no awards, lump sums, progression or CPD days equals
//     Current in points.csv, careers.csv, summary.csv and cost.csv, when no
//     structure is dated after the start.
//
// The grouped engine's agreement with the person-by-person reference is
// checked on the same generated cases in pkg/projection/property_test.go.
//
// go test runs TestProperty over a fixed set of small seeds. make soak runs
// TestPropertySoak over -soak.cases larger ones from -soak.from. A failing
// case's seed is printed and its files are written to a folder that stays
// after the test, with the command that reproduces it; -prop.seed=N runs
// only seed N (with -prop.large for the soak's size).

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"paymodel/pkg/propgen"
)

var (
	propCases = flag.Int("prop.cases", 150, "cases TestProperty runs")
	propSeed  = flag.Int64("prop.seed", -1, "run only this generator seed (TestProperty, or TestPropertySoak with -soak.cases)")
	propLarge = flag.Bool("prop.large", false, "with -prop.seed: generate the soak's larger case")
	soakCases = flag.Int("soak.cases", 0, "cases TestPropertySoak runs (0: skip it)")
	soakFrom  = flag.Uint64("soak.from", 1000000, "first seed of TestPropertySoak")
	propKeep  = flag.Bool("prop.keep", false, "keep every case's files and outputs, and print where")
	shapes    = flag.String("prop.shapes", "", "known-defect shapes to generate too: a comma-separated list of propgen.KnownDefect switch names without the prefix (LongBand,FTESum,…), or all")
)

// setShapes turns the known-defect switches -prop.shapes names off.
func setShapes() {
	if err := propgen.Allow(*shapes); err != nil {
		panic(err)
	}
}

// pdfShare: compare writes the PDF in pdfShare of 4 cases (the PDF is most
// of a small case's time); statement and briefing always write theirs.
const pdfShare = 3

// xlsxEvery: compare writes tables.xlsx, and the case checks that it opens
// and holds the CSVs' values cell for cell, in one case in xlsxEvery (those
// whose seed it divides, so some of them are also run twice for the
// byte-identical check); the others pass --no-xlsx, and check that it is
// not written.
const xlsxEvery = 10

func TestProperty(t *testing.T) {
	if testing.Short() {
		t.Skip("property test: skipped with -short")
	}
	setShapes()
	size, seeds := propgen.Plan(*propSeed, *propCases, *propLarge)
	start := time.Now()
	for _, seed := range seeds {
		if err := checkCase(t, seed, size); err != nil {
			t.Errorf("%v", err)
		}
	}
	t.Logf("%d cases in %s", len(seeds), time.Since(start).Round(time.Millisecond))
}

// TestPropertySoak is the long run (make soak): it carries on after a
// failure, reporting each failing seed and, at the end, the distinct
// failures (by their first line).
func TestPropertySoak(t *testing.T) {
	if *soakCases == 0 {
		t.Skip("soak: give -soak.cases N")
	}
	setShapes()
	start := time.Now()
	distinct := map[string][]uint64{}
	var order []string
	for i := range uint64(*soakCases) {
		seed := *soakFrom + i
		if err := checkCase(t, seed, propgen.Large); err != nil {
			key := signature(err.Error())
			if distinct[key] == nil {
				order = append(order, key)
				t.Errorf("%v", err)
			}
			distinct[key] = append(distinct[key], seed)
		}
		if (i+1)%500 == 0 {
			t.Logf("%d cases, %d distinct failures, %s", i+1, len(order), time.Since(start).Round(time.Second))
		}
	}
	t.Logf("%d cases in %s; %d distinct failures", *soakCases, time.Since(start).Round(time.Second), len(order))
	for _, k := range order {
		t.Logf("%d× (seeds %v): %s", len(distinct[k]), firstN(distinct[k], 10), k)
	}
}

func firstN(s []uint64, n int) []uint64 { return s[:min(n, len(s))] }

// signature is a failure's first line (and, for a command that failed, the
// first line of its stderr that is not a warning) with its numbers removed,
// so that the same defect on different figures counts once.
func signature(msg string) string {
	lines := strings.Split(msg, "\n")
	line := lines[0]
	if _, rest, ok := strings.Cut(line, ": "); ok {
		line = rest // drop "seed N"
	}
	if strings.HasPrefix(line, "paymodel ") {
		for _, l := range lines[1:] {
			if l = strings.TrimSpace(l); l != "" && !strings.Contains(l, "warning:") {
				line += " " + l
				break
			}
		}
	}
	var b strings.Builder
	digits := false
	for _, r := range line {
		if r >= '0' && r <= '9' || (digits && r == '.') {
			if !digits {
				b.WriteByte('#')
			}
			digits = true
			continue
		}
		digits = false
		b.WriteRune(r)
	}
	return b.String()
}

// checkCase generates the case for seed, runs it and checks every property.
// On failure it keeps the case's files and says how to reproduce it.
func checkCase(t *testing.T, seed uint64, size propgen.Size) (err error) {
	c := propgen.Generate(seed, size)
	work, err := os.MkdirTemp("", fmt.Sprintf("paymodel-prop-%d-", seed))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(work, "dataset")
	for name, data := range c.Files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	defer func() {
		if err == nil {
			if *propKeep {
				t.Logf("seed %d: kept in %s", seed, work)
			} else {
				os.RemoveAll(work)
			}
			return
		}
		large := ""
		if size == propgen.Large {
			large = " -prop.large"
		}
		if *shapes != "" {
			large += " -prop.shapes=" + *shapes
		}
		err = fmt.Errorf("seed %d: %w\n  case kept in %s (command.txt: the compare command)\n  reproduce: go test ./cmd/paymodel -run 'TestProperty$' -prop.seed=%d%s -v",
			seed, err, work, seed, large)
	}()
	cmd := "paymodel compare " + filepath.Join(work, "dataset") + " " + strings.Join(c.Args, " ") + "\n"
	if err := os.WriteFile(filepath.Join(work, "command.txt"), []byte(cmd), 0o644); err != nil {
		t.Fatal(err)
	}
	return runCase(c, dir, filepath.Join(work, "out"), seed%4 < pdfShare)
}

func runCase(c *propgen.Case, dir, out string, pdf bool) error {
	args := []string{"compare", dir, "--out", out}
	if c.Seed%3 == 0 {
		for _, o := range c.Offers {
			args = append(args, "--scenario", filepath.Join(dir, filepath.FromSlash(o)))
		}
	}
	args = append(args, c.Args...)
	if !pdf {
		args = append(args, "--no-pdf")
	}
	workbook := c.Seed%xlsxEvery == 0
	if !workbook {
		args = append(args, "--no-xlsx")
	}
	if err := runOK(args); err != nil {
		return err
	}
	if workbook {
		if _, _, err := checkTablesXLSX(out); err != nil {
			return err
		}
	} else if _, err := os.Stat(filepath.Join(out, "tables.xlsx")); err == nil {
		return fmt.Errorf("tables.xlsx written with --no-xlsx")
	}
	if c.Seed%8 == 0 {
		// Reproducible: the same inputs give byte-identical files.
		again := out + "-again"
		args2 := slices.Clone(args)
		args2[3] = again
		if err := runOK(args2); err != nil {
			return err
		}
		entries, err := os.ReadDir(out)
		if err != nil {
			return err
		}
		for _, e := range entries {
			a, errA := os.ReadFile(filepath.Join(out, e.Name()))
			b, errB := os.ReadFile(filepath.Join(again, e.Name()))
			if errA != nil || errB != nil || !bytes.Equal(a, b) {
				return fmt.Errorf("%s differs between two runs of the same compare (%v, %v)", e.Name(), errA, errB)
			}
		}
	}
	tables := map[string][][]string{}
	for _, name := range []string{"points.csv", "careers.csv", "summary.csv", "cost.csv"} {
		b, err := os.ReadFile(filepath.Join(out, name))
		if name == "cost.csv" && !c.HasCensus {
			if err == nil {
				return fmt.Errorf("cost.csv written without a census")
			}
			continue
		}
		if err != nil {
			return err
		}
		recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		tables[name] = recs
	}
	if _, err := os.Stat(filepath.Join(out, "comparison.pdf")); (err == nil) != pdf {
		return fmt.Errorf("comparison.pdf written: %v, want %v", err == nil, pdf)
	}
	checks := []func(*propgen.Case, map[string][][]string) error{checkCostSums, checkCostTotals, checkCareerSums, checkCareerSalaries, checkNullOffers}
	if !propgen.KnownDefectChangePct {
		checks = append(checks, checkChangePct)
	}
	for _, check := range checks {
		if err := check(c, tables); err != nil {
			return err
		}
	}

	years := []string{}
	if i := slices.Index(c.Args, "--years"); i >= 0 {
		years = c.Args[i : i+2]
	}
	if c.MemberID != "" {
		if err := runOK(append([]string{"statement", dir, "--id", c.MemberID, "--out", filepath.Join(out, "member.pdf")}, years...)); err != nil {
			return err
		}
	}
	flags := append([]string{"statement", dir, "--band", c.Band, "--point", c.Point, "--fte", c.FTE, "--out", filepath.Join(out, "flags.pdf")}, c.MemberArgs...)
	if err := runOK(append(flags, years...)); err != nil {
		return err
	}
	return runOK(append([]string{"briefing", dir, "--out", filepath.Join(out, "briefing.pdf")}, c.Args...))
}

// runOK runs paymodel in-process and requires exit status 0 and no panic.
func runOK(args []string) error {
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	for _, m := range panicMarkers {
		if strings.Contains(stderr.String(), m) {
			return fmt.Errorf("paymodel %s panicked (exit %d):\n%s", args[0], code, stderr.String())
		}
	}
	if code != 0 {
		return fmt.Errorf("paymodel %s exited %d:\n%s", args[0], code, stderr.String())
	}
	return nil
}

// table gives access to a CSV's cells by column name.
type table struct {
	col  map[string]int
	rows [][]string
}

func newTable(recs [][]string) table {
	t := table{col: map[string]int{}, rows: recs[1:]}
	for i, h := range recs[0] {
		t.col[h] = i
	}
	return t
}

func (t table) get(r []string, c string) string {
	i, ok := t.col[c]
	if !ok {
		panic("no column " + c)
	}
	return r[i]
}

func (t table) dec(r []string, c string) (decimal.Decimal, error) {
	v, err := decimal.NewFromString(t.get(r, c))
	if err != nil {
		return v, fmt.Errorf("%s %q: %v", c, t.get(r, c), err)
	}
	return v, nil
}

// checkCostSums: within each scenario and pay year of cost.csv, the last
// row is All, and each additive column of it is the exact sum of the band
// rows above it. Headcount is always shown; the money columns of a band the
// disclosure policy hides are blank, and then the column cannot be added up
// from the file (pkg/projection/property_test.go checks the unrounded sums).
func checkCostSums(c *propgen.Case, tabs map[string][][]string) error {
	recs, ok := tabs["cost.csv"]
	if !ok {
		return nil
	}
	t := newTable(recs)
	additive := []string{"headcount", "fte", "basic", "lump_sums", "oncosts", "total", "change", "drift", "cpd_time", "arrears"}
	for i := 0; i < len(t.rows); {
		key := t.get(t.rows[i], "scenario") + " year " + t.get(t.rows[i], "year")
		j := i
		for j < len(t.rows) && t.get(t.rows[j], "scenario")+" year "+t.get(t.rows[j], "year") == key {
			j++
		}
		all := t.rows[j-1]
		if t.get(all, "band") != "All" {
			return fmt.Errorf("cost.csv line %d: the last row of %s is %q, not All", j+1, key, t.get(all, "band"))
		}
	column:
		for _, col := range additive {
			sum := decimal.Zero
			for _, r := range t.rows[i : j-1] {
				if t.get(r, col) == "" {
					if col == "headcount" {
						return fmt.Errorf("cost.csv: %s %s: headcount is blank", key, t.get(r, "band"))
					}
					continue column
				}
				v, err := t.dec(r, col)
				if err != nil {
					return err
				}
				sum = sum.Add(v)
			}
			if t.get(all, col) == "" {
				continue // hidden (an All row of fewer than 5 people)
			}
			v, err := t.dec(all, col)
			if err != nil {
				return err
			}
			if !v.Equal(sum) {
				return fmt.Errorf("cost.csv line %d: %s All %s = %s, but the bands add up to %s", j+1, key, col, v, sum)
			}
		}
		i = j
	}
	return nil
}

// checkCostTotals: each cost.csv row's total is the sum of its parts.
func checkCostTotals(c *propgen.Case, tabs map[string][][]string) error {
	recs, ok := tabs["cost.csv"]
	if !ok {
		return nil
	}
	t := newTable(recs)
	for i, r := range t.rows {
		if t.get(r, "total") == "" {
			continue // hidden by the disclosure policy
		}
		sum := decimal.Zero
		for _, k := range []string{"basic", "lump_sums", "oncosts", "cpd_time"} {
			v, err := t.dec(r, k)
			if err != nil {
				return fmt.Errorf("cost.csv line %d: %v", i+2, err)
			}
			sum = sum.Add(v)
		}
		total, err := t.dec(r, "total")
		if err != nil {
			return fmt.Errorf("cost.csv line %d: %v", i+2, err)
		}
		if !total.Equal(sum) {
			return fmt.Errorf("cost.csv line %d: total %s ≠ basic + lump_sums + oncosts + cpd_time = %s", i+2, total, sum)
		}
	}
	return nil
}

// checkCareerSums: careers.csv's cumulative is the running sum of earnings,
// and summary.csv's career_earnings is the last cumulative.
func checkCareerSums(c *propgen.Case, tabs map[string][][]string) error {
	t := newTable(tabs["careers.csv"])
	last := map[string]decimal.Decimal{}
	years := map[string]int{}
	for i, r := range t.rows {
		key := t.get(r, "scenario") + "\x00" + t.get(r, "band")
		e, err := t.dec(r, "earnings")
		if err != nil {
			return err
		}
		cum, err := t.dec(r, "cumulative")
		if err != nil {
			return err
		}
		if want := last[key].Add(e); !cum.Equal(want) {
			return fmt.Errorf("careers.csv line %d: cumulative %s ≠ the earlier years' %s + this year's %s", i+2, cum, last[key], e)
		}
		last[key] = cum
		years[key]++
		if y := t.get(r, "year"); y != strconv.Itoa(years[key]) {
			return fmt.Errorf("careers.csv line %d: year %s, want %d", i+2, y, years[key])
		}
	}
	for key, n := range years {
		if n != c.Years {
			return fmt.Errorf("careers.csv: %q has %d years, want %d", key, n, c.Years)
		}
	}
	s := newTable(tabs["summary.csv"])
	for i, r := range s.rows {
		key := s.get(r, "scenario") + "\x00" + s.get(r, "band")
		e, err := s.dec(r, "career_earnings")
		if err != nil {
			return err
		}
		if !e.Equal(last[key]) {
			return fmt.Errorf("summary.csv line %d: career_earnings %s ≠ careers.csv's last cumulative %s", i+2, e, last[key])
		}
	}
	return nil
}

// checkCareerSalaries: on each pay-year start a career stands on a point of
// points.csv that date, is paid that point's salary or (on the top point
// only, protected) more, and never less than the band's entry point.
func checkCareerSalaries(c *propgen.Case, tabs map[string][][]string) error {
	p := newTable(tabs["points.csv"])
	type bandAt struct{ scenario, date, band string }
	salaries := map[bandAt][]string{} // labels in row order
	salary := map[string]decimal.Decimal{}
	for _, r := range p.rows {
		k := bandAt{p.get(r, "scenario"), p.get(r, "date"), p.get(r, "band")}
		s, err := p.dec(r, "salary")
		if err != nil {
			return err
		}
		salaries[k] = append(salaries[k], p.get(r, "point"))
		salary[fmt.Sprint(k, p.get(r, "point"))] = s
	}
	// A protected salary comes from a removed top point (or, in Current, a
	// point a later structure drops); it stays when a point is later added
	// above, until the person's point overtakes it.
	removes := map[string]bool{"Current": propgenLater(c)}
	for _, o := range c.Offers {
		removes[offerName(c.Files[o])] = bytes.Contains(c.Files[o], []byte("remove_points"))
	}
	t := newTable(tabs["careers.csv"])
	for i, r := range t.rows {
		band, label := t.get(r, "band"), t.get(r, "point")
		// After a pathway the point is written "Band 4 2" (labels have no
		// spaces; the longest band name that fits is the band).
		other := ""
		for _, b := range c.Bands {
			if b != band && strings.HasPrefix(label, b+" ") && len(b) > len(other) {
				other = b
			}
		}
		if other != "" {
			band, label = other, strings.TrimPrefix(label, other+" ")
		}
		k := bandAt{t.get(r, "scenario"), t.get(r, "date"), band}
		labels := salaries[k]
		if len(labels) == 0 {
			return fmt.Errorf("careers.csv line %d: points.csv has no %s on %s under %s", i+2, band, k.date, k.scenario)
		}
		if !slices.Contains(labels, label) {
			return fmt.Errorf("careers.csv line %d: point %q is not a point of %s on %s under %s (%v)", i+2, label, band, k.date, k.scenario, labels)
		}
		got, err := t.dec(r, "salary")
		if err != nil {
			return err
		}
		entry := salary[fmt.Sprint(k, labels[0])]
		own := salary[fmt.Sprint(k, label)]
		isTop := label == labels[len(labels)-1]
		switch {
		case got.LessThan(entry):
			return fmt.Errorf("careers.csv line %d: %s year %s salary %s is below %s's entry point %s", i+2, k.scenario, t.get(r, "year"), got, band, entry)
		case got.LessThan(own):
			return fmt.Errorf("careers.csv line %d: %s year %s salary %s is below its point %s's %s", i+2, k.scenario, t.get(r, "year"), got, label, own)
		case got.GreaterThan(own) && !isTop && !removes[k.scenario]:
			return fmt.Errorf("careers.csv line %d: %s year %s salary %s is above its point %s's %s, which is not the top, and nothing was removed", i+2, k.scenario, t.get(r, "year"), got, label, own)
		}
	}
	return nil
}

// checkNullOffers: an offer with nothing in it is Current under another name.
func checkNullOffers(c *propgen.Case, tabs map[string][][]string) error {
	if len(c.NullOffers) == 0 || propgenLater(c) {
		return nil
	}
	for _, path := range c.NullOffers {
		name := offerName(c.Files[path])
		for file, skip := range map[string][]string{
			"points.csv":  {"baseline_salary", "change", "change_pct"},
			"careers.csv": nil,
			"summary.csv": nil,
			"cost.csv":    {"change", "change_pct"},
		} {
			recs, ok := tabs[file]
			if !ok {
				continue
			}
			t := newTable(recs)
			rowsOf := func(sc string) []string {
				var out []string
				for _, r := range t.rows {
					if t.get(r, "scenario") != sc {
						continue
					}
					cells := slices.Clone(r)
					cells[t.col["scenario"]] = ""
					for _, s := range skip {
						cells[t.col[s]] = ""
					}
					out = append(out, strings.Join(cells, ","))
				}
				return out
			}
			cur, off := rowsOf("Current"), rowsOf(name)
			if len(off) == 0 {
				return fmt.Errorf("%s: no rows for %q", file, name)
			}
			if !slices.Equal(cur, off) {
				for i := range min(len(cur), len(off)) {
					if cur[i] != off[i] {
						return fmt.Errorf("%s: %q, which has no awards, differs from Current: %s vs %s", file, name, off[i], cur[i])
					}
				}
				return fmt.Errorf("%s: %q, which has no awards, has %d rows, Current %d", file, name, len(off), len(cur))
			}
		}
	}
	return nil
}

// propgenLater reports whether a structure is dated after the start: the
// offers do not use it, Current does, so they may differ.
func propgenLater(c *propgen.Case) bool {
	recs, _ := csv.NewReader(bytes.NewReader(c.Files["increments.csv"])).ReadAll()
	t := newTable(recs)
	for _, r := range t.rows {
		if d := t.get(r, "effective_from"); d != "" && d > c.Start {
			return true
		}
	}
	return false
}

func offerName(toml []byte) string {
	for _, line := range strings.Split(string(toml), "\n") {
		if v, ok := strings.CutPrefix(line, "name = "); ok {
			s, err := strconv.Unquote(v)
			if err == nil {
				return s
			}
		}
	}
	return ""
}

// checkChangePct: where Current has nobody in a band and year, change_pct
// does not exist and is blank (issue 9, defect 7).
func checkChangePct(c *propgen.Case, tabs map[string][][]string) error {
	recs, ok := tabs["cost.csv"]
	if !ok {
		return nil
	}
	t := newTable(recs)
	empty := map[string]bool{}
	for _, r := range t.rows {
		if t.get(r, "scenario") == "Current" {
			h, err := t.dec(r, "headcount")
			if err != nil {
				return err
			}
			empty[t.get(r, "year")+"\x00"+t.get(r, "band")] = h.IsZero()
		}
	}
	for i, r := range t.rows {
		if t.get(r, "scenario") != "Current" && empty[t.get(r, "year")+"\x00"+t.get(r, "band")] && t.get(r, "change_pct") != "" {
			return fmt.Errorf("cost.csv line %d: change_pct %q where Current has nobody in %s year %s; want a blank cell", i+2, t.get(r, "change_pct"), t.get(r, "band"), t.get(r, "year"))
		}
	}
	return nil
}

// TestPropertyChecksFail: each property check rejects a table that breaks
// it (hand-made tables, so that a check that can never fail is caught).
func TestPropertyChecksFail(t *testing.T) {
	parse := func(s string) [][]string {
		recs, err := csv.NewReader(strings.NewReader(s)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return recs
	}
	const costHead = "scenario,year,date,band,headcount,fte,basic,lump_sums,oncosts,total,change,change_pct,drift,cpd_time,arrears\n"
	const careersHead = "scenario,band,year,date,point,salary,earnings,cumulative\n"
	const pointsHead = "scenario,date,band,point,salary,baseline_salary,change,change_pct\n"
	c := &propgen.Case{Years: 2, Bands: []string{"A", "A B"}, Offers: []string{"offers/o.toml"},
		NullOffers: []string{"offers/o.toml"},
		Files:      map[string][]byte{"offers/o.toml": []byte("name = \"O\"\n"), "increments.csv": []byte("band,point,salary,effective_from\nA,1,100,\n")}}
	points := pointsHead + "Current,2025-04-01,A,1,100.00,,,\nCurrent,2025-04-01,A,2,200.00,,,\nCurrent,2026-04-01,A,1,100.00,,,\nCurrent,2026-04-01,A,2,200.00,,,\n" +
		"O,2025-04-01,A,1,100.00,,,\nO,2025-04-01,A,2,200.00,,,\nO,2026-04-01,A,1,100.00,,,\nO,2026-04-01,A,2,200.00,,,\n"
	careers := careersHead + "Current,A,1,2025-04-01,1,100.00,100.00,100.00\nCurrent,A,2,2026-04-01,2,200.00,200.00,300.00\n" +
		"O,A,1,2025-04-01,1,100.00,100.00,100.00\nO,A,2,2026-04-01,2,200.00,200.00,300.00\n"
	summary := "scenario,band,entry_salary,top_salary,years_to_top,career_earnings\nCurrent,A,100.00,200.00,1.00,300.00\nO,A,100.00,200.00,1.00,300.00\n"
	good := map[string]string{"points.csv": points, "careers.csv": careers, "summary.csv": summary,
		"cost.csv": costHead + "Current,1,2025-04-01,A,5.00,5.00,10.00,1.00,2.00,13.00,0.00,,0.00,0.00,0.00\nCurrent,1,2025-04-01,All,5.00,5.00,10.00,1.00,2.00,13.00,0.00,,0.00,0.00,0.00\n" +
			"O,1,2025-04-01,A,5.00,5.00,10.00,1.00,2.00,13.00,0.00,0.00,0.00,0.00,0.00\nO,1,2025-04-01,All,5.00,5.00,10.00,1.00,2.00,13.00,0.00,0.00,0.00,0.00,0.00\n"}
	tabs := func(change map[string]string) map[string][][]string {
		out := map[string][][]string{}
		for k, v := range good {
			if w, ok := change[k]; ok {
				v = w
			}
			out[k] = parse(v)
		}
		return out
	}
	for _, check := range []func(*propgen.Case, map[string][][]string) error{checkCostSums, checkCostTotals, checkCareerSums, checkCareerSalaries, checkNullOffers, checkChangePct} {
		if err := check(c, tabs(nil)); err != nil {
			t.Fatalf("good tables: %v", err)
		}
	}
	for _, tc := range []struct {
		name  string
		check func(*propgen.Case, map[string][][]string) error
		file  string
		text  string
		want  string
	}{
		{"All is not the sum", checkCostSums, "cost.csv", costHead + "Current,1,2025-04-01,A,5.00,5.00,10.00,1.00,2.00,13.00,0.00,,0.00,0.00,0.00\nCurrent,1,2025-04-01,All,5.00,5.00,10.01,1.00,2.00,13.00,0.00,,0.00,0.00,0.00\n", "All basic = 10.01, but the bands add up to 10"},
		{"total is not the parts", checkCostTotals, "cost.csv", costHead + "Current,1,2025-04-01,A,5.00,5.00,10.00,1.00,2.00,13.01,0.00,,0.00,0.00,0.00\n", "total 13.01"},
		{"cumulative is not the running sum", checkCareerSums, "careers.csv", strings.Replace(careers, "200.00,300.00\nO", "200.00,300.01\nO", 1), "cumulative 300.01"},
		{"summary is not the last cumulative", checkCareerSums, "summary.csv", strings.Replace(summary, "O,A,100.00,200.00,1.00,300.00", "O,A,100.00,200.00,1.00,299.00", 1), "career_earnings 299"},
		{"salary below the entry point", checkCareerSalaries, "careers.csv", strings.Replace(careers, "O,A,1,2025-04-01,1,100.00", "O,A,1,2025-04-01,1,99.00", 1), "below A's entry point"},
		{"salary above a point that is not the top", checkCareerSalaries, "careers.csv", strings.Replace(careers, "O,A,1,2025-04-01,1,100.00", "O,A,1,2025-04-01,1,150.00", 1), "which is not the top"},
		{"point not in points.csv", checkCareerSalaries, "careers.csv", strings.Replace(careers, "O,A,1,2025-04-01,1,", "O,A,1,2025-04-01,7,", 1), `point "7" is not a point`},
		{"null offer differs from Current", checkNullOffers, "points.csv", strings.Replace(points, "O,2026-04-01,A,2,200.00", "O,2026-04-01,A,2,201.00", 1), "differs from Current"},
		{"change_pct where Current has nobody", checkChangePct, "cost.csv", costHead + "Current,1,2025-04-01,A,0.00,0.00,0.00,0.00,0.00,0.00,0.00,,0.00,0.00,0.00\nO,1,2025-04-01,A,1.00,1.00,10.00,0.00,0.00,10.00,10.00,0.00,0.00,0.00,0.00\n", "want a blank cell"},
	} {
		err := tc.check(c, tabs(map[string]string{tc.file: tc.text}))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error containing %q", tc.name, err, tc.want)
		}
	}
}

func TestSignature(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"seed 12: cost.csv line 40: Offer 1 year 3 All fte = 0.26, but the bands add up to 0.25\n  case kept in /tmp/x",
			"cost.csv line #: Offer # year # All fte = #, but the bands add up to #"},
		{"seed 7: paymodel compare panicked (exit 1):\npaymodel: warning: 3 people\npaymodel: internal error: runtime error: index out of range [4] with length 4\n",
			"paymodel compare panicked (exit #): paymodel: internal error: runtime error: index out of range [#] with length #"},
	} {
		if got := signature(tc.in); got != tc.want {
			t.Errorf("signature(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
