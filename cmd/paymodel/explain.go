package main

import (
	"flag"
	"fmt"

	"paymodel/pkg/calendar"
	"paymodel/pkg/scenario"
)

func init() {
	commands = append(commands, &command{
		name:    "explain",
		args:    "[DATASET] --scenario FILE --band B --point P --date YYYY-MM-DD",
		summary: "show how a scenario produced the salary of one point on one date",
		detail: `Prints the chain of steps behind a salary: the base value from the dataset,
each award with its arithmetic and the line of the scenario file it came
from, and the rounding, e.g.
  £37,500.00 × 1.04 = £39,000.00 → rounded to the pound £39,000 (award 1, offer.toml:9)
Without --scenario it explains the Current baseline.`,
		setup: func(fs *flag.FlagSet, e *env) func([]string) error {
			file := fs.String("scenario", "", "scenario `FILE` (default: the Current baseline)")
			band := fs.String("band", "", "band name, e.g. \"Band 4\" (required)")
			point := fs.String("point", "", "point label (required)")
			date := fs.String("date", "", "date `YYYY-MM-DD` (default: the scenario's start)")
			return func(args []string) error {
				arg, err := datasetArg("explain", args)
				if err != nil {
					return err
				}
				if *band == "" || *point == "" {
					return usageErrorf("explain: --band and --point are required (see paymodel explain --help)")
				}
				src, ds, err := loadDataset(e, arg)
				if err != nil {
					return err
				}
				var files []string
				if *file != "" {
					files = []string{*file}
				}
				var scs []*scenario.Scenario
				if len(files) > 0 {
					sf, err := readScenarios(src, files)
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
				if *date != "" {
					d, err := calendar.Parse(*date)
					if err != nil {
						return usageErrorf("explain: --date %q: %v", *date, err)
					}
					m = calendar.Of(d)
					if m < tl.Start || m >= tl.End() {
						return usageErrorf("explain: --date %s is outside the scenario's horizon (%s to %s)", *date, tl.Start.First(), (tl.End() - 1).First())
					}
				}
				steps, err := scenario.Explain(tl, *band, *point, m)
				if err != nil {
					return badInput(err)
				}
				fmt.Fprintf(e.stdout, "%s — %s point %s on %s\n", tl.Scenario, *band, *point, m.First())
				return scenario.WriteExplanation(e.stdout, steps)
			}
		},
	})
}
