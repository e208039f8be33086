package content

import (
	"bytes"
	"testing"

	"github.com/shopspring/decimal"

	"paymodel/pkg/report"
	"paymodel/pkg/scenario"
	"paymodel/pkg/solve"
)

// SolveTable shows the bracket; the note says when the answer is the
// largest value allowed, and a target with fractions of a penny (a share of
// Current's cost) is shown exactly beside its penny figure.
func TestSolveTable(t *testing.T) {
	u, err := scenario.ParseUnknown("offer.toml", []byte("name = \"Offer\"\n\n[[award]]\nfrom = 2025-04-01\nuplift = \"?\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	d := decimal.RequireFromString
	next := d("0.0501")
	tests := []struct {
		name   string
		answer solve.Answer
		want   string
	}{
		{
			name: "bracket",
			answer: solve.Answer{Step: d("0.0001"), Value: d("0.05"), Cost: d("9999.6"), Target: d("8000.016"), TargetOf: "4% of Current's year-1 total cost",
				Next: &next, NextCost: d("10020"), Evaluations: 21},
			want: `Solving uplift (award 1, offer.toml:5): the largest value on a grid of 0.01% whose cost is within the target
               uplift  Year-1 change in total cost
Target                                  +£8,000.02  4% of Current's year-1 total cost; exactly +£8,000.016
Answer         5%                       +£9,999.60  within the target
Next value up  5.01%                      +£10,020  over the target
21 model evaluations in the search; then the answer and the next value up were costed again as paymodel compare costs them, to check the bracket.
`,
		},
		{
			name:   "the largest value allowed",
			answer: solve.Answer{Step: d("0.0001"), Value: d("10"), Cost: d("1999999.2"), Target: d("1999999.2"), Evaluations: 18},
			want: `Solving uplift (award 1, offer.toml:5): the largest value on a grid of 0.01% whose cost is within the target
        uplift  Year-1 change in total cost
Target                       +£1,999,999.20
Answer  1000%                +£1,999,999.20  within the target
1000% is the largest value allowed; it costs the target exactly.
18 model evaluations in the search; then the answer was costed again as paymodel compare costs them, to check the bracket.
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.answer
			a.Problem = &solve.Problem{Unknown: u}
			var b bytes.Buffer
			if err := report.WriteText(&b, SolveTable(&a)); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", b.String(), tt.want)
			}
		})
	}
}
