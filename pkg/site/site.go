// Package site owns the member calculator: one self-contained HTML page
// (index.html) on which a member picks their band, point, FTE or weekly
// hours, and optionally the date they reached their point and their CPD
// hours, and sees their salary and pay under Current and each offer.
//
// The page computes nothing the model has not already decided. Build asks
// package analysis for the path of every band and point under every
// distinct case of the optional inputs (analysis.Members.Cases: which CPD
// threshold the hours reach, and the point month within the window that
// decides progression): each path is the full-time salary of every month of
// the horizon, the full-time value of every lump sum paid, and the moves
// (next progression, top of the band) the model found. The page only does
// the part that depends on FTE, exactly as the model does it: each month's
// pay is salary × FTE ÷ 12, rounded to the penny, halves away from zero
// (money.MonthlyPay); each lump sum is value × FTE, rounded the same way;
// a pay year is the sum of its months; the arrears of an offer put into
// pay late are the sum, over the months before that, of the month's pay
// under the offer less under Current; the pay now is salary × FTE, rounded
// to the penny (analysis.MemberFacts.Pay). It does this in integer pence with
// JavaScript BigInt, with FTE carried as an exact fraction, so no binary
// floating point touches money; charts convert to floating point only to
// draw.
//
// A point whose salary the dataset does not give as published
// (increments.csv's status: illustrative or derived) carries its status,
// and the page marks it with a † wherever the member's salary now is shown
// (the point list and the key figure), with a note under the salary table
// when a point of their band they stand on at the start of a pay year is
// such a point (Path.Unpublished).
// Where offers give the same pay every year, their chart lines lie on one
// another, and a note under the chart's legend names them.
//
// The page embeds nothing from the census: Build reads only the pay
// structure and the timelines. The same inputs give byte-identical pages.
package site

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"runtime"
	"sync"

	"github.com/shopspring/decimal"

	"paymodel/pkg/analysis"
	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/projection"
	"paymodel/pkg/report"
)

// Data is everything the page embeds, as JSON. Amounts are decimal strings
// (never JSON numbers), kept once in Values and referred to by index.
type Data struct {
	Dataset  string `json:"dataset"`
	Checksum string `json:"checksum"`
	Version  string `json:"version"`
	// Start is the first day of pay year 1 (YYYY-MM-DD); Years the horizon.
	Start string `json:"start"`
	Years int    `json:"years"`
	// Window is how many months before Start a point month can lie and
	// still make a difference (projection.Cases); older point months are
	// moved forward by whole years into it.
	Window int `json:"window"`
	// CPD are the hours that stand for each case of recorded CPD hours,
	// ascending, the first "0": hours h fall in the case of the largest that
	// h reaches. Case 0 is hours not recorded; case c ≥ 1 is CPD[c−1].
	CPD       []string   `json:"cpd"`
	Scenarios []Scenario `json:"scenarios"` // Current first
	Bands     []Band     `json:"bands"`
	Values    []string   `json:"values"`
	Paths     []Path     `json:"paths"`
	// Spans map a point month to a path: pairs (count, path index) over the
	// point months Start − Window … Start, oldest first.
	Spans [][]int `json:"spans"`
}

// Scenario is one column of the page: Current or an offer.
type Scenario struct {
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	// Arrears is the month index in which a deal implemented late is put
	// into pay (analysis.Member.Arrears), nil when it is paid from each
	// award's date. Until then people are paid Current's pay; in that month
	// they are paid, as arrears, the sum over the months before it of their
	// month's pay under the deal less under Current.
	Arrears *int `json:"arrears,omitempty"`
}

// Band is a band of the structure in force at the start.
type Band struct {
	Name  string `json:"name"`
	Title string `json:"title,omitempty"`
	// Hours is the band's full-time weekly hours (FTE = hours ÷ Hours).
	Hours  string  `json:"hours"`
	Points []Point `json:"points"`
}

// Point is one point of a band and the paths of the people on it.
type Point struct {
	Label string `json:"label"`
	// Salary is the full-time salary of the point at the start, under
	// Current (analysis.MemberFacts.Salary), as a Values index; Through is
	// how far through the band it is, as the statement shows it.
	Salary  int    `json:"salary"`
	Through string `json:"through"`
	// Status is "illustrative" or "derived" when the dataset does not
	// give the point's salary as published (paystructure.Point.Status), ""
	// (left out) when it does. The page marks such a salary with a † and
	// notes it.
	Status string `json:"st,omitempty"`
	// Paths[s][c] is the Spans index for scenario s and CPD case c; a
	// scenario whose cases all share one span has a single entry.
	Paths [][]int `json:"paths"`
}

// Path is one person's path at full time under one scenario.
type Path struct {
	// Salary is pairs (months since the previous change, Values index):
	// the full-time salary from month index 0, and each change after it.
	Salary []int `json:"s"`
	// Lumps is pairs (month index, Values index): the full-time value of
	// each lump sum paid, in the order paid.
	Lumps []int `json:"l,omitempty"`
	// Next is the month index of the first move off the point (−1: none
	// within the horizon), to NextBand point NextPoint.
	Next      int    `json:"n"`
	NextBand  string `json:"nb,omitempty"`
	NextPoint string `json:"np,omitempty"`
	// Top is the month index on which the person first stands on their
	// band's top point (0 when already there; −1: not within the horizon),
	// and TopYears that time in years to two places.
	Top      int    `json:"t"`
	TopYears string `json:"ty,omitempty"`
	// CPD is the CPD hours a year needed to pass the point ("" when none).
	CPD string `json:"c,omitempty"`
	// Unpublished is set when a point of the member's band they stand on
	// at the start of a pay year is one the dataset does not give as
	// published (paystructure.Point.Status, as the structure at the start
	// has it): the page's salaries are then worked out from it, and it
	// says so under the salary table.
	Unpublished bool `json:"u,omitempty"`
}

// Build works out the page's data for ds under tls (Current first).
// version is the paymodel version shown in the footer.
func Build(ds *paystructure.Dataset, tls []*paystructure.Timeline, version string) (*Data, error) {
	ms, err := analysis.NewMembers(ds, tls, true)
	if err != nil {
		return nil, err
	}
	cases := ms.Cases()
	start := tls[0].Start
	d := &Data{
		Dataset: ds.Name, Checksum: ds.Checksum, Version: version,
		Start: start.First().String(), Years: tls[0].Years, Window: cases.Window,
		CPD: []string{"0"},
	}
	b := newBuilder(d)
	hours := []*decimal.Decimal{nil, new(decimal.Decimal)}
	for _, t := range cases.CPDThresholds {
		if t.IsPositive() {
			d.CPD = append(d.CPD, t.String())
			hours = append(hours, &t)
		}
	}
	for _, tl := range tls {
		d.Scenarios = append(d.Scenarios, Scenario{Name: tl.Scenario, Description: tl.Description})
	}
	for _, band := range ds.Bands {
		sc, ok := tls[0].Tables[0].Scale(band.Name)
		if !ok {
			continue
		}
		out := Band{Name: band.Name, Title: band.Title, Hours: band.WeeklyHours.String()}
		for _, pt := range sc.Points {
			p, err := b.point(ms, band.Name, pt.Label, start, hours)
			if err != nil {
				return nil, err
			}
			if pt.Status != paystructure.Published {
				p.Status = pt.Status.String()
			}
			out.Points = append(out.Points, p)
		}
		d.Bands = append(d.Bands, out)
	}
	return d, nil
}

// builder dedupes values, paths and spans as Build adds them.
type builder struct {
	d      *Data
	values map[string]int
	paths  map[string]int
	spans  map[string]int
}

func newBuilder(d *Data) *builder {
	return &builder{d: d, values: map[string]int{}, paths: map[string]int{}, spans: map[string]int{}}
}

// value returns the Values index of v, written with at least two decimal
// places (39000.00, 25524.0625).
func (b *builder) value(v decimal.Decimal) int {
	s := Exact(v)
	return intern(b.values, &b.d.Values, s, s)
}

// intern returns the index in *list of the item with key, appending item
// when key is new.
func intern[T any](index map[string]int, list *[]T, key string, item T) int {
	i, ok := index[key]
	if !ok {
		i = len(*list)
		index[key] = i
		*list = append(*list, item)
	}
	return i
}

// Exact writes an amount as the page's data-value attributes carry it: the
// exact decimal with at least two decimal places ("39000.00", "-12.50",
// "25524.0625").
func Exact(v decimal.Decimal) string {
	if v.Exponent() >= -2 {
		return v.StringFixed(2)
	}
	return v.String()
}

// point works out one point's paths under every scenario, CPD case and
// point month of the window.
func (b *builder) point(ms *analysis.Members, band, label string, start calendar.Month, hours []*decimal.Decimal) (Point, error) {
	w := b.d.Window
	nsc := len(b.d.Scenarios)
	// ids[s][c][i]: the path of scenario s, CPD case c, point month start − w + i.
	ids := make([][][]int, nsc)
	for s := range ids {
		ids[s] = make([][]int, len(hours))
	}
	// Project every case on every core, then add the results in order.
	members := make([]*analysis.Member, len(hours)*(w+1))
	errs := make([]error, len(members))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for k := range next {
				p := &paystructure.Person{Band: band, Point: label, FTE: decimal.NewFromInt(1), Count: 1,
					PointDate: (start - calendar.Month(w-k%(w+1))).First()}
				if h := hours[k/(w+1)]; h != nil {
					p.CPDHours, p.CPDRecorded = *h, true
				}
				members[k], errs[k] = ms.MemberMonths(p)
			}
		})
	}
	for k := range members {
		next <- k
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return Point{}, err
	}
	f := members[w].Facts() // unrecorded hours, point month the start
	pt := Point{Label: label, Salary: b.value(f.Salary), Through: report.Percent(f.Through).Display()}
	for s, a := range members[w].Arrears {
		if a != nil && b.d.Scenarios[s].Arrears == nil {
			m := int(a.Month - start)
			b.d.Scenarios[s].Arrears = &m
		}
	}
	for k, m := range members {
		for s := range m.Tracks {
			ids[s][k/(w+1)] = append(ids[s][k/(w+1)], b.path(start, m.Scale, m.Tracks[s], m.Months[s]))
		}
	}
	for s := range ids {
		var row []int
		same := true
		for c := range ids[s] {
			row = append(row, b.span(ids[s][c]))
			same = same && row[c] == row[0]
		}
		if same {
			row = row[:1]
		}
		pt.Paths = append(pt.Paths, row)
	}
	return pt, nil
}

// path returns the Paths index of a track and its months; sc is the
// member's band at the start, whose points' statuses say whether the
// path's salaries are worked out from published ones.
func (b *builder) path(start calendar.Month, sc paystructure.Scale, tr projection.Track, months []projection.TrackMonth) int {
	p := Path{Next: -1, Top: -1}
	for _, y := range tr.Years {
		p.Unpublished = p.Unpublished || (y.Band == sc.Band && sc.Status(y.Point) != paystructure.Published)
	}
	last := 0
	for mi, m := range months {
		if mi == 0 || !m.Salary.Equal(months[last].Salary) {
			p.Salary = append(p.Salary, mi-last, b.value(m.Salary))
			last = mi
		}
		for _, l := range m.Lumps {
			p.Lumps = append(p.Lumps, mi, b.value(l))
		}
	}
	if tr.NextMove != nil {
		p.Next, p.NextBand, p.NextPoint = int(*tr.NextMove-start), tr.NextBand, tr.NextPoint
	}
	if tr.TopMonth != nil {
		p.Top, p.TopYears = int(*tr.TopMonth-start), tr.YearsToTop.StringFixed(2)
	}
	if tr.CPDRequired.IsPositive() {
		p.CPD = tr.CPDRequired.String()
	}
	key, _ := json.Marshal(p)
	return intern(b.paths, &b.d.Paths, string(key), p)
}

// span run-length encodes a point month → path table and returns its
// Spans index.
func (b *builder) span(ids []int) int {
	var runs []int
	for i, id := range ids {
		if i > 0 && runs[len(runs)-1] == id {
			runs[len(runs)-2]++
			continue
		}
		runs = append(runs, 1, id)
	}
	return intern(b.spans, &b.d.Spans, fmt.Sprint(runs), runs)
}

//go:embed page.html
var pageHTML string

//go:embed page.css
var pageCSS string

//go:embed page.js
var pageJS string

var page = template.Must(template.New("page").Parse(pageHTML))

// Write renders the page for d: one HTML file with its styles, script and
// data inline, loading nothing from the network.
func Write(w io.Writer, d *Data) error {
	js, err := json.Marshal(d) // escapes <, > and & as \u003c…, so it cannot end the script
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	err = page.Execute(&buf, struct {
		Title, Dataset, Checksum, Version, Start string
		CSS                                      template.CSS
		JS                                       template.JS
		Data                                     template.JS
	}{
		Title:   "Pay calculator: " + d.Dataset,
		Dataset: d.Dataset, Checksum: d.Checksum, Version: d.Version, Start: d.Start,
		CSS:  template.CSS(pageCSS),
		JS:   template.JS(pageJS),
		Data: template.JS(js),
	})
	if err != nil {
		return err
	}
	_, err = w.Write(bytes.TrimLeft(buf.Bytes(), "\n"))
	return err
}
