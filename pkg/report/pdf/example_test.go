package pdf_test

import (
	"bytes"
	"fmt"

	"paymodel/pkg/calendar"
	"paymodel/pkg/report"
	"paymodel/pkg/report/pdf"
)

// One Renderer, made once, renders every document (from any number of
// goroutines). Each PDF embeds subsets of only the characters it shows.
func ExampleRenderer_Write() {
	r, err := pdf.NewRenderer()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, name := range []string{"Siân Ŵyn", "Дмитрий Иванов"} {
		doc := &report.Document{
			Title:   "Your pay: " + name,
			Created: calendar.Date{Year: 2025, Month: 4, Day: 1},
			Footer:  report.Footer{Report: "Member pay statement", Dataset: "probation", Version: "v1"},
			Blocks:  []report.Block{report.Paragraph{Text: "Figures from 2025-04-01."}},
		}
		var b bytes.Buffer
		if err := r.Write(&b, doc); err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%.8s, under 12 KB: %v\n", b.Bytes(), b.Len() < 12<<10)
	}
	// Output:
	// %PDF-1.5, under 12 KB: true
	// %PDF-1.5, under 12 KB: true
}
