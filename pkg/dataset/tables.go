package dataset

import (
	"slices"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
)

var inflationSchema = &schema{
	file:     InflationFile,
	columns:  []string{"date", "index"},
	required: []string{"date", "index"},
	unknown:  warnUnknown,
}

var onCostsSchema = &schema{
	file:     OnCostsFile,
	columns:  []string{"name", "rate", "threshold"},
	required: []string{"name", "rate"},
	unknown:  warnUnknown,
}

// inflationRow is one row of inflation.csv as written.
type inflationRow struct {
	Date  string `csv:"date"`
	Index string `csv:"index"`
}

// onCostRow is one row of oncosts.csv as written.
type onCostRow struct {
	Name      string `csv:"name"`
	Rate      string `csv:"rate"`
	Threshold string `csv:"threshold"`
}

// readInflation reads inflation.csv: a price index by date, returned in
// date order.
func readInflation(t *table) []paystructure.IndexPoint {
	var rows []inflationRow
	lines := t.decode(&rows)
	var out []paystructure.IndexPoint
	seen := map[calendar.Date]int{}
	if len(lines) != len(rows) {
		return nil // gocsv failed (reported)
	}
	for i, r := range rows {
		line := lines[i]
		date, msg := parseDate("date", r.Date)
		if msg == "" && date.IsZero() {
			msg = "date is blank"
		}
		if msg != "" {
			t.errs.add(t.file, line, "date", msg)
		} else if first, dup := seen[date]; dup {
			t.errs.addf(t.file, line, "date", "date %s is already on line %d", date, first)
		} else {
			seen[date] = line
		}
		index, imsg := parseNumber("index", r.Index, decimal.Zero)
		if imsg == "" && index.Sign() <= 0 {
			imsg = "index is blank"
			if label(r.Index) != "" {
				imsg = bad("index", r.Index, "must be more than 0")
			}
		}
		if imsg != "" {
			t.errs.add(t.file, line, "index", imsg)
		}
		out = append(out, paystructure.IndexPoint{Date: date, Index: index})
	}
	slices.SortStableFunc(out, func(a, b paystructure.IndexPoint) int { return a.Date.Compare(b.Date) })
	return out
}

// readOnCosts reads oncosts.csv, keeping file order.
func readOnCosts(t *table) []paystructure.OnCost {
	var rows []onCostRow
	lines := t.decode(&rows)
	var out []paystructure.OnCost
	seen := map[string]int{}
	if len(lines) != len(rows) {
		return nil // gocsv failed (reported)
	}
	for i, r := range rows {
		line := lines[i]
		name := label(r.Name)
		if name == "" {
			t.errs.add(t.file, line, "name", "name is blank")
		} else if first, dup := seen[name]; dup {
			t.errs.addf(t.file, line, "name", "name %q is already on line %d", name, first)
		} else {
			seen[name] = line
		}
		oc := paystructure.OnCost{Name: name}
		var msg string
		if label(r.Rate) == "" {
			msg = "rate is blank (" + money.RateHint + ")"
		} else if oc.Rate, msg = parseRate(r.Rate); msg == "" && (oc.Rate.Sign() < 0 || oc.Rate.Cmp(decimal.NewFromInt(1)) > 0) {
			msg = bad("rate", r.Rate, "must be from 0%% to 100%%")
		}
		if msg != "" {
			t.errs.add(t.file, line, "rate", msg)
		}
		if label(r.Threshold) != "" {
			if oc.Threshold, msg = parseAmount("threshold", r.Threshold); msg == "" && oc.Threshold.Sign() < 0 {
				msg = bad("threshold", r.Threshold, "must not be negative")
			}
			if msg != "" {
				t.errs.add(t.file, line, "threshold", msg)
			}
		}
		out = append(out, oc)
	}
	return out
}

// parseRate parses a percentage ("15%") into a fraction.
func parseRate(raw string) (decimal.Decimal, string) {
	d, err := money.ParseRate(raw)
	if err != nil {
		return d, bad("rate", raw, "%v", err)
	}
	return d, ""
}
