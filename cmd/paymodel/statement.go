package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"paymodel/pkg/analysis"
	"paymodel/pkg/calendar"
	"paymodel/pkg/dataset"
	"paymodel/pkg/money"
	"paymodel/pkg/outfile"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/report"
	"paymodel/pkg/report/content"
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

// statementCmd is paymodel statement: one member's statement PDF and its
// key facts.
type statementCmd struct {
	opts      compareFlags
	id        string
	band      string
	point     string
	pointDate string
	fte       string
	cpd       string
	out       string
	redact    bool
}

func (*statementCmd) Name() string { return "statement" }

func (*statementCmd) Help() help {
	return help{
		args:    "[DATASET] (--id ID | --band B --point P [--point-date D] [--fte F] [--cpd-hours H]) [--out FILE]",
		summary: "write one member's pay statement (PDF) and print its key facts",
		detail: `A statement shows where a member sits in their band (point k of n, salary,
pay at their FTE, how far through the band), when they next progress and
the CPD it needs, years to the top, their salary and pay for the next pay
years under Current and each offer, and their total reward where the
dataset has an employer pension on-cost.
Pick the member from the census with --id, or describe them with --band and
--point. The file is readable by its owner only (0600).`,
	}
}

func (c *statementCmd) Flags(fs *flag.FlagSet) {
	c.opts.declareScenarios(fs)
	fs.StringVar(&c.id, "id", "", "census `ID` of the member")
	fs.StringVar(&c.band, "band", "", "band of a member not in the census")
	fs.StringVar(&c.point, "point", "", "point of a member not in the census")
	fs.StringVar(&c.pointDate, "point-date", "", "`DATE` they reached the point (default: the start date)")
	fs.StringVar(&c.fte, "fte", "1", "full-time equivalent, 0 < FTE ≤ 1")
	fs.StringVar(&c.cpd, "cpd-hours", "", "CPD `HOURS` a year (default: not recorded, meets every requirement)")
	fs.StringVar(&c.out, "out", "", "output `FILE` (default reports/<dataset>/statement-<id>.pdf)")
	fs.BoolVar(&c.redact, "redact", false, "leave the member's name out of the statement")
}

func (c *statementCmd) Run(e *env, args []string) error {
	if (c.id == "") == (c.band == "" || c.point == "") {
		return usageErrorf("statement: give either --id, or --band and --point (see paymodel statement --help)")
	}
	if err := checkOutFile("statement", c.out); err != nil {
		return err
	}
	s, src, err := newStatementSetup(e, &c.opts, "statement", args, c.redact)
	if err != nil {
		return err
	}
	var person *paystructure.Person
	if c.id != "" {
		if person, err = censusPerson(src, s.ds, c.id); err != nil {
			return err
		}
	} else {
		person, err = describedPerson(c.band, c.point, c.pointDate, c.fte, c.cpd)
		if err != nil {
			return err
		}
	}
	m, err := s.member(person)
	if err != nil {
		return err
	}
	path := c.out
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

// censusPerson reads the census for the person with the given id (a copy,
// so that the reader may reuse its rows).
func censusPerson(src *source, ds *paystructure.Dataset, id string) (*paystructure.Person, error) {
	if ds.Census == nil {
		return nil, usageErrorf("statement: --id %q: dataset %s has no census (staff.csv)", id, ds.Name)
	}
	var person *paystructure.Person
	errFound := errors.New("found")
	err := dataset.EachPerson(src.fsys, ds, func(p *paystructure.Person) error {
		if p.ID == id {
			cp := *p
			cp.Attributes = append([]string(nil), p.Attributes...)
			person = &cp
			return errFound
		}
		return nil
	})
	if err != nil && !errors.Is(err, errFound) {
		return nil, err
	}
	if person == nil {
		return nil, usageErrorf("statement: no one with id %q in %s's staff.csv", id, ds.Name)
	}
	return person, nil
}

// describedPerson builds a person from the statement flags.
func describedPerson(band, point, pointDate, fte, cpd string) (*paystructure.Person, error) {
	p := &paystructure.Person{Band: band, Point: point, Count: 1}
	var err error
	if p.FTE, err = dataset.ParseFTE(fte); err != nil {
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
