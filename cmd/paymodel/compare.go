package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"paymodel/pkg/outfile"
	"paymodel/pkg/report"
	"paymodel/pkg/report/content"
	"paymodel/pkg/xlsx"
)

// compareCmd is paymodel compare: the CSV tables and the comparison PDF.
type compareCmd struct {
	opts   compareFlags
	out    string
	noPDF  bool
	noXLSX bool
}

func (*compareCmd) Name() string { return "compare" }

func (*compareCmd) Help() help {
	return help{
		args:    "[DATASET] [--scenario FILE]... [--years N] [--cpd-hours H] [--turnover R] [--out DIR]",
		summary: "compare Current with pay offers: points, careers, years to top, costs, equality",
		detail: `Applies every scenario in DATASET/offers/ (or only the --scenario files
given) and compares each with Current, the dataset's structure carried
forward with no award. Writes into DIR (default reports/<dataset>/):
  points.csv, careers.csv, summary.csv                  always
  cost.csv, distribution.csv, equality.csv, paygap.csv
                                                       when the dataset has a census
  realterms.csv                                        with inflation.csv
  floors.csv                                           with floors.csv
  comparison.pdf                                       the negotiators' report
  tables.xlsx                                          the tables as one workbook
and prints a side-by-side summary. Every file is written to a temporary name
and renamed only when the whole run has succeeded; scenario errors stop the
run before anything is written (exit 2).`,
	}
}

func (c *compareCmd) Flags(fs *flag.FlagSet) {
	c.opts.declare(fs)
	c.opts.measures.declare(fs)
	c.opts.declarePayGap(fs)
	fs.StringVar(&c.out, "out", "", "output `DIR` (default reports/<dataset>)")
	fs.BoolVar(&c.noPDF, "no-pdf", false, "do not write comparison.pdf")
	fs.BoolVar(&c.noXLSX, "no-xlsx", false, "do not write tables.xlsx")
}

func (c *compareCmd) Run(e *env, args []string) error {
	defer collectGarbageLessOften()()
	res, src, err := c.opts.analyse(e, "compare", args)
	if err != nil {
		return err
	}
	dir := c.out
	if dir == "" {
		dir = filepath.Join("reports", src.name)
	}
	tables := content.CompareTables(res)
	batch := outfile.NewBatch()
	defer batch.Abort()
	for _, t := range tables {
		if err := batch.Write(filepath.Join(dir, t.Name), outfile.PublicFile, outfile.PublicDir, func(w io.Writer) error {
			return report.WriteCSV(w, t)
		}); err != nil {
			return err
		}
		if err := e.ctx.Err(); err != nil {
			return err
		}
	}
	if !c.noXLSX {
		meta := docMeta(res.Dataset, "Pay comparison tables")
		props := xlsx.Props{Title: meta.Footer.Report, Created: meta.Created.String() + "T00:00:00Z"}
		if err := batch.Write(filepath.Join(dir, "tables.xlsx"), outfile.PublicFile, outfile.PublicDir, func(w io.Writer) error {
			return xlsx.Write(w, content.RunTable(res, meta.Footer.Version), tables, props)
		}); err != nil {
			return err
		}
	}
	if !c.noPDF {
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
