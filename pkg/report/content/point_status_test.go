package content_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/shopspring/decimal"

	"paymodel/pkg/analysis"
	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/report"
	"paymodel/pkg/report/content"
)

// statusResult is Current and a 4% offer from 2025-04-01 on one band whose
// entry (£20,000) has increments.csv status status ("" leaves the column
// out) and whose top (£22,000) is published.
func statusResult(t *testing.T, status string) *analysis.Result {
	t.Helper()
	inc := "band,point,salary,effective_from,status\nBand A,1,20000,2024-04-01," + status + "\nBand A,2,22000,2024-04-01,\n"
	if status == "" {
		inc = "band,point,salary,effective_from\nBand A,1,20000,2024-04-01\nBand A,2,22000,2024-04-01\n"
	}
	fsys := fstest.MapFS{
		"bands.csv":      {Data: []byte("band\nBand A\n")},
		"increments.csv": {Data: []byte(inc)},
	}
	return compareMapFS(t, fsys, "status", analysis.Options{},
		"offer.toml", "name = \"Four per cent\"\nstart = 2025-04-01\nyears = 2\n[[award]]\nfrom = 2025-04-01\nuplift = \"4%\"\n")
}

// pointTable returns the comparison's point table of the band headed
// heading (the table after that heading).
func pointTable(t *testing.T, doc *report.Document, heading string) report.Table {
	t.Helper()
	after := false
	for _, b := range doc.Blocks {
		if h, ok := b.(report.Heading); ok {
			after = h.Text == heading
		}
		if tb, ok := b.(report.TableBlock); ok && after {
			return tb.Table
		}
	}
	t.Fatalf("no table under %q", heading)
	return report.Table{}
}

// TestComparisonPointStatus checks the † on a comparison point table: Band
// A's illustrative entry (£20,000) is marked under Current, and so is what
// the 4% offer makes of it (20,000 × 1.04 = £20,800, still illustrative:
// its value depends on the illustrative one); the published top (£22,000;
// × 1.04 = £22,880) is not. The footnote is under the table once. With the
// entry published there is no marker and no footnote. points.csv's status
// column says the same in words.
func TestComparisonPointStatus(t *testing.T) {
	const note = "† illustrative or derived point: see the dataset's README."
	for _, tt := range []struct {
		status         string
		current, offer string
		wantNote       bool
	}{
		{"illustrative", "Current|£20,000 †|£22,000", "Four per cent|£20,800 †|£22,880", true},
		{"derived", "Current|£20,000 †|£22,000", "Four per cent|£20,800 †|£22,880", true},
		{"", "Current|£20,000|£22,000", "Four per cent|£20,800|£22,880", false},
		{"published", "Current|£20,000|£22,000", "Four per cent|£20,800|£22,880", false},
	} {
		t.Run(tt.status, func(t *testing.T) {
			doc := content.Comparison(statusResult(t, tt.status), report.Meta{})
			tb := pointTable(t, doc, "Band A")
			if got := displayRow(t, tb, "Current"); got != tt.current {
				t.Errorf("Current row %q, want %q", got, tt.current)
			}
			if got := displayRow(t, tb, "Four per cent"); got != tt.offer {
				t.Errorf("offer row %q, want %q", got, tt.offer)
			}
			if got := strings.Count(tb.Note, note); got != map[bool]int{true: 1}[tt.wantNote] {
				t.Errorf("note %q has the footnote %d times, want it %v", tb.Note, got, tt.wantNote)
			}
			// points.csv's status column: the entry's status (published
			// when blank), the top published, under the offer too.
			entry := map[bool]string{true: tt.status, false: "published"}[tt.wantNote]
			points := tableNamed(t, content.CompareTables(statusResult(t, tt.status)), content.PointsCSV)
			for _, c := range []struct{ point, want string }{{"1", entry}, {"2", "published"}} {
				got := csvCell(t, points, map[string]string{"scenario": "Four per cent", "date": "2025-04-01", "point": c.point}, "status").CSV()
				if got != c.want {
					t.Errorf("points.csv status of point %s: %q, want %q", c.point, got, c.want)
				}
			}
		})
	}
}

// TestStatementPointStatus checks the statement's marker on the probation
// sample, whose increments.csv marks Band 3 points 2–4 illustrative and
// points 1 (the PQiP salary) and 5 (the maximum) published: Band 3 point 2
// (£27,769) shows its salary as "£27,769 †" with the note "† illustrative
// point, not published", and the salary table carries the statement's
// footnote; point 1 (£26,475, published) is unmarked but its way to the
// top passes points 2–4, so the footnote stays; point 5 has neither.
// Band 2 point 2 (£24,350, illustrative), reached on 2024-04-01, moves to
// the published top (point 3) on 2025-04-01, the first pay year's start,
// so its salary now is marked but the table, all at the top, has no
// footnote.
func TestStatementPointStatus(t *testing.T) {
	r := mustSample(t)
	ms, err := analysis.NewMembers(r.Dataset, r.Timelines[:1], false)
	if err != nil {
		t.Fatal(err)
	}
	const footnote = "† Some of your salaries here are illustrative or derived points, or worked out from one, not published figures: see the dataset's README."
	for _, c := range []struct {
		band, point, since, value, note, tableNote string
	}{
		{"Band 3", "2", "", "£27,769 †", "† illustrative point, not published", footnote},
		{"Band 3", "1", "", "£26,475", "", footnote},
		{"Band 3", "5", "", "£31,650", "", ""},
		{"Band 2", "2", "2024-04-01", "£24,350 †", "† illustrative point, not published", ""},
	} {
		p := &paystructure.Person{Band: c.band, Point: c.point, FTE: decimal.NewFromInt(1), Count: 1}
		if c.since != "" {
			p.PointDate = calendar.MustParse(c.since)
		}
		m, err := ms.Member(p)
		if err != nil {
			t.Fatal(err)
		}
		doc := content.Statement(m, report.Meta{})
		var kf report.KeyFigure
		for _, b := range doc.Blocks {
			if k, ok := b.(report.KeyFigures); ok {
				kf = k.Items[1]
			}
		}
		if kf.Label != "Full-time salary" || kf.Value.Display() != c.value || kf.Note != c.note {
			t.Errorf("%s point %s: key figure %q %q (%q), want %q (%q)", c.band, c.point, kf.Label, kf.Value.Display(), kf.Note, c.value, c.note)
		}
		if got := briefingTable(t, doc, "Your full-time salary").Note; got != c.tableNote {
			t.Errorf("%s point %s: salary table note %q, want %q", c.band, c.point, got, c.tableNote)
		}
	}
}
