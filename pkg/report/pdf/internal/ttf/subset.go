package ttf

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Subset returns a copy of the TrueType font ttf in which every glyph not
// in keep (nor glyph 0) has an empty outline. Glyph numbers, cmap and
// metrics are unchanged, so the result still maps every character the
// original did; characters whose glyph was dropped draw nothing. Hinting
// instructions are removed (PDF viewers and printers draw outlines at high
// resolution without them), and so are the tables a PDF does not use:
// names, glyph names, layout and kerning. That makes a subset of about 220
// glyphs some 12 KB compressed instead of 30 KB.
//
// A kept glyph that is composite (built from other glyphs) is an error: no
// font package pdf embeds has one. Glyph numbers in keep beyond the font's
// last glyph are ignored.
//
// The result is a well-formed font: tables sorted by tag, 4-byte aligned,
// with correct checksums and head.checkSumAdjustment, and a long loca.
func Subset(ttf []byte, keep []uint16) ([]byte, error) {
	tables, err := readTables(ttf)
	if err != nil {
		return nil, err
	}
	for _, tag := range []string{"head", "maxp", "loca", "glyf", "hmtx", "hhea", "cmap"} {
		if _, ok := tables[tag]; !ok {
			return nil, fmt.Errorf("font has no %s table", tag)
		}
	}
	head, maxp, loca, glyf := tables["head"], tables["maxp"], tables["loca"], tables["glyf"]
	if len(head) < 54 || len(maxp) < 6 {
		return nil, errors.New("font head or maxp table is truncated")
	}
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	long := binary.BigEndian.Uint16(head[50:]) == 1
	offsets := make([]uint32, numGlyphs+1)
	for i := range offsets {
		switch {
		case long && 4*i+4 <= len(loca):
			offsets[i] = binary.BigEndian.Uint32(loca[4*i:])
		case !long && 2*i+2 <= len(loca):
			offsets[i] = 2 * uint32(binary.BigEndian.Uint16(loca[2*i:]))
		default:
			return nil, errors.New("font loca table is truncated")
		}
	}

	kept := make([]bool, numGlyphs)
	if numGlyphs > 0 {
		kept[0] = true
	}
	for _, g := range keep {
		if int(g) < numGlyphs {
			kept[g] = true
		}
	}

	// New glyf and (long) loca.
	var newGlyf []byte
	newLoca := make([]byte, 4*(numGlyphs+1))
	for g := 0; g < numGlyphs; g++ {
		binary.BigEndian.PutUint32(newLoca[4*g:], uint32(len(newGlyf)))
		if !kept[g] {
			continue
		}
		a, b := offsets[g], offsets[g+1]
		if a > b || int(b) > len(glyf) {
			return nil, fmt.Errorf("font glyph %d lies outside glyf", g)
		}
		newGlyf, err = appendUnhinted(newGlyf, glyf[a:b])
		if err != nil {
			return nil, fmt.Errorf("font glyph %d: %w", g, err)
		}
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*numGlyphs:], uint32(len(newGlyf)))

	newHead := append([]byte(nil), head...)
	binary.BigEndian.PutUint32(newHead[8:], 0) // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(newHead[50:], 1)

	out := map[string][]byte{"head": newHead, "loca": newLoca, "glyf": newGlyf}
	for _, tag := range []string{"cmap", "hhea", "hmtx", "maxp", "OS/2"} {
		if t, ok := tables[tag]; ok {
			out[tag] = t
		}
	}
	font := writeTables(out)
	adj := 0xB1B0AFBA - checksum(font)
	headAt := tableOffset(font, "head")
	binary.BigEndian.PutUint32(font[headAt+8:], adj)
	return font, nil
}

// errComposite is Subset's error for a kept composite glyph.
var errComposite = errors.New("composite glyphs are not supported")

// appendUnhinted appends a simple glyph to dst without its hinting
// instructions. An empty glyph, and a damaged one, is copied as it is; a
// composite glyph is an error.
func appendUnhinted(dst, data []byte) ([]byte, error) {
	if len(data) < 10 {
		return append(dst, data...), nil
	}
	contours := int(int16(binary.BigEndian.Uint16(data)))
	if contours < 0 {
		return dst, errComposite
	}
	at := 10 + 2*contours // instructionLength
	if at+2 > len(data) {
		return append(dst, data...), nil
	}
	n := int(binary.BigEndian.Uint16(data[at:]))
	if at+2+n > len(data) {
		return append(dst, data...), nil
	}
	dst = append(dst, data[:at]...)
	dst = append(dst, 0, 0)
	return append(dst, data[at+2+n:]...), nil
}
