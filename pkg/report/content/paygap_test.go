package content_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"paymodel/pkg/analysis"
	"paymodel/pkg/report"
	"paymodel/pkg/report/content"
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
	return compareMapFS(t, fsys, "paygap", analysis.Options{},
		"a.toml", "name = \"Lump sum\"\nstart = 2025-04-01\nyears = 2\n[[lump_sum]]\npaid = 2025-10-01\namount = \"£500\"\n",
		"b.toml", "name = \"Five per cent\"\nstart = 2025-04-01\nyears = 2\n[[award]]\nfrom = 2025-04-01\nuplift = \"5%\"\nbands = [\"A\"]\n",
	)
}

// TestPayGapCSVGolden pins paygap.csv on the small census. After an
// intended change, run go test ./pkg/report/content -update and review the
// diff.
func TestPayGapCSVGolden(t *testing.T) {
	tab := content.PayGapTable(payGapResult(t).PayGaps)
	checkGoldenCSV(t, "paygap-small.csv", tab)
	if want := "2 people with a sex other than male or female (M, Male, Man; F, Female, Woman) are left out of the sex measures."; tab.Note[:len(want)] != want {
		t.Errorf("note %q", tab.Note)
	}
}

// TestEqualityImpact checks the comparison's equality impact assessment on
// the small census. The 5% offer raises Band A only: £18,600 → £19,530
// (£1,627.50 a month, £10.50 an hour) and £22,320 → £23,436 (£12.60); Band
// B's 37-hour points stay £2,500.00 ÷ (37 × 31 ÷ 7) = £15.257… and £16.782….
// Men: 8 on £12.60, 7 on £15.257…, 3 on £16.782…: mean 14.3305…, median
// (9th and 10th) £15.257…; women: 14 on £10.50, 4 on £12.60, 5 on £15.257…:
// mean 11.8994…, median (12th) £10.50. Mean gap 2.4311… ÷ 14.3305… =
// 16.96…% → 17.0, median 4.757… ÷ 15.257… = 31.18…% → 31.2, against
// Current's 18.3 and 34.5 (paygap-small.csv).
func TestEqualityImpact(t *testing.T) {
	r := payGapResult(t)
	blocks := content.EqualityImpact(r)
	var text []string
	var tables []report.Table
	for _, b := range blocks {
		switch b := b.(type) {
		case report.Heading:
			text = append(text, "# "+b.Text)
		case report.Paragraph:
			text = append(text, b.Text)
		case report.TableBlock:
			tables = append(tables, b.Table)
		}
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{
		"# Equality impact assessment",
		"on the snapshot date 31 March 2026, the last day of pay year 1",
		"The Equality Act 2010 (Specific Duties and Public Authorities) Regulations 2017, Schedule 1",
		"# Lump sum\nLump sum leaves every hourly pay gap as it is under Current at the snapshot (to one decimal place).",
		"# Five per cent\nFive per cent narrows the mean gender pay gap from 18.3% to 17.0% (-1.3 points), " +
			"the median gender pay gap from 34.5% to 31.2% (-3.3 points), " +
			"the mean disability pay gap of Disabled against Not disabled from -17.7% to -15.6% (+2.1 points), " +
			"the median disability pay gap of Disabled against Not disabled from -38.7% to -32.1% (+6.6 points) " +
			"and the mean part-time pay gap from 6.2% to 5.8% (-0.4 points); every other hourly pay gap is unchanged to one decimal place.",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the section lacks %q; it says:\n%s", want, all)
		}
	}
	// The lump sum offer's sex table: the bonus gap exists only under the
	// offer. £500 pro rata: each of the 18 full-time men £500; the 23 women
	// 6 × £500, 4 × £250, 8 × £300, 5 × £400 = £8,400, a mean of £365.22:
	// (500 − 8400/23) ÷ 500 = 26.96…% → 27.0. Current's mean hourly gap,
	// 18.3%, is flagged.
	if len(tables) < 1 || tables[0].Rows[2][0].Display() != "Mean bonus gap" ||
		tables[0].Rows[2][1].Display() != "" || tables[0].Rows[2][3].Display() != "27.0%" || tables[0].Rows[0][2].Display() != "5%+" {
		t.Errorf("lump sum table %+v", tables[0].Rows[:3])
	}
}

// TestEqualityImpactWithoutSex: a census with no sex or gender column has
// no gender tables or chart, and the section says why.
func TestEqualityImpactWithoutSex(t *testing.T) {
	fsys := fstest.MapFS{
		"bands.csv":      {Data: []byte("band,weekly_hours\nA,35\n")},
		"increments.csv": {Data: []byte("band,point,salary\nA,1,18600\nA,2,22320\n")},
		"staff.csv":      {Data: []byte("band,point,fte,count\nA,1,1,10\nA,2,0.5,10\n")},
	}
	r := compareMapFS(t, fsys, "paygap", analysis.Options{}, "a.toml", "name = \"Flat\"\nstart = 2025-04-01\nyears = 1\n[[award]]\nfrom = 2025-04-01\nflat = \"£1,200\"\n")
	var text []string
	for _, b := range content.EqualityImpact(r) {
		switch b := b.(type) {
		case report.Paragraph:
			text = append(text, b.Text)
		case report.TableBlock:
			text = append(text, "table: "+b.Table.Title)
		case report.Chart:
			text = append(text, "chart: "+b.Title)
		}
	}
	all := strings.Join(text, "\n")
	if !strings.Contains(all, "Staff.csv has no sex or gender column, so the statutory gender pay gap measures cannot be computed.") {
		t.Errorf("no reason given:\n%s", all)
	}
	if strings.Contains(all, "Gender pay gap measures") || strings.Contains(all, "chart:") {
		t.Errorf("gender table or chart without a sex column:\n%s", all)
	}
	// Part-timers on point 2 (£22,320, £930.00 a month half time, £12 an
	// hour) against full-timers on point 1 (£10): (10 − 12) ÷ 10 = −20.0%.
	// £1,200 flat: £19,800 (£1,650.00, £10.645…) and £23,520 (£980.00 half
	// time, £12.645…): (10.645… − 12.645…) ÷ 10.645… = −18.78…% → −18.8,
	// a gap 1.2 points narrower.
	if want := "Flat narrows the mean part-time pay gap from -20.0% to -18.8% (+1.2 points) and the median part-time pay gap from -20.0% to -18.8% (+1.2 points)"; !strings.Contains(all, want) {
		t.Errorf("the section lacks %q:\n%s", want, all)
	}
}
