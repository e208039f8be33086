package content

import (
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/money"
	"paymodel/pkg/report"
	"paymodel/pkg/solve"
)

// SolveTable is the bracket paymodel solve found: the target, the answer
// and the next value up on the grid, each with its cost in the problem's
// measure.
func SolveTable(a *solve.Answer) report.Table {
	u := a.Problem.Unknown
	m := a.Problem.Measure.String()
	t := report.Table{
		Title:   fmt.Sprintf("Solving %s: the largest value on a grid of %s whose cost is within the target", u, u.Written(a.Step)),
		Columns: []string{"", u.Key, strings.ToUpper(m[:1]) + m[1:], ""},
	}
	target := a.TargetOf
	if !a.Target.Equal(money.Penny(a.Target)) {
		target = join(target, "exactly "+signedExact(a.Target))
	}
	t.Rows = append(t.Rows,
		[]report.Cell{report.Text("Target"), report.Blank(), report.Change(a.Target), report.Text(target)},
		[]report.Cell{report.Text("Answer"), report.Text(u.Written(a.Value)), report.Change(a.Cost), report.Text("within the target")})
	if a.Next != nil {
		t.Rows = append(t.Rows, []report.Cell{report.Text("Next value up"), report.Text(u.Written(*a.Next)), report.Change(a.NextCost), report.Text("over the target")})
	} else {
		t.Note = fmt.Sprintf("%s is the largest value allowed; it costs the target exactly.\n", u.Written(a.Value))
	}
	again := "the answer and the next value up were"
	if a.Next == nil {
		again = "the answer was"
	}
	t.Note += fmt.Sprintf("%d model evaluations in the search; then %s costed again as paymodel compare costs them, to check the bracket.", a.Evaluations, again)
	return t
}

// SolvedComment is the line paymodel solve puts at the top of the solved
// scenario: the answer, the target, the measure and the costs, and the
// dataset and assumptions they hold for.
func SolvedComment(a *solve.Answer) string {
	u, cur := a.Problem.Unknown, a.Result.Current()
	s := fmt.Sprintf("Solved by paymodel solve: %s %s is the largest value on a grid of %s whose %s against Current, %s, is within the target %s",
		u.Key, u.Written(a.Value), u.Written(a.Step), a.Problem.Measure, report.Change(a.Cost).Display(), signedExact(a.Target))
	if a.TargetOf != "" {
		s += " (" + a.TargetOf + ")"
	}
	if a.Next != nil {
		s += fmt.Sprintf("; %s would cost %s", u.Written(*a.Next), report.Change(a.NextCost).Display())
	}
	return s + fmt.Sprintf(". Dataset %s (checksum %s), %d years from %s, turnover %s.",
		a.Result.Dataset.Name, a.Result.Dataset.Checksum, cur.Years, cur.Start.First(), money.RateText(a.Problem.Options.Turnover))
}

// signedExact is an amount with its sign and every decimal place it has.
func signedExact(d decimal.Decimal) string {
	if d.Sign() > 0 {
		return "+" + money.AmountText(d)
	}
	return money.AmountText(d)
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// WriteSolveSummary prints what paymodel solve found (SolveTable), who gains
// least and most under the solved offer, then the side-by-side summary of
// the solved offer against Current (WriteCompareSummary).
func WriteSolveSummary(w io.Writer, a *solve.Answer) error {
	if err := report.WriteText(w, SolveTable(a)); err != nil {
		return err
	}
	if f := a.Result.Figures; len(f) > 1 && f[1].SmallestAt != "" {
		s := f[1]
		fmt.Fprintf(w, "Gains least: %s (%s, %s); gains most: %s (%s, %s)\n",
			s.SmallestAt, report.PercentChange(s.SmallestRise).Display(), report.Change(s.SmallestRiseCash).Display(),
			s.LargestAt, report.PercentChange(s.LargestRise).Display(), report.Change(s.LargestRiseCash).Display())
	}
	fmt.Fprintln(w)
	return WriteCompareSummary(w, a.Result)
}
