package main

import (
	"flag"

	"paymodel/pkg/dataset"
)

// validateCmd is paymodel validate: load a dataset and print its summary.
type validateCmd struct{}

func (*validateCmd) Name() string { return "validate" }

func (*validateCmd) Help() help {
	return help{
		args:    "[DATASET]",
		summary: "check a dataset and print a summary of its bands and census",
		detail: `Loads every CSV file of DATASET, reports every problem found (file, line,
column, value and what was expected), and prints the bands with their point
count, entry and top salary and normal years to top, the structure dates, and
headcount and FTE by band when there is a census.
Exit 0 when the dataset is valid, 2 when it is not.`,
	}
}

func (*validateCmd) Flags(*flag.FlagSet) {}

func (*validateCmd) Run(e *env, args []string) error {
	arg, err := datasetArg("validate", args)
	if err != nil {
		return err
	}
	_, ds, err := loadDataset(e, arg)
	if err != nil {
		return err
	}
	return dataset.WriteSummary(e.stdout, ds)
}
