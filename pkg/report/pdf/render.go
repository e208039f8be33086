// Package pdf owns paymodel's PDF output: it renders a report.Document to
// A4 pages with embedded Go fonts, tables, vector charts, and a footer on
// every page that traces the sheet to its dataset and paymodel version. It
// is the only package that uses gofpdf. Its internal package ttf reads the
// fonts' metrics and character maps and subsets them for embedding; package
// pdftext extracts a PDF's text for tests.
//
// Output is deterministic: the same Document gives the same bytes. Figures
// are never formatted here: every value comes from report.Cell.Display. The
// only float64 values in this package are drawing coordinates and type
// sizes; where a decimal becomes a float64 it is marked "float ok: drawing
// only".
//
// A Renderer prepares the fonts once and is safe for concurrent use, so a
// program writing one statement per member shares one Renderer between all
// its workers.
//
// Errors never quote the document's title: a member statement's title is
// the member's name. The caller names the file being written.
package pdf

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/jung-kurt/gofpdf"

	"paymodel/pkg/report"
)

// Renderer renders Documents to PDF. Its fonts are prepared once, by
// NewRenderer; after that a Renderer is read-only and safe for concurrent
// use by any number of goroutines.
//
// To write one statement per member, make one Renderer and share it
// between one worker goroutine per core, each calling Write with the
// member's file:
//
//	r, err := pdf.NewRenderer()
//	...
//	for m := range members { // in each of runtime.GOMAXPROCS(0) workers
//		if err := r.Write(file, statement(m)); err != nil { ... }
//	}
type Renderer struct {
	fonts *fontSet
}

// NewRenderer prepares the embedded fonts (a few milliseconds).
func NewRenderer() (*Renderer, error) {
	fs, err := newFontSet()
	if err != nil {
		return nil, err
	}
	return &Renderer{fonts: fs}, nil
}

var shared = sync.OnceValues(func() (*Renderer, error) { return NewRenderer() })

// Write renders doc to w with a Renderer shared by the whole program.
func Write(w io.Writer, doc *report.Document) error {
	r, err := shared()
	if err != nil {
		return err
	}
	return r.Write(w, doc)
}

// nbAlias is replaced by gofpdf with the number of pages.
const nbAlias = "{nb}"

// Write renders doc to w: A4, portrait unless doc.Landscape.
func (r *Renderer) Write(w io.Writer, doc *report.Document) error {
	if err := doc.Validate(); err != nil {
		return err
	}
	p := r.draw(doc)
	raw := getBuffer()
	defer putBuffer(raw)
	if err := p.f.Output(raw); err != nil {
		// Never the title: a statement's title is the member's name, and
		// the caller names the file being written.
		return fmt.Errorf("pdf: %w", err)
	}
	out := getBuffer()
	defer putBuffer(out)
	if err := r.assemble(out, raw.Bytes(), p); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	if _, err := w.Write(out.Bytes()); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

// draw lays out and draws a valid doc's pages.
func (r *Renderer) draw(doc *report.Document) *page {
	orient := "P"
	if doc.Landscape {
		orient = "L"
	}
	f := gofpdf.New(orient, "mm", "A4", "")
	created := time.Date(doc.Created.Year, time.Month(doc.Created.Month), doc.Created.Day, 0, 0, 0, 0, time.UTC)
	f.SetCreationDate(created)
	f.SetModificationDate(created)
	f.SetCatalogSort(true)
	f.SetProducer("paymodel "+doc.Footer.Version, true)
	f.SetCreator("paymodel", true)
	f.SetTitle(doc.Title, true)
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(marginX, marginTop, marginX)
	f.AliasNbPages(nbAlias)
	f.SetLineCapStyle("butt")
	f.SetCompression(false) // assemble compresses the pages

	pw, ph := f.GetPageSize()
	p := &page{
		f: f, fs: r.fonts, w: pw, h: ph,
		left: marginX, right: pw - marginX, top: marginTop, bottom: ph - marginBottom,
	}
	for fc := range p.used {
		p.used[fc] = make([]codeSet, len(r.fonts.encs))
	}
	f.SetHeaderFunc(func() {
		p.tf = "" // a new page: no font set
		drawHeader(p, doc)
	})
	f.SetFooterFunc(func() { drawFooter(p, doc) })

	p.newPage()
	drawTitle(p, doc)
	for i, b := range doc.Blocks {
		var next report.Block
		if i+1 < len(doc.Blocks) {
			next = doc.Blocks[i+1]
		}
		p.block = i
		drawBlock(p, b, next)
	}
	return p
}

// drawBlock lays out one block, starting a new page first when the block
// cannot start on this one.
func drawBlock(p *page, b, next report.Block) {
	switch b := b.(type) {
	case report.Heading:
		keep := 0.0
		if next != nil {
			if _, isBreak := next.(report.PageBreak); !isBreak {
				keep = minHeight(p, next)
			}
		}
		drawHeading(p, b, keep)
	case report.Paragraph:
		drawParagraph(p, b)
	case report.KeyFigures:
		drawKeyFigures(p, b)
	case report.TableBlock:
		tl := p.nextTable
		if tl == nil || p.nextTableAt != p.block {
			tl = layoutTable(p, b)
		}
		p.nextTable = nil
		drawTable(p, b, tl)
	case report.Chart:
		drawChart(p, b)
	case report.BandPosition:
		drawBand(p, b)
	case report.Verbatim:
		drawVerbatim(p, b)
	case report.PageBreak:
		if !p.atTop() {
			p.newPage()
		}
	}
}

// minHeight is the height the block after the current one needs to start
// on a page: all of it for blocks that are never split, otherwise its first
// lines or rows. A table's layout is kept for drawing it.
func minHeight(p *page, b report.Block) float64 {
	switch b := b.(type) {
	case report.Heading:
		return headingHeight(p, b)
	case report.Paragraph:
		return paragraphStart(p, b)
	case report.KeyFigures:
		return keyFiguresStart(p, b)
	case report.TableBlock:
		p.nextTable, p.nextTableAt = layoutTable(p, b), p.block+1
		return p.nextTable.startHeight(p)
	case report.Chart:
		return chartHeight(p, b)
	case report.BandPosition:
		return bandHeight
	case report.Verbatim:
		return verbatimStart(p, b)
	}
	return 0
}
