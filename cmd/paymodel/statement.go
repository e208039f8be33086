package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/shopspring/decimal"

	"paymodel/pkg/analysis"
	"paymodel/pkg/calendar"
	"paymodel/pkg/dataset"
	"paymodel/pkg/money"
	"paymodel/pkg/outfile"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/report"
	"paymodel/pkg/report/content"
	"paymodel/pkg/report/pdf"
)

// statementSetup is what every statement of a run shares.
type statementSetup struct {
	ds      *paystructure.Dataset
	members *analysis.Members
	meta    report.Meta
}

func newStatementSetup(e *env, f *compareFlags, cmd string, args []string, redact bool) (*statementSetup, *source, error) {
	arg, err := datasetArg(cmd, args)
	if err != nil {
		return nil, nil, err
	}
	src, ds, tls, err := f.loadTimelines(e, arg)
	if err != nil {
		return nil, nil, err
	}
	ms, err := analysis.NewMembers(ds, tls, redact)
	if err != nil {
		return nil, nil, err
	}
	return &statementSetup{ds: ds, members: ms, meta: docMeta(ds, "Member pay statement")}, src, nil
}

// member projects one person under every timeline.
func (s *statementSetup) member(p *paystructure.Person) (*analysis.Member, error) {
	m, err := s.members.Member(p)
	if errors.Is(err, analysis.ErrNotInStructure) {
		return nil, badInput(err)
	}
	return m, err
}

// statementFile returns a safe file name for a person's statement: the id
// when it is made only of letters, digits, '-', '_' and '.', otherwise a
// hash of it. Ids that look like paths are refused.
func statementFile(p *paystructure.Person) (string, error) {
	id := p.ID
	if id == "" {
		id = fmt.Sprintf("row-%d", p.Line)
	}
	if strings.ContainsAny(id, `/\`) || strings.Contains(id, "..") {
		return "", badInput(fmt.Errorf(`staff.csv:%d: id %q would make a file outside the output folder (ids must not contain "/", "\" or "..")`, p.Line, id))
	}
	safe := id != "" && len(id) <= 64 && !strings.HasPrefix(id, ".") && !strings.HasPrefix(id, "-")
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			safe = false
		}
	}
	if safe {
		return "statement-" + id + ".pdf", nil
	}
	sum := sha256.Sum256([]byte(id))
	return "statement-id-" + hex.EncodeToString(sum[:])[:16] + ".pdf", nil
}

func init() {
	commands = append(commands, &command{
		name:    "statement",
		args:    "[DATASET] (--id ID | --band B --point P [--point-date D] [--fte F] [--cpd-hours H]) [--out FILE]",
		summary: "write one member's pay statement (PDF) and print its key facts",
		detail: `A statement shows where a member sits in their band (point k of n, salary,
pay at their FTE, how far through the band), when they next progress and
the CPD it needs, years to the top, their salary and pay for the next pay
years under Current and each offer, and their total reward where the
dataset has an employer pension on-cost.
Pick the member from the census with --id, or describe them with --band and
--point. The file is readable by its owner only (0600).`,
		setup: func(fs *flag.FlagSet, e *env) func([]string) error {
			var f compareFlags
			f.declareScenarios(fs)
			id := fs.String("id", "", "census `ID` of the member")
			band := fs.String("band", "", "band of a member not in the census")
			point := fs.String("point", "", "point of a member not in the census")
			pointDate := fs.String("point-date", "", "`DATE` they reached the point (default: the start date)")
			fte := fs.String("fte", "1", "full-time equivalent, 0 < FTE ≤ 1")
			cpd := fs.String("cpd-hours", "", "CPD `HOURS` a year (default: not recorded, meets every requirement)")
			out := fs.String("out", "", "output `FILE` (default reports/<dataset>/statement-<id>.pdf)")
			redact := fs.Bool("redact", false, "leave the member's name out of the statement")
			return func(args []string) error {
				if (*id == "") == (*band == "" || *point == "") {
					return usageErrorf("statement: give either --id, or --band and --point (see paymodel statement --help)")
				}
				if err := checkOutFile("statement", *out); err != nil {
					return err
				}
				s, src, err := newStatementSetup(e, &f, "statement", args, *redact)
				if err != nil {
					return err
				}
				var person *paystructure.Person
				if *id != "" {
					if s.ds.Census == nil {
						return usageErrorf("statement: --id %q: dataset %s has no census (staff.csv)", *id, s.ds.Name)
					}
					errFound := errors.New("found")
					err := dataset.EachPerson(src.fsys, s.ds, func(p *paystructure.Person) error {
						if p.ID == *id {
							cp := *p
							cp.Attributes = append([]string(nil), p.Attributes...)
							person = &cp
							return errFound
						}
						return nil
					})
					if err != nil && !errors.Is(err, errFound) {
						return err
					}
					if person == nil {
						return usageErrorf("statement: no one with id %q in %s's staff.csv", *id, s.ds.Name)
					}
				} else {
					person, err = describedPerson(*band, *point, *pointDate, *fte, *cpd)
					if err != nil {
						return err
					}
				}
				m, err := s.member(person)
				if err != nil {
					return err
				}
				path := *out
				if path == "" {
					name, err := statementFile(person)
					if err != nil {
						return err
					}
					path = filepath.Join("reports", src.name, name)
				}
				if err := src.checkOut("--out", path); err != nil {
					return err
				}
				batch := outfile.NewBatch()
				defer batch.Abort()
				if err := writePDF(batch, path, outfile.PrivateFile, outfile.PrivateDir, content.Statement(m, s.meta)); err != nil {
					return err
				}
				if err := batch.Commit(); err != nil {
					return err
				}
				content.WriteFacts(e.stdout, m)
				fmt.Fprintf(e.stdout, "Wrote %s\n", path)
				return nil
			}
		},
	})
	commands = append(commands, &command{
		name:    "statements",
		args:    "[DATASET] [--out DIR] [--redact]",
		summary: "write a pay statement (PDF) for every member of the census",
		detail: `Writes one statement per census row into DIR (default
reports/<dataset>/statements/), in parallel across the machine's cores,
with a progress bar on stderr when it is a terminal. File names come from
ids (statement-ID.pdf; ids with other characters are hashed); ids that would
make a path outside DIR are refused. Files are readable by their owner only
(0600, folder 0700). Nothing is left behind if the run fails or is
interrupted.`,
		setup: func(fs *flag.FlagSet, e *env) func([]string) error {
			var f compareFlags
			f.declareScenarios(fs)
			out := fs.String("out", "", "output `DIR` (default reports/<dataset>/statements)")
			redact := fs.Bool("redact", false, "leave members' names out of the statements")
			workers := fs.Int("workers", runtime.NumCPU(), "how many statements to render at once")
			return func(args []string) error {
				if *workers < 1 || *workers > maxWorkers {
					return usageErrorf("statements: --workers %d: must be between 1 and %d", *workers, maxWorkers)
				}
				s, src, err := newStatementSetup(e, &f, "statements", args, *redact)
				if err != nil {
					return err
				}
				if s.ds.Census == nil {
					return usageErrorf("statements: dataset %s has no census (staff.csv)", s.ds.Name)
				}
				dir := *out
				if dir == "" {
					dir = filepath.Join("reports", src.name, "statements")
				}
				return writeStatements(e, s, src, dir, *workers)
			}
		},
	})
}

// maxWorkers bounds --workers: each renders a whole document at once.
const maxWorkers = 256

func writeStatements(e *env, s *statementSetup, src *source, dir string, workers int) error {
	// Check every id before writing anything.
	var people []*paystructure.Person
	// File names are compared ignoring case: on Windows and macOS "A1" and
	// "a1" are one file, and one member's statement would replace another's.
	type written struct {
		name string
		line int
	}
	names := map[string]written{}
	err := dataset.EachPerson(src.fsys, s.ds, func(p *paystructure.Person) error {
		name, err := statementFile(p)
		if err != nil {
			return err
		}
		if w, dup := names[strings.ToLower(name)]; dup {
			if w.name != name {
				return badInput(fmt.Errorf("staff.csv:%d: statement file %s would be the same file as %s for line %d on systems that ignore case; ids must differ other than in case", p.Line, name, w.name, w.line))
			}
			return badInput(fmt.Errorf("staff.csv:%d: statement file %s would also be written for line %d", p.Line, name, w.line))
		}
		names[strings.ToLower(name)] = written{name, p.Line}
		cp := *p
		cp.Attributes = nil
		people = append(people, &cp)
		return nil
	})
	if err != nil {
		return err
	}
	renderer, err := pdf.NewRenderer(pdf.Options{Uncompressed: true})
	if err != nil {
		return err
	}
	batch := outfile.NewBatch()
	defer batch.Abort()
	jobs := make(chan *paystructure.Person)
	var done atomic.Int64
	var firstErr error
	var once sync.Once
	var failed atomic.Bool
	fail := func(err error) { once.Do(func() { firstErr = err; failed.Store(true) }) }
	var wg sync.WaitGroup
	workers = max(1, min(workers, len(people))) // --workers 1000000 must not start a million goroutines
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				m, err := s.member(p)
				if err != nil {
					fail(fmt.Errorf("staff.csv:%d: %w", p.Line, err))
					continue
				}
				name, _ := statementFile(p)
				doc := content.Statement(m, s.meta)
				if err := batch.Write(filepath.Join(dir, name), outfile.PrivateFile, outfile.PrivateDir, func(w io.Writer) error {
					return renderer.Write(w, doc)
				}); err != nil {
					fail(err)
					continue
				}
				done.Add(1)
			}
		}()
	}
	progress := newProgress(e, "statements", len(people))
feed:
	for _, p := range people {
		select {
		case <-e.ctx.Done():
			break feed
		case jobs <- p:
		}
		if failed.Load() {
			break
		}
		progress.update(int(done.Load()))
	}
	close(jobs)
	wg.Wait()
	progress.finish(int(done.Load()))
	if err := e.ctx.Err(); err != nil {
		return err
	}
	if firstErr != nil {
		return firstErr
	}
	if err := batch.Commit(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Wrote %d statements into %s\n", len(people), dir)
	return nil
}

// describedPerson builds a person from the statement flags.
func describedPerson(band, point, pointDate, fte, cpd string) (*paystructure.Person, error) {
	p := &paystructure.Person{Band: band, Point: point, Count: 1}
	var err error
	if p.FTE, err = money.ParseNumber(fte); err != nil || !p.FTE.IsPositive() || p.FTE.GreaterThan(decimal.NewFromInt(1)) {
		return nil, usageErrorf("statement: --fte %q: expected a number above 0 and at most 1", fte)
	}
	if pointDate != "" {
		if p.PointDate, err = calendar.Parse(pointDate); err != nil {
			return nil, usageErrorf("statement: --point-date %q: %v", pointDate, err)
		}
	}
	if cpd != "" {
		if p.CPDHours, err = money.ParseNumber(cpd); err != nil {
			return nil, usageErrorf("statement: --cpd-hours %q: %v", cpd, err)
		}
		p.CPDRecorded = true
	}
	return p, nil
}

// progress prints a progress bar on stderr when it is a terminal.
type progress struct {
	e     *env
	label string
	total int
	last  int
}

func newProgress(e *env, label string, total int) *progress {
	return &progress{e: e, label: label, total: total, last: -1}
}

func (p *progress) update(done int) {
	if !p.e.isTerminal || p.total == 0 {
		return
	}
	pct := done * 100 / p.total
	if pct == p.last {
		return
	}
	p.last = pct
	bar := strings.Repeat("█", pct/4) + strings.Repeat("·", 25-pct/4)
	fmt.Fprintf(p.e.stderr, "\r%s %s %3d%% (%d/%d)", p.label, bar, pct, done, p.total)
}

func (p *progress) finish(done int) {
	if !p.e.isTerminal || p.total == 0 {
		return
	}
	p.last = -1
	p.update(done)
	fmt.Fprintln(p.e.stderr)
}
