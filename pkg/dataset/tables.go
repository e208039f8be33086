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
	columns:  columnsOf[inflationRow](),
	required: []string{"date", "index"},
	unknown:  warnUnknown,
}

var onCostsSchema = &schema{
	file:     OnCostsFile,
	columns:  columnsOf[onCostRow](),
	required: []string{"name", "rate"},
	unknown:  warnUnknown,
}

// inflationRow is one row of inflation.csv, as gocsv decodes it (see
// cells.go).
type inflationRow struct {
	Date  dateCell   `csv:"date"`
	Index numberCell `csv:"index"`
}

// onCostRow is one row of oncosts.csv, as gocsv decodes it.
type onCostRow struct {
	Name      string     `csv:"name"`
	Rate      rateCell   `csv:"rate"`
	Threshold amountCell `csv:"threshold"`
}

// readInflation reads inflation.csv: a price index by date, returned in
// date order.
func readInflation(t *table) []paystructure.IndexPoint {
	rows, lines := decodeRows[inflationRow](t)
	var out []paystructure.IndexPoint
	seen := map[calendar.Date]int{}
	for i, r := range rows {
		line := lines[i]
		date, msg := r.Date.val, r.Date.problem("date")
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
		index, imsg := r.Index.or("index", decimal.Zero)
		if imsg == "" && index.Sign() <= 0 {
			imsg = "index is blank"
			if !r.Index.blank() {
				imsg = bad("index", r.Index.raw, "must be more than 0")
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
	rows, lines := decodeRows[onCostRow](t)
	var out []paystructure.OnCost
	seen := map[string]int{}
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
		if r.Rate.blank() {
			msg = "rate is blank (" + money.RateHint + ")"
		} else if oc.Rate, msg = r.Rate.val, r.Rate.problem("rate"); msg == "" && (oc.Rate.Sign() < 0 || oc.Rate.Cmp(decimal.NewFromInt(1)) > 0) {
			msg = bad("rate", r.Rate.raw, "must be from 0%% to 100%%")
		}
		if msg != "" {
			t.errs.add(t.file, line, "rate", msg)
		}
		if !r.Threshold.blank() {
			if oc.Threshold, msg = r.Threshold.val, r.Threshold.problem("threshold"); msg == "" && oc.Threshold.Sign() < 0 {
				msg = bad("threshold", r.Threshold.raw, "must not be negative")
			}
			if msg != "" {
				t.errs.add(t.file, line, "threshold", msg)
			}
		}
		out = append(out, oc)
	}
	return out
}
