package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
)

// command is one paymodel subcommand.
type command struct {
	name    string
	args    string // synopsis of the arguments
	summary string // one line for the command list
	detail  string // paragraphs shown by --help
	// setup declares the command's flags on fs and returns the function that
	// runs it with the remaining arguments.
	setup func(fs *flag.FlagSet, e *env) func(args []string) error
}

var commands []*command

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// flags returns a flag set for c with its usage text.
func (c *command) flags(e *env) *flag.FlagSet {
	fs := flag.NewFlagSet("paymodel "+c.name, flag.ContinueOnError)
	c.setup(fs, e)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "usage: paymodel %s %s\n\n%s\n", c.name, c.args, c.summary)
		if c.detail != "" {
			fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(c.detail))
		}
		if hasFlags(fs) {
			fmt.Fprintln(w, "\nflags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

func (c *command) run(e *env, args []string) error {
	fs := flag.NewFlagSet("paymodel "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	runFn := c.setup(fs, e)
	c2 := c.flags(e) // for usage text on error
	if err := parseInterspersed(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			c2.SetOutput(e.stdout)
			c2.Usage()
			return errHelp
		}
		return usageErrorf("%s: %v (see paymodel %s --help)", c.name, err, c.name)
	}
	return runFn(fs.Args())
}

// parseInterspersed parses flags that may come before or after positional
// arguments ("paymodel validate DATA --strict").
func parseInterspersed(fs *flag.FlagSet, args []string) error {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return err
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		if args[0] == "--" {
			positional = append(positional, args[1:]...)
			break
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
	return fs.Parse(append([]string{"--"}, positional...))
}

func usage(w io.Writer) {
	fmt.Fprint(w, `paymodel models pay structures: bands, pay points, offers, careers and costs.

usage: paymodel <command> [arguments]

commands:
`)
	// In the order of the work: check the data, compare offers, explain a
	// figure, then the reports for members and campaigners.
	order := []string{"validate", "compare", "explain", "statement", "statements", "briefing"}
	for _, c := range commands {
		if !slices.Contains(order, c.name) {
			order = append(order, c.name) // a command not placed above
		}
	}
	for _, name := range order {
		if c := lookup(name); c != nil {
			fmt.Fprintf(w, "  %-11s %s\n", c.name, c.summary)
		}
	}
	fmt.Fprint(w, `
DATASET is a folder of CSV files (see README.md) or the name of a built-in
sample dataset (probation, nhs-afc, teachers); it defaults to probation.

Run "paymodel <command> --help" for a command's flags.
Exit status: 0 success, 1 failure while running, 2 bad input or usage.
`)
}
