module paymodel

go 1.26.0

require (
	github.com/BurntSushi/toml v1.6.0
	github.com/gocarina/gocsv v0.0.0-20240520201108-78e41c74b4b1
	github.com/jung-kurt/gofpdf v1.16.2
	github.com/rogpeppe/go-internal v1.14.1
	github.com/shopspring/decimal v1.6.0
	golang.org/x/image v0.47.0
)

require (
	golang.org/x/sys v0.49.0 // indirect
	golang.org/x/tools v0.26.0 // indirect
)
