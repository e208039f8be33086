package dataset

import (
	"bytes"
	"hash/maphash"
)

// keyTable numbers distinct byte strings (census group keys) densely from
// 0, storing their bytes in large shared blocks so that adding a key
// allocates nothing per key. It is a hash map from 64-bit hashes to where
// each key's bytes are, with open probing on collisions and every hit
// checked against the stored bytes, so it is exact.
type keyTable struct {
	seed   maphash.Seed
	byHash map[uint64]keyRef
	n      int32
	blocks [][]byte
}

// keyRef is a key's number and where its bytes are.
type keyRef struct{ n, block, off, len int32 }

// keyBlockSize is the size of each block of key bytes.
const keyBlockSize = 1 << 20

func newKeyTable() *keyTable {
	return &keyTable{seed: maphash.MakeSeed(), byHash: map[uint64]keyRef{}}
}

// add returns key's number and whether it was new.
func (t *keyTable) add(key []byte) (n int32, added bool) {
	h := maphash.Bytes(t.seed, key)
	for {
		r, ok := t.byHash[h]
		if !ok {
			break
		}
		if bytes.Equal(t.blocks[r.block][r.off:r.off+r.len], key) {
			return r.n, false
		}
		h++ // a collision: probe the next hash
	}
	last := len(t.blocks) - 1
	if last < 0 || len(t.blocks[last])+len(key) > cap(t.blocks[last]) {
		t.blocks = append(t.blocks, make([]byte, 0, max(keyBlockSize, len(key))))
		last++
	}
	b := t.blocks[last]
	t.byHash[h] = keyRef{t.n, int32(last), int32(len(b)), int32(len(key))}
	t.blocks[last] = append(b, key...)
	t.n++
	return t.n - 1, true
}
