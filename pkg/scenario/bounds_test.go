package scenario

import (
	"strings"
	"testing"
)

// award is an [[award]] table dated from with the given body lines.
func award(from string, body ...string) string {
	return "[[award]]\nfrom = " + from + "\n" + strings.Join(body, "\n") + "\n"
}

// lumpSum is a [[lump_sum]] table paid on paid of amount.
func lumpSum(paid, amount string) string {
	return "[[lump_sum]]\npaid = " + paid + "\namount = \"" + amount + "\"\n"
}

// TestSalaryBounds checks that no award may leave a salary at £0 or below,
// or at £1,000,000,000,000 or above, whatever operation and rounding put it
// there. Every figure is worked by hand in the comment beside it.
func TestSalaryBounds(t *testing.T) {
	tests := []struct {
		name string
		src  string // after header, whose last line is 4
		want []string
	}{
		{
			// Award 2 applies first (an earlier date): Band 2 is 23,500,
			// 24,350, 25,210 less 30,000; Band 3 is 26,475, 27,769, 29,062
			// less 30,000; 30,356 and 31,650 stay above £0, as does Band 4.
			// Award 1 (2026) is not applied after it.
			name: "a flat cut below zero",
			src:  award("2026-04-01", `flat = "£1"`) + "\n" + award("2025-04-01", `flat = "-£30,000"`),
			want: []string{
				"offer.toml:9: award 2 (flat -£30,000) takes Band 2 point 1 to -£6,500.00: a salary must be more than £0",
				"offer.toml:9: award 2 (flat -£30,000) takes Band 2 point 2 to -£5,650.00: a salary must be more than £0",
				"offer.toml:9: award 2 (flat -£30,000) takes Band 2 point 3 to -£4,790.00: a salary must be more than £0",
				"offer.toml:9: award 2 (flat -£30,000) takes Band 3 point 1 to -£3,525.00: a salary must be more than £0",
				"offer.toml:9: award 2 (flat -£30,000) takes Band 3 point 2 to -£2,231.00: a salary must be more than £0",
				"offer.toml:9: award 2 (flat -£30,000) takes Band 3 point 3 to -£938.00: a salary must be more than £0",
			},
		},
		{
			// 25,210 − 25,210 = 0 exactly.
			name: "a flat cut to exactly zero",
			src:  award("2025-04-01", `flat = "-£25,210"`, `bands = ["Band 2"]`, `points = ["3"]`),
			want: []string{
				"offer.toml:5: award 1 (flat -£25,210, bands Band 2, points 3) takes Band 2 point 3 to £0.00: a salary must be more than £0",
				// 24,350 is then not below 0.
				"offer.toml:5:1: after award 1, Band 2 point 2 (£24,350.00) is not below point 3 (£0.00): salaries within a band must strictly increase",
			},
		},
		{
			// 23,500 × (1 − 0.99999) = 0.235, rounded to the pound: £0.
			name: "an uplift above -100% that rounds to zero",
			src:  award("2025-04-01", `uplift = "-99.999%"`, `bands = ["Band 2"]`, `points = ["1"]`),
			want: []string{
				"offer.toml:5: award 1 (uplift -99.999%, bands Band 2, points 1) takes Band 2 point 1 to £0.00: a salary must be more than £0",
			},
		},
		{
			// 999,999,999,999 × 1.01 = 1,009,999,999,998.99 → £1,009,999,999,999.
			name: "an uplift past the limit",
			src: award("2025-04-01", `set = { "Band 4" = { "5" = "£999,999,999,999" } }`) +
				award("2025-04-01", `uplift = "1%"`, `bands = ["Band 4"]`, `points = ["5"]`),
			want: []string{
				"offer.toml:8: award 2 (uplift 1%, bands Band 4, points 5) takes Band 4 point 5 to £1,009,999,999,999.00: a salary must be below £1,000,000,000,000",
			},
		},
		{
			// £999,999,999,999.50 rounds (halves away from zero) to £1,000,000,000,000.
			name: "rounding reaches the limit",
			src:  award("2025-04-01", `set = { "Band 4" = { "5" = "£999,999,999,999.50" } }`),
			want: []string{
				"offer.toml:5: award 1 (set Band 4 point 5 to £999,999,999,999.50) takes Band 4 point 5 to £1,000,000,000,000.00: a salary must be below £1,000,000,000,000",
			},
		},
		{
			// 999,999,999 × 37 × 52.143 = 1,929,290,998,070.709 → £1,929,290,998,071.
			name: "an hourly floor past the limit",
			src:  award("2025-04-01", `floor_hourly = "£999,999,999"`, `bands = ["Band 2"]`, `points = ["3"]`),
			want: []string{
				"offer.toml:5: award 1 (floor £999,999,999 an hour, bands Band 2, points 3) takes Band 2 point 3 to £1,929,290,998,071.00: a salary must be below £1,000,000,000,000",
			},
		},
		{
			// The rise of 1% of 31,650 (316.50) is raised to the minimum of
			// £999,999,999,999: 31,650 + 999,999,999,999 = 1,000,000,031,649.
			name: "an underpin past the limit",
			src:  award("2025-04-01", `uplift = "1%"`, `minimum = "£999,999,999,999"`, `bands = ["Band 3"]`, `points = ["5"]`),
			want: []string{
				"offer.toml:5: award 1 (uplift 1%, minimum £999,999,999,999, bands Band 3, points 5) takes Band 3 point 5 to £1,000,000,031,649.00: a salary must be below £1,000,000,000,000",
			},
		},
		{
			// 999,999,999,999 + 1 = 1,000,000,000,000.
			name: "an added point past the limit after a flat rise",
			src: award("2025-04-01", `add_point = { band = "Band 4", point = "6", salary = "£999,999,999,999" }`) +
				award("2025-04-01", `flat = "£1"`, `bands = ["Band 4"]`, `points = ["6"]`),
			want: []string{
				"offer.toml:8: award 2 (flat £1, bands Band 4, points 6) takes Band 4 point 6 to £1,000,000,000,000.00: a salary must be below £1,000,000,000,000",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, err := Apply(probation(), mustParse(t, header+tt.src))
			if err == nil {
				t.Fatalf("Apply succeeded (%d tables), want:\n%s", len(tl.Tables), strings.Join(tt.want, "\n"))
			}
			if got, want := err.Error(), strings.Join(tt.want, "\n"); got != want {
				t.Errorf("error:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestSalaryBoundsAccepted checks values just inside the bounds.
func TestSalaryBoundsAccepted(t *testing.T) {
	tests := []struct {
		name, src, band string
		want            []string
	}{
		{
			// 23,500 − 23,499 = £1, the smallest whole salary.
			name: "a flat cut to £1",
			src:  award("2025-04-01", `flat = "-£23,499"`, `bands = ["Band 2"]`, `points = ["1"]`),
			band: "Band 2",
			want: []string{"1=1", "2=24350", "3=25210"},
		},
		{
			// 23,500 × 0.0001 = 2.35 → £2.
			name: "an uplift of -99.99%",
			src:  award("2025-04-01", `uplift = "-99.99%"`, `bands = ["Band 2"]`, `points = ["1"]`),
			band: "Band 2",
			want: []string{"1=2", "2=24350", "3=25210"},
		},
		{
			// The largest salary: £999,999,999,999.
			name: "the largest salary",
			src:  award("2025-04-01", `set = { "Band 4" = { "5" = "£999,999,999,999" } }`),
			band: "Band 4",
			want: []string{"1=36000", "2=37500", "3=39000", "4=40500", "5=999999999999"},
		},
		{
			// The largest uplift, 1000%: 23,500 × 11 = 258,500, and so on.
			name: "an uplift of 1000%",
			src:  award("2025-04-01", `uplift = "1000%"`, `maximum = "1000%"`, `minimum = "1000%"`, `bands = ["Band 2"]`),
			band: "Band 2",
			want: []string{"1=258500", "2=267850", "3=277310"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := mustApply(t, probation(), header+tt.src)
			if got := salaries(t, tl.Tables[len(tl.Tables)-1], tt.band); strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("%s = %v, want %v", tt.band, got, tt.want)
			}
		})
	}
}

// TestRateBounds checks the 1000% limit on every rate a scenario carries,
// and on the lump sums of one pay year together.
func TestRateBounds(t *testing.T) {
	tests := []struct {
		name string
		src  string // after header, whose last line is 4
		want []string
	}{
		{
			// Each is refused on its own line and none is applied (applied,
			// 23,500 × 1,000,000 would be far past the salary limit).
			name: "three uplifts of 99999999%",
			src: award("2025-04-01", `uplift = "99999999%"`) + award("2025-04-01", `uplift = "99999999%"`) +
				award("2025-04-01", `uplift = "99999999%"`),
			want: []string{
				"offer.toml:7:10: uplift: 99999999% is more than 1000%, the largest rate a scenario may carry",
				"offer.toml:10:10: uplift: 99999999% is more than 1000%, the largest rate a scenario may carry",
				"offer.toml:13:10: uplift: 99999999% is more than 1000%, the largest rate a scenario may carry",
			},
		},
		{
			name: "an uplift just above 1000%",
			src:  award("2025-04-01", `uplift = "1000.000001%"`),
			want: []string{"offer.toml:7:10: uplift: 1000.000001% is more than 1000%, the largest rate a scenario may carry"},
		},
		{
			name: "minimum and maximum as rates",
			src:  award("2025-04-01", `flat = "£1"`, `minimum = "1001%"`, `maximum = "2000%"`),
			want: []string{
				"offer.toml:8:11: minimum: 1001% is more than 1000%, the largest rate a scenario may carry",
				"offer.toml:9:11: maximum: 2000% is more than 1000%, the largest rate a scenario may carry",
			},
		},
		{
			name: "a lump sum rate",
			src:  lumpSum("2025-10-01", "1000.5%"),
			want: []string{"offer.toml:5:1: lump_sum: amount 1000.5% is more than 1000%, the largest rate a scenario may carry"},
		},
		{
			// 600% + 500% = 1100% in pay year 1 (April 2025 to March 2026);
			// the 900% of April 2026 is pay year 2, on its own.
			name: "lump sum rates in one pay year",
			src:  lumpSum("2025-10-01", "600%") + lumpSum("2026-03-01", "500%") + lumpSum("2026-04-01", "900%"),
			want: []string{"offer.toml:8:1: lump_sum: the lump sums paid in pay year 1 (from 2025-04-01) add up to 1100% of salary; at most 1000% may be paid in a pay year"},
		},
		{
			// £600,000,000,000 + £400,000,000,000 = £1,000,000,000,000.
			name: "lump sum amounts in one pay year",
			src:  lumpSum("2026-04-01", "£600,000,000,000") + lumpSum("2027-03-01", "£400,000,000,000"),
			want: []string{"offer.toml:8:1: lump_sum: the lump sums paid in pay year 2 (from 2026-04-01) add up to £1,000,000,000,000; they must add up to less than £1,000,000,000,000 in a pay year"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, err := Apply(probation(), mustParse(t, header+tt.src))
			if err == nil {
				t.Fatalf("Apply succeeded (%d tables), want:\n%s", len(tl.Tables), strings.Join(tt.want, "\n"))
			}
			if got, want := err.Error(), strings.Join(tt.want, "\n"); got != want {
				t.Errorf("error:\n%s\nwant:\n%s", got, want)
			}
		})
	}
	// Just inside: 1000% of salary in a pay year, and £999,999,999,999.99.
	mustApply(t, probation(), header+lumpSum("2025-10-01", "600%")+lumpSum("2026-03-01", "400%")+
		lumpSum("2025-05-01", "£999,999,999,999")+lumpSum("2025-06-01", "£0.99"))
}
