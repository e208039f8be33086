// Package scenarios embeds paymodel's built-in sample datasets (see each
// folder's README.md) so that the binary can run them without the source
// tree: probation, nhs-afc and teachers, each a folder of CSV files with an
// offers/ folder of scenario files.
package scenarios

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
)

//go:embed probation nhs-afc teachers
var files embed.FS

// Datasets returns the names of the built-in datasets, sorted.
func Datasets() []string {
	entries, err := files.ReadDir(".")
	if err != nil {
		panic(err) // the embedded root always exists
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	return names
}

// FS returns the built-in dataset called name as a file system rooted at
// its folder (bands.csv, increments.csv, offers/…).
func FS(name string) (fs.FS, error) {
	if !slices.Contains(Datasets(), name) {
		return nil, fmt.Errorf("no built-in dataset %q (have %v)", name, Datasets())
	}
	return fs.Sub(files, name)
}
