package xlsx_test

import (
	"bytes"
	"io"
	"sync"
	"testing"

	"paymodel/pkg/internal/fixture"
	"paymodel/pkg/report"
	"paymodel/pkg/report/content"
	"paymodel/pkg/xlsx"
	"paymodel/scenarios"
)

// sampleTables are the tables compare writes into tables.xlsx for the
// built-in probation sample with every shipped offer: the run table and
// the CSV tables.
var sampleTables = sync.OnceValues(func() ([]report.Table, error) {
	res, err := fixture.Run("probation")
	if err != nil {
		return nil, err
	}
	return append([]report.Table{content.RunTable(res, "bench")}, content.CompareTables(res)...), nil
})

// BenchmarkWrite writes the probation sample's tables.xlsx (go test
// ./pkg/xlsx -run '^$' -bench Write -benchmem).
func BenchmarkWrite(b *testing.B) {
	tables, err := sampleTables()
	if err != nil {
		b.Fatal(err)
	}
	cells := 0
	for _, t := range tables {
		cells += len(t.Rows) * len(t.Columns)
	}
	props := xlsx.Props{Title: "Pay comparison tables", Created: "2025-04-01T00:00:00Z"}
	for b.Loop() {
		if err := xlsx.Write(io.Discard, tables[0], tables[1:], props); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cells), "cells")
}

// BenchmarkRead reads the probation sample's staff.csv (20,000 rows) as
// a worksheet typed in by hand (Builder.CSV): go test ./pkg/xlsx -run '^$'
// -bench Read -benchmem.
func BenchmarkRead(b *testing.B) {
	fsys, err := scenarios.FS("probation")
	if err != nil {
		b.Fatal(err)
	}
	f, err := fsys.Open("staff.csv")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	wb := xlsx.NewBuilder()
	wb.Sheet("staff")
	if err := wb.CSV("staff", f); err != nil {
		b.Fatal(err)
	}
	data, err := wb.Bytes()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		w, err := xlsx.Open(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		s, err := w.Read("staff")
		if err != nil || len(s.Rows) < 20000 {
			b.Fatalf("%v, %d rows", err, len(s.Rows))
		}
		w.Close()
	}
}
