package pdf

import (
	"testing"

	"paymodel/pkg/report"
)

// A table after a heading is measured (to keep the two together) and drawn
// from one layout, so each of its cells is displayed and wrapped once.
func TestEachTableLaidOutOnce(t *testing.T) {
	h := report.Heading{Text: "Pay", Level: 2}
	para := report.Paragraph{Text: "Text."}
	for _, tc := range []struct {
		name   string
		blocks []report.Block
		want   int
	}{
		{"table alone", []report.Block{longTable(5)}, 1},
		{"heading then table", []report.Block{h, longTable(5)}, 1},
		{"heading, two tables", []report.Block{h, longTable(5), longTable(7)}, 2},
		{"two headed tables", []report.Block{h, longTable(5), h, longTable(90)}, 2},
		{"heading, paragraph, table", []report.Block{h, para, longTable(5)}, 1},
		{"heading, page break, table", []report.Block{h, report.PageBreak{}, longTable(5)}, 1},
		{"heading at the end", []report.Block{longTable(5), h}, 1},
	} {
		r, err := shared()
		if err != nil {
			t.Fatal(err)
		}
		doc := smallDoc(tc.blocks...)
		if err := doc.Validate(); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := r.draw(doc).laidOut; got != tc.want {
			t.Errorf("%s: %d table layouts, want %d", tc.name, got, tc.want)
		}
	}
}
