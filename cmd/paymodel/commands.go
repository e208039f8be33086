package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// command is one paymodel subcommand: a struct whose fields are its flags.
// A command only wires: it turns flags into the packages' inputs, calls
// them, and writes what they return; the rules live in pkg.
type command interface {
	// Name is the word that runs the command ("compare").
	Name() string
	// Help is what paymodel help says about the command.
	Help() help
	// Flags declares the command's flags on fs, bound to its fields.
	Flags(fs *flag.FlagSet)
	// Run runs the command with its positional arguments, once its flags
	// are parsed.
	Run(e *env, args []string) error
}

// help is a command's help text.
type help struct {
	args    string // synopsis of the arguments
	summary string // one line for the command list
	detail  string // paragraphs shown by --help
}

// commands returns a new value of every command, in the order paymodel help
// lists them: the order of the work (check the data, compare offers, explain
// a figure, then the reports for members and campaigners).
func commands() []command {
	return []command{
		&validateCmd{},
		&compareCmd{},
		&solveCmd{},
		&explainCmd{},
		&statementCmd{},
		&statementsCmd{},
		&briefingCmd{},
		&siteCmd{},
	}
}

// lookup returns a new value of the command called name, or nil.
func lookup(name string) command {
	for _, c := range commands() {
		if c.Name() == name {
			return c
		}
	}
	return nil
}

// flagSet returns c's flag set, its flags bound to c, with its usage text.
func flagSet(c command) *flag.FlagSet {
	h := c.Help()
	fs := flag.NewFlagSet("paymodel "+c.Name(), flag.ContinueOnError)
	c.Flags(fs)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "usage: paymodel %s %s\n\n%s\n", c.Name(), h.args, h.summary)
		if h.detail != "" {
			fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(h.detail))
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

// runCommand parses c's flags from args and runs it. --help prints its
// usage on stdout (errHelp: exit 0); a bad flag is a usage error (exit 2).
func runCommand(e *env, c command, args []string) error {
	fs := flagSet(c)
	fs.SetOutput(io.Discard)
	if err := parseInterspersed(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(e.stdout)
			fs.Usage()
			return errHelp
		}
		return usageErrorf("%s: %v (see paymodel %s --help)", c.Name(), err, c.Name())
	}
	return c.Run(e, fs.Args())
}

// env carries what every command needs from the outside world.
type env struct {
	ctx            context.Context
	stdout, stderr io.Writer
	isTerminal     bool
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
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
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-11s %s\n", c.Name(), c.Help().summary)
	}
	fmt.Fprint(w, `
DATASET is a folder of CSV files (see README.md) or the name of a built-in
sample dataset (probation, nhs-afc, teachers); it defaults to probation.

Run "paymodel <command> --help" for a command's flags.
Exit status: 0 success, 1 failure while running, 2 bad input or usage.
`)
}
