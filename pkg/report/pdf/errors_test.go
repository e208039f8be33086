package pdf

import (
	"errors"
	"strings"
	"testing"

	"paymodel/pkg/calendar"
	"paymodel/pkg/report"
)

// failingWriter fails every write, like a full disk.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) {
	return 0, errors.New("write: no space left on device")
}

// TestErrorsNeverQuoteTheTitle checks that neither a failed write nor an
// invalid document puts the title in the error: a member statement's title
// is the member's name, and errors go to stderr and logs.
func TestErrorsNeverQuoteTheTitle(t *testing.T) {
	const name = "Ann Lee"
	good := &report.Document{Title: "Your pay: " + name + " (S1)", Created: calendar.Date{Year: 2025, Month: 4, Day: 1},
		Blocks: []report.Block{report.Paragraph{Text: "Hello."}}}
	bad := &report.Document{Title: good.Title, Created: good.Created,
		Blocks: []report.Block{report.Heading{Text: "Oops", Level: 3}}}
	for _, tc := range []struct {
		what string
		doc  *report.Document
		want string
	}{
		{"write failure", good, "pdf: write: no space left on device"},
		{"invalid document", bad, `report: document block 1: heading "Oops" has level 3 (want 1 or 2)`},
	} {
		err := Write(failingWriter{}, tc.doc)
		if err == nil {
			t.Fatalf("%s: no error", tc.what)
		}
		if strings.Contains(err.Error(), name) {
			t.Errorf("%s: error carries the member's name: %v", tc.what, err)
		}
		if err.Error() != tc.want {
			t.Errorf("%s: error = %q, want %q", tc.what, err, tc.want)
		}
	}
}
