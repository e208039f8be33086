package scenario

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestDerivationText checks the exact steps of a known case.
func TestDerivationText(t *testing.T) {
	src := `# Employer offer
name = "Offer"
description = "4% on every point"
start = 2025-04-01
years = 3
rounding = "pound"

# The one award
[[award]]
from = 2025-04-01
uplift = "4%"
`
	tests := []struct {
		name  string
		ds    func() *paystructure.Dataset
		src   string
		band  string
		point string
		want  []paystructure.Step
	}{
		{
			name: "uplift", ds: probation, src: src, band: "Band 4", point: "2",
			want: []paystructure.Step{
				{Text: "£37,500.00 from increments.csv, 2024-04-01", Source: "increments.csv"},
				{Text: "£37,500.00 × 1.04 = £39,000.00 → rounded to the pound £39,000 (award 1, offer.toml:9)", Source: "offer.toml:9"},
			},
		},
		{
			name: "underpin",
			ds:   func() *paystructure.Dataset { return dataset(structure("", scale("Big", "1", "20000", "2", "100000"))) },
			src:  header + "[[award]]\nfrom = 2025-04-01\nuplift = \"3%\"\nminimum = \"£1,000\"\nmaximum = \"£2,500\"\n",
			band: "Big", point: "1",
			want: []paystructure.Step{
				{Text: "£20,000.00 from increments.csv", Source: "increments.csv"},
				{Text: "£20,000.00 × 1.03 = £20,600.00; rise £600.00 raised to the minimum £1,000.00: £20,000.00 + £1,000.00 = £21,000.00 → rounded to the pound £21,000 (award 1, offer.toml:5)", Source: "offer.toml:5"},
			},
		},
		{
			name: "cap",
			ds:   func() *paystructure.Dataset { return dataset(structure("", scale("Big", "1", "20000", "2", "100000"))) },
			src:  header + "[[award]]\nfrom = 2025-04-01\nuplift = \"3%\"\nminimum = \"£1,000\"\nmaximum = \"£2,500\"\n",
			band: "Big", point: "2",
			want: []paystructure.Step{
				{Text: "£100,000.00 from increments.csv", Source: "increments.csv"},
				{Text: "£100,000.00 × 1.03 = £103,000.00; rise £3,000.00 lowered to the maximum £2,500.00: £100,000.00 + £2,500.00 = £102,500.00 → rounded to the pound £102,500 (award 1, offer.toml:5)", Source: "offer.toml:5"},
			},
		},
		{
			name: "floor",
			ds:   probation,
			src:  header + "[[award]]\nfrom = 2025-04-01\nfloor_hourly = \"£15\"\nbands = [\"Band 3\"]\n",
			band: "Band 3", point: "2",
			want: []paystructure.Step{
				{Text: "£27,769.00 from increments.csv, 2024-04-01", Source: "increments.csv"},
				{Text: "£27,769.00 lifted to the floor £15.00 an hour × 37 hours × 52.143 weeks = £28,939.365 → rounded to the pound £28,939 (award 1, offer.toml:5)", Source: "offer.toml:5"},
				{Text: "point 1 merged into point 2 at the floor (award 1, offer.toml:5)", Source: "offer.toml:5"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := mustApply(t, tt.ds(), tt.src)
			got, err := Explain(tl, tt.band, tt.point, tl.Start)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("steps:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestExplainGolden compares the explain output with testdata/explain/*.golden
// (go test -update rewrites them).
func TestExplainGolden(t *testing.T) {
	teachers := func() *paystructure.Dataset {
		return dataset(structure("2022-09-01",
			scale("Main pay range", "M1", "28000", "M2", "29800", "M3", "31750", "M4", "33850", "M5", "35990", "M6", "38810"),
			scale("Upper pay range", "U1", "40625", "U2", "42131", "U3", "43685"),
		))
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	tests := []struct {
		name  string
		ds    func() *paystructure.Dataset
		file  string // scenario under testdata; "" for Current
		band  string
		point string
		month calendar.Month
	}{
		{name: "teachers-m1", ds: teachers, file: "teachers-2023.toml", band: "Main pay range", point: "M1", month: calendar.MonthOf(2023, 9)},
		{name: "teachers-m3", ds: teachers, file: "teachers-2023.toml", band: "Main pay range", point: "M3", month: calendar.MonthOf(2024, 1)},
		{name: "teachers-m3-before", ds: teachers, file: "teachers-2023.toml", band: "Main pay range", point: "M3", month: calendar.MonthOf(2023, 8)},
		{name: "joint-claim-band2", ds: probation, file: "probation-joint-union-claim-2025.toml", band: "Band 2", point: "3", month: calendar.MonthOf(2025, 4)},
		{name: "napo-band3-top", ds: probationFull, file: "probation-napo-2016-principles.toml", band: "Band 3", point: "5", month: calendar.MonthOf(2025, 4)},
		{name: "napo-band2-top", ds: probationFull, file: "probation-napo-2016-principles.toml", band: "Band 2", point: "3", month: calendar.MonthOf(2025, 4)},
		{name: "current", ds: probation, band: "Band 4", point: "1", month: calendar.MonthOf(2024, 6)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tl *paystructure.Timeline
			if tt.file == "" {
				tl = Current(tt.ds(), calendar.MonthOf(2024, 4), 10)
			} else {
				tl = mustApplyFile(t, tt.ds(), tt.file, read(tt.file))
			}
			steps, err := Explain(tl, tt.band, tt.point, tt.month)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			fmt.Fprintf(&b, "%s — %s point %s on %s\n", tl.Scenario, tt.band, tt.point, tt.month.First())
			if err := WriteExplanation(&b, steps); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "explain", tt.name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if b.String() != string(want) {
				t.Errorf("explain output differs from %s:\n got:\n%s\nwant:\n%s", golden, b.String(), want)
			}
		})
	}
}

func mustApplyFile(t *testing.T, ds *paystructure.Dataset, file, src string) *paystructure.Timeline {
	t.Helper()
	sc, err := Parse(file, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	tl, err := Apply(ds, sc)
	if err != nil {
		t.Fatal(err)
	}
	return tl
}

func TestExplainErrors(t *testing.T) {
	tl := mustApply(t, probation(), header+"[[award]]\nfrom = 2025-04-01\nremove_points = { \"Band 4\" = [\"1\"] }\n")
	tests := []struct {
		name, band, point string
		month             calendar.Month
		want              string
	}{
		{name: "unknown band", band: "Band 9", point: "1", month: tl.Start,
			want: `Test: no band "Band 9" in the pay structure in force on 2025-04-01 (bands: "Band 2", "Band 3", "Band 4")`},
		{name: "removed point", band: "Band 4", point: "1", month: tl.Start,
			want: `Test: Band 4 has no point "1" on 2025-04-01 (points: "2", "3", "4", "5")`},
		{name: "before start", band: "Band 4", point: "2", month: calendar.MonthOf(2025, 3),
			want: `Test: 2025-03-01 is before the scenario starts (2025-04-01)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Explain(tl, tt.band, tt.point, tt.month)
			if err == nil || err.Error() != tt.want {
				t.Errorf("error %v, want %s", err, tt.want)
			}
		})
	}
	var b bytes.Buffer
	if err := WriteExplanation(&b, nil); err != nil || b.String() != "  (no derivation recorded)\n" {
		t.Errorf("empty explanation: %q, %v", b.String(), err)
	}
}
