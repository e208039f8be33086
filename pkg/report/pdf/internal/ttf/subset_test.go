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

// Compact of a line of text: the tables a PDF needs, .notdef and one glyph
// per distinct character renumbered in character order, each character
// mapped by the subset's own cmap to a glyph with the original's outline
// (without instructions) and advance.
func TestCompactGoFont(t *testing.T) {
	const text = "Pay £31,650 – Zoë Ŵ中" // 中: not in Go Regular, left out
	s, err := NewSubsetter(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	orig := s.Font()
	sub, err := s.Compact([]rune(text))
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
	// The distinct characters, in order: space , 0 1 3 5 6 P Z a o y £ ë Ŵ –
	// (16; 中 is left out), so glyphs 1 to 16 after .notdef.
	const want = " ,01356PZaoy£ëŴ–"
	if n := binary.BigEndian.Uint16(tables["maxp"][4:]); n != 17 {
		t.Errorf("maxp has %d glyphs, want 17", n)
	}
	if n := binary.BigEndian.Uint16(tables["hhea"][34:]); n != 17 {
		t.Errorf("hhea has %d long metrics, want 17", n)
	}
	if len(tables["hmtx"]) != 4*17 {
		t.Errorf("hmtx is %d bytes, want %d", len(tables["hmtx"]), 4*17)
	}
	origTables, err := readTables(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	origOffsets, err := glyphOffsets(origTables)
	if err != nil {
		t.Fatal(err)
	}
	cm := &Font{cmap4: findCmap4(tables["cmap"])}
	for i, r := range []rune(want) {
		g, old := cm.Glyph(r), orig.Glyph(r)
		if g != i+1 {
			t.Errorf("%q maps to glyph %d in the subset, want %d", r, g, i+1)
			continue
		}
		wantOutline, _ := appendUnhinted(nil, origTables["glyf"][origOffsets[old]:origOffsets[old+1]])
		got := tables["glyf"][offsets[g]:offsets[g+1]]
		pad := len(got) - len(wantOutline)
		if pad < 0 || pad > 3 || !bytes.Equal(got[:len(wantOutline)], wantOutline) || !bytes.Equal(got[len(wantOutline):], make([]byte, pad)) {
			t.Errorf("%q: glyph %d is not glyph %d's outline without instructions", r, g, old)
		}
		if adv := binary.BigEndian.Uint16(tables["hmtx"][4*g:]); adv != orig.Advances[old] {
			t.Errorf("%q: advance %d, want %d", r, adv, orig.Advances[old])
		}
	}
	for _, r := range "beQ中" {
		if g := cm.Glyph(r); g != 0 {
			t.Errorf("%q maps to glyph %d; it was not asked for", r, g)
		}
	}
	if size := len(sub); size >= len(goregular.TTF)/20 {
		t.Errorf("subset of 17 glyphs is %d bytes, the font %d", size, len(goregular.TTF))
	}
}

// The same characters give the same bytes whatever their order or repeats.
func TestCompactIsDeterministic(t *testing.T) {
	s, err := NewSubsetter(gobold.TTF)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Compact([]rune("ABC "))
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.Compact([]rune(" CBABA"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("same characters in another order give different bytes")
	}
	c, _ := s.Compact([]rune("AB "))
	if bytes.Equal(a, c) {
		t.Error("a subset without C is the same as one with it")
	}
}

// Every character of the Go fonts has a simple or empty glyph: Compact of
// every character each maps succeeds, and the result reads back
// well-formed with every character mapped.
func TestGoFontsHaveNoCompositeGlyphs(t *testing.T) {
	for name, font := range map[string][]byte{"regular": goregular.TTF, "bold": gobold.TTF, "italic": goitalic.TTF, "mono": gomono.TTF} {
		s, err := NewSubsetter(font)
		if err != nil {
			t.Fatal(err)
		}
		var all []rune
		for r := rune(0); r < 0xFFFF; r++ {
			if s.Font().Glyph(r) != 0 {
				all = append(all, r)
			}
		}
		sub, err := s.Compact(all)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		tables, _ := checkFont(t, sub)
		cm := &Font{cmap4: findCmap4(tables["cmap"])}
		for _, r := range all {
			if cm.Glyph(r) == 0 {
				t.Errorf("%s: %q is not mapped in the subset", name, r)
				break
			}
		}
	}
}
