# paymodel — see README.md. Every target works on a fresh clone with only Go installed.
GO      ?= go
BIN     := bin/paymodel
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: build test lint golden fuzz bench demo clean

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/paymodel

test:
	$(GO) test ./...

lint:
	@out=$$(gofmt -l cmd pkg); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

golden:
	$(GO) test ./... -update

# The main job on the built-in probation sample: validation summary, the
# comparison of every shipped offer (CSV tables and comparison.pdf), the
# campaign briefing against NHS Agenda for Change, and three member
# statements. Everything lands in reports/probation/.
DEMO_MEMBERS := P000031 P000139 P000106
demo: build
	./$(BIN) validate probation
	./$(BIN) compare probation
	./$(BIN) briefing probation --compare nhs-afc
	@for id in $(DEMO_MEMBERS); do ./$(BIN) statement probation --id $$id || exit $$?; done

clean:
	rm -rf bin
