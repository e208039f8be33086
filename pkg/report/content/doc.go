// Package content builds what each report contains from the figures of
// package analysis: the CSV tables of a comparison (CompareTables and the
// table builders), the comparison report (Comparison, with its equality
// impact assessment, EqualityImpact, from analysis.PayGaps, and its
// wage-floor and differentials tables from analysis.Real), the campaign
// briefing (Briefing: real terms under every price measure side by side,
// the uplift to restore pay, days worked unpaid, each offer over its deal
// and the points below each wage floor, from analysis.Real; its blocks in
// briefing_real.go), realterms.csv and floors.csv (RealTermsTable,
// FloorsTable), a member's statement (Statement), the side-by-side
// summary paymodel compare prints (WriteCompareSummary), what paymodel
// solve prints and the comment it puts in the solved scenario
// (WriteSolveSummary, SolvedComment, from a solve.Answer) and the key facts
// paymodel statement prints (WriteFacts). It computes no figure of its
// own: every value comes from an analysis.Result, an analysis.Member,
// analysis.Climbs or a solve.Answer and is only arranged here into the cells, tables and
// documents of package report, for report/pdf and the CSV and text writers
// to render.
//
// Every table of census groups' pay (CostTable, DistributionTable,
// EqualityTable, PayGapTable and their counterparts in the comparison PDF
// and the printed summary) shows what the one disclosure policy of
// pkg/analysis allows (Result.Suppression and Result.Equality, from
// analysis.Suppress and analysis.Disclose; the pay gaps' withheld values
// are nil in analysis.PayGaps): blank cells where a group's pay could be
// read off or worked out from the published totals.
package content
