package dataset

import (
	"errors"
	"io"
	"os"
	"testing"
	"testing/fstest"

	"github.com/shopspring/decimal"

	"paymodel/pkg/paystructure"
)

// FuzzLoad feeds Load arbitrary bands.csv, increments.csv and staff.csv
// bytes (with the good dataset's inflation and on-cost tables). Load must
// never panic, and must return either an ErrorList or a dataset that keeps
// every promise: strictly increasing scales, a latest structure with every
// band, and a census consistent with it.
func FuzzLoad(f *testing.F) {
	read := func(path string) []byte {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		return b
	}
	for _, dir := range []string{"testdata/good", "testdata/excel", "testdata/several", "testdata/semicolon"} {
		f.Add(read(dir+"/bands.csv"), read(dir+"/increments.csv"), read(dir+"/staff.csv"))
	}
	f.Add([]byte(baseBands), []byte(baseIncrements), []byte("id,band,point,fte,count\nE1,Band 1,1,0.5,2\nE1,Band 2,2,1,\n"))
	f.Add([]byte(datedBands), []byte(datedInc+"Band 1,1,19000,2024-04-01\n"), []byte("band,point,point_date\nBand 1,2,2024-04-01\n"))
	f.Add([]byte("band\nA\n"), []byte("band,point,salary\nA,1,1\nA,2,1.00\n"), []byte(nil))
	good, _ := os.ReadFile("testdata/good/" + InflationFile)
	oncosts, _ := os.ReadFile("testdata/good/" + OnCostsFile)

	f.Fuzz(func(t *testing.T, bands, increments, staff []byte) {
		fsys := fstest.MapFS{
			BandsFile:      {Data: bands},
			IncrementsFile: {Data: increments},
			InflationFile:  {Data: good},
			OnCostsFile:    {Data: oncosts},
		}
		if staff != nil {
			fsys[StaffFile] = &fstest.MapFile{Data: staff}
		}
		ds, err := Load(fsys, "fuzz")
		if err != nil {
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 || ds != nil {
				t.Fatalf("Load error %T %v with dataset %v", err, err, ds != nil)
			}
			for _, e := range list {
				if e.File == "" || e.Line < 0 || (e.Msg == "" && e.Omitted == 0) {
					t.Fatalf("malformed error %+v", e)
				}
			}
			return
		}
		checkDataset(t, ds)
		if err := WriteSummary(io.Discard, ds); err != nil {
			t.Fatal(err)
		}
		var people int64
		if err := EachPerson(fsys, ds, func(p *paystructure.Person) error {
			people += p.Count
			return nil
		}); err != nil {
			t.Fatalf("EachPerson: %v", err)
		}
		if ds.Census != nil && people != ds.Census.Headcount {
			t.Fatalf("EachPerson saw %d people, the census has %d", people, ds.Census.Headcount)
		}
	})
}

// checkDataset checks the guarantees of a loaded dataset.
func checkDataset(t *testing.T, ds *paystructure.Dataset) {
	t.Helper()
	if len(ds.Bands) == 0 || len(ds.Structures) == 0 {
		t.Fatalf("%d bands, %d structures", len(ds.Bands), len(ds.Structures))
	}
	for i := 1; i < len(ds.Structures); i++ {
		if !ds.Structures[i-1].EffectiveFrom.Before(ds.Structures[i].EffectiveFrom) {
			t.Fatalf("structures out of order: %v, %v", ds.Structures[i-1].EffectiveFrom, ds.Structures[i].EffectiveFrom)
		}
	}
	for _, s := range ds.Structures {
		for _, sc := range s.Scales {
			if len(sc.Points) == 0 {
				t.Fatalf("%s has an empty scale", sc.Band)
			}
			for i, p := range sc.Points {
				if p.Salary.Sign() <= 0 || p.Months < 1 || p.CPDHours.Sign() < 0 {
					t.Fatalf("%s point %s: salary %s, months %d, cpd %s", sc.Band, p.Label, p.Salary, p.Months, p.CPDHours)
				}
				if i > 0 && sc.Points[i-1].Salary.Cmp(p.Salary) >= 0 {
					t.Fatalf("%s: point %s (%s) is not above %s (%s)", sc.Band, p.Label, p.Salary, sc.Points[i-1].Label, sc.Points[i-1].Salary)
				}
			}
		}
	}
	latest := ds.Latest()
	bandPos := map[string]int{}
	for i, b := range ds.Bands {
		if i > 0 && ds.Bands[i-1].Order > b.Order {
			t.Fatalf("bands out of order")
		}
		bandPos[b.Name] = i
		if _, ok := latest.Scale(b.Name); !ok {
			t.Fatalf("the latest structure lacks %s", b.Name)
		}
	}
	c := ds.Census
	if c == nil {
		return
	}
	var sum int64
	one := decimal.NewFromInt(1)
	lastBand, lastPoint := -1, -1
	for _, g := range c.Groups {
		sc, _ := latest.Scale(g.Band)
		pi := sc.Index(g.Point)
		if pi < 0 || g.Count < 1 || g.FTE.Sign() <= 0 || g.FTE.Cmp(one) > 0 || len(g.Attributes) != len(c.AttributeNames) {
			t.Fatalf("bad group %+v", g)
		}
		bi := bandPos[g.Band]
		if bi < lastBand || (bi == lastBand && pi < lastPoint) {
			t.Fatalf("groups out of order at %+v", g)
		}
		lastBand, lastPoint = bi, pi
		sum += g.Count
	}
	if sum != c.Headcount || c.Rows < int64(len(c.Groups)) {
		t.Fatalf("headcount %d, groups sum to %d; %d rows, %d groups", c.Headcount, sum, c.Rows, len(c.Groups))
	}
}
