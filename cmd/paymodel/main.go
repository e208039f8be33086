// Command paymodel models pay structures: it reads a dataset of pay bands,
// points and (optionally) a workforce census, applies pay offers written as
// scenario files with exact decimal arithmetic, projects careers and costs,
// and writes CSV tables and PDF reports.
//
// Run "paymodel help" for the commands. Exit status: 0 success, 1 failure
// while running, 2 bad input or usage.
//
// The package only wires: flags become the packages' inputs, their results
// are written, and errors (kept structured until here) become a message and
// an exit status. It does no money arithmetic (it does not import decimal)
// and holds no rules; those live in pkg. Each command is a struct holding
// its flags, with Name, Help, Flags and Run (the command interface), in its
// own file: validate.go, compare.go, explain.go, statement.go,
// statements.go, briefing.go; commands() in commands.go lists them in the
// order help shows. main.go wires signals and exit statuses; analyse.go
// (the scenario and costing flags shared by compare, briefing and the
// statements), dataset.go, scenarios.go and output.go hold the wiring the
// commands share; pool.go runs statements on several goroutines, progress.go
// draws the progress bar and gc.go paces the garbage collector.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"paymodel/pkg/outfile"
)

// version is set at build time with -ldflags "-X main.version=…"; otherwise
// it comes from the module's build information.
var version = ""

func main() {
	os.Exit(runWithSignals(os.Args[1:]))
}

// runWithSignals runs paymodel with args as main does, the first SIGINT
// (Ctrl-C) or SIGTERM cancelling the run's context, and returns the exit
// status. The run stops cleanly at its next check (loading a census
// included), removing its temporary files: exit 1, "interrupted". A
// second signal ends the program at once, with status 1, whatever it is
// doing, except that it lets a batch of reports being put in place finish
// (outfile.StopCommits; renames take milliseconds), waiting at most two
// seconds, so that it never leaves some reports new and others old.
//
// One goroutine receives both signals from one buffered channel that stays
// registered until the program exits. (signal.NotifyContext, with its stop
// called after the first signal to restore the default action, left a
// window in which a second signal went to a channel nobody read any more,
// and was lost.)
func runWithSignals(args []string) int {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sigs
		cancel()
		<-sigs
		stopped := make(chan struct{})
		go func() {
			outfile.StopCommits()
			close(stopped)
		}()
		select {
		case <-stopped:
		case <-time.After(2 * time.Second):
		}
		fmt.Fprintln(os.Stderr, "paymodel: interrupted again; stopped at once (temporary files named .*.tmp may be left beside the reports)")
		os.Exit(exitFailure)
	}()
	return run(ctx, args, os.Stdout, os.Stderr)
}

// run executes one paymodel command and returns the process exit status. It
// never panics: a panic is turned into exit 1 with a request to report it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "paymodel: internal error: %v\n", r)
			fmt.Fprintln(stderr, "This is a bug in paymodel, not in your data. Please report it with the command you ran and this message.")
			if os.Getenv("PAYMODEL_DEBUG") != "" {
				fmt.Fprintf(stderr, "%s\n", debug.Stack())
			}
			code = exitFailure
		}
	}()
	env := &env{ctx: ctx, stdout: stdout, stderr: stderr, isTerminal: isTerminal(stderr)}
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 {
			if c := lookup(rest[0]); c != nil {
				fs := flagSet(c)
				fs.SetOutput(stdout)
				fs.Usage()
				return exitOK
			}
		}
		usage(stdout)
		return exitOK
	case "version", "--version":
		fmt.Fprintln(stdout, "paymodel", buildVersion())
		return exitOK
	}
	c := lookup(name)
	if c == nil {
		fmt.Fprintf(stderr, "paymodel: unknown command %q\n", name)
		usage(stderr)
		return exitUsage
	}
	err := runCommand(env, c, rest)
	return exitStatus(stderr, err)
}

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// errHelp is returned when the user asked for a command's help: exit 0.
var errHelp = errors.New("help requested")

// inputError marks errors caused by bad input or usage (exit 2).
type inputError struct{ err error }

func (e inputError) Error() string { return e.err.Error() }
func (e inputError) Unwrap() error { return e.err }

// badInput wraps err so that it exits with status 2.
func badInput(err error) error {
	if err == nil {
		return nil
	}
	return inputError{err}
}

func usageErrorf(format string, args ...any) error {
	return inputError{fmt.Errorf(format, args...)}
}

func exitStatus(stderr io.Writer, err error) int {
	if err == nil || errors.Is(err, errHelp) {
		return exitOK
	}
	var in inputError
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "paymodel: interrupted; no reports were written")
		return exitFailure
	}
	fmt.Fprintf(stderr, "paymodel: %v\n", err)
	// An output file that is a folder is a usage error: --out names a
	// place that cannot take the reports.
	var target *outfile.TargetError
	if errors.As(err, &in) || errors.As(err, &target) {
		return exitUsage
	}
	return exitFailure
}

func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}
