# paymodel — see README.md. Every target works on a fresh clone with only Go installed.
GO      ?= go
BIN     := bin/paymodel
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: build test lint golden fuzz soak bench bench-go bench-census bench-statements demo clean

# FUZZTIME is how long make fuzz runs each fuzz target. FUZZMINIMIZETIME
# bounds the time spent minimising each new interesting input: 0 turns it
# off. Go's default, 60s, let FuzzCompare spend nearly all its FUZZTIME
# minimising (18 runs in 105 s); even 5s left it 58 runs in 150 s, as the
# whole pipeline finds a new interesting input every few runs; with 0 it
# makes about 300 runs a second. A failing input is still saved as it is.
FUZZTIME ?= 60s
FUZZMINIMIZETIME ?= 0
# SOAK_CASES is how many generated cases make soak runs.
SOAK_CASES ?= 10000
# BENCH_ROWS is the size of the census make bench generates; BENCH_RUNS how
# many times make bench runs each job and its floor (medians are reported).
BENCH_ROWS ?= 1000000
BENCH_RUNS ?= 5

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/paymodel

test:
	$(GO) test ./...

# staticcheck is pinned, and fetched from the Go module proxy by go run.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

lint:
	@out=$$(gofmt -l cmd pkg scenarios); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

golden:
	$(GO) test ./... -update

# The main job on the built-in probation sample: validation summary, the
# comparison of every shipped offer (CSV tables and comparison.pdf), the
# campaign briefing against NHS Agenda for Change, three member
# statements and the member calculator (site/index.html). Everything lands
# in reports/probation/.
DEMO_MEMBERS := P000031 P000139 P000106
# Every fuzz target in the tree, one after another, FUZZTIME each.
fuzz:
	@set -e; for pkg in $$(go list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz' || true); do \
	    echo "fuzz $$pkg $$t ($(FUZZTIME))"; \
	    $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZETIME) $$pkg; \
	  done; \
	done

# The long run of the whole-pipeline property test: SOAK_CASES random valid
# datasets and offers (pkg/propgen) through compare, statement and briefing
# (cmd/paymodel/property_test.go), and through the grouped engine against the
# person-by-person reference (pkg/projection/property_test.go). It reports
# every distinct failure with its seed and keeps the failing case's files.
# Both halves run even when the first fails.
soak:
	@status=0; \
	$(GO) test ./cmd/paymodel -run '^TestPropertySoak$$' -soak.cases $(SOAK_CASES) -timeout 0 -v || status=1; \
	$(GO) test ./pkg/projection -run '^TestPropertySoak$$' -soak.cases $(SOAK_CASES) -timeout 0 -v || status=1; \
	exit $$status

# Benchmarks: the hot paths (testing.B, a few iterations each), then the
# whole-run jobs, each timed against its floor with the ratio printed
# (cmd/benchcompare): compare on a BENCH_ROWS-row census, 5 offers, 10
# years, against plain encoding/csv reading of the same file, and against
# cmd/benchcompare/testdata/paybill.py (Python's decimal; needs python3),
# whose Current basic paybill it checks to the penny; statements for the
# 20,000 members of the sample against writing 20,000 minimal PDFs.
bench: bench-go bench-census bench-statements

bench-go:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 3x ./pkg/...

bench-census: build
	$(GO) run ./cmd/benchcompare -bin $(BIN) -job census -n $(BENCH_ROWS) -runs $(BENCH_RUNS)

bench-statements: build
	$(GO) run ./cmd/benchcompare -bin $(BIN) -job statements -runs $(BENCH_RUNS)

demo: build
	./$(BIN) validate probation
	./$(BIN) compare probation
	./$(BIN) briefing probation --compare nhs-afc
	@for id in $(DEMO_MEMBERS); do ./$(BIN) statement probation --id $$id || exit $$?; done
	./$(BIN) site probation

clean:
	rm -rf bin
