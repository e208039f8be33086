package dataset

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/paystructure"
)

var bandsSchema = &schema{
	file:     BandsFile,
	columns:  columnsOf[bandRow](),
	required: []string{"band"},
	unknown:  rejectUnknown,
}

// bandRow is one row of bands.csv, as gocsv decodes it (see cells.go).
type bandRow struct {
	Band             string          `csv:"band"`
	Title            string          `csv:"title"`
	WeeklyHours      numberCell      `csv:"weekly_hours"`
	Order            wholeCell       `csv:"order"`
	Progression      progressionCell `csv:"progression"`
	QualifyingMonths wholeCell       `csv:"qualifying_months"`
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
	rows, lines := decodeRows[bandRow](t)
	if len(rows) == 0 {
		if t.errs.count(t.file) == 0 {
			t.errs.add(t.file, 0, "", "file has no bands (write one band per row under the header)")
		}
		return nil
	}
	var out []bandInfo
	seen := map[string]int{}
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
		if b.WeeklyHours, msg = r.WeeklyHours.or("weekly_hours", paystructure.DefaultWeeklyHours); msg == "" &&
			(b.WeeklyHours.Sign() <= 0 || b.WeeklyHours.Cmp(maxWeeklyHours) > 0) {
			msg = bad("weekly_hours", r.WeeklyHours.raw, "must be more than 0 and at most 100")
		}
		if msg != "" {
			t.errs.add(t.file, line, "weekly_hours", msg)
		}
		if b.Order, msg = r.Order.in("order", i+1, -maxOrder, maxOrder); msg != "" {
			t.errs.add(t.file, line, "order", bad("order", r.Order.raw, "must be a whole number"))
		}
		b.Progression, msg = r.Progression.val, r.Progression.problem("progression")
		anniversary := msg == "" && b.Progression.Kind == paystructure.Anniversary
		if msg != "" {
			t.errs.add(t.file, line, "progression", msg)
		}
		if b.Progression.QualifyingMonths, msg = r.QualifyingMonths.in("qualifying_months", paystructure.DefaultQualifyingMonths, 0, 12); msg != "" {
			t.errs.add(t.file, line, "qualifying_months", msg)
		} else if anniversary && !r.QualifyingMonths.blank() {
			// The same rule as a scenario's [progression]: qualifying months
			// mean something only with a fixed progression date.
			t.errs.add(t.file, line, "qualifying_months", bad("qualifying_months", r.QualifyingMonths.raw,
				"only for fixed-date progression (this band progresses on anniversaries; leave qualifying_months blank or write a progression date such as 04-01)"))
		}
		out = append(out, bandInfo{band: b, line: line, pos: i})
	}
	slices.SortStableFunc(out, func(a, b bandInfo) int { return a.band.Order - b.band.Order })
	return out
}
