package pdf

import (
	"encoding/binary"
	"errors"
)

// ttfInfo is what the renderer needs to know about a TrueType font, read
// from its tables: metrics in font units and the character map.
type ttfInfo struct {
	tables         map[string][]byte
	upem           int
	bbox           [4]int // xMin, yMin, xMax, yMax
	ascent         int    // hhea, positive up
	descent        int    // hhea, negative down
	capHeight      int
	italicAngle    int // whole degrees
	underlinePos   int
	underlineThick int
	advances       []uint16 // by glyph
	cmap4          []byte   // the (3,1) format 4 subtable
}

var errTTF = errors.New("unsupported or damaged TrueType font")

func u16(b []byte, at int) int { return int(binary.BigEndian.Uint16(b[at:])) }
func i16(b []byte, at int) int { return int(int16(binary.BigEndian.Uint16(b[at:]))) }

func parseTTF(ttf []byte) (*ttfInfo, error) {
	t, err := readTables(ttf)
	if err != nil {
		return nil, err
	}
	head, hhea, hmtx, maxp, post, cmap := t["head"], t["hhea"], t["hmtx"], t["maxp"], t["post"], t["cmap"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 || len(post) < 12 || len(cmap) < 4 {
		return nil, errTTF
	}
	in := &ttfInfo{
		tables:         t,
		upem:           u16(head, 18),
		bbox:           [4]int{i16(head, 36), i16(head, 38), i16(head, 40), i16(head, 42)},
		ascent:         i16(hhea, 4),
		descent:        i16(hhea, 6),
		italicAngle:    int(int32(binary.BigEndian.Uint32(post[4:])) >> 16),
		underlinePos:   i16(post, 8),
		underlineThick: i16(post, 10),
	}
	in.capHeight = in.ascent
	if os2 := t["OS/2"]; len(os2) >= 90 && u16(os2, 0) >= 2 {
		in.capHeight = i16(os2, 88)
	}
	numGlyphs, numH := u16(maxp, 4), u16(hhea, 34)
	if numH == 0 || len(hmtx) < 4*numH {
		return nil, errTTF
	}
	in.advances = make([]uint16, numGlyphs)
	for g := range in.advances {
		at := g
		if at >= numH {
			at = numH - 1
		}
		in.advances[g] = uint16(u16(hmtx, 4*at))
	}
	n := u16(cmap, 2)
	for i := 0; i < n && 4+8*i+8 <= len(cmap); i++ {
		rec := cmap[4+8*i:]
		off := int(binary.BigEndian.Uint32(rec[4:]))
		if u16(rec, 0) == 3 && u16(rec, 2) == 1 && off+14 <= len(cmap) && u16(cmap, off) == 4 {
			end := off + u16(cmap, off+2)
			if end > len(cmap) {
				return nil, errTTF
			}
			in.cmap4 = cmap[off:end]
		}
	}
	if in.cmap4 == nil || in.upem == 0 {
		return nil, errTTF
	}
	return in, nil
}

// glyph returns the glyph for r, 0 when the font has none.
func (in *ttfInfo) glyph(r rune) int {
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

// units converts font units to thousandths of an em, rounding half away
// from zero.
func (in *ttfInfo) units(v int) int {
	n := v * 1000
	if n < 0 {
		return -((-n + in.upem/2) / in.upem)
	}
	return (n + in.upem/2) / in.upem
}
