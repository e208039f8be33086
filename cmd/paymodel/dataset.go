package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"paymodel/pkg/dataset"
	"paymodel/pkg/paystructure"
	"paymodel/scenarios"
)

// defaultDataset is the built-in sample used when no DATASET is given.
const defaultDataset = "probation"

// source is a dataset's files, wherever they come from.
type source struct {
	name    string // for reports: the folder's base name or the built-in name
	fsys    fs.FS
	builtin bool
	dir     string // the folder on disk; "" for a built-in dataset
	book    string // the workbook in dir that is the dataset, or ""
}

// checkOut refuses an output file that is one of the dataset's own files
// (briefing --out DATA/bands.csv would replace the user's data with a PDF).
// Only the files a dataset is read from count: a report written into the
// dataset's folder by an earlier run may be replaced like any other.
func (s *source) checkOut(flag, path string) error {
	if s.dir == "" {
		return nil
	}
	out, err := os.Stat(path)
	if err != nil {
		return nil // does not exist yet, so it is not an input
	}
	var names []string
	if s.book != "" {
		names = append(names, s.book)
	}
	for _, name := range []string{dataset.BandsFile, dataset.IncrementsFile, dataset.StaffFile, dataset.InflationFile, dataset.OnCostsFile} {
		names = append(names, name, strings.TrimSuffix(name, ".csv")+".xlsx")
	}
	for _, name := range names {
		if in, err := os.Stat(filepath.Join(s.dir, name)); err == nil && os.SameFile(in, out) {
			return usageErrorf("%s %s is the dataset's own file %s; choose another output file", flag, path, name)
		}
	}
	return nil
}

// openSource resolves a DATASET argument: an existing folder, an .xlsx
// workbook (its scenarios in offers/ beside it), or the name of a built-in
// sample.
func openSource(arg string) (*source, error) {
	if arg == "" {
		arg = defaultDataset
	}
	if fi, err := os.Stat(arg); err == nil {
		if !fi.IsDir() {
			if ext := filepath.Ext(arg); strings.EqualFold(ext, ".xlsx") {
				dir, book := filepath.Split(arg)
				if dir == "" {
					dir = "."
				}
				return &source{name: strings.TrimSuffix(book, ext), fsys: dataset.Workbook(os.DirFS(dir), book), dir: dir, book: book}, nil
			}
			return nil, usageErrorf("%s: a dataset is a folder of CSV files or an .xlsx workbook, not another file", arg)
		}
		abs, _ := filepath.Abs(arg)
		return &source{name: filepath.Base(abs), fsys: os.DirFS(arg), dir: arg}, nil
	}
	if fsys, err := scenarios.FS(arg); err == nil {
		return &source{name: arg, fsys: fsys, builtin: true}, nil
	}
	return nil, usageErrorf("%s: no such folder, and not a built-in dataset (built-in: %s)", arg, strings.Join(scenarios.Datasets(), ", "))
}

// load reads and validates the dataset, printing warnings to stderr. An
// interrupt (e.ctx done) stops it part way, reading a census included.
func (s *source) load(e *env) (*paystructure.Dataset, error) {
	ds, err := dataset.LoadContext(e.ctx, s.fsys, s.name)
	if err != nil {
		if errors.Is(err, e.ctx.Err()) {
			return nil, err // interrupted: exit 1
		}
		var list dataset.ErrorList
		if errors.As(err, &list) {
			return nil, badInput(fmt.Errorf("dataset %s is not valid:\n%w", s.name, err))
		}
		return nil, badInput(err)
	}
	for _, w := range ds.Warnings {
		fmt.Fprintf(e.stderr, "paymodel: warning: %s\n", w)
	}
	return ds, nil
}

// loadDataset opens and loads the dataset named by arg ("" for the default).
func loadDataset(e *env, arg string) (*source, *paystructure.Dataset, error) {
	src, err := openSource(arg)
	if err != nil {
		return nil, nil, err
	}
	ds, err := src.load(e)
	if err != nil {
		return nil, nil, err
	}
	return src, ds, nil
}

// datasetArg returns the single optional DATASET positional argument.
func datasetArg(cmd string, args []string) (string, error) {
	switch len(args) {
	case 0:
		return "", nil
	case 1:
		return args[0], nil
	}
	return "", usageErrorf("%s: expected at most one DATASET, got %d arguments (%s)", cmd, len(args), strings.Join(args, " "))
}
