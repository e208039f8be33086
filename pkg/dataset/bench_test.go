package dataset

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"testing"
	"testing/fstest"
	"time"
)

// censusFS returns the good dataset with a generated staff.csv of rows
// rows: ids unique, a realistic spread of bands, points, FTEs, dates and
// attributes.
func censusFS(tb testing.TB, rows int) fstest.MapFS {
	tb.Helper()
	fsys := fstest.MapFS{}
	for _, name := range []string{BandsFile, IncrementsFile, InflationFile, OnCostsFile} {
		b, err := os.ReadFile("testdata/good/" + name)
		if err != nil {
			tb.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: b}
	}
	fsys[StaffFile] = &fstest.MapFile{Data: generateStaff(rows)}
	return fsys
}

// generateStaff writes a staff.csv of n rows.
func generateStaff(n int) []byte {
	var b bytes.Buffer
	b.WriteString("id,name,band,point,fte,point_date,start_date,cpd_hours,gender,region\r\n")
	ftes := []string{"1", "0.8", "0.6", "0.5", "1"}
	cpds := []string{"", "0", "15", "30", "35"}
	genders := []string{"F", "M", "X"}
	regions := []string{"North", "South", "East", "West", "Wales"}
	for i := range n {
		fmt.Fprintf(&b, "E%07d,Person %d,Band %d,%d,%s,20%02d-%02d-01,2015-01-01,%s,%s,%s\r\n",
			i, i, 2+i%3, 1+i/3%3, ftes[i/7%len(ftes)], 20+i/11%5, 1+i/13%12, cpds[i/17%len(cpds)], genders[i/19%3], regions[i/23%5])
	}
	return b.Bytes()
}

// TestGeneratedCensus checks that the benchmark's census is valid.
func TestGeneratedCensus(t *testing.T) {
	const rows = 5000
	ds, err := Load(censusFS(t, rows), "generated")
	if err != nil {
		t.Fatal(err)
	}
	if c := ds.Census; c.Rows != rows || c.Headcount != rows || len(c.Groups) < 2 {
		t.Errorf("rows %d, headcount %d, %d groups", c.Rows, c.Headcount, len(c.Groups))
	}
}

// BenchmarkLoadCensus loads a dataset with a 100,000-row census. ns/op is
// Load alone; csv-ns/op is the time encoding/csv alone takes to read the
// same staff.csv, and load/csv their ratio (the target is at most 3).
func BenchmarkLoadCensus(b *testing.B) {
	const rows = 100_000
	benchmarkLoad(b, censusFS(b, rows))
}

// benchmarkLoad benchmarks Load on fsys, which has a staff.csv.
func benchmarkLoad(b *testing.B, fsys fstest.MapFS) {
	data := fsys[StaffFile].Data
	b.SetBytes(int64(len(data)))

	var csvTime, loadTime time.Duration
	var groups int
	for b.Loop() {
		b.StopTimer()
		start := time.Now()
		r := csv.NewReader(bytes.NewReader(data))
		r.ReuseRecord = true
		for {
			if _, err := r.Read(); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
		}
		csvTime += time.Since(start)
		b.StartTimer()

		start = time.Now()
		ds, err := Load(fsys, "bench")
		loadTime += time.Since(start)
		if err != nil {
			b.Fatal(err)
		}
		groups = len(ds.Census.Groups)
	}
	b.ReportMetric(float64(csvTime.Nanoseconds())/float64(b.N), "csv-ns/op")
	b.ReportMetric(float64(loadTime)/float64(csvTime), "load/csv")
	b.ReportMetric(float64(groups), "groups")
}

// BenchmarkLoadFolder loads the dataset folder named by $PAYMODEL_BENCH_DATASET
// (for example one with a census from cmd/gencensus), reporting csv-ns/op
// and load/csv as BenchmarkLoadCensus does. It is skipped when the variable
// is unset.
func BenchmarkLoadFolder(b *testing.B) {
	dir := os.Getenv("PAYMODEL_BENCH_DATASET")
	if dir == "" {
		b.Skip("PAYMODEL_BENCH_DATASET is not set")
	}
	fsys := fstest.MapFS{}
	for _, name := range []string{BandsFile, IncrementsFile, InflationFile, OnCostsFile, StaffFile} {
		if data, err := os.ReadFile(dir + "/" + name); err == nil {
			fsys[name] = &fstest.MapFile{Data: data}
		}
	}
	benchmarkLoad(b, fsys)
}
