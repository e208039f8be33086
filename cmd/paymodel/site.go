package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"paymodel/pkg/outfile"
	"paymodel/pkg/scenario"
	"paymodel/pkg/site"
)

// siteCmd is paymodel site: the member calculator, one HTML page.
type siteCmd struct {
	opts compareFlags
	out  string
}

func (*siteCmd) Name() string { return "site" }

func (*siteCmd) Help() help {
	return help{
		args:    "[DATASET] [--scenario FILE]... [--years N] [--out DIR]",
		summary: "write the member calculator: one self-contained web page (index.html)",
		detail: `A member picks their band and point, their FTE or weekly hours, and
optionally the date they reached their point and their CPD hours, and sees
their full-time salary and pay for each pay year under Current and each
offer, to the penny the same as paymodel statement. The page is one file
with its script, styles and data inline: it works opened from disk and from
any static web host, loads nothing from the network and holds nothing from
the census. Publish it by copying DIR/index.html.`,
	}
}

func (c *siteCmd) Flags(fs *flag.FlagSet) {
	c.opts.declareScenarios(fs)
	fs.StringVar(&c.out, "out", "", "output `DIR` (default reports/<dataset>/site)")
}

func (c *siteCmd) Run(e *env, args []string) error {
	arg, err := datasetArg("site", args)
	if err != nil {
		return err
	}
	if c.opts.years < 0 || c.opts.years > scenario.MaxYears { // 0: the scenarios' own
		return usageErrorf("site: --years %d: must be between %d and %d", c.opts.years, scenario.MinYears, scenario.MaxYears)
	}
	src, ds, tls, err := c.opts.loadTimelines(e, arg)
	if err != nil {
		return err
	}
	data, err := site.Build(ds, tls, buildVersion())
	if err != nil {
		return err
	}
	dir := c.out
	if dir == "" {
		dir = filepath.Join("reports", src.name, "site")
	}
	path := filepath.Join(dir, "index.html")
	if err := src.checkOut("--out", path); err != nil {
		return err
	}
	batch := outfile.NewBatch()
	defer batch.Abort()
	if err := batch.Write(path, outfile.PublicFile, outfile.PublicDir, func(w io.Writer) error { return site.Write(w, data) }); err != nil {
		return err
	}
	if err := batch.Commit(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Wrote %s\n", path)
	return nil
}
