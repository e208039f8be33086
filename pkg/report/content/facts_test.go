package content_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"paymodel/pkg/analysis"
	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/report/content"
)

// TestWriteFacts pins the key facts paymodel statement prints, worked by
// hand from the probation sample under Current and the employer's 4% offer
// from 2025-04-01 (the pension on-cost is 29.6%):
//   - Band 3 point 2 at 0.6 FTE: £27,769 × 0.6 = £16,661.40; entry £26,475,
//     top £31,650, so (27,769 − 26,475) / 5,175 = 25.0% through; the points
//     step every 1 April from 2026 to the top (point 5) on 2028-04-01, 3
//     years; pension 29.6% × £16,661.40 = £4,931.77, total £21,593.17; the
//     offer makes each point 4% more, to the pound (£28,880, £30,224, £31,570,
//     £32,916).
//   - P000106, at the top of Band 4 (£42,000, 1 FTE): pension £12,432, total
//     £54,432, £43,680 under the offer.
//   - Band 3 point 1 at 1 FTE (£26,475, 0% through): up a point each 1 April
//     from 2026 to the top on 2029-04-01, 4 years; pension 29.6% × £26,475
//     = £7,836.60, total £34,311.60; under the offer 26,475 × 1.04 =
//     £27,534, then the points above as in the first case.
//
// The sample's increments.csv marks Band 3 points 2–4 illustrative and
// points 1 and 5 (the PQiP salary and the maximum) published, so the first
// member's salary carries a † and the note follows; the third's salary is
// published but the points on their way to the top are not, so only the
// note; the second, at a published top, has neither.
func TestWriteFacts(t *testing.T) {
	r := mustSample(t)
	tls := []*paystructure.Timeline{r.Timelines[0]}
	for _, tl := range r.Timelines {
		if tl.Scenario == "Employer offer 2025/26" {
			tls = append(tls, tl)
		}
	}
	if len(tls) != 2 {
		t.Fatalf("the sample has no Employer offer 2025/26")
	}
	ms, err := analysis.NewMembers(r.Dataset, tls, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		p    *paystructure.Person
		want string
	}{
		{&paystructure.Person{Band: "Band 3", Point: "2", FTE: decimal.RequireFromString("0.6"), Count: 1}, `Member: Band 3 point 2 (2 of 5)
  full-time salary £27,769 †; pay at 0.60 FTE £16,661.40; 25.0% of the way through the band
  next move under Current: Band 3 point 3 on 2026-04-01
  reaches the top on 2028-04-01 (3.00 years)
  total reward £21,593.17 (with employer pension £4,931.77)
  Current                                          £27,769    £29,062    £30,356    £31,650    £31,650
  Employer offer 2025/26                           £28,880    £30,224    £31,570    £32,916    £32,916
  † Some of your salaries here are illustrative or derived points, or worked out from one, not published figures: see the dataset's README.
`},
		{&paystructure.Person{Band: "Band 3", Point: "1", FTE: decimal.NewFromInt(1), Count: 1}, `Member: Band 3 point 1 (1 of 5)
  full-time salary £26,475; pay at 1.00 FTE £26,475; 0.0% of the way through the band
  next move under Current: Band 3 point 2 on 2026-04-01
  reaches the top on 2029-04-01 (4.00 years)
  total reward £34,311.60 (with employer pension £7,836.60)
  Current                                          £26,475    £27,769    £29,062    £30,356    £31,650
  Employer offer 2025/26                           £27,534    £28,880    £30,224    £31,570    £32,916
  † Some of your salaries here are illustrative or derived points, or worked out from one, not published figures: see the dataset's README.
`},
		{&paystructure.Person{ID: "P000106", Name: "Дмитрий Смирнова", Band: "Band 4", Point: "5",
			FTE: decimal.NewFromInt(1), PointDate: calendar.MustParse("2024-04-01"), Count: 1}, `Дмитрий Смирнова (P000106): Band 4 point 5 (5 of 5)
  full-time salary £42,000; pay at 1.00 FTE £42,000; 100.0% of the way through the band
  at the top of Band 4
  total reward £54,432 (with employer pension £12,432)
  Current                                          £42,000    £42,000    £42,000    £42,000    £42,000
  Employer offer 2025/26                           £43,680    £43,680    £43,680    £43,680    £43,680
`},
	} {
		m, err := ms.Member(c.p)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		if err := content.WriteFacts(&b, m); err != nil {
			t.Fatal(err)
		}
		if b.String() != c.want {
			t.Errorf("got\n%s\nwant\n%s", b.String(), c.want)
		}
	}
}
