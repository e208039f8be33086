package content_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"paymodel/pkg/analysis"
	"paymodel/pkg/dataset"
	"paymodel/pkg/report"
	"paymodel/pkg/report/content"
	"paymodel/pkg/scenario"
)

// payGapResult compares Current with a £500 lump sum offer and a 5% offer
// over two pay years on a small census: 35-hour Band A on £18,600 and
// £22,320 (£10 and £12 an hour in March), 37-hour Band B on £30,000 and
// £33,000; count rows, part-timers, sex, ethnicity and disability, and two
// people whose sex is neither male nor female.
func payGapResult(t *testing.T) *analysis.Result {
	t.Helper()
	fsys := fstest.MapFS{
		"bands.csv":      {Data: []byte("band,weekly_hours\nA,35\nB,37\n")},
		"increments.csv": {Data: []byte("band,point,salary\nA,1,18600\nA,2,22320\nB,1,30000\nB,2,33000\n")},
		"staff.csv": {Data: []byte("band,point,fte,point_date,sex,ethnicity,disability,count\n" +
			"A,2,1,2025-04-01,M,White,Not disabled,8\n" +
			"A,1,1,2025-04-01,F,White,Not disabled,6\n" +
			"A,2,0.5,2025-04-01,F,Asian,Disabled,4\n" +
			"A,1,0.6,2025-04-01,F,Asian,Not disabled,8\n" +
			"B,1,1,2025-04-01,M,White,Disabled,7\n" +
			"B,2,1,2024-04-01,M,Black,Not disabled,3\n" +
			"B,1,0.8,2025-04-01,Female,White,Not disabled,5\n" +
			"A,1,1,2025-04-01,Non-binary,White,Not disabled,2\n")},
	}
	ds, err := dataset.Load(fsys, "paygap")
	if err != nil {
		t.Fatal(err)
	}
	var scs []*scenario.Scenario
	for i, src := range []string{
		"name = \"Lump sum\"\nstart = 2025-04-01\nyears = 2\n[[lump_sum]]\npaid = 2025-10-01\namount = \"£500\"\n",
		"name = \"Five per cent\"\nstart = 2025-04-01\nyears = 2\n[[award]]\nfrom = 2025-04-01\nuplift = \"5%\"\nbands = [\"A\"]\n",
	} {
		sc, err := scenario.Parse(string(rune('a'+i))+".toml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		scs = append(scs, sc)
	}
	tls, err := analysis.Timelines(ds, scs, 0)
	if err != nil {
		t.Fatal(err)
	}
	r, err := analysis.Run(context.Background(), ds, tls, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestPayGapCSVGolden pins paygap.csv on the small census. After an
// intended change, run go test ./pkg/report/content -update and review the
// diff.
func TestPayGapCSVGolden(t *testing.T) {
	tab := content.PayGapTable(payGapResult(t).PayGaps)
	var buf bytes.Buffer
	if err := report.WriteCSV(&buf, tab); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "golden", "paygap-small.csv")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./pkg/report/content -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("paygap.csv differs from %s; first difference:\n%s", golden, firstDiff(buf.String(), string(want)))
	}
	if want := "2 people with a sex other than male or female (M, Male, Man; F, Female, Woman) are left out of the sex measures."; tab.Note[:len(want)] != want {
		t.Errorf("note %q", tab.Note)
	}
}
