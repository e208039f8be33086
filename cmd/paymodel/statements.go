package main

import (
	"errors"
	"flag"
	"fmt"
	"hash/maphash"
	"io"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"paymodel/pkg/dataset"
	"paymodel/pkg/outfile"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/report/content"
	"paymodel/pkg/report/pdf"
)

// statementsCmd is paymodel statements: a statement PDF for every member of
// the census.
type statementsCmd struct {
	opts    compareFlags
	out     string
	redact  bool
	workers int
}

func (*statementsCmd) Name() string { return "statements" }

func (*statementsCmd) Help() help {
	return help{
		args:    "[DATASET] [--out DIR] [--redact]",
		summary: "write a pay statement (PDF) for every member of the census",
		detail: `Writes one statement per census row into DIR (default
reports/<dataset>/statements/), in parallel across the machine's cores,
with a progress bar on stderr when it is a terminal. File names come from
ids (statement-ID.pdf; ids with other characters are hashed); ids that would
make a path outside DIR are refused. Files are readable by their owner only
(0600, folder 0700). Nothing is left behind if the run fails or is
interrupted.`,
	}
}

func (c *statementsCmd) Flags(fs *flag.FlagSet) {
	c.opts.declareScenarios(fs)
	fs.StringVar(&c.out, "out", "", "output `DIR` (default reports/<dataset>/statements)")
	fs.BoolVar(&c.redact, "redact", false, "leave members' names out of the statements")
	fs.IntVar(&c.workers, "workers", runtime.NumCPU(), "how many statements to render at once")
}

func (c *statementsCmd) Run(e *env, args []string) error {
	if c.workers < 1 || c.workers > maxWorkers {
		return usageErrorf("statements: --workers %d: must be between 1 and %d", c.workers, maxWorkers)
	}
	s, src, err := newStatementSetup(e, &c.opts, "statements", args, c.redact)
	if err != nil {
		return err
	}
	if s.ds.Census == nil {
		return usageErrorf("statements: dataset %s has no census (staff.csv)", s.ds.Name)
	}
	dir := c.out
	if dir == "" {
		dir = filepath.Join("reports", src.name, "statements")
	}
	return writeStatements(e, s, src, dir, c.workers)
}

// maxWorkers bounds --workers: each renders a whole document at once.
const maxWorkers = 256

// writeStatements checks every census id, then renders every statement into
// dir on workers goroutines, and puts them in place only when all are
// written. The census is read twice: once to check the ids, keeping only
// a hash of each file name (checkStatementNames), and again to render, a member at a time, so that no
// member's details are held while the others are rendered.
func writeStatements(e *env, s *statementSetup, src *source, dir string, workers int) error {
	// Check every id before writing anything.
	seed := maphash.MakeSeed()
	count, err := checkStatementNames(func(f func(*paystructure.Person) error) error {
		return dataset.EachPerson(src.fsys, s.ds, f)
	}, func(name string) uint64 { return maphash.String(seed, name) })
	if err != nil {
		return err
	}
	renderer, err := pdf.NewRenderer()
	if err != nil {
		return err
	}
	batch := outfile.NewBatch()
	defer batch.Abort()
	// The members again, one at a time, as the workers take them.
	var readErr error
	people := func(yield func(*paystructure.Person) bool) {
		err := dataset.EachPerson(src.fsys, s.ds, func(p *paystructure.Person) error {
			cp := *p
			cp.Attributes = nil
			if !yield(&cp) {
				return errStopReading
			}
			return nil
		})
		if err != nil && err != errStopReading {
			readErr = err
		}
	}
	progress := newProgress(e, "statements", count)
	done, err := forEachSeq(e.ctx, people, count, workers, func(p *paystructure.Person) error {
		m, err := s.member(p)
		if err != nil {
			return fmt.Errorf("staff.csv:%d: %w", p.Line, err)
		}
		name, _ := statementFile(p)
		doc := content.Statement(m, s.meta)
		return batch.Write(filepath.Join(dir, name), outfile.PrivateFile, outfile.PrivateDir, func(w io.Writer) error {
			return renderer.Write(w, doc)
		})
	}, progress.update)
	progress.finish(done)
	if err == nil {
		err = readErr
	}
	if err == nil && done != count {
		err = fmt.Errorf("%s: %d members on the second reading, %d on the first: the file changed during the run", dataset.StaffFile, done, count)
	}
	if err != nil {
		return err
	}
	if err := batch.Commit(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Wrote %d statements into %s\n", count, dir)
	return nil
}

// checkStatementNames checks that every member's statement file name can be
// made and that no two members' would be one file, and returns how many
// members each reads. File names are compared ignoring case: on Windows and
// macOS "A1" and "a1" are one file, and one member's statement would replace
// another's. The first reading keeps only a hash of each lower-cased name (8
// bytes a member, not the names); only when two hashes match does it read
// the census again (each) keeping the names whose hash matched, to report
// the first clash exactly or find that the hashes matched by chance.
func checkStatementNames(each func(func(*paystructure.Person) error) error, hash func(string) uint64) (int, error) {
	var hashes []uint64
	err := each(func(p *paystructure.Person) error {
		name, err := statementFile(p)
		if err != nil {
			return err
		}
		hashes = append(hashes, hash(strings.ToLower(name)))
		return nil
	})
	if err != nil {
		return 0, err
	}
	count := len(hashes)
	slices.Sort(hashes)
	matched := map[uint64]bool{}
	for i := 1; i < len(hashes); i++ {
		if hashes[i] == hashes[i-1] {
			matched[hashes[i]] = true
		}
	}
	hashes = nil
	if len(matched) == 0 {
		return count, nil
	}
	type written struct {
		name string
		line int
	}
	names := map[string]written{}
	err = each(func(p *paystructure.Person) error {
		name, err := statementFile(p)
		if err != nil {
			return err
		}
		lower := strings.ToLower(name)
		if !matched[hash(lower)] {
			return nil
		}
		if w, dup := names[lower]; dup {
			if w.name != name {
				return badInput(fmt.Errorf("staff.csv:%d: statement file %s would be the same file as %s for line %d on systems that ignore case; ids must differ other than in case", p.Line, name, w.name, w.line))
			}
			return badInput(fmt.Errorf("staff.csv:%d: statement file %s would also be written for line %d", p.Line, name, w.line))
		}
		names[lower] = written{name, p.Line}
		return nil
	})
	return count, err
}

// errStopReading stops the census's second reading when rendering stops.
var errStopReading = errors.New("stop reading")
