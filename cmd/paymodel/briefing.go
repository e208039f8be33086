package main

import (
	"flag"
	"fmt"
	"path/filepath"

	"paymodel/pkg/outfile"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/report/content"
)

// briefingCmd is paymodel briefing: the campaign briefing PDF.
type briefingCmd struct {
	opts    compareFlags
	compare stringList
	out     string
}

func (*briefingCmd) Name() string { return "briefing" }

func (*briefingCmd) Help() help {
	return help{
		args:    "[DATASET] [--compare DATASET]... [--scenario FILE]... [--out FILE]",
		summary: "write the campaign briefing (PDF): real-terms pay, years to top, offers against inflation",
		detail: `Two to four pages that make the case at a glance: headline figures, the
real-terms change of each band's entry and top salary since the dataset's
earliest structure under every price series of inflation.csv side by side
(--index picks the headline one), the uplift that would restore each band's
top to its value at --base and the days worked unpaid, years to the top of
each band against the --compare structures (for example nhs-afc), each
offer's rise against inflation and its real-terms change over the deal,
and the points below each wage floor of floors.csv.`,
	}
}

func (c *briefingCmd) Flags(fs *flag.FlagSet) {
	c.opts.declare(fs)
	c.opts.measures.declare(fs)
	fs.Var(&c.compare, "compare", "another `DATASET` to compare years to top with (repeatable), e.g. nhs-afc")
	fs.StringVar(&c.out, "out", "", "output `FILE` (default reports/<dataset>/briefing.pdf)")
}

func (c *briefingCmd) Run(e *env, args []string) error {
	if err := checkOutFile("briefing", c.out); err != nil {
		return err
	}
	res, src, err := c.opts.analyse(e, "briefing", args)
	if err != nil {
		return err
	}
	var others []*paystructure.Dataset
	for _, name := range c.compare {
		csrc, err := openSource(name)
		if err != nil {
			return err
		}
		ods, err := csrc.load(e)
		if err != nil {
			return err
		}
		others = append(others, ods)
	}
	path := c.out
	if path == "" {
		path = filepath.Join("reports", src.name, "briefing.pdf")
	}
	if err := src.checkOut("--out", path); err != nil {
		return err
	}
	batch := outfile.NewBatch()
	defer batch.Abort()
	doc := content.Briefing(res, others, docMeta(res.Dataset, "Pay briefing"))
	if err := writePDF(batch, path, outfile.PublicFile, outfile.PublicDir, doc); err != nil {
		return err
	}
	if err := batch.Commit(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Wrote %s\n", path)
	return nil
}
