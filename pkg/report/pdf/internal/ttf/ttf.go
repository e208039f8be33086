// Package ttf reads and subsets the TrueType fonts package pdf embeds: the
// table directory, the metrics and the (3,1) format 4 character map a
// renderer needs (Parse), and compact subsets holding only the glyphs of
// the characters a document shows, renumbered, with a character map of
// just those (Subsetter, which reads a font once for many documents).
//
// It handles what the embedded Go fonts use and nothing more: TrueType
// outlines (no CFF), a Windows Unicode BMP cmap, and simple glyphs only. The
// four Go fonts pdf embeds have no composite glyphs (this package's tests
// subset every glyph of each), so Compact refuses a composite glyph rather
// than carry code that never runs.
package ttf

import (
	"encoding/binary"
	"errors"
)

// Font is what a renderer needs to know about a TrueType font, read from
// its tables: metrics in font units and the character map.
type Font struct {
	UnitsPerEm     int
	BBox           [4]int // xMin, yMin, xMax, yMax
	Ascent         int    // hhea, positive up
	Descent        int    // hhea, negative down
	CapHeight      int    // OS/2 version 2 or later; else Ascent
	ItalicAngle    int    // whole degrees
	UnderlinePos   int
	UnderlineThick int
	Advances       []uint16 // by glyph
	cmap4          []byte   // the (3,1) format 4 subtable
}

// ErrFont is returned by Parse for a font it cannot read.
var ErrFont = errors.New("unsupported or damaged TrueType font")

func u16(b []byte, at int) int { return int(binary.BigEndian.Uint16(b[at:])) }
func i16(b []byte, at int) int { return int(int16(binary.BigEndian.Uint16(b[at:]))) }

// Parse reads the metrics and character map of the TrueType font ttf.
func Parse(ttf []byte) (*Font, error) {
	t, err := readTables(ttf)
	if err != nil {
		return nil, err
	}
	head, hhea, hmtx, maxp, post, cmap := t["head"], t["hhea"], t["hmtx"], t["maxp"], t["post"], t["cmap"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 || len(post) < 12 || len(cmap) < 4 {
		return nil, ErrFont
	}
	in := &Font{
		UnitsPerEm:     u16(head, 18),
		BBox:           [4]int{i16(head, 36), i16(head, 38), i16(head, 40), i16(head, 42)},
		Ascent:         i16(hhea, 4),
		Descent:        i16(hhea, 6),
		ItalicAngle:    int(int32(binary.BigEndian.Uint32(post[4:])) >> 16),
		UnderlinePos:   i16(post, 8),
		UnderlineThick: i16(post, 10),
	}
	in.CapHeight = in.Ascent
	if os2 := t["OS/2"]; len(os2) >= 90 && u16(os2, 0) >= 2 {
		in.CapHeight = i16(os2, 88)
	}
	numGlyphs, numH := u16(maxp, 4), u16(hhea, 34)
	if numH == 0 || len(hmtx) < 4*numH {
		return nil, ErrFont
	}
	in.Advances = make([]uint16, numGlyphs)
	for g := range in.Advances {
		at := g
		if at >= numH {
			at = numH - 1
		}
		in.Advances[g] = uint16(u16(hmtx, 4*at))
	}
	if in.cmap4 = findCmap4(cmap); in.cmap4 == nil || in.UnitsPerEm == 0 {
		return nil, ErrFont
	}
	return in, nil
}

// findCmap4 returns the (3,1) format 4 subtable of a cmap table (the last,
// if there are several), nil if it has none or it overruns the table.
func findCmap4(cmap []byte) []byte {
	var sub []byte
	n := u16(cmap, 2)
	for i := 0; i < n && 4+8*i+8 <= len(cmap); i++ {
		rec := cmap[4+8*i:]
		off := int(binary.BigEndian.Uint32(rec[4:]))
		if u16(rec, 0) == 3 && u16(rec, 2) == 1 && off+14 <= len(cmap) && u16(cmap, off) == 4 {
			end := off + u16(cmap, off+2)
			if end > len(cmap) {
				return nil
			}
			sub = cmap[off:end]
		}
	}
	return sub
}

// Glyph returns the glyph for r, 0 when the font has none.
func (in *Font) Glyph(r rune) int {
	if r > 0xFFFF {
		return 0
	}
	c := int(r)
	t := in.cmap4
	segs := u16(t, 6) / 2
	if 16+8*segs > len(t) {
		return 0
	}
	ends, starts, deltas, ranges := 14, 16+2*segs, 16+4*segs, 16+6*segs
	for i := 0; i < segs; i++ {
		if c > u16(t, ends+2*i) {
			continue
		}
		if c < u16(t, starts+2*i) {
			return 0
		}
		ro := u16(t, ranges+2*i)
		if ro == 0 {
			return (c + u16(t, deltas+2*i)) & 0xFFFF
		}
		at := ranges + 2*i + ro + 2*(c-u16(t, starts+2*i))
		if at+2 > len(t) {
			return 0
		}
		g := u16(t, at)
		if g == 0 {
			return 0
		}
		return (g + u16(t, deltas+2*i)) & 0xFFFF
	}
	return 0
}

// Units converts font units to thousandths of an em, rounding half away
// from zero.
func (in *Font) Units(v int) int {
	n := v * 1000
	if n < 0 {
		return -((-n + in.UnitsPerEm/2) / in.UnitsPerEm)
	}
	return (n + in.UnitsPerEm/2) / in.UnitsPerEm
}
