package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"

	"paymodel/pkg/analysis"
	"paymodel/pkg/paystructure"
	"paymodel/pkg/scenario"
)

// offersDir is where a dataset keeps its scenario files.
const offersDir = "offers"

// scenarioFile is one scenario's text and the name to show in messages.
type scenarioFile struct {
	name string // as given on the command line, or offers/NAME.toml
	src  []byte
}

// readScenarios returns the scenario files named by --scenario, or every
// offers/*.toml file of the dataset when none are named.
func readScenarios(src *source, files []string) ([]scenarioFile, error) {
	var out []scenarioFile
	if len(files) > 0 {
		for _, f := range files {
			b, err := readLimited(func() (io.ReadCloser, error) { return os.Open(f) })
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return nil, usageErrorf("scenario %s: file not found", f)
				}
				return nil, badInput(fmt.Errorf("scenario %s: %w", f, err))
			}
			out = append(out, scenarioFile{name: f, src: b})
		}
		return out, nil
	}
	names, err := fs.Glob(src.fsys, path.Join(offersDir, "*.toml"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	for _, n := range names {
		b, err := readLimited(func() (io.ReadCloser, error) { return src.fsys.Open(n) })
		if err != nil {
			return nil, badInput(fmt.Errorf("scenario %s: %w", n, err))
		}
		out = append(out, scenarioFile{name: n, src: b})
	}
	return out, nil
}

// parseScenarios parses and cross-checks every file, reporting every problem
// in every file together. The problems stay structured (errors.As finds
// each file's scenario.ErrorList) until main prints them.
func parseScenarios(files []scenarioFile) ([]*scenario.Scenario, error) {
	var scs []*scenario.Scenario
	var errs []error
	for _, f := range files {
		sc, err := scenario.Parse(filepath.ToSlash(f.name), f.src)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		scs = append(scs, sc)
	}
	if len(errs) > 0 {
		return nil, badInput(fmt.Errorf("scenario files are not valid:\n%w", errors.Join(errs...)))
	}
	if err := scenario.Check(scs); err != nil {
		return nil, badInput(err)
	}
	return scs, nil
}

// timelines applies every scenario to ds (see analysis.Timelines); a
// scenario that cannot be applied is bad input.
func timelines(ds *paystructure.Dataset, scs []*scenario.Scenario, years int) ([]*paystructure.Timeline, error) {
	tls, err := analysis.Timelines(ds, scs, years)
	return tls, badInput(err)
}

// readLimited reads the file open opens, refusing one of more than
// scenario.MaxFileBytes (1 MiB) before reading it all: a real one is a few
// KiB, and --scenario given a census or /dev/zero must not fill memory.
func readLimited(open func() (io.ReadCloser, error)) ([]byte, error) {
	f, err := open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, scenario.MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > scenario.MaxFileBytes {
		return nil, errors.New("larger than 1 MiB, which no scenario file is (is this the right file?)")
	}
	return b, nil
}
