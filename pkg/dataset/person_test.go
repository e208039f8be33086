package dataset

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"paymodel/pkg/paystructure"
)

func personText(p *paystructure.Person) string {
	cpd := "-"
	if p.CPDRecorded {
		cpd = p.CPDHours.String()
	}
	return fmt.Sprintf("%d %q %q %s/%s fte %s from %q start %q cpd %s ×%d %q",
		p.Line, p.ID, p.Name, p.Band, p.Point, p.FTE, p.PointDate.String(), p.StartDate.String(), cpd, p.Count, p.Attributes)
}

func TestEachPerson(t *testing.T) {
	fsys := os.DirFS("testdata/excel")
	ds, err := Load(fsys, "excel")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	err = EachPerson(fsys, ds, func(p *paystructure.Person) error {
		got = append(got, personText(p))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`2 "1" "Smith, Jo" Band A/A1 fte 0.5 from "" start "" cpd - ×1 ["North \"East\""]`,
		`3 "2" "Line\nBreak" Band B/B2 fte 1 from "" start "" cpd - ×2 ["South"]`, // the field spans lines 3 and 4
		`5 "3" "Ann" Band A/A2 fte 1 from "" start "" cpd - ×3 [""]`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("people:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestEachPersonGood(t *testing.T) {
	fsys := os.DirFS("testdata/good")
	ds := mustLoad(t, "testdata/good")
	var got []string
	if err := EachPerson(fsys, ds, func(p *paystructure.Person) error {
		got = append(got, personText(p))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	want := []string{
		`2 "E001" "Ann Example" Band 2/1 fte 1 from "2025-04-01" start "2025-04-01" cpd - ×1 ["F" "North"]`,
		`3 "E002" "Bob Example" Band 2/1 fte 1 from "2025-04-01" start "2024-01-15" cpd 12 ×1 ["M" "North"]`,
		`4 "E003" "Cat Example" Band 3/2 fte 0.6 from "2024-10-01" start "2020-03-01" cpd 30 ×1 ["F" "South"]`,
		`5 "E004" "Dan Example" Band 3/2 fte 0.6 from "2024-10-01" start "2021-06-01" cpd 30 ×1 ["F" "South"]`,
		`6 "E005" "Eve Example" Band 4/3 fte 0.8 from "2023-04-01" start "2024-04-01" cpd 40 ×1 ["F" "North"]`,
		`7 "" "" Band 4/1 fte 1 from "" start "" cpd - ×3 ["M" "South"]`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("people:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestEachPersonStops(t *testing.T) {
	fsys := os.DirFS("testdata/good")
	ds := mustLoad(t, "testdata/good")
	stop := errors.New("stop")
	n := 0
	err := EachPerson(fsys, ds, func(*paystructure.Person) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if err != stop || n != 2 {
		t.Errorf("EachPerson returned %v after %d people, want stop after 2", err, n)
	}
}

func TestEachPersonChangedFile(t *testing.T) {
	fsys := files(map[string]string{StaffFile: "band,point\nBand 1,1\nBand 2,2\n"})
	ds, err := Load(fsys, "test")
	if err != nil {
		t.Fatal(err)
	}
	fsys[StaffFile] = &fstest.MapFile{Data: []byte("band,point\nBand 1,1\nBand 2,7\n")}
	err = EachPerson(fsys, ds, func(*paystructure.Person) error { return nil })
	if want := `staff.csv:3: point "7" is not a point of Band 2`; err == nil || err.Error() != want {
		t.Errorf("EachPerson error = %v, want %q", err, want)
	}
	delete(fsys, StaffFile)
	err = EachPerson(fsys, ds, func(*paystructure.Person) error { return nil })
	if want := "staff.csv: file not found (it was there when the dataset was loaded)"; err == nil || err.Error() != want {
		t.Errorf("EachPerson error = %v, want %q", err, want)
	}
}
