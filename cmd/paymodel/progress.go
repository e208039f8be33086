package main

import (
	"fmt"
	"strings"
)

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
