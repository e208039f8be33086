package main

import (
	"io"
	"os"
	"strconv"
	"time"

	"paymodel/pkg/calendar"
	"paymodel/pkg/outfile"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/report"
	"paymodel/pkg/report/pdf"
)

// docMeta returns the fixed parts of a document: its footer and its date.
func docMeta(ds *paystructure.Dataset, name string) report.Meta {
	return report.Meta{
		Created: documentDate(ds),
		Footer: report.Footer{
			Report:   name,
			Dataset:  ds.Name,
			Checksum: ds.Checksum,
			Version:  buildVersion(),
		},
	}
}

// documentDate is the date recorded in PDFs: SOURCE_DATE_EPOCH when set (the
// reproducible-builds convention), otherwise the dataset's latest structure
// date, so that the same inputs always give the same bytes. It never reads
// the clock.
func documentDate(ds *paystructure.Dataset) calendar.Date {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if secs, err := strconv.ParseInt(s, 10, 64); err == nil {
			t := time.Unix(secs, 0).UTC()
			if d, err := calendar.New(t.Year(), int(t.Month()), t.Day()); err == nil {
				return d
			}
		}
	}
	if d := ds.Latest().EffectiveFrom; !d.IsZero() {
		return d
	}
	return calendar.Date{Year: 2000, Month: 1, Day: 1}
}

// writePDF renders doc into the batch at path.
func writePDF(b *outfile.Batch, path string, perm, dirPerm os.FileMode, doc *report.Document) error {
	return b.Write(path, perm, dirPerm, func(w io.Writer) error {
		return pdf.Write(w, doc)
	})
}

// checkOutFile refuses an --out FILE that is an existing folder, before any
// work is done (renaming the finished file onto it would fail at the end).
func checkOutFile(cmd, path string) error {
	if path == "" {
		return nil
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return usageErrorf("%s: --out %s is a folder; give the name of the PDF file to write", cmd, path)
	}
	return nil
}
