package dataset

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
)

// inflation.csv holds one price index, or several side by side: with a
// series column, each row names its series (CPI, CPIH, RPI or any name)
// and each series is checked on its own (its dates unique within it);
// without one, the file is one unnamed series. A status column marks rows
// published (the default when blank) or forecast; a series' forecast rows
// must all come after its published ones, so that a forecast can only
// extend a series, never stand in for a published value. source is free
// text kept with each row (where a forecast comes from).

var inflationSchema = &schema{
	file:     InflationFile,
	columns:  columnsOf[inflationRow](),
	required: []string{"date", "index"},
	unknown:  warnUnknown,
}

// inflationRow is one row of inflation.csv, as gocsv decodes it (see
// cells.go).
type inflationRow struct {
	Date   dateCell   `csv:"date"`
	Series string     `csv:"series"`
	Index  numberCell `csv:"index"`
	Status string     `csv:"status"`
	Source string     `csv:"source"`
}

// Statuses of a row of inflation.csv or floors.csv.
const (
	statusPublished = "published"
	statusForecast  = "forecast"
)

// parseStatus reads a status cell: blank or "published" (any case) is
// false, "forecast" true; anything else is a message.
func parseStatus(raw string) (forecast bool, msg string) {
	switch strings.ToLower(label(raw)) {
	case "", statusPublished:
		return false, ""
	case statusForecast:
		return true, ""
	}
	return false, bad("status", raw, "must be published or forecast (blank: published)")
}

// seriesDate checks the date cell of a row of a series (an index or a
// floor) on line: it must be a date, not blank, and not already in seen
// (the series' dates by line; of names the series in the message, " in
// series CPI"). A good date is added to seen; ok is false for a bad or
// blank one.
func seriesDate(t *table, line int, c *dateCell, seen map[calendar.Date]int, of string) (d calendar.Date, ok bool) {
	d, msg := c.val, c.problem("date")
	if msg == "" && d.IsZero() {
		msg = "date is blank"
	}
	if msg != "" {
		t.errs.add(t.file, line, "date", msg)
		return d, false
	}
	if first, dup := seen[d]; dup {
		t.errs.addf(t.file, line, "date", "date %s is already on line %d%s", d, first, of)
	} else {
		seen[d] = line
	}
	return d, true
}

// readInflation reads inflation.csv: every series in the order each first
// appears, each in date order.
func readInflation(t *table) []paystructure.IndexPoint {
	rows, lines := decodeRows[inflationRow](t)
	_, named := t.col["series"]
	type seriesInfo struct {
		seen          map[calendar.Date]int
		lastPublished calendar.Date // latest published date
		publishedLine int
		firstForecast calendar.Date // earliest forecast date
		forecastLine  int
	}
	var order []string
	info := map[string]*seriesInfo{}
	var out []paystructure.IndexPoint
	for i, r := range rows {
		line := lines[i]
		name := label(r.Series)
		if named && name == "" {
			t.errs.add(t.file, line, "series", "series is blank (name the measure, such as CPI, CPIH or RPI)")
		}
		si := info[name]
		if si == nil {
			si = &seriesInfo{seen: map[calendar.Date]int{}}
			info[name] = si
			order = append(order, name)
		}
		of := ""
		if name != "" {
			of = " in series " + name
		}
		date, dateOK := seriesDate(t, line, &r.Date, si.seen, of)
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
		forecast, smsg := parseStatus(r.Status)
		if smsg != "" {
			t.errs.add(t.file, line, "status", smsg)
		}
		if dateOK && smsg == "" {
			if forecast && (si.firstForecast.IsZero() || date.Before(si.firstForecast)) {
				si.firstForecast, si.forecastLine = date, line
			}
			if !forecast && si.lastPublished.Before(date) {
				si.lastPublished, si.publishedLine = date, line
			}
		}
		out = append(out, paystructure.IndexPoint{Series: name, Date: date, Index: index, Forecast: forecast, Source: strings.TrimSpace(r.Source)})
	}
	for _, name := range order {
		si := info[name]
		if !si.firstForecast.IsZero() && !si.lastPublished.IsZero() && !si.lastPublished.Before(si.firstForecast) {
			of := ""
			if name != "" {
				of = " of series " + name
			}
			t.errs.addf(t.file, si.forecastLine, "status", "forecast %s%s is not after the series' latest published value (%s, line %d): a forecast may only extend a series",
				si.firstForecast, of, si.lastPublished, si.publishedLine)
		}
	}
	rank := map[string]int{}
	for i, n := range order {
		rank[n] = i
	}
	slices.SortStableFunc(out, func(a, b paystructure.IndexPoint) int {
		if c := rank[a.Series] - rank[b.Series]; c != 0 {
			return c
		}
		return a.Date.Compare(b.Date)
	})
	return out
}
