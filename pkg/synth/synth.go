// Package synth generates synthetic staff censuses: staff.csv files with a
// realistic spread of people over a pay structure's bands and points, for
// sample datasets, demonstrations and benchmarks.
//
// Output is deterministic: the same Spec, row count and seed always produce
// the same bytes, on every platform and Go version. Randomness comes from a
// math/rand/v2 PCG source (whose output sequence is fixed by its
// specification) and is turned into choices by this package's own code, not
// by library helpers whose algorithms could change.
//
// Nothing here reads files or the clock: a Spec is built by the caller (see
// FromStructure and Builtin) and every date is derived from Spec.AsAt.
//
// Every census this package writes is synthetic. The people do not exist,
// and the attributes (gender, ethnicity, region, working pattern, names) are
// drawn independently of one another and of pay, from illustrative weights:
// any pay gap an analysis finds between groups in a synthetic census is
// sampling noise, not a finding.
package synth

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"math/rand/v2"
	"strconv"
	"strings"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
)

// Spec describes the workforce to generate.
type Spec struct {
	// Name identifies the spec in messages ("probation").
	Name string
	// IDPrefix starts every id ("P" gives P000001).
	IDPrefix string
	// AsAt is the census date: every point_date and start_date generated is
	// on or before it.
	AsAt calendar.Date
	// Bands to place people on, in display order.
	Bands []Band
	// Regions are the values of the region column and their relative
	// weights; nil means ProbationRegions.
	Regions []Choice
}

// Band is one band of a Spec.
type Band struct {
	Name string
	// Weight is the band's relative headcount (e.g. its real headcount).
	Weight int
	// Progression decides which point dates are consistent with a point.
	Progression paystructure.Progression
	// Points in ascending order; the last is the top.
	Points []Point
}

// Point is one pay point of a Band.
type Point struct {
	Label string
	// Months is the normal time at the point before the next (0 means
	// paystructure.DefaultPointMonths). Ignored at the top point.
	Months int
	// Weight is the point's relative headcount within its band.
	Weight int
}

// Choice is one value of a categorical column with its relative weight.
type Choice struct {
	Value  string
	Weight int
}

// Header is the first line Census writes.
const Header = "id,name,band,point,fte,point_date,start_date,cpd_hours,gender,ethnicity,region,working_pattern,disability"

// TopHeavyWeights returns point weights for a band of n points in which the
// top point holds half the band and the points below share the other half
// equally: 1 for each lower point and n−1 for the top (1 for a single-point
// band). Short bands that people pass through in a few years and then stay
// at the top of look like this.
func TopHeavyWeights(n int) []int {
	w := make([]int, n)
	for i := range w {
		w[i] = 1
	}
	if n > 1 {
		w[n-1] = n - 1
	}
	return w
}

// FromStructure builds a Spec from a dataset's bands and one of its
// structures. bandWeights gives each band's relative headcount (a band
// missing from it gets weight 1; a band weighted 0 is left out); points are
// weighted by TopHeavyWeights, and regions are Regions. Bands with no scale
// in s are left out.
func FromStructure(name string, bands []paystructure.Band, s paystructure.Structure, bandWeights map[string]int, asAt calendar.Date) (Spec, error) {
	spec := Spec{Name: name, IDPrefix: "S", AsAt: asAt, Regions: Regions}
	for _, b := range bands {
		sc, ok := s.Scale(b.Name)
		if !ok || len(sc.Points) == 0 {
			continue
		}
		w, ok := bandWeights[b.Name]
		if !ok {
			w = 1
		}
		if w == 0 {
			continue
		}
		pw := TopHeavyWeights(len(sc.Points))
		sb := Band{Name: b.Name, Weight: w, Progression: b.Progression}
		for i, p := range sc.Points {
			sb.Points = append(sb.Points, Point{Label: p.Label, Months: p.Months, Weight: pw[i]})
		}
		spec.Bands = append(spec.Bands, sb)
	}
	for n := range bandWeights {
		found := false
		for _, b := range spec.Bands {
			found = found || b.Name == n
		}
		if !found && bandWeights[n] != 0 {
			return Spec{}, fmt.Errorf("synth: weight given for band %q, which the structure does not have", n)
		}
	}
	return spec, spec.Validate()
}

// Validate reports the first problem that would stop Census using s.
func (s Spec) Validate() error {
	if len(s.Bands) == 0 {
		return errors.New("synth: spec has no bands")
	}
	if s.AsAt.IsZero() {
		return errors.New("synth: spec has no census date (AsAt)")
	}
	if _, err := calendar.New(s.AsAt.Year, s.AsAt.Month, s.AsAt.Day); err != nil {
		return fmt.Errorf("synth: census date: %w", err)
	}
	if s.AsAt.Year < calendar.MinYear+40 {
		return fmt.Errorf("synth: census date %s is too early to generate careers before it", s.AsAt)
	}
	if err := checkField("id prefix", s.IDPrefix); err != nil {
		return err
	}
	for _, b := range s.Bands {
		if err := checkField("band name", b.Name); err != nil {
			return err
		}
		if b.Weight <= 0 {
			return fmt.Errorf("synth: band %q: weight must be positive", b.Name)
		}
		if len(b.Points) == 0 {
			return fmt.Errorf("synth: band %q has no points", b.Name)
		}
		if b.Progression.Kind == paystructure.FixedDate {
			if _, err := calendar.ParseAnnual(b.Progression.On.String()); err != nil {
				return fmt.Errorf("synth: band %q: progression date: %w", b.Name, err)
			}
		}
		for _, p := range b.Points {
			if err := checkField("point label", p.Label); err != nil {
				return err
			}
			if p.Weight <= 0 {
				return fmt.Errorf("synth: band %q point %q: weight must be positive", b.Name, p.Label)
			}
			if p.Months < 0 || p.Months > 120 {
				return fmt.Errorf("synth: band %q point %q: months %d out of range 0–120", b.Name, p.Label, p.Months)
			}
		}
	}
	for _, c := range s.Regions {
		if err := checkField("region", c.Value); err != nil {
			return err
		}
		if c.Weight <= 0 {
			return fmt.Errorf("synth: region %q: weight must be positive", c.Value)
		}
	}
	return nil
}

func checkField(what, v string) error {
	if strings.ContainsAny(v, "\r\n") {
		return fmt.Errorf("synth: %s %q contains a line break", what, v)
	}
	if what != "region" && v == "" {
		return fmt.Errorf("synth: empty %s", what)
	}
	return nil
}

// Census writes a staff.csv of n people (plus the header line) generated
// from spec with the given seed. Each row's columns are:
//
//   - id: IDPrefix and a sequence number, zero-padded to at least 6 digits.
//   - name: a first and a last name from one of several fixed name pools
//     (British, Welsh, Irish, South Asian, African and Caribbean, Polish,
//     Iberian, Russian in Cyrillic, Turkish, East Asian), so the census
//     exercises non-ASCII text: "Zoë Ó Súilleabháin", "Дмитрий Иванов".
//   - band, point: a band drawn by band weight, then a point by point weight.
//   - fte: one of 1, 0.8, 0.6, 0.5, 0.4, written as exact decimal text.
//   - point_date: consistent with the point, so nobody has overstayed it. For
//     a fixed-date scheme most people below the top reached their point on
//     the last progression date (e.g. 1 April); the rest (new starters,
//     promotions) on a day late enough that they did not yet qualify to
//     progress on it. Anniversary schemes: a day within the point's months
//     before AsAt. At the top: up to 8 years before AsAt.
//   - start_date: on or before point_date, at least the normal time to climb
//     from the band's entry point to this one earlier, often years more.
//   - cpd_hours: a whole number 0–120 (the sum of two uniform draws 0–60), or
//     blank (about 7%: not recorded).
//   - gender, ethnicity (ONS 2021 five groups, plus "Not stated"), region,
//     working_pattern (Full-time or Compressed hours at fte 1, otherwise
//     Part-time or Job share).
//   - disability (Not disabled, Disabled or Prefer not to say), drawn from
//     a stream of its own (the seed with a second constant), so that adding
//     the column left every other column of a census as it was.
//
// Fields are quoted as CSV requires (e.g. "Kent, Surrey and Sussex"). Output
// is streamed through a buffer, so memory use does not grow with n.
func Census(w io.Writer, spec Spec, n int, seed uint64) error {
	if n < 0 {
		return fmt.Errorf("synth: negative row count %d", n)
	}
	g, err := newGenerator(spec, seed)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString(Header)
	bw.WriteByte('\n')
	width := max(6, len(strconv.Itoa(n)))
	buf := make([]byte, 0, 512)
	for i := 1; i <= n; i++ {
		buf = g.row(buf[:0], i, width)
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// weighted is a categorical distribution over pre-encoded CSV fields.
type weighted struct {
	fields [][]byte // CSV-encoded values
	cum    []uint64 // cumulative weights
}

func newWeighted(cs []Choice) weighted {
	var w weighted
	var total uint64
	for _, c := range cs {
		total += uint64(c.Weight)
		w.fields = append(w.fields, csvField(c.Value))
		w.cum = append(w.cum, total)
	}
	return w
}

func (w *weighted) pick(r *source) int {
	x := r.below(w.cum[len(w.cum)-1])
	for i, c := range w.cum {
		if x < c {
			return i
		}
	}
	panic("unreachable")
}

// source turns PCG output into bounded integers with a fixed algorithm
// (Lemire's multiply-shift, without the rejection step: the bias is below
// 2⁻⁵⁰ for every bound used here).
type source struct{ pcg *rand.PCG }

func (s *source) below(n uint64) uint64 {
	hi, _ := bits.Mul64(s.pcg.Uint64(), n)
	return hi
}

func (s *source) intn(n int) int { return int(s.below(uint64(n))) }

// percent reports true with probability p/100.
func (s *source) percent(p int) bool { return s.intn(100) < p }

type genBand struct {
	name      []byte
	points    weighted // point labels
	months    []int    // normal months at each point
	below     []int    // months from the entry point to each point
	fixed     bool
	lastProg  calendar.Month // last progression date on or before AsAt (fixed only)
	qualifies int            // months at a point by the date needed to move
}

type generator struct {
	src     source
	dis     source // disability's own stream
	asAt    calendar.Date
	asAtM   calendar.Month
	prefix  []byte
	bands   weighted
	gb      []genBand
	regions weighted
}

func newGenerator(spec Spec, seed uint64) (*generator, error) {
	if err := spec.Validate(); err != nil {
		return nil, err
	}
	g := &generator{
		// The second PCG word is a fixed constant so that one number, the
		// seed, identifies a census.
		src:    source{rand.NewPCG(seed, 0x9e3779b97f4a7c15)},
		dis:    source{rand.NewPCG(seed, 0x243f6a8885a308d3)},
		asAt:   spec.AsAt,
		asAtM:  calendar.Of(spec.AsAt),
		prefix: []byte(spec.IDPrefix),
	}
	regions := spec.Regions
	if regions == nil {
		regions = ProbationRegions
	}
	if len(regions) == 0 {
		return nil, errors.New("synth: no regions")
	}
	g.regions = newWeighted(regions)
	var bandChoices []Choice
	for _, b := range spec.Bands {
		bandChoices = append(bandChoices, Choice{b.Name, b.Weight})
		gb := genBand{name: csvField(b.Name)}
		var pcs []Choice
		sum := 0
		for _, p := range b.Points {
			pcs = append(pcs, Choice{p.Label, p.Weight})
			m := p.Months
			if m == 0 {
				m = paystructure.DefaultPointMonths
			}
			gb.months = append(gb.months, m)
			gb.below = append(gb.below, sum)
			sum += m
		}
		gb.points = newWeighted(pcs)
		if b.Progression.Kind == paystructure.FixedDate {
			gb.fixed = true
			p := calendar.MonthOf(spec.AsAt.Year, b.Progression.On.Month)
			if p > g.asAtM || (p == g.asAtM && spec.AsAt.Day < b.Progression.On.Day) {
				p -= 12
			}
			gb.lastProg = p
			gb.qualifies = b.Progression.QualifyingMonths
			if gb.qualifies <= 0 {
				gb.qualifies = paystructure.DefaultQualifyingMonths
			}
		}
		g.gb = append(g.gb, gb)
	}
	g.bands = newWeighted(bandChoices)
	return g, nil
}

// row appends one CSV line for person i.
func (g *generator) row(b []byte, i, width int) []byte {
	r := &g.src
	bi := g.bands.pick(r)
	band := &g.gb[bi]
	pi := band.points.pick(r)
	fi := fte.pick(r)
	pointDate, newStarter := g.pointDate(band, pi)
	startDate := g.startDate(band, pi, pointDate, newStarter)
	cpd := -1
	if !r.percent(7) {
		cpd = r.intn(61) + r.intn(61)
	}
	gi := gender.pick(r)
	ei := ethnicity.pick(r)
	ri := g.regions.pick(r)
	var wp []byte
	if fi == 0 {
		wp = fullTimePattern.fields[fullTimePattern.pick(r)]
	} else {
		wp = partTimePattern.fields[partTimePattern.pick(r)]
	}
	pool := &namePools[poolChoice.pick(r)]
	first := pool.first[r.intn(len(pool.first))]
	last := pool.last[r.intn(len(pool.last))]

	// id
	b = append(b, g.prefix...)
	var digits [20]byte
	d := strconv.AppendInt(digits[:0], int64(i), 10)
	for k := len(d); k < width; k++ {
		b = append(b, '0')
	}
	b = append(b, d...)
	b = append(b, ',')
	b = append(b, first...)
	b = append(b, ' ')
	b = append(b, last...)
	b = append(b, ',')
	b = append(b, band.name...)
	b = append(b, ',')
	b = append(b, band.points.fields[pi]...)
	b = append(b, ',')
	b = append(b, fte.fields[fi]...)
	b = append(b, ',')
	b = appendDate(b, pointDate)
	b = append(b, ',')
	b = appendDate(b, startDate)
	b = append(b, ',')
	if cpd >= 0 {
		b = strconv.AppendInt(b, int64(cpd), 10)
	}
	b = append(b, ',')
	b = append(b, gender.fields[gi]...)
	b = append(b, ',')
	b = append(b, ethnicity.fields[ei]...)
	b = append(b, ',')
	b = append(b, g.regions.fields[ri]...)
	b = append(b, ',')
	b = append(b, wp...)
	b = append(b, ',')
	b = append(b, disability.fields[disability.pick(&g.dis)]...)
	return append(b, '\n')
}

// topYears is how far back (in years) people at a top point may have reached it.
const topYears = 8

// pointDate returns the date the person reached point pi of band, and
// whether it is a mid-year date at the entry point (a likely new starter).
func (g *generator) pointDate(band *genBand, pi int) (calendar.Date, bool) {
	r := &g.src
	top := pi == len(band.months)-1
	switch {
	case top && band.fixed && len(band.months) > 1 && r.percent(85):
		// Reached the top by progression on one of the last progression dates.
		return (band.lastProg - calendar.Month(12*r.intn(topYears))).First(), false
	case top:
		return g.dayIn(g.asAtM-calendar.Month(12*topYears-1), g.asAtM), false
	case band.fixed:
		// Latest time at the point, in months before the last progression
		// date, that would not have qualified the person to move on it.
		notYet := band.months[pi] - 12 + band.qualifies - 1
		mainline := 80
		if pi == 0 {
			mainline = 50
		}
		if notYet >= 0 && r.percent(mainline) {
			// Moved onto the point on a progression date.
			return (band.lastProg - calendar.Month(12*r.intn(notYet/12+1))).First(), false
		}
		return g.dayIn(band.lastProg-calendar.Month(max(notYet, 0)), g.asAtM), pi == 0
	default:
		// Anniversary: within the point's months before the census date.
		return g.dayIn(g.asAtM-calendar.Month(band.months[pi]-1), g.asAtM), pi == 0
	}
}

// startDate returns a start date consistent with reaching point pi on
// pointDate.
func (g *generator) startDate(band *genBand, pi int, pointDate calendar.Date, newStarter bool) calendar.Date {
	r := &g.src
	if newStarter && r.percent(70) {
		return pointDate
	}
	extra := 0
	if !r.percent(40) {
		extra = 1 + r.intn(180)
	}
	back := band.below[pi] + extra
	if back == 0 {
		return pointDate
	}
	m := calendar.Of(pointDate) - calendar.Month(back)
	return g.dayIn(m, m)
}

// dayIn returns a uniformly chosen month in [from, to] and a uniformly
// chosen day in it, never after the census date.
func (g *generator) dayIn(from, to calendar.Month) calendar.Date {
	r := &g.src
	if to > g.asAtM {
		to = g.asAtM
	}
	if from > to {
		from = to
	}
	m := from + calendar.Month(r.intn(int(to-from)+1))
	days := calendar.DaysIn(m.Year(), m.Number())
	if m == g.asAtM {
		days = g.asAt.Day
	}
	d := m.First()
	d.Day = 1 + r.intn(days)
	return d
}

func appendDate(b []byte, d calendar.Date) []byte {
	y := d.Year
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	b = append(b, byte('0'+d.Month/10), byte('0'+d.Month%10), '-')
	return append(b, byte('0'+d.Day/10), byte('0'+d.Day%10))
}

// csvField encodes v as one CSV field, quoting it if it contains a comma,
// quote or leading/trailing space.
func csvField(v string) []byte {
	if v == "" || (!strings.ContainsAny(v, "\",") && strings.TrimSpace(v) == v) {
		return []byte(v)
	}
	return []byte(`"` + strings.ReplaceAll(v, `"`, `""`) + `"`)
}
