// Command gencensus writes a synthetic staff census (staff.csv) for a pay
// structure, deterministically: the same flags always give the same bytes.
//
//	gencensus -dataset probation -n 20000 -seed 20250401 -out scenarios/probation/staff.csv
//	gencensus -dataset probation -n 1000000 -out /tmp/census-1m.csv
//	gencensus -dataset nhs-afc -weights "Band 5=40,Band 6=30" -n 5000
//	gencensus -dataset path/to/dataset -asat 2026-03-31 -prefix X
//
// -dataset is a built-in spec (probation: the band weights and census date
// of the sample dataset), a built-in dataset of package scenarios, or a
// dataset folder. For a dataset (not a built-in spec) the latest structure
// in increments.csv is used, bands are weighted equally unless -weights says
// otherwise, and points by synth.TopHeavyWeights. See package synth for what
// each column contains.
package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"

	"paymodel/pkg/calendar"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/synth"
	"paymodel/scenarios"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "gencensus:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("gencensus", flag.ContinueOnError)
	dataset := fl.String("dataset", "probation", "built-in spec ("+strings.Join(synth.Builtins(), ", ")+"), built-in dataset ("+strings.Join(scenarios.Datasets(), ", ")+") or dataset folder")
	n := fl.Int("n", synth.ProbationRows, "number of people")
	seed := fl.Uint64("seed", synth.ProbationSeed, "random seed")
	out := fl.String("out", "", "output file (default standard output)")
	weights := fl.String("weights", "", `band weights for a dataset, e.g. "Band 2=3000,Band 3=7500" (default: equal)`)
	asAt := fl.String("asat", "", "census date YYYY-MM-DD for a dataset (default: the day before the latest structure's first anniversary)")
	prefix := fl.String("prefix", "", "id prefix (default: the spec's)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fl.Arg(0))
	}
	spec, err := loadSpec(*dataset, *weights, *asAt)
	if err != nil {
		return err
	}
	if *prefix != "" {
		spec.IDPrefix = *prefix
	}
	if *out == "" {
		return synth.Census(stdout, spec, *n, *seed)
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if err := synth.Census(f, spec, *n, *seed); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func loadSpec(name, weights, asAt string) (synth.Spec, error) {
	if spec, ok := synth.Builtin(name); ok {
		if weights != "" || asAt != "" {
			return synth.Spec{}, fmt.Errorf("-weights and -asat apply to datasets, not the built-in spec %q", name)
		}
		return spec, nil
	}
	var fsys fs.FS
	if slices.Contains(scenarios.Datasets(), name) {
		var err error
		if fsys, err = scenarios.FS(name); err != nil {
			return synth.Spec{}, err
		}
	} else if st, err := os.Stat(name); err == nil && st.IsDir() {
		fsys = os.DirFS(name)
	} else {
		return synth.Spec{}, fmt.Errorf("-dataset %q is neither a built-in name nor a folder", name)
	}
	bands, structure, err := readStructure(fsys)
	if err != nil {
		return synth.Spec{}, fmt.Errorf("%s: %w", name, err)
	}
	w, err := parseWeights(weights)
	if err != nil {
		return synth.Spec{}, err
	}
	var date calendar.Date
	if asAt != "" {
		if date, err = calendar.Parse(asAt); err != nil {
			return synth.Spec{}, fmt.Errorf("-asat: %w", err)
		}
	} else {
		// The day before the structure's first anniversary: everyone is
		// about to reach the next progression date.
		m := calendar.Of(structure.EffectiveFrom) + 11
		date = m.First()
		date.Day = calendar.DaysIn(date.Year, date.Month)
	}
	base := name[strings.LastIndexAny(name, `/\`)+1:]
	return synth.FromStructure(base, bands, structure, w, date)
}

func parseWeights(s string) (map[string]int, error) {
	w := map[string]int{}
	if s == "" {
		return w, nil
	}
	for _, part := range strings.Split(s, ",") {
		band, num, ok := strings.Cut(part, "=")
		v, err := strconv.Atoi(strings.TrimSpace(num))
		if !ok || err != nil || v < 0 {
			return nil, fmt.Errorf("-weights: %q is not BAND=WEIGHT with a whole number weight", part)
		}
		w[strings.TrimSpace(band)] = v
	}
	return w, nil
}

// readStructure reads just what the generator needs from a dataset's
// bands.csv and increments.csv: band names, order and progression, and the
// points of the latest structure. It is deliberately minimal; package
// dataset is the validating loader.
func readStructure(fsys fs.FS) ([]paystructure.Band, paystructure.Structure, error) {
	var none paystructure.Structure
	brows, err := readCSV(fsys, "bands.csv")
	if err != nil {
		return nil, none, err
	}
	var bands []paystructure.Band
	for _, r := range brows {
		b := paystructure.Band{Name: r["band"], Title: r["title"]}
		if b.Order, err = strconv.Atoi(r["order"]); r["order"] != "" && err != nil {
			return nil, none, fmt.Errorf("bands.csv: band %q: order %q is not a whole number", b.Name, r["order"])
		}
		switch p := r["progression"]; p {
		case "", "anniversary":
			b.Progression.Kind = paystructure.Anniversary
		default:
			on, err := calendar.ParseAnnual(p)
			if err != nil {
				return nil, none, fmt.Errorf("bands.csv: band %q: progression %q: %w", b.Name, p, err)
			}
			b.Progression = paystructure.Progression{Kind: paystructure.FixedDate, On: on, QualifyingMonths: paystructure.DefaultQualifyingMonths}
			if q := r["qualifying_months"]; q != "" {
				if b.Progression.QualifyingMonths, err = strconv.Atoi(q); err != nil {
					return nil, none, fmt.Errorf("bands.csv: band %q: qualifying_months %q is not a whole number", b.Name, q)
				}
			}
		}
		bands = append(bands, b)
	}
	slices.SortStableFunc(bands, func(a, b paystructure.Band) int { return a.Order - b.Order })

	irows, err := readCSV(fsys, "increments.csv")
	if err != nil {
		return nil, none, err
	}
	var latest calendar.Date
	for _, r := range irows {
		if d, err := calendar.Parse(r["effective_from"]); err == nil && latest.Before(d) {
			latest = d
		}
	}
	s := paystructure.Structure{EffectiveFrom: latest}
	for _, b := range bands {
		sc := paystructure.Scale{Band: b.Name}
		for _, r := range irows {
			if r["band"] != b.Name || (r["effective_from"] != "" && r["effective_from"] != latest.String()) {
				continue
			}
			p := paystructure.Point{Label: r["point"], Months: paystructure.DefaultPointMonths}
			if p.Salary, err = money.ParseAmount(r["salary"]); err != nil {
				return nil, none, fmt.Errorf("increments.csv: %s point %s: salary: %w", b.Name, p.Label, err)
			}
			if m := r["months"]; m != "" {
				if p.Months, err = strconv.Atoi(m); err != nil {
					return nil, none, fmt.Errorf("increments.csv: %s point %s: months %q is not a whole number", b.Name, p.Label, m)
				}
			}
			sc.Points = append(sc.Points, p)
		}
		slices.SortStableFunc(sc.Points, func(a, b paystructure.Point) int { return a.Salary.Cmp(b.Salary) })
		if len(sc.Points) > 0 {
			s.Scales = append(s.Scales, sc)
		}
	}
	if len(s.Scales) == 0 {
		return nil, none, errors.New("increments.csv: no points")
	}
	return bands, s, nil
}

func readCSV(fsys fs.FS, name string) ([]map[string]string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	records, err := csv.NewReader(bufio.NewReader(f)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(records) == 0 {
		return nil, fmt.Errorf("%s: empty", name)
	}
	header := records[0]
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	var rows []map[string]string
	for _, rec := range records[1:] {
		row := map[string]string{}
		for i, h := range header {
			row[strings.TrimSpace(h)] = strings.TrimSpace(rec[i])
		}
		rows = append(rows, row)
	}
	return rows, nil
}
