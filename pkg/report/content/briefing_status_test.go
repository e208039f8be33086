package content_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"paymodel/pkg/analysis"
	"paymodel/pkg/report"
	"paymodel/pkg/report/content"
)

// statusBriefing is the briefing of Current alone on two bands with
// structures of 2024-04-01 and 2025-04-01 and one price index (100, 103.5),
// Band A's 2024 top given the status status ("" leaves the column out).
func statusBriefing(t *testing.T, status string) *report.Document {
	t.Helper()
	inc := "band,point,salary,effective_from\n" +
		"Band A,1,19000,2024-04-01\nBand A,2,20000,2024-04-01\nBand B,1,24000,2024-04-01\nBand B,2,28000,2024-04-01\n" +
		"Band A,1,19500,2025-04-01\nBand A,2,20500,2025-04-01\nBand B,1,25000,2025-04-01\nBand B,2,29000,2025-04-01\n"
	if status != "" {
		inc = strings.Replace(strings.ReplaceAll(inc, "\n", ",\n"), "effective_from,", "effective_from,status", 1)
		inc = strings.Replace(inc, "Band A,2,20000,2024-04-01,", "Band A,2,20000,2024-04-01,"+status, 1)
	}
	fsys := fstest.MapFS{
		"bands.csv":      {Data: []byte("band\nBand A\nBand B\n")},
		"increments.csv": {Data: []byte(inc)},
		"inflation.csv":  {Data: []byte("date,index\n2024-04-01,100\n2025-04-01,103.5\n")},
	}
	r := compareMapFS(t, fsys, "status", analysis.Options{})
	return content.Briefing(r, nil, report.Meta{})
}

// briefingTable returns the briefing's table whose title starts with
// prefix.
func briefingTable(t *testing.T, doc *report.Document, prefix string) report.Table {
	t.Helper()
	for _, b := range doc.Blocks {
		if tb, ok := b.(report.TableBlock); ok && strings.HasPrefix(tb.Table.Title, prefix) {
			return tb.Table
		}
	}
	t.Fatalf("no table %q", prefix)
	return report.Table{}
}

// displayRow returns the displayed cells of the row whose first cells are
// key.
func displayRow(t *testing.T, tb report.Table, key ...string) string {
	t.Helper()
	for _, row := range tb.Rows {
		var cells []string
		for _, c := range row {
			cells = append(cells, c.Display())
		}
		if strings.HasPrefix(strings.Join(cells, "|"), strings.Join(key, "|")+"|") {
			return strings.Join(cells, "|")
		}
	}
	t.Fatalf("%s: no row %q", tb.Title, key)
	return ""
}

// TestBriefingStatusMark checks the † marker: on every figure worked out
// from Band A's derived 2024 top, with the footnote, and nowhere when the
// same salary is published. By hand, at April 2025 prices: Band A top
// 20,000 × 103.5 ÷ 100 = 20,700 then, 20,500 now: 20500 ÷ 20700 − 1 =
// −0.97% (the worst top, so the headline); uplift 20700 ÷ 20500 − 1 =
// +0.98%; days (20700 − 20500) × 365 ÷ 20700 = 3.53. Band B top 28,000 ×
// 1.035 = 28,980 against 29,000: +0.07%, nothing to restore; Band A entry
// 19,000 × 1.035 = 19,665 against 19,500: −0.84%.
func TestBriefingStatusMark(t *testing.T) {
	for _, tt := range []struct {
		status string
		mark   string // after a figure from Band A's 2024 top
	}{
		{"derived", " †"},
		{"Illustrative", " †"},
		{"published", ""},
		{"", ""},
	} {
		t.Run("status "+tt.status, func(t *testing.T) {
			doc := statusBriefing(t, tt.status)
			m := tt.mark
			heads := doc.Blocks[0].(report.KeyFigures).Items
			if got, want := heads[0].Value.Display(), "-1.0%"+m; got != want {
				t.Errorf("headline %q = %q, want %q", heads[0].Label, got, want)
			}
			if got, want := heads[1].Value.Display(), "3.5 days"+m; got != want {
				t.Errorf("headline %q = %q, want %q", heads[1].Label, got, want)
			}
			if marked := strings.Contains(heads[0].Note, "not published"); marked != (m != "") {
				t.Errorf("headline note %q: says not published %v, want %v", heads[0].Note, marked, m != "")
			}

			var text, chartNote string
			for _, b := range doc.Blocks {
				switch b := b.(type) {
				case report.Paragraph:
					if strings.HasPrefix(b.Text, "Band A top") {
						text = b.Text
					}
				case report.Chart:
					if strings.HasPrefix(b.Title, "Band top salaries") {
						chartNote = b.Note
					}
				}
			}
			if want := "Band A top is worth 1.0%" + m + " less than in April 2024."; !strings.HasPrefix(text, want) {
				t.Errorf("real-terms sentence %q, want it to start %q", text, want)
			}
			if want := map[bool]string{true: "Not published (derived or illustrative; see the dataset's README): the April 2024 values of Band A."}[m != ""]; chartNote != want {
				t.Errorf("chart note %q, want %q", chartNote, want)
			}

			mt := briefingTable(t, doc, "Real-terms change")
			for _, c := range []struct{ key, want string }{
				{"Band A|top", "Band A|top|April 2024|£20,000" + m + "|£20,500|-1.0%" + m},
				{"Band A|entry", "Band A|entry|April 2024|£19,000|£19,500|-0.8%"},
				{"Band B|top", "Band B|top|April 2024|£28,000|£29,000|+0.1%"},
			} {
				if got := displayRow(t, mt, strings.Split(c.key, "|")...); got != c.want {
					t.Errorf("real-terms row %s = %q, want %q", c.key, got, c.want)
				}
			}
			rt := briefingTable(t, doc, "Uplift to restore")
			if got, want := displayRow(t, rt, "Band A"), "Band A|April 2024|£20,000"+m+"|£20,500|+1.0%"+m+"|3.5"+m; got != want {
				t.Errorf("restore row Band A = %q, want %q", got, want)
			}
			if got, want := displayRow(t, rt, "Band B"), "Band B|April 2024|£28,000|£29,000|none|0"; got != want {
				t.Errorf("restore row Band B = %q, want %q", got, want)
			}
			for _, note := range []string{mt.Note, rt.Note} {
				if has := strings.Contains(note, "† From a salary the dataset marks derived or illustrative"); has != (m != "") {
					t.Errorf("footnote in %q: %v, want %v", note, has, m != "")
				}
			}
		})
	}
}
