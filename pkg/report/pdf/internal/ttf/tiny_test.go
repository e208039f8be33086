package ttf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"slices"
	"testing"
)

// tinyGlyphs are the outlines of tinyFont: .notdef (one point, no
// instructions), "A" (one point, three bytes of instructions), "B" (a
// composite of "A") and an empty glyph.
var tinyGlyphs = [][]byte{
	{0, 1, 0, 0, 0, 0, 0, 10, 0, 10, 0, 0, 0, 0, 1, 0, 10, 0, 10, 0},                // 19 bytes + 1 of padding
	{0, 1, 0, 0, 0, 0, 0, 20, 0, 20, 0, 0, 0, 3, 0xAA, 0xBB, 0xCC, 1, 0, 20, 0, 20}, // 22 bytes
	{0xFF, 0xFF, 0, 0, 0, 0, 0, 20, 0, 20, 0, 2, 0, 1, 0, 0},                        // 16 bytes: component glyph 1 at (0, 0)
	{}, // empty
}

// tinyFont assembles a four-glyph TrueType font by hand: 2048 units to the
// em, a short loca, two long horizontal metrics, and a cmap mapping A and B
// to glyphs 1 and 2. Each table can be replaced or, given nil, left out.
func tinyFont(change map[string][]byte) []byte {
	be16 := func(b []byte, at int, v uint16) { binary.BigEndian.PutUint16(b[at:], v) }
	head := make([]byte, 54)
	binary.BigEndian.PutUint32(head, 0x00010000)
	be16(head, 18, 2048)
	be16(head, 40, 20) // xMax
	be16(head, 42, 20) // yMax
	maxp := []byte{0, 0, 0x50, 0, 0, 4}
	hhea := make([]byte, 36)
	be16(hhea, 4, 1900)
	be16(hhea, 6, 0xFE0C) // -500
	be16(hhea, 34, 2)
	hmtx := []byte{0x03, 0xE8, 0, 0, 0x04, 0xCD, 0, 0, 0, 0, 0, 0} // 1000, 1229, then two lsb
	post := make([]byte, 32)
	binary.BigEndian.PutUint32(post[4:], 0xFFF40000) // italic angle -12.0
	be16(post, 8, 0xFF6A)                            // underline position -150
	be16(post, 10, 100)
	cmap := []byte{
		0, 0, 0, 1, // version, one subtable
		0, 3, 0, 1, 0, 0, 0, 12, // (3,1) at 12
		0, 4, 0, 32, 0, 0, // format 4, length 32, language
		0, 4, 0, 4, 0, 1, 0, 0, // segCountX2 4, searchRange, entrySelector, rangeShift
		0, 0x42, 0xFF, 0xFF, // endCode
		0, 0, // reservedPad
		0, 0x41, 0xFF, 0xFF, // startCode
		0xFF, 0xC0, 0, 1, // idDelta -0x40, 1
		0, 0, 0, 0, // idRangeOffset
	}
	var glyf, loca []byte
	for _, g := range tinyGlyphs {
		loca = binary.BigEndian.AppendUint16(loca, uint16(len(glyf)/2))
		glyf = append(glyf, g...)
		for len(glyf)%2 != 0 {
			glyf = append(glyf, 0)
		}
	}
	loca = binary.BigEndian.AppendUint16(loca, uint16(len(glyf)/2))
	tables := map[string][]byte{
		"head": head, "maxp": maxp, "hhea": hhea, "hmtx": hmtx, "post": post,
		"cmap": cmap, "glyf": glyf, "loca": loca, "name": {0, 0, 0, 0},
	}
	for tag, t := range change {
		if t == nil {
			delete(tables, tag)
		} else {
			tables[tag] = t
		}
	}
	return writeTables(tables)
}

func TestParseTinyFont(t *testing.T) {
	f, err := Parse(tinyFont(nil))
	if err != nil {
		t.Fatal(err)
	}
	if f.UnitsPerEm != 2048 || f.Ascent != 1900 || f.Descent != -500 || f.CapHeight != 1900 ||
		f.ItalicAngle != -12 || f.UnderlinePos != -150 || f.UnderlineThick != 100 || f.BBox != [4]int{0, 0, 20, 20} {
		t.Errorf("metrics %+v", f)
	}
	if want := []uint16{1000, 1229, 1229, 1229}; !equal(f.Advances, want) {
		t.Errorf("advances %v, want %v", f.Advances, want)
	}
	for r, want := range map[rune]int{'A': 1, 'B': 2, '@': 0, 'C': 0, 'é': 0, 0x1F600: 0} {
		if got := f.Glyph(r); got != want {
			t.Errorf("Glyph(%q) = %d, want %d", r, got, want)
		}
	}
	// Thousandths of an em at 2048 units: 1024 is exactly 500; 128 is
	// 62.5, rounded half away from zero.
	for _, tc := range []struct{ in, want int }{
		{0, 0}, {1024, 500}, {2048, 1000}, {1, 0}, {3, 1}, {128, 63}, {-128, -63}, {1229, 600}, {-500, -244},
	} {
		if got := f.Units(tc.in); got != tc.want {
			t.Errorf("Units(%d) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func equal(a, b []uint16) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestParseRefusesDamage(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change map[string][]byte
	}{
		{"no post", map[string][]byte{"post": nil}},
		{"short head", map[string][]byte{"head": make([]byte, 53)}},
		{"no horizontal metrics", map[string][]byte{"hhea": make([]byte, 36)}},
		{"hmtx too short", map[string][]byte{"hmtx": make([]byte, 7)}},
		{"no (3,1) cmap", map[string][]byte{"cmap": {0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 12, 0, 4, 0, 14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}}},
		{"cmap subtable overruns", map[string][]byte{"cmap": append([]byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12, 0, 4, 0, 99}, make([]byte, 10)...)}},
	} {
		if _, err := Parse(tinyFont(tc.change)); !errors.Is(err, ErrFont) {
			t.Errorf("%s: error %v, want ErrFont", tc.name, err)
		}
	}
}

// Compact of the tiny font keeping "A": .notdef as it was, "A" (glyph 1)
// without its three bytes of instructions, every glyph 4-byte aligned in a
// long loca; two glyphs in maxp, hhea and hmtx (A's advance 1229 from the
// font's second long metric); a cmap with one (3,1) format 4 subtable of two
// segments, A (0x41) with idDelta 1 − 0x41 = 0xFFC0, and the final 0xFFFF;
// the name and post tables are dropped.
func TestCompactTinyFont(t *testing.T) {
	s, err := NewSubsetter(tinyFont(nil))
	if err != nil {
		t.Fatal(err)
	}
	sub, err := s.Compact([]rune{'A', 'Z'}) // Z: no glyph, left out
	if err != nil {
		t.Fatal(err)
	}
	tables, offsets := checkFont(t, sub)
	wantGlyf := []byte{
		0, 1, 0, 0, 0, 0, 0, 10, 0, 10, 0, 0, 0, 0, 1, 0, 10, 0, 10, 0, // .notdef, padded
		0, 1, 0, 0, 0, 0, 0, 20, 0, 20, 0, 0, 0, 0, 1, 0, 20, 0, 20, 0, // A, unhinted, padded
	}
	if !bytes.Equal(tables["glyf"], wantGlyf) {
		t.Errorf("glyf\n% x\nwant\n% x", tables["glyf"], wantGlyf)
	}
	if want := []uint32{0, 20, 40}; !slices.Equal(offsets, want) {
		t.Errorf("loca %v, want %v", offsets, want)
	}
	if want := []byte{0x03, 0xE8, 0, 0, 0x04, 0xCD, 0, 0}; !bytes.Equal(tables["hmtx"], want) {
		t.Errorf("hmtx % x, want % x", tables["hmtx"], want)
	}
	if n := binary.BigEndian.Uint16(tables["maxp"][4:]); n != 2 {
		t.Errorf("maxp numGlyphs %d, want 2", n)
	}
	if n := binary.BigEndian.Uint16(tables["hhea"][34:]); n != 2 {
		t.Errorf("hhea numberOfHMetrics %d, want 2", n)
	}
	wantCmap := []byte{
		0, 0, 0, 1, // version, one subtable
		0, 3, 0, 1, 0, 0, 0, 12, // (3,1) at 12
		0, 4, 0, 32, 0, 0, // format 4, length 16 + 8×2, language
		0, 4, 0, 4, 0, 1, 0, 0, // segCountX2 4, searchRange 4, entrySelector 1, rangeShift 0
		0, 0x41, 0xFF, 0xFF, // endCode
		0, 0, // reservedPad
		0, 0x41, 0xFF, 0xFF, // startCode
		0xFF, 0xC0, 0, 1, // idDelta
		0, 0, 0, 0, // idRangeOffset
	}
	if !bytes.Equal(tables["cmap"], wantCmap) {
		t.Errorf("cmap\n% x\nwant\n% x", tables["cmap"], wantCmap)
	}
	if len(tables) != 7 {
		t.Errorf("%d tables, want 7 (cmap glyf head hhea hmtx loca maxp)", len(tables))
	}
}

func TestCompactRefuses(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change map[string][]byte
		chars  string
		want   string
	}{
		{"composite glyph kept", nil, "B", "font glyph 2: composite glyphs are not supported"},
		{"no loca", map[string][]byte{"loca": nil}, "A", "font has no loca table"},
		{"short maxp", map[string][]byte{"maxp": {0, 0, 0x50, 0, 0}}, "A", ErrFont.Error()},
		{"loca too short", map[string][]byte{"loca": {0, 0, 0, 10}}, "A", "font loca table is truncated"},
		{"glyph outside glyf", map[string][]byte{"loca": {0, 0, 0, 10, 0, 99, 0, 99, 0, 99}}, "A", "font glyph 1 lies outside glyf"},
		{"glyph ends before it starts", map[string][]byte{"loca": {0, 0, 0, 10, 0, 5, 0, 29, 0, 29}}, "A", "font glyph 1 lies outside glyf"},
		{"not TrueType", map[string][]byte{}, "", "not a TrueType font"},
	} {
		font := tinyFont(tc.change)
		if tc.name == "not TrueType" {
			copy(font, "OTTO")
		}
		s, err := NewSubsetter(font)
		if err == nil {
			_, err = s.Compact([]rune(tc.chars))
		}
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestAppendUnhinted(t *testing.T) {
	hdr := []byte{0, 1, 0, 0, 0, 0, 0, 1, 0, 1} // one contour, bbox
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	for _, tc := range []struct {
		name    string
		in, out []byte
	}{
		{"empty", nil, nil},
		{"shorter than a header: copied", []byte{0, 1, 2}, []byte{0, 1, 2}},
		{"no instructions", cat(hdr, []byte{0, 0, 0, 0, 1, 0, 1, 0, 1}), cat(hdr, []byte{0, 0, 0, 0, 1, 0, 1, 0, 1})},
		{"two bytes of instructions dropped", cat(hdr, []byte{0, 0, 0, 2, 7, 7, 1, 0, 1, 0, 1}), cat(hdr, []byte{0, 0, 0, 0, 1, 0, 1, 0, 1})},
		{"instructions overrun the glyph: copied", cat(hdr, []byte{0, 0, 0, 9, 7}), cat(hdr, []byte{0, 0, 0, 9, 7})},
		{"contour ends overrun the glyph: copied", cat([]byte{0, 5}, hdr[2:], []byte{0, 0}), cat([]byte{0, 5}, hdr[2:], []byte{0, 0})},
	} {
		got, err := appendUnhinted([]byte{0xEE}, tc.in)
		if err != nil || !bytes.Equal(got, append([]byte{0xEE}, tc.out...)) {
			t.Errorf("%s: % x, %v; want ee % x", tc.name, got, err, tc.out)
		}
	}
	if _, err := appendUnhinted(nil, tinyGlyphs[2]); err != errComposite {
		t.Errorf("composite: error %v, want errComposite", err)
	}
}
