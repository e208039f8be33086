package ttf

import (
	"bytes"
	"encoding/binary"
	"testing"
)

func TestChecksum(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
		want uint32
	}{
		{"empty", nil, 0},
		{"one word", []byte{0, 0, 0, 7}, 7},
		{"two words", []byte{0, 0, 0, 1, 0, 0, 0, 2}, 3},
		{"big-endian", []byte{1, 2, 3, 4}, 0x01020304},
		{"last word padded with zeros", []byte{0, 0, 0, 1, 0xAB}, 0xAB000001},
		{"sum wraps at 2^32", []byte{0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 2}, 1},
	} {
		if got := checksum(tc.in); got != tc.want {
			t.Errorf("%s: checksum(% x) = %#x, want %#x", tc.name, tc.in, got, tc.want)
		}
	}
}

// writeTables sorts by tag, pads every table to 4 bytes, and fills the
// directory's binary-search fields; readTables gives the tables back.
func TestWriteReadTables(t *testing.T) {
	in := map[string][]byte{"zzzz": {1, 2, 3}, "OS/2": {9, 9, 9, 9, 9}, "abcd": {0, 0, 0, 5}}
	font := writeTables(in)
	// 12 + 3*16 = 60 bytes of directory, then "OS/2" (5 bytes, padded to
	// 8), "abcd" (4), "zzzz" (3, padded to 4).
	if len(font) != 60+8+4+4 {
		t.Fatalf("length %d, want 76", len(font))
	}
	hdr := []uint16{3, 32, 1, 16} // numTables, searchRange, entrySelector, rangeShift
	for i, want := range hdr {
		if got := binary.BigEndian.Uint16(font[4+2*i:]); got != want {
			t.Errorf("header field %d = %d, want %d", i, got, want)
		}
	}
	wantRecs := []struct {
		tag           string
		sum, off, len uint32
	}{
		{"OS/2", 0x09090909 + 0x09000000, 60, 5},
		{"abcd", 5, 68, 4},
		{"zzzz", 0x01020300, 72, 3},
	}
	for i, w := range wantRecs {
		rec := font[12+16*i:]
		got := struct {
			tag           string
			sum, off, len uint32
		}{string(rec[:4]), binary.BigEndian.Uint32(rec[4:]), binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])}
		if got != w {
			t.Errorf("record %d = %+v, want %+v", i, got, w)
		}
	}
	if at := tableOffset(font, "abcd"); at != 68 {
		t.Errorf("tableOffset(abcd) = %d, want 68", at)
	}
	if at := tableOffset(font, "none"); at != -1 {
		t.Errorf("tableOffset(none) = %d, want -1", at)
	}
	back, err := readTables(font)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(in) {
		t.Fatalf("read %d tables, want %d", len(back), len(in))
	}
	for tag, data := range in {
		if !bytes.Equal(back[tag], data) {
			t.Errorf("table %s read back as % x, want % x", tag, back[tag], data)
		}
	}
}

func TestReadTablesRefusesDamage(t *testing.T) {
	good := writeTables(map[string][]byte{"abcd": {1, 2, 3, 4}})
	outside := append([]byte(nil), good...)
	binary.BigEndian.PutUint32(outside[12+12:], 5) // length 5 from offset 28 in a 32-byte file
	for _, tc := range []struct {
		name string
		in   []byte
		want string
	}{
		{"truncated", good[:11], "font is truncated"},
		{"not TrueType", append([]byte("OTTO"), good[4:]...), "not a TrueType font"},
		{"directory truncated", good[:27], "font table directory is truncated"},
		{"table outside", outside, `font table "abcd" lies outside the file`},
	} {
		_, err := readTables(tc.in)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}
