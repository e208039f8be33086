package scenario

import (
	"strings"

	"paymodel/pkg/calendar"
)

// Check cross-checks the scenarios of one comparison: names must be unique
// and all must share one start (an unset start counts as its own value, the
// dataset's default). A problem is placed where Parse recorded the name
// and start keys; the files are not read again.
func Check(scenarios []*Scenario) error {
	var e errs
	seen := map[string]*Scenario{}
	for _, sc := range scenarios {
		if strings.EqualFold(strings.TrimSpace(sc.Name), "Current") {
			e.at(Pos{File: sc.File, Line: sc.namePos.Line, Col: sc.namePos.Col}, "scenario name %q is the name of the baseline every offer is compared with; give the scenario another name", sc.Name)
			continue
		}
		if prev, dup := seen[sc.Name]; dup {
			e.at(Pos{File: sc.File, Line: sc.namePos.Line, Col: sc.namePos.Col}, "scenario name %q is also used by %s; names must be unique in a comparison", sc.Name, prev.File)
			continue
		}
		seen[sc.Name] = sc
	}
	for _, sc := range scenarios[min(1, len(scenarios)):] {
		first := scenarios[0]
		if sc.Start != first.Start {
			e.at(sc.startPos.orFile(sc.File), "start %s differs from %s in %s; scenarios compared together must share one start", startText(sc.Start), startText(first.Start), first.File)
		}
	}
	return listErr(e.list)
}

func startText(d calendar.Date) string {
	if d.IsZero() {
		return "(the dataset's default)"
	}
	return d.String()
}

func (p Pos) orFile(file string) Pos {
	if p.File == "" {
		return Pos{File: file}
	}
	return p
}
