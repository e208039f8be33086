package scenario

import (
	"testing"

	"paymodel/pkg/calendar"
)

// TestImplemented: the implemented key and arrears_to_leavers land on the
// timeline; a deal implemented on time has no Implemented.
func TestImplemented(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		want      string // the implementation month, "" for none
		toLeavers bool
	}{
		{name: "not set", src: header, want: ""},
		{name: "late", src: header + "implemented = 2026-01-01\n", want: "2026-01"},
		{name: "quoted", src: header + "implemented = \"2025-06-01\"\narrears_to_leavers = true\n", want: "2025-06", toLeavers: true},
		{name: "on the start date", src: header + "implemented = 2025-04-01\n", want: "2025-04"},
		{name: "last month of the horizon", src: header + "implemented = 2030-03-01\n", want: "2030-03"},
		{name: "leavers told no", src: header + "implemented = 2026-01-01\narrears_to_leavers = false\n", want: "2026-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, err := Apply(probation(), mustParse(t, tt.src))
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if tl.Implemented != nil {
				got = tl.Implemented.String()
			}
			if got != tt.want || tl.ArrearsToLeavers != tt.toLeavers {
				t.Errorf("implemented %q, to leavers %v; want %q, %v", got, tl.ArrearsToLeavers, tt.want, tt.toLeavers)
			}
		})
	}
}

// TestImplementedDefaultStart: with no start, implemented is checked
// against the dataset's default start (here 1 April 2024, the test
// dataset's latest structure) when the scenario is applied.
func TestImplementedDefaultStart(t *testing.T) {
	sc := mustParse(t, "name = \"Late\"\nyears = 2\nimplemented = 2024-01-01\n")
	_, err := Apply(probation(), sc)
	want := "offer.toml:3:15: implemented: 2024-01-01 is before the scenario's start (2024-04-01); a deal is implemented on or after it starts"
	if err == nil || err.Error() != want {
		t.Errorf("error %v\nwant %s", err, want)
	}
	sc = mustParse(t, "name = \"Late\"\nyears = 2\nimplemented = 2026-02-01\n")
	tl, err := Apply(probation(), sc)
	if err != nil || tl.Implemented == nil || *tl.Implemented != calendar.MonthOf(2026, 2) {
		t.Errorf("Apply: %v, %+v", err, tl)
	}
}

// TestImplementedErrors checks each message and its position: header is 5
// lines long, so the key is on line 5 or later.
func TestImplementedErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{
			name: "not the first of a month",
			src:  header + "implemented = 2026-01-15\n",
			want: "offer.toml:5:15: implemented: 2026-01-15 is not the first of a month; a deal is implemented on the first of a month (write 2026-02-01)",
		},
		{
			name: "before the start",
			src:  header + "implemented = 2025-03-01\n",
			want: "offer.toml:5:15: implemented: 2025-03-01 is before the scenario's start (2025-04-01); a deal is implemented on or after it starts",
		},
		{
			name: "after the horizon",
			src:  header + "implemented = 2030-04-01\n",
			want: "offer.toml:5:15: implemented: 2030-04-01 is outside the scenario's horizon (2025-04-01 to 2030-03-01, 5 years from start)",
		},
		{
			name: "not a date",
			src:  header + "implemented = \"January\"\n",
			want: `offer.toml:5:15: implemented: "January": not a date (write YYYY-MM-DD, e.g. 2025-04-01)`,
		},
		{
			name: "a number",
			src:  header + "implemented = 2026\n",
			want: "offer.toml:5:15: implemented: 2026 is a number; write a date such as 2025-04-01",
		},
		{
			name: "arrears_to_leavers not a boolean",
			src:  header + "implemented = 2026-01-01\narrears_to_leavers = \"yes\"\n",
			want: `offer.toml:6:22: arrears_to_leavers: "yes" is a string; write true or false`,
		},
		{
			name: "a lump sum paid before implementation",
			src:  header + "implemented = 2026-01-01\n\n[[lump_sum]]\npaid = 2025-10-01\namount = \"£500\"\n",
			want: "offer.toml:7:1: paid: 2025-10-01 is before implemented (2026-01-01); a lump sum of a deal implemented late is paid on or after the implementation date",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("offer.toml", []byte(tt.src))
			if err == nil || err.Error() != tt.want {
				t.Errorf("error:\n%v\nwant:\n%s", err, tt.want)
			}
		})
	}
}
