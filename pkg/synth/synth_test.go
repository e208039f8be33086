package synth

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
)

var update = flag.Bool("update", false, "regenerate scenarios/probation/staff.csv")

const probationCensus = "../../scenarios/probation/staff.csv"

// TestProbationCensusReproduces checks that the committed sample census is
// exactly what the documented command produces:
//
//	go run ./cmd/gencensus -dataset probation -n 20000 -seed 20250401 -out scenarios/probation/staff.csv
func TestProbationCensusReproduces(t *testing.T) {
	var buf bytes.Buffer
	if err := Census(&buf, Probation(), ProbationRows, ProbationSeed); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(probationCensus, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	committed, err := os.ReadFile(probationCensus)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), committed) {
		t.Fatalf("%s differs from Census(Probation(), %d, %d): regenerate it with the command in scenarios/probation/README.md", probationCensus, ProbationRows, ProbationSeed)
	}
}

// TestProbationSpecMatchesDataset checks the built-in spec against the
// sample dataset's bands.csv and increments.csv.
func TestProbationSpecMatchesDataset(t *testing.T) {
	bands := readCSV(t, "../../scenarios/probation/bands.csv")
	incs := readCSV(t, "../../scenarios/probation/increments.csv")
	// The spec describes the structure in force at the census date: the
	// latest of the dated structures (earlier ones are history).
	latest := ""
	for _, r := range incs {
		latest = max(latest, r["effective_from"])
	}
	spec := Probation()
	if len(spec.Bands) != len(bands) {
		t.Fatalf("spec has %d bands, bands.csv %d", len(spec.Bands), len(bands))
	}
	for i, b := range spec.Bands {
		row := bands[i]
		if row["band"] != b.Name || row["progression"] != b.Progression.On.String() || row["qualifying_months"] != strconv.Itoa(b.Progression.QualifyingMonths) {
			t.Errorf("band %d: spec %q %v, bands.csv %v", i, b.Name, b.Progression, row)
		}
		var labels []string
		for _, r := range incs {
			if r["band"] == b.Name && r["effective_from"] == latest {
				labels = append(labels, r["point"])
				if r["months"] != "12" {
					t.Errorf("%s point %s: months %s, spec assumes 12", b.Name, r["point"], r["months"])
				}
			}
		}
		var got []string
		for _, p := range b.Points {
			got = append(got, p.Label)
		}
		if !slices.Equal(got, labels) {
			t.Errorf("%s: spec points %v, increments.csv %v", b.Name, got, labels)
		}
	}
}

func TestDeterminism(t *testing.T) {
	gen := func(seed uint64) []byte {
		var buf bytes.Buffer
		if err := Census(&buf, Probation(), 2000, seed); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a, b, c := gen(7), gen(7), gen(8)
	if !bytes.Equal(a, b) {
		t.Error("same seed gave different output")
	}
	if bytes.Equal(a, c) {
		t.Error("different seeds gave the same output")
	}
	// A shorter census is a prefix of a longer one with the same seed
	// (the id width is the same below a million rows).
	short := gen7(t, 100)
	if !bytes.HasPrefix(a, short) {
		t.Error("a 100-row census is not a prefix of a 2,000-row one")
	}
}

func gen7(t *testing.T, n int) []byte {
	var buf bytes.Buffer
	if err := Census(&buf, Probation(), n, 7); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestDistribution checks the shape of the committed-size census: band
// headcounts near their weights, more people at each band's top point than
// at any lower point, and every row well formed and consistent.
func TestDistribution(t *testing.T) {
	var buf bytes.Buffer
	spec := Probation()
	if err := Census(&buf, spec, ProbationRows, ProbationSeed); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(&buf)
	records, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(records[0], ","); got != Header {
		t.Fatalf("header %q", got)
	}
	rows := records[1:]
	if len(rows) != ProbationRows {
		t.Fatalf("%d rows", len(rows))
	}
	bandCount := map[string]int{}
	pointCount := map[string]map[string]int{}
	ids := map[string]bool{}
	nonASCII, blankCPD := 0, 0
	disability := map[string]int{}
	for i, rec := range rows {
		disability[rec[12]]++
		id, name, band, point, fteText, pd, sd, cpd := rec[0], rec[1], rec[2], rec[3], rec[4], rec[5], rec[6], rec[7]
		if want := fmt.Sprintf("P%06d", i+1); id != want || ids[id] {
			t.Fatalf("row %d: id %q, want %q", i+1, id, want)
		}
		ids[id] = true
		if !utf8.ValidString(name) || strings.Count(name, " ") < 1 {
			t.Errorf("row %d: name %q", i+1, name)
		}
		for _, c := range name {
			if c > 127 {
				nonASCII++
				break
			}
		}
		if !slices.Contains([]string{"1", "0.8", "0.6", "0.5", "0.4"}, fteText) {
			t.Errorf("row %d: fte %q", i+1, fteText)
		}
		bandCount[band]++
		if pointCount[band] == nil {
			pointCount[band] = map[string]int{}
		}
		pointCount[band][point]++
		pointDate, err1 := calendar.Parse(pd)
		startDate, err2 := calendar.Parse(sd)
		if err1 != nil || err2 != nil {
			t.Fatalf("row %d: dates %q %q", i+1, pd, sd)
		}
		if spec.AsAt.Before(pointDate) || pointDate.Before(startDate) {
			t.Errorf("row %d: start %s, point %s, census %s out of order", i+1, sd, pd, spec.AsAt)
		}
		// Below the top of a 1 April scheme with 6 months qualifying, nobody
		// may have been on the point 6 months or more by 1 April 2024.
		if b := bandSpec(spec, band); point != b.Points[len(b.Points)-1].Label {
			if pointDate.Before(calendar.MustParse("2023-11-01")) {
				t.Errorf("row %d: %s point %s since %s: should have progressed on 2024-04-01", i+1, band, point, pd)
			}
		}
		if cpd == "" {
			blankCPD++
		} else if h, err := strconv.Atoi(cpd); err != nil || h < 0 || h > 120 {
			t.Errorf("row %d: cpd_hours %q", i+1, cpd)
		}
	}
	want := map[string]int{"Band 2": 3000, "Band 3": 7500, "Band 4": 6500, "Band 5": 2000, "Band 6": 1000}
	for band, w := range want {
		got := bandCount[band]
		if tol := w / 20; got < w-tol || got > w+tol { // within 5%
			t.Errorf("%s: %d people, want %d ± 5%%", band, got, w)
		}
		b := bandSpec(spec, band)
		top := pointCount[band][b.Points[len(b.Points)-1].Label]
		for _, p := range b.Points[:len(b.Points)-1] {
			if c := pointCount[band][p.Label]; c >= top {
				t.Errorf("%s: %d at point %s, not fewer than %d at the top", band, c, p.Label, top)
			}
		}
	}
	if nonASCII < ProbationRows/50 {
		t.Errorf("only %d names with non-ASCII letters", nonASCII)
	}
	if blankCPD < ProbationRows/25 || blankCPD > ProbationRows/10 {
		t.Errorf("%d blank cpd_hours, want about 7%%", blankCPD)
	}
	// Disability weights 80:14:6 (each within 1.5 points on 20,000 people).
	for v, pct := range map[string]int{"Not disabled": 80, "Disabled": 14, "Prefer not to say": 6} {
		if got := disability[v] * 1000 / ProbationRows; got < pct*10-15 || got > pct*10+15 {
			t.Errorf("disability %q: %d.%d%%, want about %d%%", v, got/10, got%10, pct)
		}
	}
	if len(disability) != 3 {
		t.Errorf("disability values %v", disability)
	}
}

func bandSpec(s Spec, name string) Band {
	for _, b := range s.Bands {
		if b.Name == name {
			return b
		}
	}
	panic("no band " + name)
}

func TestNamesNeedNoQuoting(t *testing.T) {
	var want = map[string]bool{"Zoë": false, "Ó Súilleabháin": false, "Дмитрий": false, "Иванов": false, "Siobhán": false, "Łukasz": false, "José": false}
	for _, p := range namePools {
		for _, n := range slices.Concat(p.first, p.last) {
			if strings.ContainsAny(n, ",\"\r\n") || strings.TrimSpace(n) != n || n == "" {
				t.Errorf("name %q would need CSV quoting", n)
			}
			if _, ok := want[n]; ok {
				want[n] = true
			}
		}
	}
	for n, seen := range want {
		if !seen {
			t.Errorf("name %q missing from the pools", n)
		}
	}
	if len(namePools) != len(poolChoice.cum) {
		t.Errorf("%d name pools, %d pool weights", len(namePools), len(poolChoice.cum))
	}
}

func TestFromStructure(t *testing.T) {
	fixed := paystructure.Progression{Kind: paystructure.FixedDate, On: calendar.AnnualDate{Month: 9, Day: 1}, QualifyingMonths: 6}
	bands := []paystructure.Band{{Name: "Main", Progression: fixed}, {Name: "Upper", Progression: fixed}, {Name: "Gone"}}
	s := paystructure.Structure{Scales: []paystructure.Scale{
		{Band: "Main", Points: []paystructure.Point{{Label: "M1", Months: 12}, {Label: "M2", Months: 12}}},
		{Band: "Upper", Points: []paystructure.Point{{Label: "U1", Months: 24}, {Label: "U2", Months: 24}, {Label: "U3", Months: 12}}},
	}}
	spec, err := FromStructure("t", bands, s, map[string]int{"Main": 3}, calendar.MustParse("2024-08-31"))
	if err != nil {
		t.Fatal(err)
	}
	if len(spec.Bands) != 2 || spec.Bands[0].Weight != 3 || spec.Bands[1].Weight != 1 || spec.Bands[1].Points[2].Weight != 2 {
		t.Errorf("spec %+v", spec)
	}
	var buf bytes.Buffer
	if err := Census(&buf, spec, 500, 1); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs[1:] {
		pd := calendar.MustParse(rec[5])
		// U1 and U2 need 24 − 12 + 6 = 18 months at the point by the
		// progression date: anyone there since before 2022-04-01 would have
		// moved on 2023-09-01.
		if (rec[3] == "U1" || rec[3] == "U2") && pd.Before(calendar.MustParse("2022-04-01")) {
			t.Errorf("%s since %s should have progressed", rec[3], rec[5])
		}
	}
	if _, err := FromStructure("t", bands, s, map[string]int{"Nope": 1}, calendar.MustParse("2024-08-31")); err == nil {
		t.Error("weight for an unknown band accepted")
	}
}

func TestErrors(t *testing.T) {
	var buf bytes.Buffer
	if err := Census(&buf, Spec{}, 1, 1); err == nil {
		t.Error("empty spec accepted")
	}
	if err := Census(&buf, Probation(), -1, 1); err == nil {
		t.Error("negative n accepted")
	}
	bad := Probation()
	bad.Bands[0].Weight = 0
	if err := Census(&buf, bad, 1, 1); err == nil {
		t.Error("zero band weight accepted")
	}
	buf.Reset()
	if err := Census(&buf, Probation(), 0, 1); err != nil || buf.String() != Header+"\n" {
		t.Errorf("n=0: %q, %v", buf.String(), err)
	}
}

func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = rec[i]
		}
		rows = append(rows, m)
	}
	return rows
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

func BenchmarkCensus1M(b *testing.B) {
	spec := Probation()
	for b.Loop() {
		if err := Census(discard{}, spec, 1_000_000, ProbationSeed); err != nil {
			b.Fatal(err)
		}
	}
}
