package dataset

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
)

var bandsSchema = &schema{
	file:     BandsFile,
	columns:  []string{"band", "title", "weekly_hours", "order", "progression", "qualifying_months"},
	required: []string{"band"},
	unknown:  rejectUnknown,
}

// bandRow is one row of bands.csv as written.
type bandRow struct {
	Band             string `csv:"band"`
	Title            string `csv:"title"`
	WeeklyHours      string `csv:"weekly_hours"`
	Order            string `csv:"order"`
	Progression      string `csv:"progression"`
	QualifyingMonths string `csv:"qualifying_months"`
}

// maxOrder bounds a band's display order, which is any whole number.
const maxOrder = 1_000_000_000

// maxWeeklyHours bounds a band's full-time week.
var maxWeeklyHours = decimal.NewFromInt(100)

// bandInfo is a band read from bands.csv, with where it was defined.
type bandInfo struct {
	band paystructure.Band
	line int
	pos  int // position in the file, for ties in Order
}

// readBands reads bands.csv. It returns every band with a name (even one
// with other errors, so later files are checked against the right names),
// sorted by Order then file order.
func readBands(t *table) []bandInfo {
	var rows []bandRow
	lines := t.decode(&rows)
	if len(rows) == 0 {
		if t.errs.count(t.file) == 0 {
			t.errs.add(t.file, 0, "", "file has no bands (write one band per row under the header)")
		}
		return nil
	}
	var out []bandInfo
	seen := map[string]int{}
	if len(lines) != len(rows) {
		return nil // gocsv failed (reported)
	}
	for i, r := range rows {
		line := lines[i]
		name := label(r.Band)
		if name == "" {
			t.errs.add(t.file, line, "band", "band is blank")
			continue
		}
		if strings.EqualFold(name, "All") { // projection.AllBands: the total row of every table
			t.errs.addf(t.file, line, "band", "band %q: reports use All for the total of every band; give the band another name", name)
		}
		if first, dup := seen[name]; dup {
			t.errs.addf(t.file, line, "band", "band %q is already on line %d", name, first)
			continue
		}
		seen[name] = line
		b := paystructure.Band{Name: name, Title: strings.TrimSpace(r.Title)}
		var msg string
		if b.WeeklyHours, msg = parseNumber("weekly_hours", r.WeeklyHours, paystructure.DefaultWeeklyHours); msg == "" &&
			(b.WeeklyHours.Sign() <= 0 || b.WeeklyHours.Cmp(maxWeeklyHours) > 0) {
			msg = bad("weekly_hours", r.WeeklyHours, "must be more than 0 and at most 100")
		}
		if msg != "" {
			t.errs.add(t.file, line, "weekly_hours", msg)
		}
		if b.Order, msg = parseInt("order", r.Order, i+1, -maxOrder, maxOrder); msg != "" {
			t.errs.add(t.file, line, "order", bad("order", r.Order, "must be a whole number"))
		}
		b.Progression, msg = parseProgression(r.Progression)
		anniversary := msg == "" && b.Progression.Kind == paystructure.Anniversary
		if msg != "" {
			t.errs.add(t.file, line, "progression", msg)
		}
		if b.Progression.QualifyingMonths, msg = parseInt("qualifying_months", r.QualifyingMonths, paystructure.DefaultQualifyingMonths, 0, 12); msg != "" {
			t.errs.add(t.file, line, "qualifying_months", msg)
		} else if anniversary && strings.TrimSpace(r.QualifyingMonths) != "" {
			// The same rule as a scenario's [progression]: qualifying months
			// mean something only with a fixed progression date.
			t.errs.add(t.file, line, "qualifying_months", bad("qualifying_months", r.QualifyingMonths,
				"only for fixed-date progression (this band progresses on anniversaries; leave qualifying_months blank or write a progression date such as 04-01)"))
		}
		out = append(out, bandInfo{band: b, line: line, pos: i})
	}
	slices.SortStableFunc(out, func(a, b bandInfo) int { return a.band.Order - b.band.Order })
	return out
}

// parseProgression parses "anniversary" (the default) or a yearly date
// such as "04-01".
func parseProgression(raw string) (paystructure.Progression, string) {
	t := strings.TrimSpace(raw)
	if t == "" || strings.EqualFold(t, "anniversary") {
		return paystructure.Progression{Kind: paystructure.Anniversary}, ""
	}
	on, err := calendar.ParseAnnual(t)
	if err != nil {
		if len(t) == 5 && t[2] == '-' {
			return paystructure.Progression{}, bad("progression", raw, "%v", err)
		}
		return paystructure.Progression{}, bad("progression", raw, "write anniversary or a yearly date such as 04-01")
	}
	return paystructure.Progression{Kind: paystructure.FixedDate, On: on}, ""
}
