package ttf

import (
	"bytes"
	"encoding/binary"
	"sort"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
)

// checkFont re-reads a font Subset wrote, independently of readTables: the
// directory's fields, every table inside the file, 4-byte aligned and
// sorted by tag, every table's checksum, head.checkSumAdjustment, and a
// long loca whose offsets rise monotonically to the end of glyf. It
// returns the tables and the glyph offsets.
func checkFont(t *testing.T, font []byte) (map[string][]byte, []uint32) {
	t.Helper()
	if len(font)%4 != 0 {
		t.Errorf("font is %d bytes, not a multiple of 4", len(font))
	}
	if v := binary.BigEndian.Uint32(font); v != 0x00010000 {
		t.Fatalf("sfnt version %#x, want 0x00010000", v)
	}
	n := int(binary.BigEndian.Uint16(font[4:]))
	sr, es, rs := binary.BigEndian.Uint16(font[6:]), binary.BigEndian.Uint16(font[8:]), binary.BigEndian.Uint16(font[10:])
	if 1<<es > n || 1<<(es+1) <= n || int(sr) != 16<<es || int(rs) != 16*n-int(sr) {
		t.Errorf("%d tables: searchRange %d, entrySelector %d, rangeShift %d", n, sr, es, rs)
	}
	tables := map[string][]byte{}
	prev := ""
	for i := 0; i < n; i++ {
		rec := font[12+16*i:]
		tag := string(rec[:4])
		sum, off, length := binary.BigEndian.Uint32(rec[4:]), binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if tag <= prev {
			t.Errorf("table %q follows %q: not sorted", tag, prev)
		}
		prev = tag
		if off%4 != 0 || int(off) < 12+16*n || int(off)+int(length) > len(font) {
			t.Fatalf("table %s at %d, %d bytes, in a %d-byte file", tag, off, length, len(font))
		}
		data := font[off : off+length]
		want := checksum(data)
		if tag == "head" {
			want -= binary.BigEndian.Uint32(data[8:]) // checksummed with checkSumAdjustment 0
		}
		if sum != want {
			t.Errorf("table %s: checksum %#x recorded, %#x computed", tag, sum, want)
		}
		tables[tag] = data
	}
	if got := checksum(font); got != 0xB1B0AFBA {
		t.Errorf("whole-font checksum %#x, want 0xB1B0AFBA (head.checkSumAdjustment is wrong)", got)
	}
	head, maxp, loca, glyf := tables["head"], tables["maxp"], tables["loca"], tables["glyf"]
	if binary.BigEndian.Uint16(head[50:]) != 1 {
		t.Fatal("indexToLocFormat is not 1 (long)")
	}
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	if len(loca) != 4*(numGlyphs+1) {
		t.Fatalf("loca is %d bytes for %d glyphs", len(loca), numGlyphs)
	}
	offsets := make([]uint32, numGlyphs+1)
	for g := range offsets {
		offsets[g] = binary.BigEndian.Uint32(loca[4*g:])
		if g > 0 && offsets[g] < offsets[g-1] {
			t.Fatalf("loca falls from %d to %d at glyph %d", offsets[g-1], offsets[g], g)
		}
		if offsets[g]%4 != 0 {
			t.Errorf("glyph %d starts at %d, not 4-byte aligned", g, offsets[g])
		}
	}
	if offsets[0] != 0 || int(offsets[numGlyphs]) != len(glyf) {
		t.Fatalf("loca runs from %d to %d; glyf is %d bytes", offsets[0], offsets[numGlyphs], len(glyf))
	}
	return tables, offsets
}

func TestSubsetGoFont(t *testing.T) {
	const text = "Pay £31,650 – Zoë Ŵ"
	orig, err := Parse(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	var keep []uint16
	want := map[int]bool{0: true}
	for _, r := range text {
		g := orig.Glyph(r)
		if g == 0 {
			t.Fatalf("Go Regular has no glyph for %q", r)
		}
		keep = append(keep, uint16(g))
		want[g] = true
	}
	sub, err := Subset(goregular.TTF, keep)
	if err != nil {
		t.Fatal(err)
	}
	tables, offsets := checkFont(t, sub)

	var tags []string
	for tag := range tables {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	if got := strings.Join(tags, " "); got != "OS/2 cmap glyf head hhea hmtx loca maxp" {
		t.Errorf("tables %s; want OS/2 cmap glyf head hhea hmtx loca maxp", got)
	}
	origTables, err := readTables(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	for _, tag := range []string{"OS/2", "cmap", "hhea", "hmtx", "maxp"} {
		if !bytes.Equal(tables[tag], origTables[tag]) {
			t.Errorf("table %s changed", tag)
		}
	}

	// Every character asked for maps, through the subset's own cmap, to the
	// glyph it had, and that glyph has an outline without instructions.
	cm := &Font{cmap4: findCmap4(tables["cmap"])}
	glyf := tables["glyf"]
	for _, r := range text {
		g := cm.Glyph(r)
		if g != orig.Glyph(r) {
			t.Errorf("%q maps to glyph %d in the subset, %d in the font", r, g, orig.Glyph(r))
		}
		if r == ' ' {
			continue // the space has no outline
		}
		data := glyf[offsets[g]:offsets[g+1]]
		if len(data) < 12 {
			t.Fatalf("%q: glyph %d is empty", r, g)
		}
		contours := int(int16(binary.BigEndian.Uint16(data)))
		if contours <= 0 {
			t.Fatalf("%q: glyph %d has %d contours", r, g, contours)
		}
		if n := binary.BigEndian.Uint16(data[10+2*contours:]); n != 0 {
			t.Errorf("%q: glyph %d keeps %d bytes of instructions", r, g, n)
		}
	}
	// Every other glyph is empty; glyph 0 (.notdef) is kept.
	for g := 0; g+1 < len(offsets); g++ {
		if empty := offsets[g] == offsets[g+1]; empty == want[g] && g != orig.Glyph(' ') {
			t.Errorf("glyph %d: empty %v, kept %v", g, empty, want[g])
		}
	}
	if size := len(sub); size >= len(goregular.TTF)/10 {
		t.Errorf("subset of %d glyphs is %d bytes, the font %d", len(want), size, len(goregular.TTF))
	}
}

// The same glyphs give the same bytes whatever their order or repeats.
func TestSubsetIsDeterministic(t *testing.T) {
	a, err := Subset(gobold.TTF, []uint16{36, 37, 38, 3})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Subset(gobold.TTF, []uint16{3, 38, 37, 36, 37, 0})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("same glyphs in another order give different bytes")
	}
	c, _ := Subset(gobold.TTF, []uint16{36, 37, 3})
	if bytes.Equal(a, c) {
		t.Error("a subset without glyph 38 is the same as one with it")
	}
}

// Every glyph of the Go fonts is simple or empty: Subset of the whole font
// succeeds, and the result reads back well-formed.
func TestGoFontsHaveNoCompositeGlyphs(t *testing.T) {
	for name, font := range map[string][]byte{"regular": goregular.TTF, "bold": gobold.TTF, "italic": goitalic.TTF, "mono": gomono.TTF} {
		f, err := Parse(font)
		if err != nil {
			t.Fatal(err)
		}
		all := make([]uint16, len(f.Advances))
		for g := range all {
			all[g] = uint16(g)
		}
		sub, err := Subset(font, all)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		checkFont(t, sub)
	}
}
