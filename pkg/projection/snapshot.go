package projection

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/money"
)

// Snapshot is the census in post in the last month of one pay year (the
// pay gap snapshot) and what it was paid: every distinct pay of the month
// (Pays) and, for everyone (All) and for each value of each census
// attribute, how many people had each pay and the lump sums they were paid
// in the pay year, which is the 12 months to the end of the snapshot month.
// People are exact: the census's counts, or under turnover the expected
// people (the group's own people and the entrants who replaced its
// leavers, who share its attributes).
type Snapshot struct {
	Year  int            // 1-based pay year
	Month calendar.Month // its last month
	// Pays are the distinct pays of the month in the order first met, the
	// same list for every snapshot of a timeline; a group's People follow
	// it.
	Pays []SnapshotPay
	// All is everyone in post.
	All SnapshotGroup
	// Attributes are the census attributes in census order, each with a
	// group per value in ascending text order (as in Equality).
	Attributes []SnapshotAttribute
}

// SnapshotAttribute is one census attribute's groups in a Snapshot.
type SnapshotAttribute struct {
	Name   string
	Groups []SnapshotGroup
}

// SnapshotPay is one pay of a snapshot month: a band (where the person is
// that month, after any pathway), their annual full-time salary (their
// protected salary when protected) and FTE, and the month's pay as paid,
// money.MonthlyPay(Salary, FTE).
type SnapshotPay struct {
	Band        string
	WeeklyHours decimal.Decimal // the band's full-time week
	Salary      decimal.Decimal
	FTE         decimal.Decimal
	MonthlyPay  decimal.Decimal
}

// SnapshotGroup is the people of one group in a snapshot: People[i] is how
// many were paid Pays[i] (zero where none), and Bonus lists the lump sums a
// person was paid in the pay year, by amount ascending, with how many
// people were paid each; people paid no lump sum are not in it.
type SnapshotGroup struct {
	Value  string // the attribute's value; "" for All
	People []decimal.Decimal
	Bonus  []SnapshotBonus
}

// SnapshotBonus is a lump sum total paid to People people in a pay year.
type SnapshotBonus struct {
	Amount decimal.Decimal // to the penny, per person
	People decimal.Decimal
}

// snapAt is where a person stands in a pay year's last month: a salary slot
// (table, band, point), or their protected salary when slot is −1.
type snapAt struct {
	slot int32
	band int32
	prot decimal.Decimal
}

// snapAt records where the person stands now, paid as monthlyPence pays
// them.
func (s *person) snapAt() snapAt {
	if s.hasProt {
		return snapAt{slot: -1, band: int32(s.band), prot: s.prot}
	}
	return snapAt{slot: int32(s.c.tables[s.table].scales[s.band].slot + s.point), band: int32(s.band)}
}

// snapIndex is, per census path and per entrant spec, the snapshot groups
// (0: everyone; then each attribute's values in turn) its people belong to
// and how many they are; with the distinct FTEs, so that a pay is keyed by
// small integers. It depends on the census only, so Cost builds it once.
type snapIndex struct {
	groups    int
	pathStart []int32 // path pi's groups are pathG[pathStart[pi]:pathStart[pi+1]]
	pathG     []groupWeight
	entG      [][]int64 // per entrant spec, per group
	ftes      []decimal.Decimal
	pathF     []int32
	entF      []int32
}

// groupWeight is the people of one path in one snapshot group.
type groupWeight struct {
	g int32
	w int64
}

func newSnapIndex(e *engine) snapIndex {
	x := snapIndex{groups: 1}
	base := make([]int, len(e.attrs))
	for a, ai := range e.attrs {
		base[a] = x.groups
		x.groups += len(ai.values)
	}
	counts := make([]int32, len(e.paths)+1)
	for pi := range e.paths {
		counts[pi+1] = 1
	}
	for _, ai := range e.attrs {
		for _, pws := range ai.paths {
			for _, pw := range pws {
				counts[pw.path+1]++
			}
		}
	}
	for i := 1; i < len(counts); i++ {
		counts[i] += counts[i-1]
	}
	x.pathStart = counts
	x.pathG = make([]groupWeight, counts[len(counts)-1])
	fill := slices.Clone(counts[:len(e.paths)])
	for pi := range e.paths {
		x.pathG[fill[pi]] = groupWeight{0, e.paths[pi].weight}
		fill[pi]++
	}
	for a, ai := range e.attrs {
		for v, pws := range ai.paths {
			for _, pw := range pws {
				x.pathG[fill[pw.path]] = groupWeight{int32(base[a] + v), pw.weight}
				fill[pw.path]++
			}
		}
	}
	x.entG = make([][]int64, len(e.entrants))
	for ei := range x.entG {
		x.entG[ei] = make([]int64, x.groups)
	}
	for pi := range e.paths {
		for _, gw := range x.pathG[x.pathStart[pi]:x.pathStart[pi+1]] {
			x.entG[e.entrantOf[pi]][gw.g] += gw.w
		}
	}
	fteOf := map[int64]int32{}
	index := func(key int64, d decimal.Decimal) int32 {
		f, ok := fteOf[key]
		if !ok {
			f = int32(len(x.ftes))
			fteOf[key] = f
			x.ftes = append(x.ftes, d)
		}
		return f
	}
	for _, ps := range e.paths {
		x.pathF = append(x.pathF, index(ps.key.fte, ps.fte))
	}
	for _, es := range e.entrants {
		x.entF = append(x.entF, index(es.key.fte, es.fte))
	}
	return x
}

// snapRecorder gathers one run's snapshots as the paths are walked: the
// census paths' people are added up at once, per pay year, group and pay;
// the entrants' pays are kept per cohort, year and spec and added up by
// snapshots.
type snapRecorder struct {
	x      *snapIndex
	c      *compiled
	years  int
	dense  []int32 // (slot × FTEs + FTE) → pay index + 1, when small enough
	sparse map[int64]int32
	prot   map[protKey]int32
	pays   []SnapshotPay
	people [][][]int64         // [year][group][pay]
	bonus  [][]map[int64]int64 // [year][group]: pence → people
	ent    [][][]int32         // [cohort][year][spec]: pay index
	entLum [][][]int64         // [cohort][year][spec]: lump sums, pence
}

// protKey identifies a protected pay.
type protKey struct {
	band, fte int32
	salary    string
}

// maxDense bounds the dense pay index (4 bytes an entry).
const maxDense = 1 << 22

func newSnapRecorder(e *engine, c *compiled, cohorts int) snapRecorder {
	r := snapRecorder{x: &e.snapIdx, c: c, years: e.years, prot: map[protKey]int32{}}
	if n := c.slots * len(r.x.ftes); n <= maxDense {
		r.dense = make([]int32, n)
	} else {
		r.sparse = map[int64]int32{}
	}
	r.people = make([][][]int64, e.years)
	r.bonus = make([][]map[int64]int64, e.years)
	for y := range r.people {
		r.people[y] = make([][]int64, r.x.groups)
		r.bonus[y] = make([]map[int64]int64, r.x.groups)
	}
	r.ent = make([][][]int32, cohorts)
	r.entLum = make([][][]int64, cohorts)
	for k := 1; k < cohorts; k++ {
		r.ent[k] = make([][]int32, e.years)
		r.entLum[k] = make([][]int64, e.years)
		for y := k; y < e.years; y++ {
			r.ent[k][y] = make([]int32, len(e.entrants))
			r.entLum[k][y] = make([]int64, len(e.entrants))
		}
	}
	return r
}

// pay returns the index of the pay at in Pays for FTE index f, adding it
// when new.
func (r *snapRecorder) pay(at snapAt, f int32) int32 {
	var dk int64
	var pk protKey
	if at.slot >= 0 {
		dk = int64(at.slot)*int64(len(r.x.ftes)) + int64(f)
		if r.dense != nil {
			if i := r.dense[dk]; i > 0 {
				return i - 1
			}
		} else if i, ok := r.sparse[dk]; ok {
			return i
		}
	} else {
		pk = protKey{at.band, f, at.prot.String()}
		if i, ok := r.prot[pk]; ok {
			return i
		}
	}
	sal := at.prot
	if at.slot >= 0 {
		sal = r.c.slotSalary[at.slot]
	}
	fte := r.x.ftes[f]
	i := int32(len(r.pays))
	r.pays = append(r.pays, SnapshotPay{
		Band:        r.c.bands[at.band],
		WeeklyHours: r.c.tl.Bands[at.band].WeeklyHours,
		Salary:      sal,
		FTE:         fte,
		MonthlyPay:  money.MonthlyPay(sal, fte),
	})
	switch {
	case at.slot < 0:
		r.prot[pk] = i
	case r.dense != nil:
		r.dense[dk] = i + 1
	default:
		r.sparse[dk] = i
	}
	return i
}

// census adds census path pi's people to every pay year's groups, given
// the path's year records.
func (r *snapRecorder) census(pi int, recs []yearRec) {
	gws := r.x.pathG[r.x.pathStart[pi]:r.x.pathStart[pi+1]]
	for y := 0; y < r.years; y++ {
		p := int(r.pay(recs[y].snap, r.x.pathF[pi]))
		lump := recs[y].lumps
		for _, gw := range gws {
			row := r.people[y][gw.g]
			for len(row) <= p {
				row = append(row, 0)
			}
			row[p] += gw.w
			r.people[y][gw.g] = row
			if lump > 0 {
				m := r.bonus[y][gw.g]
				if m == nil {
					m = map[int64]int64{}
					r.bonus[y][gw.g] = m
				}
				m[lump] += gw.w
			}
		}
	}
}

// entrant records the pays and lump sums of entrant spec ei of cohort k
// (joined at the start of pay year k+1) from its year records.
func (r *snapRecorder) entrant(k, ei int, recs []yearRec) {
	for y := k; y < r.years; y++ {
		r.ent[k][y][ei] = r.pay(recs[y].snap, r.x.entF[ei])
		r.entLum[k][y][ei] = recs[y].lumps
	}
}

// snapshots adds up r's snapshots: each group's people per pay, the census
// cohort's weighted by its turnover factor and each entrant cohort's by
// its own, exactly.
func (e *engine) snapshots(r *run) []Snapshot {
	rec := &r.snap
	x := rec.x
	f := e.factors(len(rec.ent))
	names := []string{""}
	for _, ai := range e.attrs {
		names = append(names, ai.values...)
	}
	out := make([]Snapshot, e.years)
	for y := range out {
		groups := make([]SnapshotGroup, x.groups)
		for g := range groups {
			people := make([]decimal.Decimal, len(rec.pays))
			for p, w := range rec.people[y][g] {
				if w != 0 {
					people[p] = f[0][y].Mul(decimal.NewFromInt(w))
				}
			}
			bonus := map[int64]decimal.Decimal{}
			for pence, w := range rec.bonus[y][g] {
				bonus[pence] = f[0][y].Mul(decimal.NewFromInt(w))
			}
			for k := 1; k <= y && k < len(rec.ent); k++ {
				for ei, p := range rec.ent[k][y] {
					w := x.entG[ei][g]
					if w == 0 {
						continue
					}
					add := f[k][y].Mul(decimal.NewFromInt(w))
					people[p] = people[p].Add(add)
					if l := rec.entLum[k][y][ei]; l > 0 {
						bonus[l] = bonus[l].Add(add)
					}
				}
			}
			groups[g] = SnapshotGroup{Value: names[g], People: people, Bonus: bonusList(bonus)}
		}
		s := Snapshot{Year: y + 1, Month: r.c.month(12*y + 11), Pays: rec.pays, All: groups[0]}
		g := 1
		for a, ai := range e.attrs {
			s.Attributes = append(s.Attributes, SnapshotAttribute{Name: e.attrNames[a], Groups: groups[g : g+len(ai.values)]})
			g += len(ai.values)
		}
		out[y] = s
	}
	rec.people, rec.bonus, rec.ent, rec.entLum = nil, nil, nil, nil
	return out
}

// bonusList lists the lump sums of m (pence → people) by amount ascending.
func bonusList(m map[int64]decimal.Decimal) []SnapshotBonus {
	keys := make([]int64, 0, len(m))
	for k, v := range m {
		if v.IsPositive() {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, cmp.Compare)
	out := make([]SnapshotBonus, len(keys))
	for i, k := range keys {
		out[i] = SnapshotBonus{Amount: decimal.New(k, -2), People: m[k]}
	}
	return out
}
