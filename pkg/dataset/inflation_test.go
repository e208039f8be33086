package dataset

import (
	"fmt"
	"strings"
	"testing"
)

// TestInflationSeries checks that inflation.csv with a series column keeps
// each series apart, in the order each first appears and each in date
// order, with forecast rows marked and their source kept; and that a file
// without one is one unnamed series, as before.
func TestInflationSeries(t *testing.T) {
	tests := []struct {
		name string
		csv  string
		want string // series date index forecast source, one point a line
	}{
		{
			name: "unnamed",
			csv:  "date,index\n2025-04-01,104\n2024-04-01,100\n",
			want: " 2024-04-01 100 false \n 2025-04-01 104 false ",
		},
		{
			name: "three series, interleaved, same dates",
			csv: "date,series,index\n2025-04-01,RPI,402.2\n2024-04-01,CPI,133.5\n2024-04-01,RPI,382.9\n" +
				"2025-04-01,CPI,138.2\n2024-04-01,CPIH,131.5\n",
			want: "RPI 2024-04-01 382.9 false \nRPI 2025-04-01 402.2 false \nCPI 2024-04-01 133.5 false \nCPI 2025-04-01 138.2 false \nCPIH 2024-04-01 131.5 false ",
		},
		{
			name: "forecast extends a series",
			csv:  "date,series,index,status,source\n2025-04-01,CPI,138.2,published,ONS\n2026-04-01,CPI,142.3,Forecast,OBR March 2026\n",
			want: "CPI 2025-04-01 138.2 false ONS\nCPI 2026-04-01 142.3 true OBR March 2026",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ds, err := Load(files(map[string]string{InflationFile: tc.csv}), "test")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range ds.Inflation {
				got = append(got, fmt.Sprintf("%s %s %s %v %s", p.Series, p.Date, p.Index, p.Forecast, p.Source))
			}
			if g := strings.Join(got, "\n"); g != tc.want {
				t.Errorf("got\n%s\nwant\n%s", g, tc.want)
			}
		})
	}
}

// TestInflationErrors checks that each series is checked on its own: the
// same date in two series is fine, twice in one is not.
func TestInflationErrors(t *testing.T) {
	tests := []struct {
		name, csv, want string
	}{
		{
			name: "date repeated within a series",
			csv:  "date,series,index\n2024-04-01,CPI,100\n2024-04-01,RPI,300\n2024-04-01,CPI,101\n",
			want: "inflation.csv:4: date 2024-04-01 is already on line 2 in series CPI",
		},
		{
			name: "series blank",
			csv:  "date,series,index\n2024-04-01,CPI,100\n2025-04-01,,104\n",
			want: "inflation.csv:3: series is blank (name the measure, such as CPI, CPIH or RPI)",
		},
		{
			name: "bad status",
			csv:  "date,index,status\n2024-04-01,100,estimate\n",
			want: `inflation.csv:2: status "estimate": must be published or forecast (blank: published)`,
		},
		{
			name: "forecast before a published value",
			csv:  "date,series,index,status\n2024-04-01,CPI,100,\n2025-04-01,CPI,104,forecast\n2026-04-01,CPI,108,published\n",
			want: "inflation.csv:3: forecast 2025-04-01 of series CPI is not after the series' latest published value (2026-04-01, line 4): a forecast may only extend a series",
		},
		{
			name: "every problem of a row",
			csv:  "date,series,index,status\n2024-13-01,CPI,-1,maybe\n",
			want: lines(
				`inflation.csv:2: date "2024-13-01": not a date: there is no month 13`,
				`inflation.csv:2: index "-1": not a number (write a number such as 30 or 7.5)`,
				`inflation.csv:2: status "maybe": must be published or forecast (blank: published)`),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := loadError(t, files(map[string]string{InflationFile: tc.csv})); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestFloors checks floors.csv: floors by name in first-appearance order,
// each in date order.
func TestFloors(t *testing.T) {
	ds, err := Load(files(map[string]string{FloorsFile: "date,name,hourly,status\n" +
		"2025-04-01,National Living Wage,12.21,\n2024-04-01,National Living Wage,£11.44,\n" +
		"2024-10-23,Real Living Wage,12.60,published\n2026-04-01,National Living Wage,12.71,forecast\n"}), "test")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range ds.Floors {
		got = append(got, fmt.Sprintf("%s %s %s %v", f.Name, f.Date, f.Hourly, f.Forecast))
	}
	want := "National Living Wage 2024-04-01 11.44 false\nNational Living Wage 2025-04-01 12.21 false\n" +
		"National Living Wage 2026-04-01 12.71 true\nReal Living Wage 2024-10-23 12.6 false"
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("got\n%s\nwant\n%s", g, want)
	}
	if ds, err := Load(files(nil), "test"); err != nil || ds.Floors != nil {
		t.Errorf("without floors.csv: floors %v, err %v; want nil", ds.Floors, err)
	}
}

func TestFloorsErrors(t *testing.T) {
	tests := []struct {
		name, csv, want string
	}{
		{
			name: "missing column",
			csv:  "date,name\n2025-04-01,NLW\n",
			want: `floors.csv: missing required column "hourly"`,
		},
		{
			name: "every problem, each on its line",
			csv: "date,name,hourly\n2025-04-01,NLW,12.21\n2025-04-01,NLW,12.50\n2025-04-01,RLW,12.60\n" +
				"2025-04-31,NLW,12.21\n2026-04-01,,12.71\n2027-04-01,NLW,0\n2028-04-01,NLW,12.5x\n",
			want: lines(
				"floors.csv:3: date 2025-04-01 is already on line 2 for NLW",
				`floors.csv:5: date "2025-04-31": not a date: April 2025 has 30 days`,
				"floors.csv:6: name is blank (name the floor, such as National Living Wage)",
				`floors.csv:7: hourly "0": must be more than £0`,
				`floors.csv:8: hourly "12.5x": not an amount (write 25524 or £25,524.00)`),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := loadError(t, files(map[string]string{FloorsFile: tc.csv})); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestSummarySeries: validate's summary names each series, with its
// forecast values counted, and each wage floor.
func TestSummarySeries(t *testing.T) {
	ds, err := Load(files(map[string]string{
		InflationFile: "date,series,index,status\n2024-04-01,CPI,133.5,\n2025-04-01,CPI,138.2,\n2026-04-01,CPI,142,forecast\n2025-04-01,RPI,402.2,\n",
		FloorsFile:    "date,name,hourly\n2025-04-01,National Living Wage,12.21\n2026-04-01,National Living Wage,12.71\n2025-10-22,Real Living Wage,13.45\n",
	}), "series")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := WriteSummary(&b, ds); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Inflation: CPI 3 index values, 2024-04-01 to 2026-04-01 (1 forecast); RPI 1 index value, 2025-04-01 to 2025-04-01\n",
		"Wage floors: National Living Wage 2 values, 2025-04-01 to 2026-04-01; Real Living Wage 1 value, 2025-10-22 to 2025-10-22\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, b.String())
		}
	}
}
