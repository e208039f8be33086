package main

import (
	"errors"
	"flag"

	"paymodel/pkg/analysis"
	"paymodel/pkg/calendar"
)

// measureFlags are the price-measure options of compare and briefing.
type measureFlags struct {
	index string
	base  string
}

func (f *measureFlags) declare(fs *flag.FlagSet) {
	fs.StringVar(&f.index, "index", "", "price-index `SERIES` of inflation.csv for the headline figures, e.g. RPI (default: the file's first series)")
	fs.StringVar(&f.base, "base", "", "`DATE` whose prices realterms.csv is at and from which the uplift to restore pay is measured (default: the horizon's start; the restore: each band's earliest structure)")
}

// apply sets opt's Index and Base; a --base that is not a date is a usage
// error.
func (f *measureFlags) apply(cmd string, opt *analysis.Options) error {
	opt.Index = f.index
	if f.base == "" {
		return nil
	}
	d, err := calendar.Parse(f.base)
	if err != nil {
		return usageErrorf("%s: --base %q: %v", cmd, f.base, err)
	}
	opt.Base = d
	return nil
}

// runError makes an --index naming no series of the dataset a usage error.
func (f *measureFlags) runError(cmd string, err error) error {
	var ue *analysis.UnknownIndexError
	if errors.As(err, &ue) {
		return usageErrorf("%s: %v", cmd, err)
	}
	return err
}
