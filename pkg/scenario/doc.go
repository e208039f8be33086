// Package scenario owns paymodel's scenario files: the TOML format in which
// negotiators write an offer or a claim, its validation, and Apply, which
// turns a scenario and a dataset into the paystructure.Timeline the
// projection engine runs. It also builds the Current baseline (the dataset's
// own structures with no award) and explains how any salary was derived.
//
// Nothing here passes money through float64: amounts and rates are written
// as strings with units ("£1,000", "3.5%") and parsed by package money; a
// bare TOML number where an amount or rate belongs is an error saying how to
// write it. Every problem in a file is reported, not just the first: Parse,
// Check and Apply return an ErrorList, one "file:line:col: message" per
// line, in file order.
//
// # The file
//
//	name = "Employer offer 2025-27"   # required; unique in a comparison
//	description = "…"                 # optional
//	start = 2025-04-01                # first pay year (first of a month)
//	years = 10                        # horizon, 1–50; default 10
//	rounding = "pound"                # pound | penny | up-pound | none; default pound
//	order = "assimilate-first"        # or "progress-first"; default assimilate-first
//	cpd_days = 10                     # paid CPD days a year granted (whole or "7.5")
//	implemented = 2026-01-01          # put into pay late: on or after start, within the
//	                                  # horizon; earlier months paid as arrears then
//	arrears_to_leavers = false        # pay arrears to leavers before implemented; default false
//
//	[[award]]   from = 2025-04-01  and one of: uplift, flat, set, remove_points,
//	            add_point, floor_hourly (see below)
//	[[lump_sum]] paid = 2026-10-01, amount = "£500" or "2%", bands, at_top_only
//	[progression] on, qualifying_months, freeze; [progression.cpd] hours,
//	            accelerate_hours, accelerate_points; [[progression.pathway]]
//	            from, to, after_months, cpd_hours
//
// Limits. Before it is decoded, a file is checked in one quick pass over its
// bytes against MaxFileBytes, MaxDepth (arrays and inline tables nested 32
// deep), MaxKeys (10,000 keys and table headers), MaxListElements (10,000
// list elements, all lists together) and MaxKeyParts and MaxKeyBytes (a key's full path, 64
// parts and 1,024 bytes); after decoding, MaxAwards and MaxLumpSums (100 of
// each table) and MaxNameChars (a 100-character name) are checked before
// anything else. Each breach is reported at its line and column. At most
// MaxErrors errors are listed per file, then "… and N more errors in FILE";
// a message quotes at most MaxQuote (80) characters of a value.
//
// Keys the program does not know are errors, named with their line. Dates are
// TOML dates (2025-04-01) or quoted ISO dates; every date must be the first
// of a month. Hours and days may be TOML integers or quoted decimals ("7.5");
// a TOML float (7.5) is refused so that nothing goes through float64.
//
// # Rules
//
// Start and base. start defaults to the first of the month on or after the
// dataset's latest structure date (1 April 2025 for an undated dataset). A
// scenario applies to the structure in force at start: the latest whose
// effective_from is on or before start (an undated structure is always in
// force). A start before every structure is an error. The scenario then
// describes the whole future: structures the dataset dates after start are
// not used by it (Current shows them).
//
// Horizon. Award from dates and lump-sum paid dates must fall within the
// horizon: start ≤ date < start + years.
//
// Award order and tables. Awards apply in date order, then file order. All
// awards on one date produce one Table from that month, whose Awards names
// them; each award applies to the result of the one before. If the first
// award is after start, Tables[0] is the base structure from start; with no
// awards the timeline is that one table, unchanged.
//
// One operation per award. An award does exactly one of: uplift (multiply
// by 1 + rate), flat (add an amount), set (replace named points' salaries),
// remove_points, add_point or floor_hourly. uplift and flat cannot be
// combined: write two awards on the same date (the second compounds on the
// first), or use minimum for "x% or £y, whichever is more".
//
// Underpin and cap. minimum and maximum bound the rise of each selected
// point under an uplift or flat award: the rise is computed, raised to the
// minimum, then lowered to the maximum. Either may be an amount or a rate; a
// rate is that rate of the point's salary before the award. They are
// allowed only with uplift or flat, and minimum may not exceed maximum when
// both are of one kind.
//
// Selections. bands, points (labels, in every selected band that has them),
// salary_below (salary before the award < amount) and salary_from (≥
// amount) narrow uplift, flat and floor_hourly; all must hold. With none,
// every point of every band is selected. A band that does not exist, or a
// point label no selected band has, is an error.
//
// set replaces salaries: set = { "Band 5" = { "1" = "£45,000" } }.
//
// remove_points deletes points: people on a removed point move to the next
// remaining point up (Move{From, To}); removing a band's top point moves its
// people to the new top with Protect set (they keep their salary until the
// point pays more); when the top two or more points go, each goes to the new
// top with Protect, so each person keeps their own salary. The salary
// protected is the one paid before the date's awards: an uplift on the same
// date, in either file order, does not raise it. Removing every point of a
// band is an error. Moves made
// on one date are composed, so each ends on a point of that date's table.
// order = "progress-first" or "assimilate-first" is passed to the projection
// as Rules.Order: whether people due to progress that month move on the old
// scale before assimilation, or after.
//
// add_point = { band, point, salary } inserts a new label (which must be new
// in the band) in salary order, with 12 months at the point and no CPD
// requirement of its own ([progression.cpd] hours apply to it as to every
// point).
//
// floor_hourly lifts every selected point whose salary is below floor ×
// weekly_hours × 52.143 (paystructure.WeeksPerYear; the band's weekly hours,
// 37 if blank) to exactly that, then rounds. Points that end on one salary
// merge into the highest of them: Moves from the lower labels to it, no
// protection, and the lower points leave the scale. As with any Move, the
// people keep their time at the point. Rounding can leave a
// lifted salary a fraction of a penny an hour under the floor (£15 × 37 ×
// 52.143 = £28,939.365 rounds to £28,939 under "pound").
//
// Rounding. After each award the scenario's rule rounds every point the
// award changed, and only those: pound (nearest pound, halves away from
// zero), penny (nearest penny, halves away from zero), up-pound (up to the
// next whole pound, as the 2023 teachers' award did), none (exact values
// carried; money paid is still rounded to the penny by the projection).
//
// Order within a band. After every award, salaries within each band must
// strictly increase, or the scenario is rejected naming the award's line and
// the two points. Awards on one date are checked one by one, so write
// disjoint awards in an order that keeps each band in order.
//
// Bounds. After every award (and its rounding) every salary must be more
// than £0 and below £1,000,000,000,000 (money.AmountLimit), or the scenario
// is rejected naming the award's line, the band, the point and the salary,
// one error per point; the awards after it are not applied. A rate may be
// at most 1000% (money.MaxRate): an uplift, a minimum or maximum written as
// a rate, a lump sum written as a rate; an award with a larger rate is
// refused and not applied. The lump sums paid in one pay year may add up to
// at most 1000% of salary and to less than £1,000,000,000,000. Within these
// bounds one person's pay for a year fits in 64-bit pence.
//
// Progression. [progression] on = "anniversary" or "MM-DD" replaces every
// band's rule (qualifying_months, default 6, only with a date: with
// anniversary or without on it is an error, as it is in bands.csv); without
// on each band keeps its bands.csv rule, and freeze, cpd and pathways apply
// within it. Pathways are tested every month, whatever the scheme. freeze lists progression dates on
// which nobody progresses. [progression.cpd] sets CPD hours needed to pass a
// point, and accelerate_hours/accelerate_points (both or neither; the hours
// above hours) for moving several points at once. [[progression.pathway]]
// moves people from the top of one band to another (both must exist and
// differ) after after_months with cpd_hours.
//
// Lump sums are non-consolidated: an amount or a rate of full-time salary,
// pro rata FTE, optionally only to some bands or to those at the top.
//
// Derivations. Every salary in a timeline carries its derivation
// (Point.Derivation): the base value ("£37,500.00 from increments.csv,
// 2024-04-01"), then one step per award that changed it, with its
// arithmetic, underpin or cap, rounding and source, e.g.
//
//	£37,500.00 × 1.04 = £39,000.00 → rounded to the pound £39,000 (award 1, offer.toml:9)
//
// The dataset is never modified: scales and derivations are deep-copied.
//
// Comparisons. Check requires unique names and one start across the
// scenarios compared (an unset start differs from a set one).
//
// Current. The baseline is the dataset's structures as in force month by
// month from start: later dated structures become later Tables (from the
// first of the month on or after their date), with Moves for point labels
// that disappear to the lowest new point paying at least the old salary (or
// the top, protected), and the latest carried forward; no awards, rules
// from bands.csv.
//
// # Files
//
// types.go holds the parsed Scenario and its parts; limits.go the pass over
// the bytes before decoding; locate.go where each key and value is;
// decode.go Parse (decoding, unknown keys, the top-level keys, the horizon);
// values.go the typed value readers (strings, amounts, rates, numbers,
// dates); awards.go the [[award]] and [[lump_sum]] tables and how an award
// is named; progression.go the [progression] table and the rules it makes;
// check.go the cross-file Check; apply.go Apply, applier.go each award's
// effect on the scales, bounds.go the range checks; current.go the Current
// baseline; explain.go Explain; errors.go Error and ErrorList (diag.Error and
// diag.List, shared with package dataset) and how problems are collected;
// unknown.go the placeholder "?" that paymodel solve fills in (ParseUnknown,
// Unknown), which Parse refuses.
package scenario
