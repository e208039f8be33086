package main

import (
	"flag"
	"fmt"

	"paymodel/pkg/calendar"
	"paymodel/pkg/scenario"
)

// explainCmd is paymodel explain: the steps behind one point's salary on
// one date.
type explainCmd struct {
	scenario string
	band     string
	point    string
	date     string
}

func (*explainCmd) Name() string { return "explain" }

func (*explainCmd) Help() help {
	return help{
		args:    "[DATASET] --scenario FILE --band B --point P --date YYYY-MM-DD",
		summary: "show how a scenario produced the salary of one point on one date",
		detail: `Prints the chain of steps behind a salary: the base value from the dataset,
each award with its arithmetic and the line of the scenario file it came
from, and the rounding, e.g.
  £37,500.00 × 1.04 = £39,000.00 → rounded to the pound £39,000 (award 1, offer.toml:9)
Without --scenario it explains the Current baseline.`,
	}
}

func (c *explainCmd) Flags(fs *flag.FlagSet) {
	fs.StringVar(&c.scenario, "scenario", "", "scenario `FILE` (default: the Current baseline)")
	fs.StringVar(&c.band, "band", "", "band name, e.g. \"Band 4\" (required)")
	fs.StringVar(&c.point, "point", "", "point label (required)")
	fs.StringVar(&c.date, "date", "", "date `YYYY-MM-DD` (default: the scenario's start)")
}

func (c *explainCmd) Run(e *env, args []string) error {
	arg, err := datasetArg("explain", args)
	if err != nil {
		return err
	}
	if c.band == "" || c.point == "" {
		return usageErrorf("explain: --band and --point are required (see paymodel explain --help)")
	}
	src, ds, err := loadDataset(e, arg)
	if err != nil {
		return err
	}
	var scs []*scenario.Scenario
	if c.scenario != "" {
		sf, err := readScenarios(src, []string{c.scenario})
		if err != nil {
			return err
		}
		if scs, err = parseScenarios(sf); err != nil {
			return err
		}
	}
	tls, err := timelines(ds, scs, 0)
	if err != nil {
		return err
	}
	tl := tls[len(tls)-1]
	m := tl.Start
	if c.date != "" {
		d, err := calendar.Parse(c.date)
		if err != nil {
			return usageErrorf("explain: --date %q: %v", c.date, err)
		}
		m = calendar.Of(d)
		if m < tl.Start || m >= tl.End() {
			return usageErrorf("explain: --date %s is outside the scenario's horizon (%s to %s)", c.date, tl.Start.First(), (tl.End() - 1).First())
		}
	}
	steps, err := scenario.Explain(tl, c.band, c.point, m)
	if err != nil {
		return badInput(err)
	}
	fmt.Fprintf(e.stdout, "%s — %s point %s on %s\n", tl.Scenario, c.band, c.point, m.First())
	return scenario.WriteExplanation(e.stdout, steps)
}
