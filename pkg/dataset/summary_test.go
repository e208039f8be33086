package dataset

import (
	"os"
	"strings"
	"testing"
)

func TestWriteSummary(t *testing.T) {
	ds := mustLoad(t, "testdata/good")
	ds.Name = "good"
	var b strings.Builder
	if err := WriteSummary(&b, ds); err != nil {
		t.Fatal(err)
	}
	// Hand-checked: Band 3's top is £31,200.50, shown as written; its
	// normal years to top are (24 + 12) ÷ 12 = 3; Band 4 has 3 + 1 people
	// at 3 × 1 + 0.8 = 3.8 FTE.
	want := `Dataset good (checksum ` + ds.Checksum + `)
Pay structures: 2024-04-01, 2025-04-01 (latest 2025-04-01)
Census: 8 people in 6 rows, 7.0 FTE
Inflation: 3 index values, 2023-04-01 to 2025-04-01
On-costs: Employer pension 29.6%; Employer National Insurance 15% above £5,000

Band    Title                       Points    Entry         Top  Years to top  Progression                      Headcount  FTE
Band 2  Administrator                    3  £24,300     £26,100             2  each 04-01, 6 months qualifying          2  2.0
Band 3  Probation services officer       3  £27,400  £31,200.50             3  anniversary                              2  1.2
Band 4  Probation officer                3  £31,000     £36,000             2  each 04-01, 6 months qualifying          4  3.8
Total                                                                                                                   8  7.0

Warnings:
  staff.csv: 1 row has a point_date before the start_date (the first on line 6)
  overlapping bands: the top of Band 3 (£31,200.50) is above the entry point of Band 4 (£31,000)
`
	if got := b.String(); got != want {
		t.Errorf("summary:\n%s\nwant:\n%s", got, want)
	}
}

func TestWriteSummaryMinimal(t *testing.T) {
	ds, err := Load(files(map[string]string{IncrementsFile: baseIncrements + "Band 2,3,24000.50\n"}), "minimal")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := WriteSummary(&b, ds); err != nil {
		t.Fatal(err)
	}
	want := `Dataset minimal (checksum ` + ds.Checksum + `)
Pay structures: one, undated
Census: none (no staff.csv)
Inflation: none (no inflation.csv)
On-costs: none (no oncosts.csv)

Band    Title  Points    Entry         Top  Years to top  Progression
Band 1  One         2  £20,000     £21,000             1  anniversary
Band 2  Two         3  £22,000  £24,000.50             2  anniversary
`
	if got := b.String(); got != want {
		t.Errorf("summary:\n%s\nwant:\n%s", got, want)
	}
}

func TestStructureDates(t *testing.T) {
	ds, err := Load(files(map[string]string{BandsFile: datedBands, IncrementsFile: datedInc}), "dated")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := structureDates(ds), "one, from 2025-04-01"; got != want {
		t.Errorf("structureDates = %q, want %q", got, want)
	}
}

func TestFTEText(t *testing.T) {
	for in, want := range map[string]string{"0": "0.0", "7.05": "7.1", "17949": "17,949.0", "1234567.25": "1,234,567.3"} {
		if got := fteText(dec(in)); got != want {
			t.Errorf("fteText(%s) = %q, want %q", in, got, want)
		}
	}
}

func TestSummaryOfSample(t *testing.T) {
	// Every built-in sample dataset loads and summarises.
	for _, dir := range []string{"../../scenarios/nhs-afc", "../../scenarios/probation", "../../scenarios/teachers"} {
		if _, err := os.Stat(dir); err != nil {
			continue
		}
		ds := mustLoad(t, dir)
		if err := WriteSummary(&strings.Builder{}, ds); err != nil {
			t.Errorf("%s: %v", dir, err)
		}
	}
}
