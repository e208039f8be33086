package scenario

import (
	"strings"
	"testing"
)

// An offer named Current would be indistinguishable from the baseline in
// every table.
func TestCheckRefusesCurrentName(t *testing.T) {
	for _, name := range []string{"Current", "current", " CURRENT "} {
		sc, err := Parse("offer.toml", []byte("name = \""+name+"\"\n"))
		if err != nil {
			t.Fatal(err)
		}
		err = Check([]*Scenario{sc})
		if err == nil || !strings.Contains(err.Error(), "offer.toml:1:") || !strings.Contains(err.Error(), "baseline") {
			t.Errorf("%q: Check = %v, want an error naming the baseline", name, err)
		}
	}
	sc, err := Parse("offer.toml", []byte("name = \"Current offer\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := Check([]*Scenario{sc}); err != nil {
		t.Errorf("Current offer: %v", err)
	}
}
