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

demo: build
	./$(BIN) demo

clean:
	rm -rf bin
