package report

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestModelKnowsNoPayDomain keeps the model and its PDF renderer free of the
// pay domain: neither package report nor package report/pdf may depend,
// directly or through another paymodel package, on the packages that compute
// or hold pay figures. Only report/content, which builds documents from
// analysis results, may.
func TestModelKnowsNoPayDomain(t *testing.T) {
	forbidden := []string{"analysis", "projection", "scenario", "inflation", "paystructure", "dataset", "report/content"}
	for _, root := range []string{"paymodel/pkg/report", "paymodel/pkg/report/pdf"} {
		deps := map[string]string{} // package → the package that imports it
		var walk func(pkg string)
		walk = func(pkg string) {
			for _, imp := range imports(t, pkg) {
				if _, seen := deps[imp]; !seen && strings.HasPrefix(imp, "paymodel/") {
					deps[imp] = pkg
					walk(imp)
				}
			}
		}
		walk(root)
		for _, f := range forbidden {
			if by, ok := deps["paymodel/pkg/"+f]; ok {
				t.Errorf("%s depends on paymodel/pkg/%s (imported by %s)", root, f, by)
			}
		}
	}
}

// imports lists what the non-test Go files of a paymodel package import.
func imports(t *testing.T, pkg string) []string {
	t.Helper()
	dir := filepath.Join("..", "..", strings.TrimPrefix(pkg, "paymodel/"))
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	fset := token.NewFileSet()
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range f.Imports {
			p, err := strconv.Unquote(s.Path.Value)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, p)
		}
	}
	return out
}
