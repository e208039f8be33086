package scenario

import (
	"testing"

	"paymodel/pkg/paystructure"
)

// TestStatusThroughAwards checks how a point's status (published, derived
// or illustrative) travels into a scenario's table. The dataset is one band
// with an illustrative entry (£20,000), a derived middle (£21,000) and a
// published top (£22,000). A salary worked out from the point's own salary
// (uplift, flat sum, with or without an underpin) keeps its status, since
// its value depends on it; a salary the offer states outright (set,
// floor_hourly, add_point) is the offer's figure, so published.
func TestStatusThroughAwards(t *testing.T) {
	ds := func() *paystructure.Dataset {
		s := scale("Band 1", "1", "20000", "2", "21000", "3", "22000")
		s.Points[0].Status = paystructure.Illustrative
		s.Points[1].Status = paystructure.Derived
		return dataset(structure("2024-04-01", s))
	}
	P, D, I := paystructure.Published, paystructure.Derived, paystructure.Illustrative
	tests := []struct {
		name   string
		awards string // TOML after header
		want   []string
		status []paystructure.Status
	}{
		{
			name:   "no award: the dataset's statuses",
			awards: "",
			want:   []string{"1=20000", "2=21000", "3=22000"},
			status: []paystructure.Status{I, D, P},
		},
		{
			// 20,000 × 1.04 = 20,800; 21,000 × 1.04 = 21,840; 22,000 × 1.04 = 22,880
			name:   "4% keeps each status",
			awards: "[[award]]\nfrom = 2025-04-01\nuplift = \"4%\"\n",
			want:   []string{"1=20800", "2=21840", "3=22880"},
			status: []paystructure.Status{I, D, P},
		},
		{
			// 1% of 20,000 = 200 raised to the £500 minimum: 20,500; 21,500; 22,500
			name:   "flat-sum underpin keeps each status",
			awards: "[[award]]\nfrom = 2025-04-01\nuplift = \"1%\"\nminimum = \"£500\"\n",
			want:   []string{"1=20500", "2=21500", "3=22500"},
			status: []paystructure.Status{I, D, P},
		},
		{
			// point 1 set to £20,400 outright: the offer's figure
			name:   "set makes a point published",
			awards: "[[award]]\nfrom = 2025-04-01\nset = { \"Band 1\" = { \"1\" = \"£20,400\" } }\n",
			want:   []string{"1=20400", "2=21000", "3=22000"},
			status: []paystructure.Status{P, D, P},
		},
		{
			// £10.50 × 37 × 52.143 = £20,257.5555 → £20,258 lifts point 1 only
			name:   "a floor lifts the entry to a published figure",
			awards: "[[award]]\nfrom = 2025-04-01\nfloor_hourly = \"£10.50\"\n",
			want:   []string{"1=20258", "2=21000", "3=22000"},
			status: []paystructure.Status{P, D, P},
		},
		{
			// 20,000 × 1.02 = 20,400 (illustrative, from point 1); then point 4
			// added at £23,000 (published); 21,000 × 1.02 = 21,420; 22,000 × 1.02 = 22,440
			name:   "an added point is published, an uplifted one keeps its status",
			awards: "[[award]]\nfrom = 2025-04-01\nuplift = \"2%\"\n\n[[award]]\nfrom = 2025-04-01\nadd_point = { band = \"Band 1\", point = \"4\", salary = \"£23,000\" }\n",
			want:   []string{"1=20400", "2=21420", "3=22440", "4=23000"},
			status: []paystructure.Status{I, D, P, P},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := mustApply(t, ds(), header+tt.awards)
			s, ok := tl.Tables[len(tl.Tables)-1].Scale("Band 1")
			if !ok {
				t.Fatal("no Band 1")
			}
			if len(s.Points) != len(tt.want) {
				t.Fatalf("%d points, want %d", len(s.Points), len(tt.want))
			}
			for i, p := range s.Points {
				if got := p.Label + "=" + p.Salary.String(); got != tt.want[i] || p.Status != tt.status[i] {
					t.Errorf("point %d: %s %v, want %s %v", i, got, p.Status, tt.want[i], tt.status[i])
				}
			}
		})
	}
}
