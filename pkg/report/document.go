package report

import (
	"errors"
	"fmt"

	"paymodel/pkg/calendar"
)

// Document is a format-neutral document: the comparison report, a member's
// statement and the campaign briefing are each assembled as a Document and
// handed to a renderer (package report/pdf). A Document holds no layout and
// no formatting of its own: every figure in it is a Cell, shown by the
// renderer with Cell.Display, so a figure in a document is exactly the figure
// in the matching CSV.
//
// A Document is plain data and is not modified by rendering; identical
// Documents render to identical bytes.
type Document struct {
	// Title is shown large on the first page and in the running header of
	// every later page.
	Title string
	// Subtitle is shown under the title on the first page ("" for none).
	Subtitle string
	// Created is the document's fixed date. Renderers record it as the
	// file's creation and modification date; they never read the clock. The
	// caller derives it from the dataset (or SOURCE_DATE_EPOCH). The zero
	// Date is refused by Validate.
	Created calendar.Date
	// Landscape asks for landscape pages, for wide tables.
	Landscape bool
	// Footer is printed at the foot of every page.
	Footer Footer
	// Blocks are the content, in reading order.
	Blocks []Block
}

// Meta is what every document carries besides its content: its fixed
// creation date and its footer.
type Meta struct {
	Created calendar.Date
	Footer  Footer
}

// Footer is what every page carries so a single printed sheet can be traced
// to the run that made it.
type Footer struct {
	Report   string // the report's name ("Pay comparison")
	Dataset  string // the dataset's name
	Checksum string // the dataset's checksum, shown shortened by renderers as needed
	Version  string // the paymodel version that made the document
}

// Block is one piece of a Document's content. The set of blocks is closed:
// it is exactly the types in this file.
type Block interface{ block() }

// Heading is a section heading. Level 1 is a section, level 2 a subsection;
// other levels are refused by Validate. Renderers keep a heading on the same
// page as the start of what follows it.
type Heading struct {
	Text  string
	Level int
}

// Paragraph is running text, wrapped to the page width. A blank line
// ("\n\n") separates paragraphs within one block; a single "\n" is a line
// break.
type Paragraph struct {
	Text string
}

// KeyFigures is a row of headline numbers shown large ("Your salary now
// £31,650"). Renderers wrap them onto further rows when there are many.
type KeyFigures struct {
	Items []KeyFigure
}

// KeyFigure is one headline number: a short label, the value (shown with
// Cell.Display) and an optional note in small type under it.
type KeyFigure struct {
	Label string
	Value Cell
	Note  string
}

// TableBlock shows a Table: its title above, a shaded header row (repeated on
// every page the table continues onto), numeric cells right-aligned, and its
// Note below. A row is never split across pages and the title is never left
// alone at the foot of a page.
type TableBlock struct {
	Table Table
	// Widths optionally gives each column's relative width (any positive
	// numbers; {2, 1, 1} makes the first column twice as wide as the
	// others). Nil means widths are chosen from the content.
	Widths []int
}

// ChartKind says how a Chart is drawn.
type ChartKind int

const (
	// LineChart draws each series as a line through its values, one point
	// per category (salary per spine point; real-terms value per year).
	LineChart ChartKind = iota
	// BarChart draws one group of bars per category, one bar per series
	// (years to the top of each band, per scenario). Its value axis always
	// starts at zero.
	BarChart
)

// Chart is a line or grouped bar chart of one or more series over shared
// categories on the x axis. Values are Cells: their Kind (money, percent,
// number, …) decides how the value axis is labelled, a blank Cell is a
// missing value, and labels written next to lines or bars use
// Cell.Display. All non-blank values of a chart must have the same Kind.
// Renderers distinguish series without relying on colour (dash patterns,
// markers, grey levels) and give a legend.
type Chart struct {
	Kind  ChartKind
	Title string
	// XLabel and YLabel name the axes with their units ("Spine point",
	// "Annual salary (£)").
	XLabel, YLabel string
	// Categories are the x values, as text ("2025", "Point 12"); every
	// series has one value per category.
	Categories []string
	Series     []Series
	// FromZero makes a line chart's value axis start at zero. Bar charts
	// always start at zero.
	FromZero bool
	// Note is a sentence shown under the chart ("" for none).
	Note string
}

// Series is one named line, or one bar in every group, of a Chart.
type Series struct {
	Name string
	// Values has one cell per category: Blank for a missing value; in a
	// bar chart, an Above cell for a value beyond a limit (drawn as an open
	// bar reaching the limit, labelled "> 10").
	Values []Cell
}

// BandPosition shows a pay band as a horizontal bar from its entry salary to
// its top salary, with the member's position marked on it. Through is how far
// through the band the member is (a Percent cell the caller computes from
// decimals, so the document shows the caller's figure). Points optionally
// marks each pay point in the band.
type BandPosition struct {
	Title    string // "Where you are in Band 5"
	Band     string // "Band 5"
	Entry    Cell   // the band's entry salary (money)
	Top      Cell   // the band's top salary (money)
	Position Cell   // the member's salary (money), Entry ≤ Position ≤ Top
	Through  Cell   // fraction of the way from Entry to Top (percent)
	Label    string // what the marker is ("Your salary")
	Points   []Cell // optional pay points inside the band (money)
}

// Verbatim is preformatted text shown in a monospaced font, line for line:
// scenario files in an appendix. Lines too long for the page are wrapped
// with a continuation mark, never cut off.
type Verbatim struct {
	Title string
	Text  string
}

// PageBreak starts a new page.
type PageBreak struct{}

func (Heading) block()      {}
func (Paragraph) block()    {}
func (KeyFigures) block()   {}
func (TableBlock) block()   {}
func (Chart) block()        {}
func (BandPosition) block() {}
func (Verbatim) block()     {}
func (PageBreak) block()    {}

// Validate reports the first thing about d that a renderer cannot show
// faithfully: no date, a heading level other than 1 or 2, a table row with
// the wrong number of cells, a chart series of the wrong length or mixing
// kinds of value, a band whose cells are not of the expected kinds.
func (d *Document) Validate() error {
	if d.Created.IsZero() {
		return errors.New("report: document has no date (Created)")
	}
	for i, b := range d.Blocks {
		if err := validateBlock(b); err != nil {
			// Never the title: a statement's title is the member's name.
			return fmt.Errorf("report: document block %d: %w", i+1, err)
		}
	}
	return nil
}

func validateBlock(b Block) error {
	switch b := b.(type) {
	case Heading:
		if b.Level != 1 && b.Level != 2 {
			return fmt.Errorf("heading %q has level %d (want 1 or 2)", b.Text, b.Level)
		}
	case TableBlock:
		t := b.Table
		if len(t.Columns) == 0 {
			return fmt.Errorf("table %q has no columns", t.Title)
		}
		for i, row := range t.Rows {
			if len(row) != len(t.Columns) {
				return &rowWidthError{table: t.Title, row: i + 1, got: len(row), want: len(t.Columns)}
			}
		}
		if b.Widths != nil {
			if len(b.Widths) != len(t.Columns) {
				return fmt.Errorf("table %q has %d widths for %d columns", t.Title, len(b.Widths), len(t.Columns))
			}
			for _, w := range b.Widths {
				if w <= 0 {
					return fmt.Errorf("table %q has a width that is not positive", t.Title)
				}
			}
		}
	case Chart:
		// A chart may have no categories, no series or no values at all (a
		// band nobody reaches the top of within the horizon): renderers
		// draw an empty plot that says so.
		kind := KindBlank
		for _, s := range b.Series {
			if len(s.Values) != len(b.Categories) {
				return fmt.Errorf("chart %q series %q has %d values for %d categories", b.Title, s.Name, len(s.Values), len(b.Categories))
			}
			for _, v := range s.Values {
				vk := v.Kind
				if vk == KindAbove {
					if b.Kind != BarChart {
						return fmt.Errorf("chart %q: only a bar chart can show a value beyond a limit", b.Title)
					}
					vk = KindNumber // "> 10" sits on a number axis
				}
				switch {
				case vk == KindBlank:
				case !v.Numeric():
					return fmt.Errorf("chart %q series %q has a value that is not a number", b.Title, s.Name)
				case kind == KindBlank:
					kind = vk
				case vk != kind:
					return fmt.Errorf("chart %q mixes kinds of value", b.Title)
				}
			}
		}
	case BandPosition:
		for _, c := range append([]Cell{b.Entry, b.Top, b.Position}, b.Points...) {
			if c.Kind != KindMoney {
				return fmt.Errorf("band %q: entry, top, position and points must be money", b.Band)
			}
		}
		if b.Through.Kind != KindPercent {
			return fmt.Errorf("band %q: through must be a percent", b.Band)
		}
		if !b.Entry.Dec.LessThan(b.Top.Dec) {
			return fmt.Errorf("band %q: entry %s is not below top %s", b.Band, b.Entry.Display(), b.Top.Display())
		}
		if b.Position.Dec.LessThan(b.Entry.Dec) || b.Position.Dec.GreaterThan(b.Top.Dec) {
			return fmt.Errorf("band %q: position %s is outside the band", b.Band, b.Position.Display())
		}
	case nil:
		return errors.New("nil block")
	}
	return nil
}
