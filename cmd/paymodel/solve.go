package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/shopspring/decimal"

	"paymodel/pkg/analysis"
	"paymodel/pkg/money"
	"paymodel/pkg/outfile"
	"paymodel/pkg/report/content"
	"paymodel/pkg/scenario"
	"paymodel/pkg/solve"
)

// solveCmd is paymodel solve: the largest value of a scenario's one "?"
// that a target pays for.
type solveCmd struct {
	opts    compareFlags
	target  string
	measure string
	cost    string
	step    string
	out     string
}

func (*solveCmd) Name() string { return "solve" }

func (*solveCmd) Help() help {
	return help{
		args:    "[DATASET] --scenario FILE --target TARGET [--measure year-1|deal] [--cost total|basic] [--step STEP] [--out FILE] [--years N] [--turnover R]",
		summary: "find the largest value of a scenario's \"?\" whose cost is within a target",
		detail: `FILE is a scenario in which exactly one amount or rate is written "?": an
award's uplift, flat, minimum, maximum or floor_hourly, or a lump sum's
amount ("?%" for a rate where either may be written). TARGET is what the
offer may cost, as its change against Current: an amount ("£37,000,000"),
a rate of Current's cost ("4%"), or another scenario FILE (the change it
costs). The cost is the year-1 change (--measure deal: over the horizon) in
total cost, as cost.csv's total (--cost basic: basic pay alone).

Prints the answer, the largest value on the grid (whole pounds, or 0.01%
for a rate, unless --step says) whose cost is within the target, with its
cost, the target and the cost of the next value up, then the solved offer
beside Current as compare shows it. Writes the scenario with the answer in
place of "?" and a comment stating the target and the cost (default
reports/<dataset>/<FILE>-solved.toml), ready for compare. A target no value
in range meets is bad input (exit 2), with the range that can be reached.`,
	}
}

func (c *solveCmd) Flags(fs *flag.FlagSet) {
	fs.Var(&c.opts.scenarios, "scenario", "the scenario `FILE`, with one value written \"?\" (required)")
	fs.IntVar(&c.opts.years, "years", 0, "horizon in pay `YEARS` (default: the scenario's years, or the target scenario's if longer)")
	c.opts.declareAssumptions(fs)
	fs.StringVar(&c.target, "target", "", "what the offer may cost: an amount (£37,000,000), a rate of Current's cost (4%) or a scenario FILE (required)")
	fs.StringVar(&c.measure, "measure", "year-1", "the cost: year-1 (the first pay year) or deal (the whole horizon)")
	fs.StringVar(&c.cost, "cost", "total", "total (basic pay, lump sums, on-costs and CPD time) or basic (basic pay alone)")
	fs.StringVar(&c.step, "step", "", "the grid of the answer: an amount or a rate (default £1 for an amount, 0.01% for a rate)")
	fs.StringVar(&c.out, "out", "", "the solved scenario `FILE` (default reports/<dataset>/<FILE>-solved.toml)")
}

func (c *solveCmd) Run(e *env, args []string) error {
	arg, err := datasetArg("solve", args)
	if err != nil {
		return err
	}
	if len(c.opts.scenarios) != 1 || c.target == "" {
		return usageErrorf("solve: one --scenario and a --target are required (see paymodel solve --help)")
	}
	var m solve.Measure
	switch c.measure {
	case "year-1":
	case "deal":
		m.WholeDeal = true
	default:
		return usageErrorf("solve: --measure %q: write year-1 or deal", c.measure)
	}
	switch c.cost {
	case "total":
	case "basic":
		m.Basic = true
	default:
		return usageErrorf("solve: --cost %q: write total or basic", c.cost)
	}
	opt, err := c.opts.options("solve")
	if err != nil {
		return err
	}
	if fi, err := os.Stat(c.out); c.out != "" && err == nil && fi.IsDir() {
		return usageErrorf("solve: --out %s is a folder; give the name of the scenario file to write", c.out)
	}
	src, ds, err := loadDataset(e, arg)
	if err != nil {
		return err
	}
	files, err := readScenarios(src, c.opts.scenarios)
	if err != nil {
		return err
	}
	u, err := scenario.ParseUnknown(filepath.ToSlash(files[0].name), files[0].src)
	if err != nil {
		return badInput(fmt.Errorf("scenario file is not valid for solve:\n%w", err))
	}
	p := &solve.Problem{Dataset: ds, Unknown: u, Measure: m, Years: c.opts.years, Options: opt}
	if p.Target, err = c.parseTarget(src); err != nil {
		return err
	}
	if c.step != "" {
		if p.Step, err = parseStep(u, c.step); err != nil {
			return err
		}
	}
	out := c.out
	if out == "" {
		out = filepath.Join("reports", src.name, strings.TrimSuffix(filepath.Base(files[0].name), ".toml")+"-solved.toml")
	}
	if err := src.checkOut("--out", out); err != nil {
		return err
	}
	if in, err1 := os.Stat(files[0].name); err1 == nil {
		if o, err2 := os.Stat(out); err2 == nil && os.SameFile(in, o) {
			return usageErrorf("solve: --out %s is the scenario file itself; choose another name", out)
		}
	}
	if err := identifyingAttributes(ds); err != nil {
		return err
	}
	a, err := solve.Solve(e.ctx, p)
	if err != nil {
		var se *analysis.ScenarioError
		var ue *solve.UnreachableError
		var ste *solve.StepError
		var list scenario.ErrorList
		if errors.As(err, &se) || errors.As(err, &ue) || errors.As(err, &ste) || errors.As(err, &list) || errors.Is(err, solve.ErrNoCensus) || errors.Is(err, solve.ErrTargetStart) {
			return badInput(err)
		}
		return err
	}
	for _, w := range a.Result.Warnings {
		fmt.Fprintf(e.stderr, "paymodel: warning: %s\n", w)
	}
	batch := outfile.NewBatch()
	defer batch.Abort()
	text := u.Text(a.Value, content.SolvedComment(a))
	if err := batch.Write(out, outfile.PublicFile, outfile.PublicDir, func(w io.Writer) error {
		_, err := io.WriteString(w, text)
		return err
	}); err != nil {
		return err
	}
	if err := e.ctx.Err(); err != nil {
		return err
	}
	if err := batch.Commit(); err != nil {
		return err
	}
	if err := content.WriteSolveSummary(e.stdout, a); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "\nWrote %s\n", out)
	return nil
}

// parseTarget reads --target: a rate ("4%"), an amount ("£37,000,000") or
// a scenario file.
func (c *solveCmd) parseTarget(src *source) (solve.Target, error) {
	t := strings.TrimSpace(c.target)
	if strings.HasSuffix(t, "%") {
		r, err := money.ParseRate(t)
		if err != nil {
			return solve.Target{}, usageErrorf("solve: --target %q: %v", c.target, err)
		}
		return solve.Target{Share: &r}, nil
	}
	if a, err := money.ParseAmount(t); err == nil {
		return solve.Target{Amount: &a}, nil
	}
	if _, err := os.Stat(t); err != nil && !strings.HasSuffix(t, ".toml") {
		return solve.Target{}, usageErrorf(`solve: --target %q: not an amount (such as "£37,000,000"), a rate of Current's cost (such as "4%%") or a scenario file`, c.target)
	}
	files, err := readScenarios(src, []string{t})
	if err != nil {
		return solve.Target{}, err
	}
	scs, err := parseScenarios(files)
	if err != nil {
		return solve.Target{}, err
	}
	return solve.Target{Offer: scs[0]}, nil
}

// parseStep reads --step: an amount for an amount, a rate for a rate; more
// than zero.
func parseStep(u *scenario.Unknown, s string) (decimal.Decimal, error) {
	parse, want := money.ParseAmount, `an amount such as "£100" or "£0.01"`
	if u.Rate {
		parse, want = money.ParseRate, `a rate such as "0.1%"`
	}
	d, err := parse(s)
	if err != nil || !d.IsPositive() {
		return d, usageErrorf("solve: --step %q: %s is %s, so its step is %s more than zero", s, u.Key, map[bool]string{false: "an amount", true: "a rate"}[u.Rate], want)
	}
	return d, nil
}
