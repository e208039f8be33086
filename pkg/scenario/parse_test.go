package scenario

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
)

func TestParseValid(t *testing.T) {
	src := `name = "Employer offer 2025-27"
description = "Three-year deal"
start = 2025-04-01
years = 3
rounding = "penny"
order = "progress-first"
cpd_days = "2.5"

[[award]]
from = 2025-04-01
uplift = "3%"
minimum = "£1,000"
maximum = "2.5%"
bands = ["Band 3", "Band 4"]
salary_below = "£40,000"
salary_from = "£24,000"

[[award]]
from = 2025-04-01
remove_points = { "Band 4" = ["1"], "Band 2" = ["3", "2"] }

[[award]]
from = 2026-04-01
set = { "Band 4" = { "2" = "£38,000" } }

[[award]]
from = 2026-04-01
add_point = { band = "Band 4", point = "6", salary = "£46,500" }

[[award]]
from = 2026-04-01
floor_hourly = "£15.00"

[[lump_sum]]
paid = 2026-10-01
amount = "2%"
bands = ["Band 4"]
at_top_only = true

[progression]
on = "04-01"
qualifying_months = 3
freeze = [2026-04-01]

[progression.cpd]
hours = 30
accelerate_hours = "75.5"
accelerate_points = 2

[[progression.pathway]]
from = "Band 3"
to = "Band 4"
after_months = 24
cpd_hours = 150
`
	sc := mustParse(t, src)
	checks := []struct {
		name      string
		got, want any
	}{
		{name: "name", got: sc.Name, want: "Employer offer 2025-27"},
		{name: "start", got: sc.Start, want: calendar.MustParse("2025-04-01")},
		{name: "years", got: sc.Years, want: 3},
		{name: "rounding", got: sc.Rounding, want: money.RoundPenny},
		{name: "order", got: sc.Order, want: paystructure.ProgressFirst},
		{name: "cpd_days", got: sc.CPDDays.String(), want: "2.5"},
		{name: "awards", got: len(sc.Awards), want: 5},
		{name: "uplift", got: sc.Awards[0].Uplift.String(), want: "0.03"},
		{name: "minimum", got: sc.Awards[0].Minimum.String(), want: "£1,000"},
		{name: "maximum", got: sc.Awards[0].Maximum.String(), want: "2.5%"},
		{name: "bands", got: strings.Join(sc.Awards[0].Select.Bands, "|"), want: "Band 3|Band 4"},
		{name: "salary_below", got: sc.Awards[0].Select.SalaryBelow.String(), want: "40000"},
		{name: "salary_from", got: sc.Awards[0].Select.SalaryFrom.String(), want: "24000"},
		{name: "award position", got: sc.Awards[0].Pos.String(), want: "offer.toml:9"},
		{name: "remove in file order", got: sc.Awards[1].RemovePoints[1].Band + ":" + strings.Join(sc.Awards[1].RemovePoints[1].Points, ","), want: "Band 2:3,2"},
		{name: "set", got: sc.Awards[2].Set[0].Salary.String(), want: "38000"},
		{name: "add_point", got: *sc.Awards[3].AddPoint, want: NewPoint{Band: "Band 4", Point: "6", Salary: dec("46500")}},
		{name: "floor", got: sc.Awards[4].FloorHourly.String(), want: "15"},
		{name: "lump sum rate", got: sc.LumpSums[0].Rate.String(), want: "0.02"},
		{name: "lump sum top only", got: sc.LumpSums[0].AtTopOnly, want: true},
		{name: "lump sum source", got: sc.LumpSums[0].Pos.String(), want: "offer.toml:34"},
		{name: "progression", got: sc.Progression.On.String(), want: "each 04-01"},
		{name: "qualifying", got: sc.Progression.On.QualifyingMonths, want: 3},
		{name: "freeze", got: sc.Progression.Freeze, want: []calendar.Date{calendar.MustParse("2026-04-01")}},
		{name: "cpd hours", got: sc.Progression.CPD.Hours.String(), want: "30"},
		{name: "accelerate", got: sc.Progression.CPD.AccelerateHours.String(), want: "75.5"},
		{name: "pathway", got: sc.Progression.Pathways[0].Source, want: "offer.toml:50"},
		{name: "pathway hours", got: sc.Progression.Pathways[0].CPDHours.String(), want: "150"},
		{name: "text kept", got: sc.Text, want: src},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if !equalAny(c.got, c.want) {
				t.Errorf("got %#v, want %#v", c.got, c.want)
			}
		})
	}
}

func equalAny(a, b any) bool {
	switch x := a.(type) {
	case NewPoint:
		y := b.(NewPoint)
		return x.Band == y.Band && x.Point == y.Point && x.Salary.Equal(y.Salary)
	case []calendar.Date:
		y := b.([]calendar.Date)
		if len(x) != len(y) {
			return false
		}
		for i := range x {
			if x[i] != y[i] {
				return false
			}
		}
		return true
	}
	return a == b
}

func TestParseDefaults(t *testing.T) {
	sc := mustParse(t, `name = "Minimal"`)
	if sc.Years != DefaultYears || sc.Rounding != money.RoundPound || sc.Order != paystructure.AssimilateFirst ||
		!sc.Start.IsZero() || !sc.CPDDays.IsZero() || sc.Progression != nil || len(sc.Awards) != 0 {
		t.Errorf("defaults: %+v", sc)
	}
}

// TestParseErrors checks the exact text of each problem, with its position.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // every line of the error
	}{
		{
			name: "unknown key",
			src:  header + "uplfit = \"3%\"\n",
			want: `offer.toml:5:1: unknown key "uplfit"`,
		},
		{
			name: "unknown key in an award",
			src:  header + "[[award]]\nfrom = 2025-04-01\nuplift = \"3%\"\n\n[[award]]\nfrom = 2026-04-01\nflat = \"£800\"\n  minimun = \"£1,000\"\n",
			want: `offer.toml:12:3: unknown key "minimun" in [[award]]`,
		},
		{
			name: "unknown table reported once",
			src:  header + "[progresion]\non = \"04-01\"\n",
			want: `offer.toml:5:1: unknown key "progresion"`,
		},
		{
			name: "unknown key in add_point",
			src:  header + "[[award]]\nfrom = 2025-04-01\nadd_point = { band = \"Band 4\", point = \"6\", salary = \"£46,500\", months = 12 }\n",
			want: `offer.toml:7:65: unknown key "months" in [award.add_point]`,
		},
		{
			name: "a value where a table belongs",
			src:  "name = \"x\"\naward = 3\n",
			want: `offer.toml:2: award: expected a table, written [[award]]`,
		},
		{
			name: "add_point not a table",
			src:  header + "[[award]]\nfrom = 2025-04-01\nadd_point = \"Band 4\"\n",
			want: `offer.toml:7: award.add_point: expected a table, written add_point = { band = "Band 4", point = "6", salary = "£46,500" }`,
		},
		{
			name: "bare number for a rate",
			src:  header + "[[award]]\nfrom = 2025-04-01\nuplift = 3\n",
			want: `offer.toml:7:10: uplift: 3 is a number; write a rate as a string such as "3%"`,
		},
		{
			name: "bare float for a rate",
			src:  header + "[[award]]\nfrom = 2025-04-01\nuplift = 3.5\n",
			want: `offer.toml:7:10: uplift: 3.5 is a number; write a rate as a string such as "3.5%"`,
		},
		{
			name: "bare number for an amount",
			src:  header + "[[award]]\nfrom = 2025-04-01\nflat = 800\n",
			want: `offer.toml:7:8: flat: 800 is a number; write an amount as a string such as "£800"`,
		},
		{
			name: "bare number for a minimum",
			src:  header + "[[award]]\nfrom = 2025-04-01\nuplift = \"3%\"\nminimum = 1000\n",
			want: `offer.toml:8:11: minimum: 1000 is a number; write an amount or a rate as a string such as "£1,000" or "2%"`,
		},
		{
			name: "rate without %",
			src:  header + "[[award]]\nfrom = 2025-04-01\nuplift = \"3\"\n",
			want: `offer.toml:7:10: uplift: "3" is not a rate: the % sign is missing (write a percentage such as "3.5%")`,
		},
		{
			name: "malformed TOML",
			src:  "name = \"x\"\nyears = [1,\nfoo = 3\n",
			want: `offer.toml:3:1: expected value but found "foo" instead`,
		},
		{
			name: "unterminated string",
			src:  "name = \"x\ndescription = \"y\"\n",
			want: `offer.toml:1:10: strings cannot contain newlines`,
		},
		{
			name: "date not on the 1st",
			src:  header + "[[award]]\nfrom = 2025-04-15\nuplift = \"3%\"\n",
			want: `offer.toml:6:8: from: 2025-04-15 is not the first of a month; an award takes effect on the first of a month (write 2025-05-01)`,
		},
		{
			name: "date with a time",
			src:  header + "[[award]]\nfrom = 2025-04-01T09:00:00\nuplift = \"3%\"\n",
			want: `offer.toml:6:8: from: 2025-04-01T09:00:00 has a time of day; write a date such as 2025-04-01`,
		},
		{
			name: "start not on the 1st",
			src:  "name = \"x\"\nstart = 2025-04-06\n",
			want: `offer.toml:2:9: start: 2025-04-06 is not the first of a month; a scenario starts on the first of a month (write 2025-05-01)`,
		},
		{
			name: "years 0",
			src:  "name = \"x\"\nyears = 0\n",
			want: `offer.toml:2:9: years: 0 is out of range (write 1 to 50)`,
		},
		{
			name: "years 1000",
			src:  "name = \"x\"\nyears = 1000\n",
			want: `offer.toml:2:9: years: 1000 is out of range (write 1 to 50)`,
		},
		{
			name: "years as a string",
			src:  "name = \"x\"\nyears = \"10\"\n",
			want: `offer.toml:2:9: years: "10" is a string; write a whole number`,
		},
		{
			name: "missing name",
			src:  "years = 3\n",
			want: `offer.toml:1:1: name is missing: every scenario needs one, e.g. name = "Employer offer 2025-27"`,
		},
		{
			name: "unknown rounding",
			src:  "name = \"x\"\nrounding = \"nearest\"\n",
			want: `offer.toml:2:12: rounding: "nearest" is not a rounding rule (write pound, penny, up-pound or none)`,
		},
		{
			name: "unknown order",
			src:  "name = \"x\"\norder = \"random\"\n",
			want: `offer.toml:2:9: order: "random" is not an order (write "assimilate-first" or "progress-first")`,
		},
		{
			name: "award outside the horizon",
			src:  header + "[[award]]\nfrom = 2030-04-01\nuplift = \"3%\"\n",
			want: `offer.toml:6:8: from: 2030-04-01 is outside the scenario's horizon (2025-04-01 to 2030-03-01, 5 years from start)`,
		},
		{
			name: "award before start",
			src:  header + "[[award]]\nfrom = 2025-03-01\nuplift = \"3%\"\n",
			want: `offer.toml:6:8: from: 2025-03-01 is outside the scenario's horizon (2025-04-01 to 2030-03-01, 5 years from start)`,
		},
		{
			name: "award without from",
			src:  header + "[[award]]\nuplift = \"3%\"\n",
			want: `offer.toml:5:1: award 1 has no from date (write from = 2025-04-01)`,
		},
		{
			name: "award that does nothing",
			src:  header + "[[award]]\nfrom = 2025-04-01\n",
			want: `offer.toml:5:1: award 1 does nothing: give one of uplift, flat, set, remove_points, add_point or floor_hourly`,
		},
		{
			name: "uplift and flat",
			src:  header + "[[award]]\nfrom = 2025-04-01\nuplift = \"3%\"\nflat = \"£500\"\n",
			want: `offer.toml:8:8: award 1 has both uplift and flat; write two awards with the same from date (they apply in file order, the second on the result of the first), or use minimum for "uplift or flat, whichever is more"`,
		},
		{
			name: "two operations",
			src:  header + "[[award]]\nfrom = 2025-04-01\nuplift = \"3%\"\nset = { \"Band 4\" = { \"1\" = \"£1\" } }\n",
			want: `offer.toml:8:7: award 1 has both uplift and set; an award does one thing: write two awards with the same from date (they apply in file order)`,
		},
		{
			name: "minimum without uplift",
			src:  header + "[[award]]\nfrom = 2025-04-01\nfloor_hourly = \"£12\"\nminimum = \"£100\"\n",
			want: `offer.toml:8:11: minimum bounds the rise of an uplift or flat award; award 1 has neither`,
		},
		{
			name: "minimum above maximum",
			src:  header + "[[award]]\nfrom = 2025-04-01\nuplift = \"3%\"\nminimum = \"£1,000\"\nmaximum = \"£500\"\n",
			want: `offer.toml:9:11: maximum £500 is less than minimum £1,000`,
		},
		{
			name: "selection on set",
			src:  header + "[[award]]\nfrom = 2025-04-01\nset = { \"Band 4\" = { \"1\" = \"£36,500\" } }\nbands = [\"Band 4\"]\n",
			want: `offer.toml:8:9: bands selects points for uplift, flat or floor_hourly; set names its points itself`,
		},
		{
			name: "empty salary range",
			src:  header + "[[award]]\nfrom = 2025-04-01\nflat = \"£100\"\nsalary_below = \"£20,000\"\nsalary_from = \"£30,000\"\n",
			want: `offer.toml:8:16: salary_below £20,000 and salary_from £30,000 select no salary`,
		},
		{
			name: "bands not a list",
			src:  header + "[[award]]\nfrom = 2025-04-01\nflat = \"£100\"\nbands = \"Band 4\"\n",
			want: `offer.toml:8:9: bands: expected a list such as ["Band 4"]`,
		},
		{
			name: "set value a number",
			src:  header + "[[award]]\nfrom = 2025-04-01\nset = { \"Band 4\" = { \"1\" = 36500 } }\n",
			want: `offer.toml:7:28: set: Band 4 point 1: 36500 is a number; write an amount as a string such as "£36,500"`,
		},
		{
			name: "lump sum without amount",
			src:  header + "[[lump_sum]]\npaid = 2025-10-01\n",
			want: `offer.toml:5:1: lump_sum has no amount (write amount = "£500" or "2%")`,
		},
		{
			name: "lump sum outside horizon",
			src:  header + "[[lump_sum]]\npaid = 2031-10-01\namount = \"£500\"\n",
			want: `offer.toml:5:1: paid: 2031-10-01 is outside the scenario's horizon (2025-04-01 to 2030-03-01, 5 years from start)`,
		},
		{
			name: "float hours",
			src:  header + "[progression.cpd]\nhours = 7.5\n",
			want: `offer.toml:6:9: hours: 7.5 has a fraction; write a whole number, or a quoted number such as "7.5"`,
		},
		{
			name: "freeze not on the 1st",
			src:  header + "[progression]\nfreeze = [2026-04-01, 2027-04-02]\n",
			want: `offer.toml:6:23: freeze: 2027-04-02 is not the first of a month; a progression freeze on the first of a month (write 2027-05-01)`,
		},
		{
			name: "qualifying months with anniversary",
			src:  header + "[progression]\non = \"anniversary\"\nqualifying_months = 6\n",
			want: `offer.toml:7:21: qualifying_months applies only with a fixed progression date (on = "04-01")`,
		},
		{
			name: "bad progression date",
			src:  header + "[progression]\non = \"04-15\"\n",
			want: `offer.toml:6:6: on: "04-15" is neither "anniversary" nor a yearly date: a yearly progression date must be the first of a month`,
		},
		{
			name: "pathway to itself",
			src:  header + "[[progression.pathway]]\nfrom = \"Band 3\"\nto = \"Band 3\"\n",
			want: `offer.toml:7:6: pathway: from and to are both "Band 3"`,
		},
		{
			name: "accelerate without points",
			src:  header + "[progression.cpd]\nhours = 30\naccelerate_hours = 75\n",
			want: `offer.toml:7:20: accelerate_hours needs accelerate_points (how many points to move at once, e.g. 2)`,
		},
		{
			name: "multiple errors reported together, in file order",
			src: `years = 0
rounding = "up"

[[award]]
from = 2025-04-02
uplift = 3
colour = "red"

[[lump_sum]]
paid = 2025-10-01
amount = 500
`,
			want: `offer.toml:1:1: name is missing: every scenario needs one, e.g. name = "Employer offer 2025-27"
offer.toml:1:9: years: 0 is out of range (write 1 to 50)
offer.toml:2:12: rounding: "up" is not a rounding rule (write pound, penny, up-pound or none)
offer.toml:5:8: from: 2025-04-02 is not the first of a month; an award takes effect on the first of a month (write 2025-05-01)
offer.toml:6:10: uplift: 3 is a number; write a rate as a string such as "3%"
offer.toml:7:1: unknown key "colour" in [[award]]
offer.toml:11:10: amount: 500 is a number; write an amount or a rate as a string such as "£1,000" or "2%"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc, err := Parse("offer.toml", []byte(tt.src))
			if err == nil {
				t.Fatalf("Parse succeeded (%+v), want error:\n%s", sc, tt.want)
			}
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error is %T, want ErrorList", err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("error:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	parse := func(file, src string) *Scenario {
		sc, err := Parse(file, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return sc
	}
	offer := parse("offer.toml", "name = \"Offer\"\nstart = 2025-04-01\n")
	claim := parse("claim.toml", "name = \"Claim\"\nstart = 2025-04-01\n")
	dup := parse("dup.toml", "# a copy\nname = \"Offer\"\nstart = 2025-04-01\n")
	later := parse("later.toml", "name = \"Later\"\nstart = 2026-04-01\n")
	unset := parse("unset.toml", "name = \"Unset\"\n")
	// Check places problems where Parse recorded the keys; it does not read
	// the text again, so a scenario whose Text is gone is placed the same.
	indented := parse("indented.toml", "description = \"x\"\n  name = \"Offer\"\nstart = 2025-04-01\n")
	indented.Text = ""
	current := parse("current.toml", "start = 2025-04-01\n\n   name = \"Current\"\n")
	current.Text = ""
	tests := []struct {
		name      string
		scenarios []*Scenario
		want      string // "" for no error
	}{
		{name: "none", scenarios: nil},
		{name: "distinct names, one start", scenarios: []*Scenario{offer, claim}},
		{name: "duplicate name", scenarios: []*Scenario{offer, claim, dup},
			want: `dup.toml:2:1: scenario name "Offer" is also used by offer.toml; names must be unique in a comparison`},
		{name: "differing starts", scenarios: []*Scenario{offer, later},
			want: `later.toml:2:9: start 2026-04-01 differs from 2025-04-01 in offer.toml; scenarios compared together must share one start`},
		{name: "duplicate name, indented, text gone", scenarios: []*Scenario{offer, indented},
			want: `indented.toml:2:3: scenario name "Offer" is also used by offer.toml; names must be unique in a comparison`},
		{name: "named Current, text gone", scenarios: []*Scenario{offer, current},
			want: `current.toml:3:4: scenario name "Current" is the name of the baseline every offer is compared with; give the scenario another name`},
		{name: "set and unset start", scenarios: []*Scenario{offer, unset},
			want: `unset.toml: start (the dataset's default) differs from 2025-04-01 in offer.toml; scenarios compared together must share one start`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Check(tt.scenarios)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("Check:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestParseTestdata parses every scenario under testdata (the fuzz seeds).
func TestParseTestdata(t *testing.T) {
	files, err := filepath.Glob("testdata/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata scenarios (%v)", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := Parse(f, src); err != nil {
				t.Error(err)
			}
		})
	}
}

var _ = decimal.Zero
