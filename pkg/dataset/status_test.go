package dataset

import (
	"strings"
	"testing"

	"paymodel/pkg/paystructure"
)

// TestPointStatus checks increments.csv's optional status column: each
// value, in any case, blank as published, and a file without the column
// (every point published). The expected statuses are the cells as written.
func TestPointStatus(t *testing.T) {
	tests := []struct {
		name string
		inc  string
		want []paystructure.Status // Band 1 points 1–2, then Band 2 points 1–2
	}{
		{"no status column", baseIncrements,
			[]paystructure.Status{paystructure.Published, paystructure.Published, paystructure.Published, paystructure.Published}},
		{"every value, any case, blank",
			"band,point,salary,status,source\nBand 1,1,20000,Derived,UNISON ÷ 1.12\nBand 1,2,21000, ILLUSTRATIVE ,\nBand 2,1,22000,,\nBand 2,2,23000,published,pay circular\n",
			[]paystructure.Status{paystructure.Derived, paystructure.Illustrative, paystructure.Published, paystructure.Published}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds, err := Load(files(map[string]string{IncrementsFile: tt.inc}), "test")
			if err != nil {
				t.Fatal(err)
			}
			var got []paystructure.Status
			for _, sc := range ds.Latest().Scales {
				for _, p := range sc.Points {
					got = append(got, p.Status)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d points, want %d", len(got), len(tt.want))
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("point %d: status %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestPointStatusBlankColumn checks that a file without the status column
// reads as before: adding an all-blank status column changes the file's
// bytes (and so the checksum) but no point.
func TestPointStatusBlankColumn(t *testing.T) {
	plain, err := Load(files(nil), "test")
	if err != nil {
		t.Fatal(err)
	}
	withCol, err := Load(files(map[string]string{IncrementsFile: "band,point,salary,status\nBand 1,1,20000,\nBand 1,2,21000,\nBand 2,1,22000,\nBand 2,2,23000,\n"}), "test")
	if err != nil {
		t.Fatal(err)
	}
	a, b := plain.Latest().Scales, withCol.Latest().Scales
	for i := range a {
		for j := range a[i].Points {
			p, q := a[i].Points[j], b[i].Points[j]
			if p.Label != q.Label || !p.Salary.Equal(q.Salary) || p.Status != q.Status || p.Status != paystructure.Published {
				t.Errorf("%s point %s: %+v, want %+v (published)", a[i].Band, p.Label, q, p)
			}
		}
	}
}

// TestSummaryMarksUnpublished checks that validate's summary counts the
// points increments.csv marks, and marks an entry or top salary that is
// not published: Band 1's entry is derived (†), its top illustrative (†);
// Band 2's are published (no mark). One derived and one illustrative point
// in the one structure.
func TestSummaryMarksUnpublished(t *testing.T) {
	ds, err := Load(files(map[string]string{IncrementsFile: "band,point,salary,status\nBand 1,1,20000,derived\nBand 1,2,21000,illustrative\nBand 2,1,22000,\nBand 2,2,23000,published\n"}), "test")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := WriteSummary(&b, ds); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"Not published: 1 derived, 1 illustrative points (increments.csv status; † below)\n",
		"£20,000 †", "£21,000 †",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	for _, unwanted := range []string{"£22,000 †", "£23,000 †"} {
		if strings.Contains(out, unwanted) {
			t.Errorf("summary marks a published salary %q:\n%s", unwanted, out)
		}
	}

	plainDS, err := Load(files(nil), "test")
	if err != nil {
		t.Fatal(err)
	}
	b.Reset()
	if err := WriteSummary(&b, plainDS); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "Not published") || strings.Contains(b.String(), "†") {
		t.Errorf("a dataset without statuses is marked:\n%s", b.String())
	}
}
