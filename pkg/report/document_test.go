package report

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func validDoc() *Document {
	return &Document{
		Title:   "Pay comparison",
		Created: calendar.Date{Year: 2025, Month: 4, Day: 1},
		Blocks: []Block{
			Heading{Text: "Summary", Level: 1},
			Paragraph{Text: "Text."},
			KeyFigures{Items: []KeyFigure{{Label: "Salary", Value: Money(dec("31650"))}}},
			TableBlock{Table: Table{Title: "T", Columns: []string{"a", "b"}, Rows: [][]Cell{{Text("x"), Money(dec("1"))}}}},
			Chart{Title: "C", Categories: []string{"1", "2"}, Series: []Series{{Name: "s", Values: []Cell{Money(dec("1")), Blank()}}}},
			BandPosition{Band: "Band 5", Entry: Money(dec("30000")), Top: Money(dec("36000")), Position: Money(dec("31650")), Through: Percent(dec("0.275"))},
			Verbatim{Title: "s.toml", Text: "a = 1"},
			PageBreak{},
		},
	}
}

func TestValidateAcceptsEveryBlock(t *testing.T) {
	if err := validDoc().Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestValidateRefuses(t *testing.T) {
	cases := map[string]struct {
		edit func(d *Document)
		want string
	}{
		"no date":       {func(d *Document) { d.Created = calendar.Date{} }, "no date"},
		"heading level": {func(d *Document) { d.Blocks[0] = Heading{Text: "x", Level: 3} }, "level 3"},
		"row width": {func(d *Document) {
			d.Blocks[3] = TableBlock{Table: Table{Title: "T", Columns: []string{"a"}, Rows: [][]Cell{{Text("x"), Text("y")}}}}
		}, "row 1 has 2 cells"},
		"widths": {func(d *Document) {
			d.Blocks[3] = TableBlock{Table: Table{Title: "T", Columns: []string{"a"}}, Widths: []int{1, 2}}
		}, "2 widths"},
		"series length": {func(d *Document) {
			d.Blocks[4] = Chart{Title: "C", Categories: []string{"1"}, Series: []Series{{Name: "s", Values: []Cell{Money(dec("1")), Money(dec("2"))}}}}
		}, "2 values for 1"},
		"mixed kinds": {func(d *Document) {
			d.Blocks[4] = Chart{Title: "C", Categories: []string{"1", "2"}, Series: []Series{{Name: "s", Values: []Cell{Money(dec("1")), Percent(dec("2"))}}}}
		}, "mixes"},
		"text in chart": {func(d *Document) {
			d.Blocks[4] = Chart{Title: "C", Categories: []string{"1"}, Series: []Series{{Name: "s", Values: []Cell{Text("1")}}}}
		}, "not a number"},
		"band outside": {func(d *Document) {
			d.Blocks[5] = BandPosition{Band: "B", Entry: Money(dec("1")), Top: Money(dec("2")), Position: Money(dec("3")), Through: Percent(dec("1"))}
		}, "outside"},
		"band through": {func(d *Document) {
			d.Blocks[5] = BandPosition{Band: "B", Entry: Money(dec("1")), Top: Money(dec("2")), Position: Money(dec("1")), Through: Money(dec("1"))}
		}, "percent"},
		"nil block": {func(d *Document) { d.Blocks = append(d.Blocks, nil) }, "nil block"},
	}
	for name, c := range cases {
		d := validDoc()
		c.edit(d)
		err := d.Validate()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want error containing %q", name, err, c.want)
		}
	}
}
