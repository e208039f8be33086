package dataset

import (
	"github.com/shopspring/decimal"

	"paymodel/pkg/money"
	"paymodel/pkg/paystructure"
)

var onCostsSchema = &schema{
	file:     OnCostsFile,
	columns:  columnsOf[onCostRow](),
	required: []string{"name", "rate"},
	unknown:  warnUnknown,
}

// onCostRow is one row of oncosts.csv, as gocsv decodes it.
type onCostRow struct {
	Name      string     `csv:"name"`
	Rate      rateCell   `csv:"rate"`
	Threshold amountCell `csv:"threshold"`
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
