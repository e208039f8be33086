package ttf

import (
	"encoding/binary"
	"fmt"

	"golang.org/x/image/font/gofont/goregular"
)

// A subset for a document that shows "Pay £31,650": .notdef and the glyphs
// of its eleven distinct characters, numbered in character order (space 1,
// "," 2, "0" 3, …, "y" 10, "£" 11), mapped by the subset's own cmap.
func ExampleSubsetter_Compact() {
	s, err := NewSubsetter(goregular.TTF)
	if err != nil {
		fmt.Println(err)
		return
	}
	font, err := s.Compact([]rune("Pay £31,650"))
	if err != nil {
		fmt.Println(err)
		return
	}
	tables, _ := readTables(font)
	cmap := &Font{cmap4: findCmap4(tables["cmap"])}
	fmt.Println("glyphs:", binary.BigEndian.Uint16(tables["maxp"][4:]))
	fmt.Println("space, y, £:", cmap.Glyph(' '), cmap.Glyph('y'), cmap.Glyph('£'))
	fmt.Printf("%d bytes of a %d-byte font\n", len(font), len(goregular.TTF))
	// Output:
	// glyphs: 12
	// space, y, £: 1 10 11
	// 1424 bytes of a 148672-byte font
}
