// Package propgen generates random valid inputs for paymodel's property
// tests: a dataset folder (bands.csv, increments.csv and, usually, staff.csv,
// inflation.csv and oncosts.csv), pay offers in offers/*.toml, and the
// command-line options to run them with. "Valid" means valid by README.md:
// every generated case must be accepted by validate and compare (exit 0).
//
// It owns only the generation. It is imported by tests alone
// (cmd/paymodel/property_test.go, pkg/projection/property_test.go), and it
// imports no paymodel package, so that any package's tests can use it
// without an import cycle: a Case is file contents and plain values, read
// through the real parsers by whoever runs it.
//
// Output is deterministic: the same seed gives the same Case, byte for byte
// (math/rand/v2's PCG source, whose sequence is fixed by its specification).
//
// To keep offers valid (salaries within a band strictly increasing after
// every award), the generator applies each award it writes to its own model
// of the pay table, following the README's award rules (selection, underpin
// and cap, rounding of changed points only, floor_hourly's merging, removal
// and insertion), and leaves out an award that would break the order.
//
// Shapes that trigger known, unfixed defects are kept out while the
// matching KnownDefect switch is true; a fixed defect's switch is false, so
// that the property tests cover its shape. The tests' -prop.shapes flag
// (Allow) turns switches off for one run.
package propgen

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Switches for defects found by the property tests. While a switch is true,
// the generator avoids the shape that triggers the defect; a fixed defect's
// switch is false, so that the tests cover its shape (set one to true again
// to tell a new failure from an old one).
var (
	// KnownDefectLongBand (issue 9, defect 1; fixed): compare failed when a new
	// entrant does not reach the top of a band within the horizon. While
	// true, horizons are long enough for every entrant to reach every top,
	// and --cpd-hours (which can hold an entrant at a CPD gate) is not given.
	KnownDefectLongBand = false
	// KnownDefectProgressFirstStartRemoval (defect 2; fixed): progress-first
	// was ignored for points removed on the start date. While true, a
	// progress-first offer removes no points on its start date.
	KnownDefectProgressFirstStartRemoval = false
	// KnownDefectStartTopRemoval (defect 3; fixed): removing a band's top
	// point on the start date lost the protected salary. While true, no offer
	// removes a top point on its start date.
	KnownDefectStartTopRemoval = false
	// KnownDefectFTESum (defect 4; fixed): band FTEs rounded before adding
	// up failed the cross-check. While true, FTEs have at most 2 decimal places and
	// there is no turnover (which makes weights fractional).
	KnownDefectFTESum = false
	// KnownDefectTurnoverPathway (defect 5; fixed): turnover with a pathway
	// failed the cross-check. While true, an offer with a pathway runs without
	// turnover.
	KnownDefectTurnoverPathway = false
	// KnownDefectAssimilationDate (found by this property test; fixed):
	// someone moved onto a point with fewer months than they had served
	// progressed at once in the grouped engine while the reference kept a
	// start-of-horizon wait. The README now says a move keeps time at the
	// point, measured against the new point's months, and the reference
	// agrees. While true, points are removed or merged only when every point
	// of every band has the same months.
	KnownDefectAssimilationDate = false
	// KnownDefectCensusPointAfterStart (found by this property test): a
	// census row on a point of the latest structure that the structure in
	// force at an explicit, earlier start does not have made compare exit 1
	// with no file or line. It is now refused as bad input (exit 2, naming
	// staff.csv, the band, the point and the head count), so the generator,
	// which makes only valid inputs, keeps this shape out: census rows name
	// only points of both.
	KnownDefectCensusPointAfterStart = true
	// KnownDefectChangePct (defect 7; fixed): change_pct was written 0.00
	// where Current has nobody. While true, the tests do not check that cell.
	KnownDefectChangePct = false
)

// switches are the KnownDefect switches by name, for Allow.
var switches = map[string]*bool{
	"LongBand":                  &KnownDefectLongBand,
	"ProgressFirstStartRemoval": &KnownDefectProgressFirstStartRemoval,
	"StartTopRemoval":           &KnownDefectStartTopRemoval,
	"FTESum":                    &KnownDefectFTESum,
	"TurnoverPathway":           &KnownDefectTurnoverPathway,
	"ChangePct":                 &KnownDefectChangePct,
	"CensusPointAfterStart":     &KnownDefectCensusPointAfterStart,
	"AssimilationDate":          &KnownDefectAssimilationDate,
}

// Allow turns off the KnownDefect switches named in list (comma-separated
// names without the prefix, such as "LongBand,FTESum", or "all"), so the
// generator makes those shapes too. An empty list changes nothing.
func Allow(list string) error {
	if list == "" {
		return nil
	}
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(name)
		if name == "all" {
			for _, sw := range switches {
				*sw = false
			}
			continue
		}
		sw, ok := switches[name]
		if !ok {
			return fmt.Errorf("propgen: no switch KnownDefect%s", name)
		}
		*sw = false
	}
	return nil
}

// Case is one generated input.
type Case struct {
	Seed uint64
	// Files are the dataset folder's files by slash-separated path,
	// including offers/NAME.toml.
	Files map[string][]byte
	// Offers are the offer files' paths within Files, in file name order.
	Offers []string
	// Args are extra compare flags (--years, --turnover, --cpd-hours).
	Args []string
	// Turnover is the --turnover value given ("0%" when none).
	Turnover string
	// Years is the comparison's horizon.
	Years int
	// Start is the shared start date, YYYY-MM-DD; DefaultStart says no
	// offer writes it (it is the dataset's default).
	Start        string
	DefaultStart bool
	// NullOffers are offers (paths in Files) with no awards, lump sums,
	// progression or cpd_days, whose every figure must equal Current's.
	NullOffers []string
	// MemberID is a census id for statement (empty without a census).
	MemberID string
	// Band and Point describe a member by flags for statement.
	Band, Point string
	FTE         string
	// MemberArgs are more statement flags for that member (--point-date,
	// --cpd-hours), sometimes none.
	MemberArgs []string
	// Bands are the band names in display order.
	Bands []string
	// HasCensus says staff.csv was written.
	HasCensus bool
}

// Size bounds a case: tests that must be quick ask for small ones.
type Size struct {
	MaxBands      int // at most 4
	MaxCensusRows int
	MaxOffers     int
	MaxYears      int // at most 50
}

// Small is the size used by the fixed-seed run in go test.
var Small = Size{MaxBands: 3, MaxCensusRows: 12, MaxOffers: 3, MaxYears: 50}

// Plan returns the cases a fixed-seed property run makes: the one case
// seed when it is 0 or more (Large when large is set, to reproduce a soak
// case), otherwise seeds 1 to cases, Small.
func Plan(seed int64, cases int, large bool) (Size, []uint64) {
	if seed >= 0 {
		if large {
			return Large, []uint64{uint64(seed)}
		}
		return Small, []uint64{uint64(seed)}
	}
	seeds := make([]uint64, 0, cases)
	for s := range uint64(max(cases, 0)) {
		seeds = append(seeds, s+1)
	}
	return Small, seeds
}

// Large is the size used by the soak run.
var Large = Size{MaxBands: 4, MaxCensusRows: 40, MaxOffers: 4, MaxYears: 50}

// The model's pay point.
type point struct {
	label  string
	salary decimal.Decimal
	months int
	cpd    int
}

type band struct {
	name    string
	hours   decimal.Decimal // weekly hours
	fixed   bool            // fixed-date progression
	on      int             // fixed date's month
	qm      int             // qualifying months
	points  []point
	maxPts  int // the most points the band has at any time in any offer
	maxMons int // the longest months at a point at any time
}

type gen struct {
	r     *rand.Rand
	size  Size
	c     *Case
	bands []band
	// base is the structure an offer starts from (the one in force at
	// start); latest is the dataset's latest, which census points name.
	base, latest [][]point
	// later is true when a structure is dated after the start.
	later bool
	start int // months since year 0
	years int
}

var (
	weeks   = decimal.RequireFromString("52.143")
	hundred = decimal.NewFromInt(100)
)

// Generate returns the case for seed.
func Generate(seed uint64, size Size) *Case {
	g := &gen{r: rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15)), size: size,
		c: &Case{Seed: seed, Files: map[string][]byte{}}}
	g.dataset()
	g.offers()
	return g.c
}

func (g *gen) intn(n int) int         { return g.r.IntN(n) }
func (g *gen) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }
func (g *gen) chance(pct int) bool    { return g.r.IntN(100) < pct }
func pick[T any](g *gen, xs []T) T    { return xs[g.r.IntN(len(xs))] }
func monthDate(m int) string          { return fmt.Sprintf("%04d-%02d-01", m/12, m%12+1) }
func dec(s string) decimal.Decimal    { return decimal.RequireFromString(s) }
func pounds(d decimal.Decimal) string { return "£" + group(d.StringFixed(2)) }
func rate(d decimal.Decimal) string   { return d.Mul(hundred).String() + "%" }
func quote(s string) string           { return strconv.Quote(s) }
func plainAmount(d decimal.Decimal) string {
	if d.Equal(d.Round(0)) {
		return d.StringFixed(0)
	}
	return d.StringFixed(2)
}

// group writes thousands separators into a non-negative decimal string.
func group(s string) string {
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" && frac != "00" {
		b.WriteString("." + frac)
	}
	return b.String()
}

// monthsToTop bounds the months a full-time new entrant (who meets every
// CPD requirement) needs to reach the top of a band of n points with at most
// maxMonths at a point, in either scheme: an anniversary step takes its
// months; after the first, fixed-date steps happen on the yearly date, so
// take at most maxMonths rounded up to whole years; the first may take 11
// months more.
func monthsToTop(n, maxMonths int) int {
	if n <= 1 {
		return 0
	}
	return (n-1)*((maxMonths+11)/12*12) + 12
}

// offerSlack is the months an offer may add to monthsToTop: two freezes
// (a year each) and two added points (counted in monthsToTop's n).
const offerSlack = 24

// longBandLimit says whether a band of n points with at most maxMonths at a
// point can be guaranteed to reach the top within 50 years.
func longBandLimit(n, maxMonths int) bool {
	return monthsToTop(n+maxAdded, max(maxMonths, 12))+offerSlack <= 12*50
}

// maxAdded is the most points an offer adds to one band while
// KnownDefectLongBand is true.
const maxAdded = 2

func (g *gen) dataset() {
	nb := g.between(1, g.size.MaxBands)
	first := 2018*12 + g.intn(8*12) // the first structure's month
	if g.chance(50) {
		first = first - first%12 + 3 // April
	}
	dated := g.chance(85)
	twoStructures := dated && g.chance(25)
	second := first + g.between(1, 30)
	var bands strings.Builder
	bands.WriteString("band,title,weekly_hours,order,progression,qualifying_months\n")
	for i := range nb {
		b := band{name: fmt.Sprintf("Band %d", i+2), hours: pick(g, []decimal.Decimal{dec("37"), dec("35"), dec("37.5"), dec("36")})}
		if g.chance(10) {
			b.name = pick(g, []string{"PSO", "PO", "SPO", "Grade É", "Band 4 (old)"})
			for _, o := range g.bands {
				if o.name == b.name {
					b.name = fmt.Sprintf("Band %d", i+2)
				}
			}
		}
		n := g.between(1, 8)
		switch {
		case g.chance(15):
			n = g.between(21, 23) // the probation Band 4 of old
		case g.chance(8):
			n = g.between(9, 40)
		}
		stepMonths := 12
		if g.chance(30) {
			stepMonths = pick(g, []int{6, 9, 18, 24, 36})
		}
		if KnownDefectLongBand {
			for n > 1 && !longBandLimit(n, stepMonths) {
				n--
			}
		}
		sal := dec(strconv.Itoa(g.between(15, 60) * 1000))
		if g.chance(20) {
			sal = sal.Add(dec(fmt.Sprintf("%d.%02d", g.intn(1000), g.intn(100))))
		}
		for j := range n {
			m := stepMonths
			if g.chance(15) {
				m = g.between(6, 36)
			}
			if KnownDefectLongBand && !longBandLimit(n, m) {
				m = stepMonths
			}
			cpd := 0
			if g.chance(12) {
				cpd = pick(g, []int{5, 10, 20, 30})
			}
			b.points = append(b.points, point{label: strconv.Itoa(j + 1), salary: sal, months: m, cpd: cpd})
			sal = sal.Add(dec(strconv.Itoa(g.between(2, 30) * 100)))
			if g.chance(10) {
				sal = sal.Add(dec(fmt.Sprintf("0.%02d", g.between(1, 99))))
			}
		}
		if g.chance(10) && n > 1 {
			for j := range b.points {
				b.points[j].label = "M" + b.points[j].label
			}
		}
		prog, qm := "", ""
		if g.chance(40) {
			b.fixed, b.on = true, pick(g, []int{4, 9, 1})
			prog = fmt.Sprintf("%02d-01", b.on)
			b.qm = 6
			if g.chance(50) {
				b.qm = g.between(0, 12)
				qm = strconv.Itoa(b.qm)
			}
		} else if g.chance(30) {
			prog = "anniversary"
		}
		hours := b.hours.String()
		if g.chance(30) && b.hours.Equal(dec("37")) {
			hours = ""
		}
		fmt.Fprintf(&bands, "%s,%s,%s,%d,%s,%s\n", csvField(b.name), csvField("Title of "+b.name), hours, i+1, prog, qm)
		b.maxPts, b.maxMons = n, 0
		for _, p := range b.points {
			b.maxMons = max(b.maxMons, p.months)
		}
		g.bands = append(g.bands, b)
		g.c.Bands = append(g.c.Bands, b.name)
	}
	g.c.Files["bands.csv"] = []byte(bands.String())

	// increments.csv: one or two structures with the same labels.
	var inc strings.Builder
	inc.WriteString("band,point,salary,effective_from,months,cpd_hours\n")
	firstDate := ""
	if dated {
		firstDate = monthDate(first)
		if g.chance(20) {
			firstDate = fmt.Sprintf("%04d-%02d-%02d", first/12, first%12+1, g.between(2, 28))
		}
	}
	write := func(date string, scales [][]point) {
		for i, b := range g.bands {
			for _, p := range scales[i] {
				months, cpd := strconv.Itoa(p.months), strconv.Itoa(p.cpd)
				if p.months == 12 && g.chance(50) {
					months = ""
				}
				if p.cpd == 0 && g.chance(70) {
					cpd = ""
				}
				amount := plainAmount(p.salary)
				if g.chance(30) {
					amount = csvField(pounds(p.salary))
				}
				fmt.Fprintf(&inc, "%s,%s,%s,%s,%s,%s\n", csvField(b.name), p.label, amount, date, months, cpd)
			}
		}
	}
	firstScales := make([][]point, len(g.bands))
	for i, b := range g.bands {
		firstScales[i] = slices.Clone(b.points)
	}
	write(firstDate, firstScales)
	latest := first
	if !dated {
		latest = 2025*12 + 3
	} else if firstDate[8:] != "01" {
		latest = first + 1
	}
	g.base, g.latest = firstScales, firstScales
	var secondScales [][]point
	if twoStructures {
		up := dec(fmt.Sprintf("1.0%d", g.between(1, 5)))
		secondScales = make([][]point, len(g.bands))
		for i := range g.bands {
			for _, p := range firstScales[i] {
				p.salary = p.salary.Mul(up).Round(0)
				secondScales[i] = append(secondScales[i], p)
			}
			// Sometimes the later structure drops a point below the top
			// (Current moves its people to the lowest point paying at
			// least their salary) or adds one above the top.
			sc := secondScales[i]
			if len(sc) >= 3 && g.chance(25) {
				j := g.intn(len(sc) - 1)
				sc = slices.Delete(sc, j, j+1)
			}
			if g.chance(25) {
				top := sc[len(sc)-1]
				sc = append(sc, point{label: "T" + top.label, salary: top.salary.Add(dec("750")), months: top.months})
			}
			secondScales[i] = sc
		}
		write(monthDate(second), secondScales)
		latest = second
		g.latest = secondScales
	}
	g.c.Files["increments.csv"] = []byte(inc.String())

	// The start: the default (the latest structure) or an explicit date on
	// or after the first structure.
	g.start = latest
	if g.chance(50) {
		g.start = latest + g.between(-12, 24)
		if dated && g.start < first+boolInt(firstDate[8:] != "01") {
			g.start = first + boolInt(firstDate[8:] != "01")
		}
		g.c.Start = monthDate(g.start)
	}
	if twoStructures {
		if g.start >= second {
			g.base = secondScales
		} else {
			g.later = true
		}
	}
	if g.c.Start == "" {
		g.c.Start, g.c.DefaultStart = monthDate(g.start), true
	}

	g.census()
	if g.chance(60) {
		var b strings.Builder
		b.WriteString("date,index\n")
		idx := 100 + g.intn(50)
		for m := g.start - 24 - g.intn(12); m <= g.start+g.intn(24); m++ {
			fmt.Fprintf(&b, "%s,%d.%d\n", monthDate(m), idx, g.intn(10))
			idx += g.intn(2)
		}
		g.c.Files["inflation.csv"] = []byte(b.String())
	}
	if g.chance(60) {
		var b strings.Builder
		b.WriteString("name,rate,threshold\n")
		b.WriteString("Employer pension,23.68%,\n")
		if g.chance(60) {
			b.WriteString("Employer NI,15%,\"£5,000\"\n")
		}
		if g.chance(20) {
			b.WriteString("Apprenticeship levy,0.5%,0\n")
		}
		g.c.Files["oncosts.csv"] = []byte(b.String())
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// csvField quotes a field when it needs it.
func csvField(s string) string {
	if strings.ContainsAny(s, ",\"\n") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

// censusPoints are the points of band i a census row may name: those of
// the latest structure, or while KnownDefectCensusPointAfterStart those that
// are also in the structure in force at the start.
func (g *gen) censusPoints(i int) []point {
	if !KnownDefectCensusPointAfterStart {
		return g.latest[i]
	}
	var out []point
	for _, p := range g.latest[i] {
		if slices.ContainsFunc(g.base[i], func(q point) bool { return q.label == p.label }) {
			out = append(out, p)
		}
	}
	return out
}

func (g *gen) census() {
	// The band and point of a member described by flags.
	bi := g.intn(len(g.bands))
	g.c.Band = g.bands[bi].name
	g.c.Point = pick(g, g.censusPoints(bi)).label
	g.c.FTE = pick(g, []string{"1", "0.8", "0.6", "0.5", "0.125"})
	if g.chance(40) {
		m := g.start - g.intn(60)
		g.c.MemberArgs = append(g.c.MemberArgs, "--point-date", fmt.Sprintf("%04d-%02d-%02d", m/12, m%12+1, g.between(1, 28)))
	}
	if g.chance(40) {
		g.c.MemberArgs = append(g.c.MemberArgs, "--cpd-hours", pick(g, []string{"0", "12.5", "30", "100"}))
	}
	if g.chance(15) {
		return
	}
	rows := g.intn(g.size.MaxCensusRows + 1)
	if rows == 0 && g.chance(70) {
		rows = 1
	}
	g.c.HasCensus = true
	ftes := []string{"1", "1", "0.8", "0.6", "0.5", "0.4", "0.75", "0.25"}
	if !KnownDefectFTESum {
		ftes = append(ftes, "0.125", "0.333", "0.6667", "0.123456")
	}
	var b strings.Builder
	b.WriteString("id,name,band,point,fte,point_date,start_date,cpd_hours,count,gender,region\n")
	for i := range rows {
		bi := g.intn(len(g.bands))
		p := pick(g, g.censusPoints(bi))
		fte := pick(g, ftes)
		count := 1
		if g.chance(30) {
			count = g.between(2, 12)
		}
		if g.chance(3) {
			count = g.between(100, 5000)
		}
		pd := ""
		if g.chance(80) {
			m := g.start - g.intn(10*12) - 1
			if g.chance(5) {
				m = g.start + g.intn(6) // after the start: a warning, not an error
			}
			pd = fmt.Sprintf("%04d-%02d-%02d", m/12, m%12+1, g.between(1, 28))
		}
		cpd := ""
		if g.chance(60) {
			cpd = pick(g, []string{"0", "5", "10", "12.5", "20", "30", "45", "80"})
		}
		gender := pick(g, []string{"F", "M", "F", "M", "X", ""})
		region := pick(g, []string{"North", "South", "Wales"})
		name := pick(g, []string{"Ann Example", "José Núñez", "Иван Пример", "Bob O'Test", "Zoë Sample"})
		fmt.Fprintf(&b, "P%05d,%s,%s,%s,%s,%s,,%s,%d,%s,%s\n", i+1, csvField(name), csvField(g.bands[bi].name), p.label, fte, pd, cpd, count, gender, region)
	}
	if rows > 0 {
		g.c.MemberID = fmt.Sprintf("P%05d", g.intn(rows)+1)
	}
	g.c.Files["staff.csv"] = []byte(b.String())
}
