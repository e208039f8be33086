package main

import (
	"hash/maphash"
	"strings"
	"testing"

	"paymodel/pkg/paystructure"
)

// TestCheckStatementNames checks the clash check under the real hash and
// under hashes that collide: every name hashed to 0 (so every pair is
// settled by the second reading) and every name hashed by its length (so
// unequal names share hashes). The results must not depend on the hash.
func TestCheckStatementNames(t *testing.T) {
	seed := maphash.MakeSeed()
	hashes := map[string]func(string) uint64{
		"maphash":  func(s string) uint64 { return maphash.String(seed, s) },
		"constant": func(string) uint64 { return 0 },
		"length":   func(s string) uint64 { return uint64(len(s)) },
	}
	tests := []struct {
		name  string
		ids   []string // line i+2 has ids[i]; "" is named row-LINE
		count int
		err   string
	}{
		{"distinct", []string{"A1", "B2", "C3", "D4", "ab1"}, 5, ""},
		// the third row is blank, so named row-4, as the first id is
		{"blank", []string{"row-4", "x", ""}, 0, "staff.csv:4: statement file statement-row-4.pdf would also be written for line 2"},
		{"case", []string{"Q", "AB1", "Z", "ab1"}, 0, "staff.csv:5: statement file statement-ab1.pdf would be the same file as statement-AB1.pdf for line 3 on systems that ignore case"},
		// the first clash in line order is the one reported
		{"first", []string{"a", "b", "B", "A"}, 0, "staff.csv:4: statement file statement-B.pdf would be the same file as statement-b.pdf for line 3"},
		{"bad id", []string{"a", "../x"}, 0, `staff.csv:3: id "../x" would make a file outside`},
	}
	for hname, hash := range hashes {
		for _, tt := range tests {
			reads := 0
			each := func(f func(*paystructure.Person) error) error {
				reads++
				for i, id := range tt.ids {
					if err := f(&paystructure.Person{ID: id, Line: i + 2}); err != nil {
						return err
					}
				}
				return nil
			}
			count, err := checkStatementNames(each, hash)
			if tt.err == "" {
				if err != nil || count != tt.count {
					t.Errorf("%s/%s: got %d, %v; want %d, no error", hname, tt.name, count, err, tt.count)
				}
			} else if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s/%s: got error %v; want one containing %q", hname, tt.name, err, tt.err)
			}
			// with the real hash, distinct names read the census once
			if hname == "maphash" && tt.name == "distinct" && reads != 1 {
				t.Errorf("distinct names: the census was read %d times, want 1", reads)
			}
		}
	}
}
