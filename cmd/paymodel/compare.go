package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/shopspring/decimal"

	"paymodel/pkg/analysis"
	"paymodel/pkg/money"
	"paymodel/pkg/outfile"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/report"
	"paymodel/pkg/report/content"
)

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string     { return fmt.Sprint(*s) }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// compareFlags are the options shared by compare and the reports built on it.
type compareFlags struct {
	scenarios stringList
	years     int
	cpdHours  string
	turnover  string
}

func (f *compareFlags) declare(fs *flag.FlagSet) {
	f.declareScenarios(fs)
	fs.StringVar(&f.cpdHours, "cpd-hours", "", "CPD `HOURS` a year of the new entrant in careers.csv (default: enough to meet every requirement)")
	fs.StringVar(&f.turnover, "turnover", "0%", "share of each census group leaving each pay year, replaced by new entrants, e.g. 8%")
}

// declareScenarios declares the flags choosing the scenarios and horizon.
func (f *compareFlags) declareScenarios(fs *flag.FlagSet) {
	fs.Var(&f.scenarios, "scenario", "scenario `FILE` to compare (repeatable; default: every DATASET/offers/*.toml)")
	fs.IntVar(&f.years, "years", 0, "horizon in pay `YEARS` (default: the longest scenario's years, or 10)")
}

// loadTimelines loads the dataset named by arg and applies the chosen
// scenarios: Current first, then each scenario.
func (f *compareFlags) loadTimelines(e *env, arg string) (*source, *paystructure.Dataset, []*paystructure.Timeline, error) {
	src, ds, err := loadDataset(e, arg)
	if err != nil {
		return nil, nil, nil, err
	}
	files, err := readScenarios(src, f.scenarios)
	if err != nil {
		return nil, nil, nil, err
	}
	scs, err := parseScenarios(files)
	if err != nil {
		return nil, nil, nil, err
	}
	tls, err := timelines(ds, scs, f.years)
	if err != nil {
		return nil, nil, nil, err
	}
	return src, ds, tls, nil
}

// analyse loads the dataset and scenarios and runs the comparison.
func (f *compareFlags) analyse(e *env, cmd string, args []string) (*analysis.Result, *source, error) {
	arg, err := datasetArg(cmd, args)
	if err != nil {
		return nil, nil, err
	}
	if f.years < 0 || f.years > 50 {
		return nil, nil, usageErrorf("%s: --years %d: must be between 1 and 50", cmd, f.years)
	}
	var opt analysis.Options
	if f.cpdHours != "" {
		h, err := money.ParseNumber(f.cpdHours)
		if err != nil {
			return nil, nil, usageErrorf("%s: --cpd-hours %q: %v", cmd, f.cpdHours, err)
		}
		opt.CPDHours = &h
	}
	t, err := money.ParseRate(f.turnover)
	if err != nil {
		return nil, nil, usageErrorf("%s: --turnover %q: %v", cmd, f.turnover, err)
	}
	if t.IsNegative() || t.GreaterThan(decimal.NewFromInt(1)) {
		return nil, nil, usageErrorf("%s: --turnover %q: must be between 0%% and 100%%", cmd, f.turnover)
	}
	opt.Turnover = t
	src, ds, tls, err := f.loadTimelines(e, arg)
	if err != nil {
		return nil, nil, err
	}
	if err := identifyingAttributes(ds); err != nil {
		return nil, nil, err
	}
	res, err := analysis.Run(e.ctx, ds, tls, opt)
	if err != nil {
		return nil, nil, err
	}
	if err := analysis.Check(res); err != nil {
		return nil, nil, err
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(e.stderr, "paymodel: warning: %s\n", w)
	}
	return res, src, nil
}

func init() {
	commands = append(commands, &command{
		name:    "compare",
		args:    "[DATASET] [--scenario FILE]... [--years N] [--cpd-hours H] [--turnover R] [--out DIR]",
		summary: "compare Current with pay offers: points, careers, years to top, costs, equality",
		detail: `Applies every scenario in DATASET/offers/ (or only the --scenario files
given) and compares each with Current, the dataset's structure carried
forward with no award. Writes into DIR (default reports/<dataset>/):
  points.csv, careers.csv, summary.csv                  always
  cost.csv, distribution.csv, equality.csv             when the dataset has a census
  comparison.pdf                                       the negotiators' report
and prints a side-by-side summary. Every file is written to a temporary name
and renamed only when the whole run has succeeded; scenario errors stop the
run before anything is written (exit 2).`,
		setup: func(fs *flag.FlagSet, e *env) func([]string) error {
			var f compareFlags
			f.declare(fs)
			out := fs.String("out", "", "output `DIR` (default reports/<dataset>)")
			noPDF := fs.Bool("no-pdf", false, "write the CSV tables only")
			return func(args []string) error {
				defer lessGC()()
				res, src, err := f.analyse(e, "compare", args)
				if err != nil {
					return err
				}
				dir := *out
				if dir == "" {
					dir = filepath.Join("reports", src.name)
				}
				tables := content.CompareTables(res)
				batch := outfile.NewBatch()
				defer batch.Abort()
				for _, t := range tables {
					t := t
					if err := batch.Write(filepath.Join(dir, t.Name), outfile.PublicFile, outfile.PublicDir, func(w io.Writer) error {
						return report.WriteCSV(w, t)
					}); err != nil {
						return err
					}
					if err := e.ctx.Err(); err != nil {
						return err
					}
				}
				if !*noPDF {
					doc := content.Comparison(res, docMeta(res.Dataset, "Pay comparison"))
					if err := writePDF(batch, filepath.Join(dir, "comparison.pdf"), outfile.PublicFile, outfile.PublicDir, doc); err != nil {
						return err
					}
				}
				if err := e.ctx.Err(); err != nil {
					return err
				}
				if err := batch.Commit(); err != nil {
					return err
				}
				content.WriteCompareSummary(e.stdout, res)
				fmt.Fprintf(e.stdout, "\nWrote %s\n", dir)
				return nil
			}
		},
	})
}

// lessGC has the garbage collector run a fifth as often until the returned
// function is called, unless GOGC or GOMEMLIMIT says how it should run. A
// compare run reads the census once, making garbage fast (a string per
// census row) while keeping little, so the collector's default pace spends
// more time marking than the memory saved is worth: a 1M-row census runs
// ~7% quicker and peaks at ~95 MiB instead of ~85. A soft limit of 1 GiB
// keeps a census of millions of rows from growing five-fold regardless.
func lessGC() (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	gc := debug.SetGCPercent(400)
	limit := debug.SetMemoryLimit(1 << 30)
	return func() {
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	}
}
