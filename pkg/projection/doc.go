// Package projection owns careers, census paths and costs: it takes the
// timelines package scenario produces (and the Current baseline, a timeline
// with one or more tables and no awards) and steps people through them month
// by month. It does no I/O, reads no clock and uses no randomness; every
// result slice is in a documented, deterministic order.
//
// It offers three things:
//
//   - Careers: the path of a full-time new entrant at the bottom of each band.
//   - Points: every pay point on each pay-year start and award date, against
//     Current.
//   - Cost: a census projected under Current and each scenario, costed per
//     pay year and band, with who gains what (Distribution) and pay by
//     census attribute (Equality).
//
// # The rules
//
// The following rules are the model. They are written to be lifted into the
// README unchanged.
//
// Time. Time runs in whole months from the timeline's start to its end
// (Start + 12 × Years). Pay year k (1-based) starts on the first day of month
// Start + 12(k−1). Everything that happens to a person happens on the first
// day of a month, in this order: (1) if a new pay table takes effect that
// month, its moves and the progression due that month, in the order
// Rules.Order gives; otherwise just the progression due; (2) a pathway move;
// (3) the end of any protection their point now matches. The month is then
// paid in the resulting position.
//
// Pay. A person's pay for a month is their annual full-time salary × FTE ÷
// 12, rounded to the penny (halves away from zero; money.MonthlyPay). The
// salary is that of their point in the table in force that month, or their
// protected salary if higher. A pay year's basic pay is the sum of its 12
// monthly pays. Because every monthly pay is a whole number of pence, the
// engine adds pay up in integer pence (exactly); it never uses floating
// point. One person's amounts for a pay year are 64-bit; a cost row's sums
// of weight × amount are 128-bit, so a census of any size within the
// documented limits is costed exactly. Every such sum is overflow-checked,
// and Cost refuses a timeline outside the bounds package scenario enforces
// (salaries above £0 and below £10¹², rates up to 1000%) rather than cost
// it wrongly.
//
// Time at a point counts in whole months from the first of the month on or
// after the date the person reached the point (a point date of 15 April 2025
// counts from 1 May 2025). A census row without a point date counts from the
// start.
//
// Anniversary progression. A person moves up one point on the first of the
// month in which their time at the point reaches the point's Months: someone
// who reached a point on 1 April 2025 with Months 12 moves on 1 April 2026;
// on 15 April 2025, on 1 May 2026. If they are short of CPD (below) they stay
// and are tested again 12 months later. A census row whose time at its point
// was already complete before the start (a backlog, or someone stuck at a
// CPD gate) is first tested on the first anniversary of the date their time
// completed (point month + Months + 12k) on or after the start; for Months a
// whole number of years that is the next anniversary of their point date.
// Someone completing their time exactly on the start date is tested then.
// The same holds mid-horizon: when a new table puts a point above someone
// who stood on the top point and whose time there was already complete,
// they are first tested on the first anniversary of the month it completed
// (point month + Months + 12k) on or after the table's month, not at once.
// Time completed while there was nowhere to go is a backlog like any other;
// a person's progression month stays their anniversary.
//
// Fixed-date progression. On each progression date (Progression.On, e.g. 1
// April) a person moves up one point if their time at the point is at least
// Months − 12 + QualifyingMonths. Anyone who does not qualify, is short of
// CPD, or is frozen is tested again on the next progression date.
//
// CPD. Passing a point needs the person's CPD hours (their annual hours,
// standing for the preceding 12 months) to reach the higher of the point's
// CPDHours and Rules.CPD.Hours. Unrecorded hours meet every requirement.
// Acceleration: when Rules.CPD.AccelerateHours is positive and the person's
// recorded hours reach it, each progression moves them AcceleratePoints
// points at once (at least one), never past the top point. Unrecorded hours
// never accelerate. Time at the new point starts on the day they move.
//
// Freeze. In a frozen month (Rules.Freeze) nobody progresses and nobody
// takes a pathway. Time at the point keeps counting, so in an anniversary
// scheme a person due in a frozen month moves in the first month after that
// is not frozen (their time at the new point counting from then); in a
// fixed-date scheme they move on the next progression date.
//
// Pathways. A person who has stood on the top point of a pathway's From band
// for at least AfterMonths, and whose CPD hours meet its CPDHours, moves into
// its To band at the lowest point paying at least their current salary
// (protected salary included), or To's top point if none does. Their time at
// the new point starts that month. Only the first pathway in Rules order that
// applies is taken, at most one a month, after any progression that month.
// Pathways are tested every month in every scheme: in a fixed-date scheme a
// person moves in the month their time at the top reaches AfterMonths, not
// on the next progression date (a frozen month holds them to the next).
// A protected salary stays protected after a pathway move until their point
// pays at least as much.
//
// Removed points and moves. When a table takes effect, its Moves assimilate
// people: someone on point From of the Move's band goes to point To. Time at
// the point carries over (assimilation is not progression). With Protect,
// the person keeps the salary they had just before the move (on the old
// table, protection included) until their point pays at least as much. A
// person whose point is missing from a new table and is named by no Move is
// put on the lowest point paying at least their old salary, or on the top
// point with their old salary protected. Rules.Order says what happens when
// a new table and a progression fall in the same month: AssimilateFirst
// applies the moves, then the progression due on the new scale (so people
// assimilated from a removed bottom point may progress at once);
// ProgressFirst progresses people on the old scale, then assimilates them
// (so people who progressed onto a removed point are moved again, with
// protection if the Move gives it); someone on the top point of the old
// scale, with nothing to progress to there, is tested on the new scale in
// the same month (in a fixed-date scheme: the next progression date). When
// the top two or more points go, each has its own protected Move to the new
// top, so each person keeps their own salary. When awards fall on the start
// date the
// timeline's Prior is the structure before them: the census starts on it and
// meets Tables[0] in the first month exactly as it meets any later table
// (Order, moves and protection alike). Moves on Tables[0] of a timeline with
// no Prior apply to the census at the start, before anything else, with the
// old point's salary in Tables[0] protected when it still has the point.
//
// New entrants start at the bottom point of their band in the table in force
// on their first day, with no time at the point.
//
// # Careers
//
// Careers follows a full-time new entrant from the start at the bottom of
// each band with a given number of CPD hours a year (nil: unrecorded, which
// meets every requirement but never accelerates). For each pay year it gives
// where the entrant stands on its first day, their basic pay, lump sums,
// earnings (basic + lump sums) and cumulative earnings. YearsToTop is the
// number of months until the entrant first stands on the top point of their
// starting band, ÷ 12 to 2 places, or nil if that does not happen within the
// horizon. Earnings are basic pay plus lump sums, paid to the entrant by the
// same rules as to the census. A pathway into another band does not count as
// reaching the top of the starting band, but the career continues in the new
// band.
//
// # Points
//
// Points lists every point of every band on each pay-year start and each
// date a table takes effect within the horizon, with Current's salary for the
// point with the same label in the same band in Current's table in force on
// the same date (which takes up the dataset's later structures; nil when
// Current lacks the label, e.g. an added point) and the change in cash and
// as a fraction of Current's salary (money.Change).
//
// # Costing
//
// Each census group is projected under every timeline with the rules above,
// from its band, point, point date, FTE and CPD hours.
//
// Lump sums are paid in their month to people in post in the named bands
// (all bands when none are named; with AtTopOnly only those on their band's
// top point that month, after that month's moves): Amount × FTE, or Rate ×
// full-time salary that month × FTE, rounded to the penny per person; the
// salary of a protected person is their protected salary.
//
// On-costs: for each person and pay year, each OnCost line costs Rate ×
// max(0, pay − Threshold), rounded to the penny, where pay is the person's
// actual pay for the year: basic pay plus lump sums. The threshold is
// therefore not pro-rated for part-time staff.
//
// CPD time: when a timeline grants CPD days (Timeline.CPDDays > 0), each
// person's year costs their daily rate — full-time salary on the first day
// of the pay year (protected salary if higher) × FTE ÷ 260.715 (52.143
// weeks × 5 days), rounded to the penny — × CPDDays, rounded to the penny.
// An award or progression later in the pay year does not change it. It is
// its own column; it is counted in the total but not in pay for on-costs.
//
// Arrears: when a timeline is implemented late (Timeline.Implemented, a
// month after the start and within the horizon), its awards still take
// effect on their dates, so careers, points, Basic, on-costs and every
// other figure are as they would be on time: the pay earned at the new
// rates, counted in the pay year it is earned. People are paid Current's
// pay until the implementation month, and in it each person in post is
// paid arrears: the sum over every month from the start to the month
// before it of (their pay under the timeline − their pay under Current),
// each month's pay rounded to the penny (money.MonthlyPay). A month in
// which the timeline pays less than Current counts against the sum.
// CostRow.Arrears is that payment in the pay year holding the implementation
// month (zero in every other), in the band the person is in on the first
// day of that pay year, each band's exact sum rounded to the penny once;
// it is not part of Total, since the pay it settles is already in the
// Basic (and on-costs) of the years it was earned. Under turnover the
// people in post in the implementation month weigh their cohort's share
// that year; with Timeline.ArrearsToLeavers, the people who left at the end
// of each earlier pay year are paid too, for the months before they left,
// weighted by the share of their cohort that left then and counted in the
// band they were in on the first day of their last pay year. Without it
// (the default) they are paid nothing. Entrants are owed arrears from the
// month they join.
//
// Turnover (Options.Turnover, a fraction t, default 0): at each pay-year
// boundary from year 2 on, a fraction t of each group's weight leaves and is
// replaced by new entrants at the bottom of the group's census band with the
// group's FTE, CPD hours and attributes, with no time at the point, wherever
// the leavers stand (people who took a pathway into another band are
// replaced in the census band); entrants progress and take pathways like
// anyone else. These are
// expected values: in pay year y the group's own people weigh Count × (1−t)^(y−1)
// and the entrants who joined at the start of year k weigh Count × t ×
// (1−t)^(y−k), exactly, without rounding. Entrants of the same band, FTE and
// CPD hours share one path whatever group they replace.
//
// Rounding. Money is rounded to the penny per person and month (pay), per
// person and payment (lump sums), per person and year (on-costs, CPD time).
// A band's yearly figure is the exact sum over its people of those amounts ×
// each person's weight, rounded to the penny once; with whole-person weights
// (no turnover) nothing is rounded at all at this stage. Computing group by
// group or person by person therefore gives the same figures to the penny.
// The AllBands row adds up the rounded band rows, so a table's rows sum to
// its total. Headcount and FTE are exact sums without turnover; under
// turnover they are apportioned to 2 places so that the band rows add up to
// the exact total rounded (apportion). Total is Basic + LumpSums + OnCosts +
// CPDTime.
//
// Bands in cost rows. A person's pay year is counted entirely in the band
// they are in on its first day (headcount, FTE, pay, lump sums, on-costs,
// CPD time and drift), even if a pathway moves them during the year.
//
// Drift is the part of a year's basic pay due to progression: basic pay minus
// the basic pay the same people (with the same weights) would have had if
// nobody had progressed or taken a pathway from the start (an entrant: from
// the month they joined, on the bottom point), under the same tables, moves
// and protection; rounded to the penny once per band-year. A pathway's drift
// falls in the band the person moved to, where their pay year counts. Under
// turnover the pay saved by replacing leavers at the bottom is in Basic, not
// in Drift.
//
// Change and ChangePct compare each row's Total with Current's for the same
// year and band (money.Change); ChangePct is nil where Current's Total is
// zero (nobody in the band that year), since no percentage exists.
//
// Distribution: a person's first-year rise is their earnings in pay year 1
// (basic pay plus lump sums) under the scenario minus the same under
// Current; the percentage divides it by the Current earnings (money.Change,
// a fraction to 8 places). Per band (the census band) and for AllBands it
// gives the number of people and the minimum, weighted median and maximum
// rise in cash and percentage (each ranked on its own), and, given
// Options.Inflation for year 1, how many people's percentage is below it.
//
// Equality: a person's salary is their annual full-time salary (protected
// salary if higher) in the last month of pay year 1. For each census
// attribute and each of its values: the headcount, the mean salary
// (weighted by headcount, rounded to the penny) and the weighted median
// salary, and the gap to the best-paid value of that attribute: (best mean −
// mean) ÷ best mean as a fraction to 8 places.
//
// Snapshots (for the pay gap measures): for each pay year, the people in
// post in its last month, by the pay they were paid that month (band, full-
// time salary or protected salary, FTE, and the month's pay as paid,
// money.MonthlyPay) and by the lump sums paid to them in the pay year, for
// everyone and for each value of each census attribute. People are exact
// (expected people under turnover; entrants share the attributes of the
// people they replace). Package analysis computes the measures from them.
//
// Weighted median. The people are ranked by value and the median is the
// value of the person at position ⌈W/2⌉, W the number of people: the middle
// person when W is odd and the lower of the two middle people when W is
// even. No averaging, so the median is always a value someone has.
//
// Grouping and speed. Groups with the same band, point, FTE, time-at-point
// start and CPD hours (recorded or not) follow one path, computed once per
// timeline however many groups (with whatever attributes) share it; results
// are multiplied by the number of people and only then split by attribute.
// The month loop jumps between the months in which something can happen to
// the path (a table, a progression or pathway check, a pay-year start, a lump
// sum) and caches monthly pay per table, band, point and FTE in integer
// pence. The drift counterfactual depends only on band, point and FTE and is
// shared too.
package projection
