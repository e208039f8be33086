// Package dataset reads and validates a dataset folder: the CSV files that
// describe a pay structure (bands.csv, increments.csv) and its optional
// census (staff.csv), price indices (inflation.csv: one series, or several
// named in a series column, with forecast rows marked), employer on-costs
// (oncosts.csv) and wage floors (floors.csv). It is the only package that knows these file formats; it
// produces a paystructure.Dataset.
//
// # What is accepted
//
// Files are UTF-8 CSV as Excel and LibreOffice export them: a leading
// byte-order mark, CRLF line endings, CR line endings (Excel's "CSV
// (Macintosh)") and quoted fields are all fine. A line may end in LF, CRLF
// or a lone CR, even within one file; a lone CR inside a quoted field is
// read as an LF (a line break in the cell). Lines are numbered by these
// line ends. Headers
// are matched case-insensitively, ignoring surrounding spaces, in any order.
// Rows whose every cell is blank (which spreadsheets export below a table)
// are skipped.
// Each file must be a regular file or a link to one. A file that is
// present but is a link to a missing file (a share that is not mounted), a
// named pipe, a device or a folder, or that cannot be read, is an error
// naming it, never taken as absent; its mode is checked before it is
// opened, so a named pipe never blocks the read.
// One shared reader (table, over csvReader) does this for every file, so
// the small tables and staff.csv see the same normalised header and the
// same line numbers.
//
// # Workbooks
//
// Any table may come from a worksheet instead (workbook.go): in a folder,
// NAME.xlsx (its first sheet) in place of NAME.csv (both is an error); or
// the whole dataset may be one workbook (LoadWorkbook) whose sheets are
// named like the files without ".csv", in any case. Package xlsx reads
// each cell's stored value exactly, as text (a number as its shortest
// round-trip decimal, a percentage-formatted number as "3.5%", a date as
// ISO); the sheet's rows are then written out as CSV text and go through
// the same reader and checks as a CSV file, so every rule, limit and
// message is the CSV's. The errors are put back in the sheet's cells
// ("census.xlsx: staff!C14: …"), line numbers in messages become rows,
// and the checksum hashes that CSV text. The header may be below a title
// (the first row among the top 20 naming every required column); merged
// cells, hidden rows and hidden columns from the header down, a value to
// the right of the header, a formula without a saved result and a cell
// holding an error such as #N/A are errors naming their cell.
//
// # Errors
//
// Load reports every problem it finds, not just the first, as an ErrorList
// of positioned errors ("increments.csv:14: salary \"25,5x4\": not an amount
// (write 25524 or £25,524.00)"). Messages quote the offending value, never a
// whole row: census rows hold personal data. At most MaxErrorsPerFile errors
// are printed per file, followed by a count of the rest. Things that are
// allowed but worth a look (overlapping bands, a point_date before a
// start_date) become Dataset.Warnings instead.
//
// # The small tables go through gocsv; staff.csv does not
//
// The small tables (bands.csv, increments.csv, inflation.csv, oncosts.csv,
// floors.csv) are decoded by gocsv straight into typed rows: each row's struct tags are
// its file's columns (the schema's list of known columns is read from
// them), and its field types (an amount, a number, a rate, a date, a whole
// number, a progression; see cells.go) parse their cells as gocsv fills
// them. gocsv stops at the first error a field returns, so a cell never
// returns one: it keeps its text and why it is not a value, and the reader
// reports every bad cell with its line, column and value.
//
// A census can have millions of rows, and gocsv reads a whole file into
// memory and reflects on every row. staff.csv is therefore read in one
// streaming pass by csvReader directly (the record reused, the field count
// checked on every row), and each row is added to a paystructure.Census
// group: the people identical in band, point, fte, point_date, cpd_hours and
// every attribute.
//
// Every file is read by csvReader, which gives exactly what an
// encoding/csv Reader gives (records, errors and their lines, and the same
// reads of the file) but splits the lines most files are made of, those
// without a double quote, itself, at about half the cost; any other record
// is read by encoding/csv from its first line. A test compares the two on
// random and malformed input, and FuzzCSVReader goes on looking.
//
// Each distinct raw text of a field is parsed and checked once: a cache maps
// it to its value (or to why it is bad, so a bad value is still reported on
// every line it occurs on) and to a small id shared by equal values ("1" and
// "1.0"). A row then costs the CSV read, a handful of lookups in small maps,
// and its ids packed into a 64-bit key. The keys of rows of count 1 are kept
// (8 bytes a row); once the file is read, each key's ids are replaced by the
// ranks of their values, so that a radix sort of the keys as integers puts
// the rows into their groups in the census's order, and equal neighbours are
// counted. Rows with another count are added up in a map by key, and rows
// whose ids are too many to pack are counted in a map and sorted the general
// way. Apart from the keys, memory grows with the number of distinct values
// and groups, plus 8 bytes per id for the uniqueness check (a 64-bit hash;
// afterwards the hashes are sorted, and ids whose hashes match are compared
// exactly by reading staff.csv again).
//
// # Limits
//
// To fail clearly on files that are not datasets (a binary file renamed
// .csv, a runaway export), no field or line may exceed MaxFieldBytes or
// MaxLineBytes, and no file may have more than MaxRows data rows.
package dataset

// Limits on the input. Anything larger is refused with an error naming the
// file and line.
const (
	// MaxFieldBytes is the longest field accepted, in bytes (64 KiB).
	MaxFieldBytes = 64 << 10
	// MaxLineBytes is the longest physical line accepted, in bytes (64 KiB),
	// not counting its "\n" (a CRLF line's "\r" counts; a line ending in a lone "\r"
	// is counted without it).
	MaxLineBytes = 64 << 10
	// MaxRows is the most data rows (excluding the header) a file may have.
	MaxRows = 10_000_000
	// MaxErrorsPerFile is how many errors are printed for one file before
	// "… and N more errors in FILE".
	MaxErrorsPerFile = 100
)

// The files of a dataset.
const (
	BandsFile      = "bands.csv"
	IncrementsFile = "increments.csv"
	StaffFile      = "staff.csv"
	InflationFile  = "inflation.csv"
	OnCostsFile    = "oncosts.csv"
	FloorsFile     = "floors.csv"
)
