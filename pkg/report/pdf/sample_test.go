package pdf

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/calendar"
	"paymodel/pkg/report"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

var footer = report.Footer{
	Report:   "Pay comparison",
	Dataset:  "NHS AfC 2025/26 — example trust",
	Checksum: "sha256:9f2c4e1ab37d5c60e8f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7",
	Version:  "v0.3.1",
}

// sampleDoc has every kind of block.
func sampleDoc() *report.Document {
	var rows [][]report.Cell
	salary := d("24071")
	for i := 1; i <= 60; i++ {
		rows = append(rows, []report.Cell{
			report.Int(int64(i)),
			report.Text(fmt.Sprintf("Band %d", 2+i/9)),
			report.Money(salary),
			report.Money(salary.Mul(d("1.035")).Round(2)),
			report.Change(salary.Mul(d("0.035")).Round(2)),
			report.PercentChange(d("0.035")),
		})
		salary = salary.Add(d("612.5"))
	}
	years := []string{"2025", "2026", "2027", "2028", "2029", "2030"}
	line := func(start, step string) []report.Cell {
		var out []report.Cell
		v := d(start)
		for range years {
			out = append(out, report.Money(v))
			v = v.Add(d(step))
		}
		return out
	}
	return &report.Document{
		Title:    "Pay comparison: employer offer and union claim",
		Subtitle: "Agenda for Change, bands 2–9 · prepared for the 2025 negotiation",
		Created:  calendar.Date{Year: 2025, Month: 4, Day: 1},
		Footer:   footer,
		Blocks: []report.Block{
			report.Heading{Text: "Summary", Level: 1},
			report.Paragraph{Text: "This report compares the employer’s offer of 3.5% with the union’s claim of £3,000 or 8%, whichever is greater. Figures are annual full-time salaries before tax; every figure matches the CSV tables to the penny.\n\nMembers named in this sample: Zoë Ó Súilleabháin, Łukasz Wójcik, Дмитрий Иванов and Siân Ŵyn."},
			report.KeyFigures{Items: []report.KeyFigure{
				{Label: "Median salary now", Value: report.Money(d("31650")), Note: "Band 5, point 3"},
				{Label: "Offer: median rise", Value: report.Change(d("1107.75")), Note: "3.5%"},
				{Label: "Claim: median rise", Value: report.Change(d("3000")), Note: "flat £3,000"},
				{Label: "Cost of the claim over the offer", Value: report.Money(d("18425300")), Note: "per year, with on-costs"},
				{Label: "Members covered", Value: report.Int(20418)},
			}},
			report.Heading{Text: "Where a member sits in their band", Level: 2},
			report.BandPosition{
				Title: "Band 5", Band: "Band 5", Label: "Zoë Ó Súilleabháin",
				Entry: report.Money(d("29970")), Top: report.Money(d("36483")), Position: report.Money(d("31650")),
				Through: report.Percent(d("0.258")),
				Points:  []report.Cell{report.Money(d("29970")), report.Money(d("31650")), report.Money(d("33500")), report.Money(d("36483"))},
			},
			report.Chart{
				Kind: report.LineChart, Title: "Top of Band 5 under each scenario",
				XLabel: "Pay year (April to March)", YLabel: "Annual salary (£)",
				Categories: years,
				Series: []report.Series{
					{Name: "Employer offer", Values: line("36483", "1100")},
					{Name: "Union claim", Values: line("36483", "2400")},
					{Name: "RPI (real terms)", Values: line("36483", "-600")},
					{Name: "Status quo", Values: append(line("36483", "0")[:4], report.Blank(), report.Blank())},
				},
				Note: "Real terms: 2025 pounds, deflated by RPI forecasts.",
			},
			report.Chart{
				Kind: report.BarChart, Title: "Years to reach the top of each band",
				XLabel: "Band", YLabel: "Years from entry",
				Categories: []string{"Band 2", "Band 3", "Band 4", "Band 5", "Band 6", "Band 7"},
				Series: []report.Series{
					{Name: "Now", Values: []report.Cell{report.Number(d("2"), 1), report.Number(d("2"), 1), report.Number(d("3"), 1), report.Number(d("4"), 1), report.Number(d("4"), 1), report.Number(d("4"), 1)}},
					{Name: "Employer offer", Values: []report.Cell{report.Number(d("2"), 1), report.Number(d("2"), 1), report.Number(d("3"), 1), report.Number(d("6"), 1), report.Number(d("6"), 1), report.Number(d("6"), 1)}},
					{Name: "Union claim", Values: []report.Cell{report.Number(d("1"), 1), report.Number(d("2"), 1), report.Number(d("2"), 1), report.Number(d("2.5"), 1), report.Number(d("3"), 1), report.Number(d("3"), 1)}},
				},
			},
			report.TableBlock{Table: report.Table{
				Title:   "Salary per pay point",
				Columns: []string{"Point", "Band", "Salary 2024/25", "Salary 2025/26 (offer)", "Change", "Change %"},
				Rows:    rows,
				Note:    "The offer rounds each salary to the penny.",
			}},
			report.PageBreak{},
			report.Heading{Text: "Appendix: scenario files", Level: 1},
			report.Verbatim{Title: "scenarios/offer.toml", Text: "name = \"Employer offer\"\n# 3.5% on every point, rounded to the penny\n[[award]]\nfrom = 2025-04-01\nrate = \"3.5%\"\nrounding = \"penny\"\nnote = \"" + strings.Repeat("a very long line that must wrap rather than be cut off ", 3) + "\"\n"},
		},
	}
}
