package main

import (
	"errors"
	"testing"

	"paymodel/pkg/scenario"
)

// TestParseScenariosStructured: problems in several scenario files print as
// one list under a heading, and stay structured: a usage error (exit 2)
// whose scenario.ErrorList errors.As finds.
func TestParseScenariosStructured(t *testing.T) {
	_, err := parseScenarios([]scenarioFile{
		{name: "a.toml", src: []byte("name = \"A\"\nyears = \"ten\"\n")},
		{name: "ok.toml", src: []byte("name = \"OK\"\n")},
		{name: "b.toml", src: []byte("name = \"B\"\nyears = 0\n")},
	})
	if err == nil {
		t.Fatal("no error")
	}
	var list scenario.ErrorList
	if !errors.As(err, &list) || len(list) == 0 || list[0].File != "a.toml" || list[0].Line != 2 {
		t.Fatalf("errors.As does not find a.toml's positioned problems in %#v", err)
	}
	var in inputError
	if !errors.As(err, &in) {
		t.Errorf("not a usage error: %#v", err)
	}
	want := "scenario files are not valid:\n" +
		"a.toml:2:9: years: \"ten\" is a string; write a whole number\n" +
		"b.toml:2:9: years: 0 is out of range (write 1 to 50)"
	if err.Error() != want {
		t.Errorf("got\n%s\nwant\n%s", err, want)
	}
}
