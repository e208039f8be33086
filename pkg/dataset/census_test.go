package dataset

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"paymodel/pkg/calendar"
)

// TestCensusAcrossBatches checks that problems found by the reading
// goroutine (a malformed row) and by the counting one (bad values) are all
// reported, in line order, in a census longer than several batches.
func TestCensusAcrossBatches(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,band,point,fte\n")
	for i := 2; i <= 3*batchRows+10; i++ {
		switch i {
		case 2, batchRows + 7, 3*batchRows + 10:
			fmt.Fprintf(&b, "E%d,Band 1,1,2\n", i) // fte too big
		case batchRows + 1:
			fmt.Fprintf(&b, "E%d,Band 1,1\n", i) // a field short
		case 2*batchRows + 3:
			b.WriteString("E2,Band 1,2,1\n") // E2 again
		default:
			fmt.Fprintf(&b, "E%d,Band 2,%d,1\n", i, 1+i%2)
		}
	}
	fte := `fte "2": must be more than 0 and at most 1 (write 0.6 for three days a week of five)`
	want := lines(
		"staff.csv:2: "+fte,
		fmt.Sprintf("staff.csv:%d: row has 3 fields but the header has 4", batchRows+1),
		fmt.Sprintf("staff.csv:%d: %s", batchRows+7, fte),
		fmt.Sprintf(`staff.csv:%d: id "E2" is already on line 2`, 2*batchRows+3),
		fmt.Sprintf("staff.csv:%d: %s", 3*batchRows+10, fte),
	)
	if got := loadError(t, files(map[string]string{StaffFile: b.String()})); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}

// TestCensusUnpackedKeys gives the census more distinct FTEs than a packed
// group key holds, so that groups are counted in both maps, and checks they
// come out as one sorted census.
func TestCensusUnpackedKeys(t *testing.T) {
	const n = 1<<fteBits + 100
	var b strings.Builder
	b.WriteString("band,point,fte,count\n")
	for i := n; i >= 1; i-- { // descending, so sorting matters
		fmt.Fprintf(&b, "Band 1,1,0.%06d,%d\n", i, i%3+1)
		fmt.Fprintf(&b, "Band 1,1, 0.%06d ,1\n", i) // the same FTE written differently
	}
	ds, err := Load(files(map[string]string{StaffFile: b.String()}), "test")
	if err != nil {
		t.Fatal(err)
	}
	groups := ds.Census.Groups
	if len(groups) != n {
		t.Fatalf("%d groups, want %d", len(groups), n)
	}
	var headcount int64
	for i, g := range groups {
		want := fmt.Sprintf("0.%06d", i+1)
		if !g.FTE.Equal(dec(want)) || g.Count != int64((i+1)%3+2) {
			t.Fatalf("group %d: fte %s ×%d, want %s ×%d", i, g.FTE, g.Count, want, (i+1)%3+2)
		}
		headcount += g.Count
	}
	if headcount != ds.Census.Headcount || ds.Census.Rows != 2*n {
		t.Errorf("headcount %d (groups sum to %d), rows %d", ds.Census.Headcount, headcount, ds.Census.Rows)
	}
}

func TestPackDate(t *testing.T) {
	dates := []string{"1900-01-01", "1900-01-31", "1900-02-01", "2024-02-29", "2025-04-01", "2200-12-31"}
	last := int32(0)
	for _, s := range dates {
		d := calendar.MustParse(s)
		p := packDate(d)
		if p <= last || p >= 1<<dateBits {
			t.Errorf("packDate(%s) = %d, after %d (limit %d)", s, p, last, 1<<dateBits)
		}
		if got := unpackDate(p); got != d {
			t.Errorf("unpackDate(packDate(%s)) = %v", s, got)
		}
		last = p
	}
	if packDate(calendar.Date{}) != 0 || !unpackDate(0).IsZero() {
		t.Error("the zero date does not pack to 0")
	}
}

func TestPackKey(t *testing.T) {
	keys := []groupKey{
		{},
		{band: 1, point: 2, fte: 3, cpd: 4, date: 5, attrs: 6},
		{band: 1<<bandBits - 1, point: 1<<pointBits - 1, fte: 1<<fteBits - 1, cpd: 1<<cpdBits - 1, date: 1<<dateBits - 1, attrs: 1<<attrBits - 1},
	}
	for _, k := range keys {
		p, ok := k.pack()
		if !ok || unpack(p) != k {
			t.Errorf("pack(%+v) = %x, %v; unpacks to %+v", k, p, ok, unpack(p))
		}
	}
	for _, k := range []groupKey{{band: 1 << bandBits}, {point: 1 << pointBits}, {fte: 1 << fteBits}, {cpd: 1 << cpdBits}, {date: 1 << dateBits}, {attrs: 1 << attrBits}} {
		if _, ok := k.pack(); ok {
			t.Errorf("pack(%+v) fitted", k)
		}
	}
}

func TestMatchingHashes(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 100, 1 << 12, 50_000} {
		a := make([]uint64, n)
		want := map[uint64]bool{}
		for i := range a {
			a[i] = r.Uint64()
			if i%7 == 0 && i > 0 {
				a[i] = a[r.IntN(i)] // some repeats
				want[a[i]] = true
			}
		}
		if got := matchingHashes([][]uint64{a[:n/2], a[n/2:]}); !maps.Equal(got, want) {
			t.Errorf("matchingHashes of %d values: %d matched, want %d", n, len(got), len(want))
		}
	}
}

// TestIDHashMatch simulates two different ids with one hash: they must not
// be reported as duplicates.
func TestIDHashMatch(t *testing.T) {
	fsys := fstest.MapFS{StaffFile: {Data: []byte("id,band,point\nE1,Band 1,1\nE2,Band 1,1\n")}}
	s := newIDSet()
	s.add("E1")
	s.hashes.add(s.hashes.cur[0]) // E2, colliding with E1
	errs := newCollector()
	s.reportDuplicates(fsys, errs)
	if !errs.empty() {
		t.Errorf("a hash match reported as %v", errs.list())
	}
	// A real duplicate is found by reading the file again.
	fsys[StaffFile].Data = append(fsys[StaffFile].Data, "E1,Band 1,1\n"...)
	s = newIDSet()
	s.add("E1")
	s.add("E2")
	s.add("E1")
	s.reportDuplicates(fsys, errs)
	if got, want := errs.list().Error(), `staff.csv:4: id "E1" is already on line 2`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestCensusGroupsByMonthOfPointDate checks that people whose time at their
// point counts from the same month share a group dated that month: a point
// reached on 15 April counts from 1 May, like one reached on 1 May; one
// reached on 1 April counts from 1 April.
func TestCensusGroupsByMonthOfPointDate(t *testing.T) {
	ds, err := Load(files(map[string]string{StaffFile: "band,point,point_date\n" +
		"Band 1,1,2024-04-15\n" +
		"Band 1,1,2024-05-01\n" +
		"Band 1,1,2024-04-01\n" +
		"Band 1,1,\n"}), "test")
	if err != nil {
		t.Fatal(err)
	}
	type got struct {
		date  string
		count int64
	}
	var gs []got
	for _, g := range ds.Census.Groups {
		gs = append(gs, got{g.PointDate.String(), g.Count})
	}
	want := []got{{"", 1}, {"2024-04-01", 1}, {"2024-05-01", 2}}
	if !slices.Equal(gs, want) {
		t.Errorf("groups = %v, want %v", gs, want)
	}
}

// TestRadixGroupsMatchSorted checks that counting groups by radix sort
// gives the groups, counts and order of counting them in maps and sorting,
// on a random census with counts, blank values and several attributes.
func TestRadixGroupsMatchSorted(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var b strings.Builder
	b.WriteString("band,point,fte,point_date,cpd_hours,count,gender,region\n")
	pick := func(vals ...string) string { return vals[r.IntN(len(vals))] }
	for range 20_000 {
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s,%s,%s,%s\n",
			pick("Band 1", "Band 2"), pick("1", "2"), pick("1", "1.0", "0.5", " 0.8", ""),
			pick("", "2024-04-15", "2024-05-01", "2019-12-31", "2024-04-01"),
			pick("", "0", "10", "10.0", "35"), pick("1", "1", "1", "2", "3", ""),
			pick("F", "M", " F", ""), pick("North", "South"))
	}
	fsys := files(map[string]string{StaffFile: b.String()})
	ds, err := Load(fsys, "test")
	if err != nil {
		t.Fatal(err)
	}
	read := func() *censusReader {
		errs := newCollector()
		var warnings []string
		bt, _ := openTable(fsys, bandsSchema, errs, &warnings)
		defer bt.close()
		bands := readBands(bt)
		it, _ := openTable(fsys, incrementsSchema, errs, &warnings)
		defer it.close()
		inc := readIncrements(it, bands, true)
		st, _ := openTable(fsys, staffSchema, errs, &warnings)
		defer st.close()
		c := readStaff(st, newCensusRefs(bands, true, inc), &warnings)
		if !errs.empty() {
			t.Fatal(errs.list())
		}
		return c
	}
	c1, c2 := read(), read()
	if c1.keys.len() == 0 || len(c1.packed) == 0 {
		t.Fatalf("%d rows of count 1, %d keys of other counts: both paths are not exercised", c1.keys.len(), len(c1.packed))
	}
	keys1, counts1, ok := c1.radixGroups(c1.ranks(), censusPoints(ds))
	if !ok {
		t.Fatal("radixGroups declined")
	}
	// A key radixGroups cannot rank (a band it is not told of) part way
	// through: it declines, leaving the keys as they were.
	before := slices.Concat(c2.keys.chunks()...)
	if _, _, ok := c2.radixGroups(c2.ranks(), censusPoints(ds)[:1]); ok {
		t.Fatal("radixGroups ranked a band it was not given")
	}
	if after := slices.Concat(c2.keys.chunks()...); !slices.Equal(before, after) {
		t.Fatal("radixGroups changed the keys it declined")
	}
	keys2, counts2 := c2.sortedGroups(c2.ranks())
	if !slices.Equal(keys1, keys2) || !slices.Equal(counts1, counts2) {
		t.Errorf("radix-sorted groups differ from map-counted, comparison-sorted ones:\n%v %v\n%v %v", keys1, counts1, keys2, counts2)
	}
	var n int64
	for _, c := range counts1 {
		n += c
	}
	if n != ds.Census.Headcount || len(keys1) != len(ds.Census.Groups) {
		t.Errorf("%d groups of %d people, want %d of %d", len(keys1), n, len(ds.Census.Groups), ds.Census.Headcount)
	}
}

func TestRadixSortBits(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, bits := range []int{1, 13, 25, 33, 64} {
		for _, n := range []int{0, 100, 1 << 12, 50_000} {
			a := make([]uint64, n)
			for i := range a {
				a[i] = r.Uint64() >> (64 - bits)
			}
			want := slices.Clone(a)
			slices.Sort(want)
			if got := radixSortBits(a, bits); !slices.Equal(got, want) {
				t.Errorf("radixSortBits of %d values of %d bits is not sorted", n, bits)
			}
		}
	}
}

// TestSmallKey checks that distinct strings never share a smallKey.
func TestSmallKey(t *testing.T) {
	strs := []string{"", "\x00", "\x00\x00", "1", "1.0", "01", "Band 4", "Band 4 ", "1234567", "12345678",
		"2024-04-01", "2024-04-1 ", "2024-4-01", "2024-04-10", "0000-00-00", "9999-99-99", "2024/04/01", "20240401", "\xff\xff\xff\xff\xff\xff\xff"}
	r := rand.New(rand.NewPCG(7, 8))
	for range 20_000 {
		b := make([]byte, r.IntN(11))
		for i := range b {
			b[i] = "0123456789-ab\x00\xff"[r.IntN(15)]
		}
		strs = append(strs, string(b))
	}
	seen := map[uint64]string{}
	for _, s := range strs {
		k, ok := smallKey(s)
		if ok != (len(s) <= 7 || len(s) == 10 && s[4] == '-' && s[7] == '-' && strings.Trim(s[:4]+s[5:7]+s[8:], "0123456789") == "") {
			t.Errorf("smallKey(%q): ok = %v", s, ok)
		}
		if !ok {
			continue
		}
		if other, dup := seen[k]; dup && other != s {
			t.Errorf("smallKey(%q) = smallKey(%q)", s, other)
		}
		seen[k] = s
	}
}

// TestCensusArenaReuse: census rows share their batch's text, which is
// reused batches later (csvReader.arena), so what the reader keeps must be
// a copy. Here a run of rows with one long FTE text fills every batch,
// then rows of another of the same length are read into the same bytes:
// had the FTE cache kept the first text without copying it, that text
// would read as the second and the second run be counted as the first.
// Expected: 8 batches of rows at 0.5 and 8 at 0.8, 4,096 each.
func TestCensusArenaReuse(t *testing.T) {
	var b strings.Builder
	b.WriteString("band,point,fte\n")
	for _, fte := range []string{"0.500000", "0.800000"} { // 8 bytes: not a smallKey
		for range batches * batchRows {
			fmt.Fprintf(&b, "Band 1,1,%s\n", fte)
		}
	}
	ds, err := Load(files(map[string]string{StaffFile: b.String()}), "test")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, g := range ds.Census.Groups {
		got = append(got, fmt.Sprintf("%s×%d", g.FTE, g.Count))
	}
	if want := []string{"0.5×4096", "0.8×4096"}; !slices.Equal(got, want) {
		t.Errorf("groups %v, want %v", got, want)
	}
}
