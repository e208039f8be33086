package scenario

import (
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
)

// TestApplyAwards checks the table each kind of award produces. Every
// expected figure was worked out by hand; the working is in the comments.
func TestApplyAwards(t *testing.T) {
	big := func() *paystructure.Dataset {
		return dataset(structure("2024-04-01", scale("Big", "1", "20000", "2", "100000")))
	}
	type band struct {
		name string
		want []string // label=salary
	}
	tests := []struct {
		name   string
		ds     func() *paystructure.Dataset
		awards string // TOML after header
		rule   string // rounding rule, if not pound
		table  int    // index of the table to check
		from   string // its From, YYYY-MM
		bands  []band
		moves  []paystructure.Move
	}{
		{
			name:   "mid-year award creates a table from its month",
			ds:     probation,
			awards: "[[award]]\nfrom = 2025-10-01\nuplift = \"2%\"\n",
			table:  1, from: "2025-10",
			// 23,500 × 1.02 = 23,970; 24,350 × 1.02 = 24,837; 25,210 × 1.02 = 25,714.20 → 25,714
			bands: []band{{"Band 2", []string{"1=23970", "2=24837", "3=25714"}}},
		},
		{
			name:   "underpin and cap together",
			ds:     big,
			awards: "[[award]]\nfrom = 2025-04-01\nuplift = \"3%\"\nminimum = \"£1,000\"\nmaximum = \"£2,500\"\n",
			from:   "2025-04",
			// 3% of 20,000 = 600, raised to 1,000; 3% of 100,000 = 3,000, capped at 2,500
			bands: []band{{"Big", []string{"1=21000", "2=102500"}}},
		},
		{
			name:   "rate-form minimum",
			ds:     probation,
			awards: "[[award]]\nfrom = 2025-04-01\nuplift = \"1%\"\nminimum = \"4%\"\nbands = [\"Band 2\"]\n",
			from:   "2025-04",
			// 1% of 23,500 = 235 < 4% = 940 → 24,440; 243.50 < 974 → 25,324;
			// 252.10 < 1,008.40 → 26,218.40 → 26,218
			bands: []band{{"Band 2", []string{"1=24440", "2=25324", "3=26218"}}},
		},
		{
			name:   "rate-form maximum on a flat award",
			ds:     probation,
			awards: "[[award]]\nfrom = 2025-04-01\nflat = \"£2,000\"\nmaximum = \"5%\"\nbands = [\"Band 4\"]\n",
			from:   "2025-04",
			// 5% of 36,000 = 1,800; of 37,500 = 1,875; of 39,000 = 1,950 (all < 2,000);
			// 5% of 40,500 = 2,025 and of 42,000 = 2,100 leave the 2,000 alone
			bands: []band{{"Band 4", []string{"1=37800", "2=39375", "3=40950", "4=42500", "5=44000"}}},
		},
		{
			name:   "selection by band",
			ds:     probation,
			awards: "[[award]]\nfrom = 2025-04-01\nuplift = \"10%\"\nbands = [\"Band 2\"]\n",
			from:   "2025-04",
			bands: []band{
				{"Band 2", []string{"1=25850", "2=26785", "3=27731"}},
				{"Band 3", []string{"1=26475", "2=27769", "3=29062", "4=30356", "5=31650"}},
			},
		},
		{
			name:   "selection by points within bands",
			ds:     probation,
			awards: "[[award]]\nfrom = 2025-04-01\nflat = \"£1,000\"\nbands = [\"Band 4\"]\npoints = [\"5\"]\n",
			from:   "2025-04",
			bands: []band{
				{"Band 3", []string{"1=26475", "2=27769", "3=29062", "4=30356", "5=31650"}},
				{"Band 4", []string{"1=36000", "2=37500", "3=39000", "4=40500", "5=43000"}},
			},
		},
		{
			name:   "selection by points in every band that has them",
			ds:     probation,
			awards: "[[award]]\nfrom = 2025-04-01\nflat = \"£1,000\"\npoints = [\"5\"]\n",
			from:   "2025-04",
			bands: []band{
				{"Band 2", []string{"1=23500", "2=24350", "3=25210"}},
				{"Band 3", []string{"1=26475", "2=27769", "3=29062", "4=30356", "5=32650"}},
				{"Band 4", []string{"1=36000", "2=37500", "3=39000", "4=40500", "5=43000"}},
			},
		},
		{
			name:   "salary_below compares the salary before the award",
			ds:     probation,
			awards: "[[award]]\nfrom = 2025-04-01\nflat = \"£500\"\nsalary_below = \"£24,000\"\n",
			from:   "2025-04",
			bands:  []band{{"Band 2", []string{"1=24000", "2=24350", "3=25210"}}},
		},
		{
			name:   "salary_from includes the boundary",
			ds:     probation,
			awards: "[[award]]\nfrom = 2025-04-01\nuplift = \"1%\"\nsalary_from = \"£42,000\"\n",
			from:   "2025-04",
			// 42,000 × 1.01 = 42,420
			bands: []band{{"Band 4", []string{"1=36000", "2=37500", "3=39000", "4=40500", "5=42420"}}},
		},
		{
			name:   "salary range",
			ds:     probation,
			awards: "[[award]]\nfrom = 2025-04-01\nflat = \"£100\"\nsalary_from = \"£30,000\"\nsalary_below = \"£40,000\"\n",
			from:   "2025-04",
			bands: []band{
				{"Band 3", []string{"1=26475", "2=27769", "3=29062", "4=30456", "5=31750"}},
				{"Band 4", []string{"1=36100", "2=37600", "3=39100", "4=40500", "5=42000"}},
			},
		},
		{
			name:   "flat",
			ds:     probation,
			awards: "[[award]]\nfrom = 2025-04-01\nflat = \"£800\"\n",
			from:   "2025-04",
			bands:  []band{{"Band 2", []string{"1=24300", "2=25150", "3=26010"}}},
		},
		{
			name:   "set",
			ds:     probation,
			awards: "[[award]]\nfrom = 2025-04-01\nset = { \"Band 4\" = { \"1\" = \"£36,500\", \"5\" = \"£42,750\" } }\n",
			from:   "2025-04",
			bands:  []band{{"Band 4", []string{"1=36500", "2=37500", "3=39000", "4=40500", "5=42750"}}},
		},
		{
			name:   "add_point at the top",
			ds:     probation,
			awards: "[[award]]\nfrom = 2025-04-01\nadd_point = { band = \"Band 4\", point = \"6\", salary = \"£43,500\" }\n",
			from:   "2025-04",
			bands:  []band{{"Band 4", []string{"1=36000", "2=37500", "3=39000", "4=40500", "5=42000", "6=43500"}}},
		},
		{
			name:   "add_point placed by salary",
			ds:     probation,
			awards: "[[award]]\nfrom = 2025-04-01\nadd_point = { band = \"Band 4\", point = \"2a\", salary = \"£38,250\" }\n",
			from:   "2025-04",
			bands:  []band{{"Band 4", []string{"1=36000", "2=37500", "2a=38250", "3=39000", "4=40500", "5=42000"}}},
		},
		{
			name:   "floor_hourly merges points lifted to one salary",
			ds:     probation,
			awards: "[[award]]\nfrom = 2025-04-01\nfloor_hourly = \"£15.00\"\n",
			from:   "2025-04",
			// £15 × 37 × 52.143 = 555 × 52.143 = 28,939.365 → 28,939. Band 2's three
			// points and Band 3's points 1 and 2 are below it; Band 3 point 3
			// (29,062) is not.
			bands: []band{
				{"Band 2", []string{"3=28939"}},
				{"Band 3", []string{"2=28939", "3=29062", "4=30356", "5=31650"}},
				{"Band 4", []string{"1=36000", "2=37500", "3=39000", "4=40500", "5=42000"}},
			},
			moves: []paystructure.Move{
				{Band: "Band 2", From: "1", To: "3"},
				{Band: "Band 2", From: "2", To: "3"},
				{Band: "Band 3", From: "1", To: "2"},
			},
		},
		{
			name:   "floor_hourly with one point lifted, rounded up",
			ds:     probation,
			rule:   "up-pound",
			awards: "[[award]]\nfrom = 2025-04-01\nfloor_hourly = \"£14\"\nbands = [\"Band 3\"]\n",
			from:   "2025-04",
			// £14 × 37 × 52.143 = 518 × 52.143 = 27,010.074 → up to 27,011
			bands: []band{
				{"Band 2", []string{"1=23500", "2=24350", "3=25210"}},
				{"Band 3", []string{"1=27011", "2=27769", "3=29062", "4=30356", "5=31650"}},
			},
		},
		{
			name:   "remove the bottom point",
			ds:     probation,
			awards: "[[award]]\nfrom = 2025-04-01\nremove_points = { \"Band 4\" = [\"1\"] }\n",
			from:   "2025-04",
			bands:  []band{{"Band 4", []string{"2=37500", "3=39000", "4=40500", "5=42000"}}},
			moves:  []paystructure.Move{{Band: "Band 4", From: "1", To: "2"}},
		},
		{
			name:   "remove the top point: protected",
			ds:     probation,
			awards: "[[award]]\nfrom = 2025-04-01\nremove_points = { \"Band 4\" = [\"5\"] }\n",
			from:   "2025-04",
			bands:  []band{{"Band 4", []string{"1=36000", "2=37500", "3=39000", "4=40500"}}},
			moves:  []paystructure.Move{{Band: "Band 4", From: "5", To: "4", Protect: true}},
		},
		{
			name:   "remove two points",
			ds:     probation,
			awards: "[[award]]\nfrom = 2025-04-01\nremove_points = { \"Band 4\" = [\"1\", \"2\"] }\n",
			from:   "2025-04",
			bands:  []band{{"Band 4", []string{"3=39000", "4=40500", "5=42000"}}},
			moves:  []paystructure.Move{{Band: "Band 4", From: "1", To: "3"}, {Band: "Band 4", From: "2", To: "3"}},
		},
		{
			name: "moves on one date compose",
			ds:   probation,
			awards: "[[award]]\nfrom = 2026-04-01\nremove_points = { \"Band 4\" = [\"1\"] }\n" +
				"[[award]]\nfrom = 2026-04-01\nremove_points = { \"Band 4\" = [\"2\"] }\n",
			table: 1, from: "2026-04",
			bands: []band{{"Band 4", []string{"3=39000", "4=40500", "5=42000"}}},
			moves: []paystructure.Move{{Band: "Band 4", From: "1", To: "3"}, {Band: "Band 4", From: "2", To: "3"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			head := header
			if tt.rule != "" {
				head = strings.Replace(head, `"pound"`, `"`+tt.rule+`"`, 1)
			}
			tl := mustApply(t, tt.ds(), head+tt.awards)
			if tl.Tables[0].From != calendar.MonthOf(2025, 4) {
				t.Errorf("Tables[0].From = %s, want 2025-04", tl.Tables[0].From)
			}
			if tt.table >= len(tl.Tables) {
				t.Fatalf("%d tables, want at least %d", len(tl.Tables), tt.table+1)
			}
			table := tl.Tables[tt.table]
			if got := table.From.String(); got != tt.from {
				t.Errorf("table %d from %s, want %s", tt.table, got, tt.from)
			}
			for _, b := range tt.bands {
				if got := salaries(t, table, b.name); !reflect.DeepEqual(got, b.want) {
					t.Errorf("%s:\n got %v\nwant %v", b.name, got, b.want)
				}
			}
			if !reflect.DeepEqual(table.Moves, tt.moves) {
				t.Errorf("moves:\n got %+v\nwant %+v", table.Moves, tt.moves)
			}
		})
	}
}

// TestMidYearTables checks the tables of a scenario with awards on three
// dates: a table at start, then one per date, several awards on one date
// sharing a table.
func TestMidYearTables(t *testing.T) {
	tl := mustApply(t, probation(), header+`
[[award]]
from = 2026-04-01
flat = "£100"

[[award]]
from = 2025-10-01
uplift = "1%"

[[award]]
from = 2026-04-01
remove_points = { "Band 2" = ["1"] }
`)
	var got []string
	for _, tb := range tl.Tables {
		got = append(got, tb.From.String()+" "+strings.Join(tb.Awards, " + "))
	}
	want := []string{
		"2025-04 ",
		"2025-10 award 2 (offer.toml:10): uplift 1%",
		"2026-04 award 1 (offer.toml:6): flat £100 + award 3 (offer.toml:14): remove Band 2 point 1",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("tables:\n got %q\nwant %q", got, want)
	}
	// 24,350 × 1.01 = 24,593.50 → 24,594; + 100 = 24,694. 25,210 × 1.01 = 25,462.10 → 25,462; + 100 = 25,562.
	if got := salaries(t, tl.Tables[2], "Band 2"); !reflect.DeepEqual(got, []string{"2=24694", "3=25562"}) {
		t.Errorf("Band 2 from 2026-04: %v", got)
	}
	if tl.TableAt(calendar.MonthOf(2026, 3)).From != calendar.MonthOf(2025, 10) {
		t.Error("TableAt(2026-03) is not the October 2025 table")
	}
}

// TestRounding checks every rounding rule, halfway cases included. Only
// changed points are rounded.
func TestRounding(t *testing.T) {
	tests := []struct {
		name  string
		base  string // salary of the one point
		award string
		want  map[string]string // rule → salary
	}{
		{
			name: "exact half pound", base: "20000", award: `flat = "£0.50"`,
			want: map[string]string{"pound": "20001", "penny": "20000.5", "up-pound": "20001", "none": "20000.5"},
		},
		{
			name: "below half a pound", base: "20000", award: `flat = "£0.49"`,
			want: map[string]string{"pound": "20000", "penny": "20000.49", "up-pound": "20001", "none": "20000.49"},
		},
		{
			// 10,001.01 × 1.5 = 15,001.515: the penny rounds half away from zero
			name: "exact half penny", base: "10001.01", award: `uplift = "50%"`,
			want: map[string]string{"pound": "15002", "penny": "15001.52", "up-pound": "15002", "none": "15001.515"},
		},
		{
			// 10,000.01 × 1.001 = 10,000.01 + 10.00001 = 10,010.01001
			name: "a sliver over", base: "10000.01", award: `uplift = "0.1%"`,
			want: map[string]string{"pound": "10010", "penny": "10010.01", "up-pound": "10011", "none": "10010.01001"},
		},
		{
			// a cut rounds by the same rules
			name: "a cut", base: "25000.40", award: `uplift = "-2%"`,
			// 25,000.40 × 0.98 = 24,500.392
			want: map[string]string{"pound": "24500", "penny": "24500.39", "up-pound": "24501", "none": "24500.392"},
		},
	}
	for _, tt := range tests {
		for _, rule := range []string{"pound", "penny", "up-pound", "none"} {
			t.Run(tt.name+"/"+rule, func(t *testing.T) {
				ds := dataset(structure("2024-04-01", scale("R", "1", tt.base)))
				src := "name = \"R\"\nstart = 2025-04-01\nrounding = \"" + rule + "\"\n[[award]]\nfrom = 2025-04-01\n" + tt.award + "\n"
				tl := mustApply(t, ds, src)
				got := tl.Tables[0].Scales[0].Points[0].Salary
				if want := dec(tt.want[rule]); !got.Equal(want) {
					t.Errorf("got %s, want %s", got, want)
				}
				if string(tl.Rounding) != rule {
					t.Errorf("Timeline.Rounding = %q", tl.Rounding)
				}
			})
		}
	}
	t.Run("unchanged points are not rounded", func(t *testing.T) {
		ds := dataset(structure("2024-04-01", scale("R", "1", "20000.40", "2", "30000.40")))
		tl := mustApply(t, ds, header+"[[award]]\nfrom = 2025-04-01\nflat = \"£0.10\"\npoints = [\"2\"]\n")
		// point 2: 30,000.50 → 30,001; point 1 keeps its pence
		if got := salaries(t, tl.Tables[0], "R"); !reflect.DeepEqual(got, []string{"1=20000.4", "2=30001"}) {
			t.Errorf("got %v", got)
		}
	})
}

// TestTeachers2023 reproduces the published 2023/24 teachers' pay table from
// the 2022/23 one: 6.5% on every point rounded up to the pound, then M1 set
// to £30,000.
func TestTeachers2023(t *testing.T) {
	ds := dataset(structure("2022-09-01",
		scale("Main pay range", "M1", "28000", "M2", "29800", "M3", "31750", "M4", "33850", "M5", "35990", "M6", "38810"),
		scale("Upper pay range", "U1", "40625", "U2", "42131", "U3", "43685"),
	))
	tl := mustApply(t, ds, `name = "Teachers' pay award 2023"
start = 2022-09-01
years = 5
rounding = "up-pound"

[[award]]
from = 2023-09-01
uplift = "6.5%"

[[award]]
from = 2023-09-01
set = { "Main pay range" = { "M1" = "£30,000" } }
`)
	if len(tl.Tables) != 2 || tl.Tables[1].From != calendar.MonthOf(2023, 9) {
		t.Fatalf("tables: %+v", tl.Tables)
	}
	// Published 2023/24 figures. By hand: 29,800 × 1.065 = 31,737;
	// 31,750 × 1.065 = 33,813.75 → 33,814; 33,850 × 1.065 = 36,050.25 → 36,051;
	// 35,990 × 1.065 = 38,329.35 → 38,330; 38,810 × 1.065 = 41,332.65 → 41,333;
	// 40,625 × 1.065 = 43,265.625 → 43,266; 42,131 × 1.065 = 44,869.515 → 44,870;
	// 43,685 × 1.065 = 46,524.525 → 46,525. M1: 28,000 × 1.065 = 29,820, then set to 30,000.
	want := map[string]string{
		"M1": "30000", "M2": "31737", "M3": "33814", "M4": "36051", "M5": "38330", "M6": "41333",
		"U1": "43266", "U2": "44870", "U3": "46525",
	}
	for _, s := range tl.Tables[1].Scales {
		for _, p := range s.Points {
			t.Run(p.Label, func(t *testing.T) {
				if !p.Salary.Equal(dec(want[p.Label])) {
					t.Errorf("%s = %s, want %s", p.Label, p.Salary, want[p.Label])
				}
			})
		}
	}
	if got := salaries(t, tl.Tables[0], "Main pay range")[0]; got != "M1=28000" {
		t.Errorf("2022/23 M1 = %s", got)
	}
}

// TestEmptyScenarioChangesNothing: with no awards the timeline is one table
// equal to the base structure, and the dataset is untouched.
func TestEmptyScenarioChangesNothing(t *testing.T) {
	tests := []struct {
		name  string
		ds    func() *paystructure.Dataset
		src   string
		start calendar.Month
	}{
		{name: "probation, explicit start", ds: probation, src: header, start: calendar.MonthOf(2025, 4)},
		{name: "probation, default start", ds: probation, src: `name = "x"`, start: calendar.MonthOf(2024, 4)},
		{name: "undated", ds: func() *paystructure.Dataset { return dataset(structure("", scale("A", "1", "100.55", "2", "200"))) },
			src: `name = "x"`, start: calendar.MonthOf(2025, 4)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := tt.ds()
			tl := mustApply(t, ds, tt.src)
			if len(tl.Tables) != 1 || tl.Tables[0].From != tt.start || tl.Start != tt.start {
				t.Fatalf("tables %+v, start %s; want one table from %s", tl.Tables, tl.Start, tt.start)
			}
			assertSameScales(t, tl.Tables[0].Scales, ds.Latest().Scales)
			if tl.Tables[0].Moves != nil || tl.Tables[0].Awards != nil {
				t.Errorf("moves %v, awards %v", tl.Tables[0].Moves, tl.Tables[0].Awards)
			}
			if !reflect.DeepEqual(ds, tt.ds()) {
				t.Error("Apply modified the dataset")
			}
		})
	}
}

// assertSameScales compares scales ignoring derivations.
func assertSameScales(t *testing.T, got, want []paystructure.Scale) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d scales, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i].Band != want[i].Band || len(got[i].Points) != len(want[i].Points) {
			t.Fatalf("scale %d: %s with %d points, want %s with %d", i, got[i].Band, len(got[i].Points), want[i].Band, len(want[i].Points))
		}
		for j, p := range got[i].Points {
			w := want[i].Points[j]
			if p.Label != w.Label || !p.Salary.Equal(w.Salary) || p.Months != w.Months || !p.CPDHours.Equal(w.CPDHours) {
				t.Errorf("%s point %d: %+v, want %+v", got[i].Band, j, p, w)
			}
		}
	}
}

// TestApplyDoesNotMutate applies every kind of award and checks the dataset
// (its scales and derivation slices) is unchanged.
func TestApplyDoesNotMutate(t *testing.T) {
	ds := probation()
	ds.Structures[0].Scales[2].Points[1].Derivation = []paystructure.Step{{Text: "given", Source: "x"}}
	before := probation()
	before.Structures[0].Scales[2].Points[1].Derivation = []paystructure.Step{{Text: "given", Source: "x"}}
	mustApply(t, ds, header+`
[[award]]
from = 2025-04-01
uplift = "4%"
[[award]]
from = 2025-04-01
floor_hourly = "£15"
[[award]]
from = 2025-04-01
remove_points = { "Band 4" = ["1"] }
[[award]]
from = 2026-04-01
add_point = { band = "Band 4", point = "6", salary = "£50,000" }
[[award]]
from = 2026-04-01
set = { "Band 4" = { "2" = "£39,500" } }
`)
	if !reflect.DeepEqual(ds, before) {
		t.Error("Apply modified the dataset")
	}
}

func TestApplyErrors(t *testing.T) {
	tests := []struct {
		name string
		ds   func() *paystructure.Dataset
		src  string
		want string
	}{
		{
			name: "salaries stop increasing",
			ds:   probation,
			src:  header + "[[award]]\nfrom = 2025-04-01\nset = { \"Band 4\" = { \"1\" = \"£38,000\" } }\n",
			want: "offer.toml:5:1: after award 1, Band 4 point 1 (£38,000.00) is not below point 2 (£37,500.00): salaries within a band must strictly increase",
		},
		{
			name: "equal salaries are out of order too",
			ds:   probation,
			src:  header + "[[award]]\nfrom = 2025-04-01\nflat = \"£850\"\npoints = [\"1\"]\nbands = [\"Band 2\"]\n",
			want: "offer.toml:5:1: after award 1, Band 2 point 1 (£24,350.00) is not below point 2 (£24,350.00): salaries within a band must strictly increase",
		},
		{
			name: "removing every point of a band",
			ds:   probation,
			src:  header + "[[award]]\nfrom = 2025-04-01\nremove_points = { \"Band 2\" = [\"1\", \"2\", \"3\"] }\n",
			want: "offer.toml:7:19: remove_points would remove every point of Band 2; a band needs at least one point",
		},
		{
			name: "unknown band in a selection",
			ds:   probation,
			src:  header + "[[award]]\nfrom = 2025-04-01\nflat = \"£1\"\nbands = [\"Band 9\"]\n",
			want: `offer.toml:8:9: bands: no band "Band 9" in the dataset (its bands are Band 2, Band 3, Band 4)`,
		},
		{
			name: "unknown point in a selection",
			ds:   probation,
			src:  header + "[[award]]\nfrom = 2025-04-01\nflat = \"£1\"\nbands = [\"Band 2\"]\npoints = [\"5\"]\n",
			want: `offer.toml:9:10: points: no selected band has a point "5"`,
		},
		{
			name: "unknown point in set",
			ds:   probation,
			src:  header + "[[award]]\nfrom = 2025-04-01\nset = { \"Band 2\" = { \"9\" = \"£30,000\" } }\n",
			want: `offer.toml:7:22: set: Band 2 has no point "9" (its points are 1, 2, 3)`,
		},
		{
			name: "unknown band in remove_points",
			ds:   probation,
			src:  header + "[[award]]\nfrom = 2025-04-01\nremove_points = { \"Band 7\" = [\"1\"] }\n",
			want: `offer.toml:7:19: remove_points: no band "Band 7" in the dataset (its bands are Band 2, Band 3, Band 4)`,
		},
		{
			name: "point removed earlier is unknown later",
			ds:   probation,
			src: header + "[[award]]\nfrom = 2025-04-01\nremove_points = { \"Band 2\" = [\"1\"] }\n" +
				"[[award]]\nfrom = 2026-04-01\nset = { \"Band 2\" = { \"1\" = \"£24,000\" } }\n",
			want: `offer.toml:10:22: set: Band 2 has no point "1" (its points are 2, 3)`,
		},
		{
			name: "add_point with an existing label",
			ds:   probation,
			src:  header + "[[award]]\nfrom = 2025-04-01\nadd_point = { band = \"Band 2\", point = \"3\", salary = \"£26,000\" }\n",
			want: `offer.toml:7:13: add_point: Band 2 already has a point "3"`,
		},
		{
			name: "add_point on an existing salary",
			ds:   probation,
			src:  header + "[[award]]\nfrom = 2025-04-01\nadd_point = { band = \"Band 2\", point = \"4\", salary = \"£25,210\" }\n",
			want: `offer.toml:5:1: after award 1, Band 2 point 4 (£25,210.00) is not below point 3 (£25,210.00): salaries within a band must strictly increase`,
		},
		{
			name: "unknown pathway band",
			ds:   probation,
			src:  header + "[[progression.pathway]]\nfrom = \"Band 3\"\nto = \"Band 5\"\n",
			want: `offer.toml:5:1: pathway: no band "Band 5" in the dataset (its bands are Band 2, Band 3, Band 4)`,
		},
		{
			name: "unknown lump sum band",
			ds:   probation,
			src:  header + "[[lump_sum]]\npaid = 2025-10-01\namount = \"£500\"\nbands = [\"Band 1\"]\n",
			want: `offer.toml:5:1: lump_sum: no band "Band 1" in the dataset (its bands are Band 2, Band 3, Band 4)`,
		},
		{
			name: "start before every structure",
			ds:   probation,
			src:  "name = \"x\"\nstart = 2024-01-01\n",
			want: `offer.toml:2:9: start 2024-01-01 is before the dataset's first pay structure (2024-04-01)`,
		},
		{
			name: "default start and an award before it",
			ds:   probation,
			src:  "name = \"x\"\n[[award]]\nfrom = 2024-01-01\nflat = \"£1\"\n",
			want: `offer.toml:3:8: from: 2024-01-01 is outside the scenario's horizon (2024-04-01 to 2034-03-01, 10 years from start)`,
		},
		{
			name: "several problems together",
			ds:   probation,
			src: header + "[[award]]\nfrom = 2025-04-01\nflat = \"£1\"\nbands = [\"Band 9\"]\n" +
				"[[award]]\nfrom = 2025-04-01\nremove_points = { \"Band 2\" = [\"1\", \"2\", \"3\"] }\n",
			want: `offer.toml:8:9: bands: no band "Band 9" in the dataset (its bands are Band 2, Band 3, Band 4)` + "\n" +
				"offer.toml:11:19: remove_points would remove every point of Band 2; a band needs at least one point",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, err := Apply(tt.ds(), mustParse(t, tt.src))
			if err == nil {
				t.Fatalf("Apply succeeded (%d tables), want:\n%s", len(tl.Tables), tt.want)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("error:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestBaseStructure(t *testing.T) {
	ds := dataset(
		structure("2024-04-01", scale("A", "1", "20000", "2", "21000", "3", "22000")),
		structure("2025-04-15", scale("A", "2", "21500", "3", "22500", "4", "23500")),
	)
	tests := []struct {
		name      string
		src       string
		wantStart string
		want      []string
	}{
		{name: "start between structures uses the earlier", src: "name = \"x\"\nstart = 2025-04-01\n", wantStart: "2025-04", want: []string{"1=20000", "2=21000", "3=22000"}},
		{name: "start after the later uses it", src: "name = \"x\"\nstart = 2025-05-01\n", wantStart: "2025-05", want: []string{"2=21500", "3=22500", "4=23500"}},
		{name: "default start: first of the month on or after the latest date", src: "name = \"x\"\n", wantStart: "2025-05", want: []string{"2=21500", "3=22500", "4=23500"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := mustApply(t, ds, tt.src)
			if tl.Start.String() != tt.wantStart || tl.Tables[0].From != tl.Start {
				t.Errorf("start %s, table from %s; want %s", tl.Start, tl.Tables[0].From, tt.wantStart)
			}
			if got := salaries(t, tl.Tables[0], "A"); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestRulesAndLumpSums(t *testing.T) {
	ds := probation()
	ds.Bands[1].Progression = paystructure.Progression{Kind: paystructure.FixedDate, On: calendar.AnnualDate{Month: 9, Day: 1}, QualifyingMonths: 3}
	t.Run("dataset rules kept", func(t *testing.T) {
		tl := mustApply(t, ds, header+"order = \"progress-first\"\ncpd_days = 5\n")
		want := paystructure.Rules{
			Progression: map[string]paystructure.Progression{
				"Band 2": {Kind: paystructure.Anniversary},
				"Band 3": {Kind: paystructure.FixedDate, On: calendar.AnnualDate{Month: 9, Day: 1}, QualifyingMonths: 3},
				"Band 4": {Kind: paystructure.Anniversary},
			},
			Order: paystructure.ProgressFirst,
		}
		if !reflect.DeepEqual(tl.Rules, want) {
			t.Errorf("rules:\n got %+v\nwant %+v", tl.Rules, want)
		}
		if !tl.CPDDays.Equal(decimal.NewFromInt(5)) {
			t.Errorf("CPDDays = %s", tl.CPDDays)
		}
	})
	t.Run("override", func(t *testing.T) {
		tl := mustApply(t, ds, header+`
[progression]
on = "04-01"
freeze = [2027-04-01, 2026-04-01]

[progression.cpd]
hours = "7.5"
accelerate_hours = 75
accelerate_points = 2

[[progression.pathway]]
from = "Band 3"
to = "Band 4"
after_months = 24
cpd_hours = 150

[[lump_sum]]
paid = 2026-10-01
amount = "£500"
bands = ["Band 4"]
at_top_only = true

[[lump_sum]]
paid = 2025-12-01
amount = "1.5%"
`)
		fixed := paystructure.Progression{Kind: paystructure.FixedDate, On: calendar.AnnualDate{Month: 4, Day: 1}, QualifyingMonths: 6}
		want := paystructure.Rules{
			Progression: map[string]paystructure.Progression{"Band 2": fixed, "Band 3": fixed, "Band 4": fixed},
			Freeze:      []calendar.Month{calendar.MonthOf(2026, 4), calendar.MonthOf(2027, 4)},
			CPD:         paystructure.CPDRules{Hours: dec("7.5"), AccelerateHours: dec("75"), AcceleratePoints: 2},
			Pathways:    []paystructure.Pathway{{From: "Band 3", To: "Band 4", AfterMonths: 24, CPDHours: dec("150"), Source: "offer.toml:15"}},
		}
		if !reflect.DeepEqual(tl.Rules, want) {
			t.Errorf("rules:\n got %+v\nwant %+v", tl.Rules, want)
		}
		wantLumps := []paystructure.LumpSum{
			{Paid: calendar.MonthOf(2026, 10), Amount: dec("500"), Bands: []string{"Band 4"}, AtTopOnly: true, Source: "offer.toml:21"},
			{Paid: calendar.MonthOf(2025, 12), Rate: dec("0.015"), Source: "offer.toml:27"},
		}
		if len(tl.LumpSums) != 2 {
			t.Fatalf("lump sums %+v", tl.LumpSums)
		}
		for i, l := range tl.LumpSums {
			w := wantLumps[i]
			if l.Paid != w.Paid || !l.Amount.Equal(w.Amount) || !l.Rate.Equal(w.Rate) || !reflect.DeepEqual(l.Bands, w.Bands) || l.AtTopOnly != w.AtTopOnly || l.Source != w.Source {
				t.Errorf("lump sum %d:\n got %+v\nwant %+v", i, l, w)
			}
		}
	})
	t.Run("timeline fields", func(t *testing.T) {
		src := header + "description = \"d\"\n"
		tl := mustApply(t, ds, src)
		if tl.Scenario != "Test" || tl.Description != "d" || tl.Years != 5 || tl.Rounding != "pound" ||
			tl.Source != "offer.toml" || tl.Text != src || len(tl.Bands) != 3 || tl.End() != calendar.MonthOf(2030, 4) {
			t.Errorf("timeline: %+v", tl)
		}
	})
}

func TestCurrent(t *testing.T) {
	ds := dataset(
		structure("2024-04-01", scale("A", "1", "20000", "2", "21000", "3", "22000")),
		structure("2025-04-15", scale("A", "2", "21500", "3", "22500", "4", "23500")),
		structure("2026-04-01", scale("A", "2", "22000")),
	)
	tests := []struct {
		name   string
		start  calendar.Month
		years  int
		tables []string // From and salaries
		moves  [][]paystructure.Move
	}{
		{
			name: "from the first structure", start: calendar.MonthOf(2024, 4), years: 3,
			tables: []string{"2024-04 1=20000 2=21000 3=22000", "2025-05 2=21500 3=22500 4=23500", "2026-04 2=22000"},
			moves: [][]paystructure.Move{nil,
				// point 1 (20,000) → the lowest point paying at least 20,000: 2 (21,500)
				{{Band: "A", From: "1", To: "2"}},
				// 3 (22,500) and 4 (23,500) pay more than the new top: protected
				{{Band: "A", From: "3", To: "2", Protect: true}, {Band: "A", From: "4", To: "2", Protect: true}}},
		},
		{
			name: "horizon ends before the last structure", start: calendar.MonthOf(2024, 4), years: 2,
			tables: []string{"2024-04 1=20000 2=21000 3=22000", "2025-05 2=21500 3=22500 4=23500"},
			moves:  [][]paystructure.Move{nil, {{Band: "A", From: "1", To: "2"}}},
		},
		{
			name: "start mid-way", start: calendar.MonthOf(2025, 6), years: 10,
			tables: []string{"2025-06 2=21500 3=22500 4=23500", "2026-04 2=22000"},
			moves:  [][]paystructure.Move{nil, {{Band: "A", From: "3", To: "2", Protect: true}, {Band: "A", From: "4", To: "2", Protect: true}}},
		},
		{
			name: "start before every structure uses the first", start: calendar.MonthOf(2020, 1), years: 1,
			tables: []string{"2020-01 1=20000 2=21000 3=22000"},
			moves:  [][]paystructure.Move{nil},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := Current(ds, tt.start, tt.years)
			if tl.Scenario != "Current" || tl.Start != tt.start || tl.Years != tt.years || len(tl.Rules.Progression) != 1 {
				t.Errorf("timeline %+v", tl)
			}
			var got []string
			var moves [][]paystructure.Move
			for _, tb := range tl.Tables {
				got = append(got, tb.From.String()+" "+strings.Join(salaries(t, tb, "A"), " "))
				moves = append(moves, tb.Moves)
			}
			if !reflect.DeepEqual(got, tt.tables) {
				t.Errorf("tables:\n got %q\nwant %q", got, tt.tables)
			}
			if !reflect.DeepEqual(moves, tt.moves) {
				t.Errorf("moves:\n got %+v\nwant %+v", moves, tt.moves)
			}
		})
	}
}
