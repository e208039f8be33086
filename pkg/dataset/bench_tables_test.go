package dataset

import (
	"os"
	"testing"
	"testing/fstest"
)

// BenchmarkLoadTables loads the NHS Agenda for Change sample's small tables
// (bands.csv, increments.csv, inflation.csv; no census), the files gocsv
// decodes.
func BenchmarkLoadTables(b *testing.B) {
	fsys := fstest.MapFS{}
	for _, name := range []string{BandsFile, IncrementsFile, InflationFile, OnCostsFile} {
		if data, err := os.ReadFile("../../scenarios/nhs-afc/" + name); err == nil {
			fsys[name] = &fstest.MapFile{Data: data}
		}
	}
	for b.Loop() {
		if _, err := Load(fsys, "nhs-afc"); err != nil {
			b.Fatal(err)
		}
	}
}
