package main

import (
	"flag"
	"fmt"
	"strings"

	"paymodel/pkg/analysis"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/scenario"
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
	measures  measureFlags // --index and --base (compare, briefing)
	// equalityAttrs and references choose the pay gap measures' groups
	// (declarePayGap).
	equalityAttrs stringList
	references    stringList
}

// declarePayGap declares the flags choosing what the pay gap measures
// compare beyond sex.
func (f *compareFlags) declarePayGap(fs *flag.FlagSet) {
	fs.Var(&f.equalityAttrs, "equality-attribute", "census `COLUMN` whose groups' pay gaps to measure besides ethnicity and disability (repeatable)")
	fs.Var(&f.references, "reference", "`COLUMN=VALUE`: the group whose pay the column's other groups are compared with in paygap.csv (repeatable; default White for ethnicity, Not disabled for disability, else the largest group)")
}

// payGapOptions reads the pay gap flags and checks them against census:
// a malformed --reference, or a column or value the census lacks, is bad
// input.
func (f *compareFlags) payGapOptions(cmd string, census *paystructure.Census) (analysis.PayGapOptions, error) {
	opt := analysis.PayGapOptions{Attributes: f.equalityAttrs}
	for _, r := range f.references {
		col, val, ok := strings.Cut(r, "=")
		if !ok || strings.TrimSpace(col) == "" || strings.TrimSpace(val) == "" {
			return opt, usageErrorf("%s: --reference %q: write COLUMN=VALUE, e.g. ethnicity=White", cmd, r)
		}
		if opt.References == nil {
			opt.References = map[string]string{}
		}
		opt.References[strings.TrimSpace(col)] = strings.TrimSpace(val)
	}
	if err := analysis.CheckPayGapOptions(census, opt); err != nil {
		return opt, badInput(fmt.Errorf("%s: %w", cmd, err))
	}
	return opt, nil
}

func (f *compareFlags) declare(fs *flag.FlagSet) {
	f.declareScenarios(fs)
	f.declareAssumptions(fs)
}

// declareAssumptions declares the flags of the comparison's assumptions
// (options): --cpd-hours and --turnover.
func (f *compareFlags) declareAssumptions(fs *flag.FlagSet) {
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

// options checks --years and returns the comparison's assumptions from
// --cpd-hours and --turnover.
func (f *compareFlags) options(cmd string) (analysis.Options, error) {
	var opt analysis.Options
	if f.years < 0 || f.years > scenario.MaxYears { // 0: the scenarios' own
		return opt, usageErrorf("%s: --years %d: must be between %d and %d", cmd, f.years, scenario.MinYears, scenario.MaxYears)
	}
	if f.cpdHours != "" {
		h, err := money.ParseNumber(f.cpdHours)
		if err != nil {
			return opt, usageErrorf("%s: --cpd-hours %q: %v", cmd, f.cpdHours, err)
		}
		opt.CPDHours = &h
	}
	t, err := money.ParseShare(f.turnover)
	if err != nil {
		return opt, usageErrorf("%s: --turnover %q: %v", cmd, f.turnover, err)
	}
	opt.Turnover = t
	return opt, nil
}

// analyse loads the dataset and scenarios and runs the comparison.
func (f *compareFlags) analyse(e *env, cmd string, args []string) (*analysis.Result, *source, error) {
	arg, err := datasetArg(cmd, args)
	if err != nil {
		return nil, nil, err
	}
	opt, err := f.options(cmd)
	if err != nil {
		return nil, nil, err
	}
	if err := f.measures.apply(cmd, &opt); err != nil {
		return nil, nil, err
	}
	src, ds, tls, err := f.loadTimelines(e, arg)
	if err != nil {
		return nil, nil, err
	}
	if err := identifyingAttributes(ds); err != nil {
		return nil, nil, err
	}
	if opt.PayGap, err = f.payGapOptions(cmd, ds.Census); err != nil {
		return nil, nil, err
	}
	res, err := analysis.Run(e.ctx, ds, tls, opt)
	if err != nil {
		return nil, nil, f.measures.runError(cmd, err)
	}
	if err := analysis.Check(res); err != nil {
		return nil, nil, err
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(e.stderr, "paymodel: warning: %s\n", w)
	}
	return res, src, nil
}
