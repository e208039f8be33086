package main

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"paymodel/pkg/outfile"
)

// The statements floor: what writing one statement per member costs at the
// least. writeFloor writes n minimal one-page PDFs, each the text of a
// typical statement (statementText, with the member's id) in Helvetica, the
// standard font every viewer has (nothing embedded), one uncompressed
// content stream, about 6 KB a file; through the same outfile batch
// (temporary file, rename on commit, owner-only files) as paymodel
// statements, on every core. It computes nothing: it is the cost of the
// files themselves, the floor paymodel statements is measured against.

// statementText is the text of a one-page statement of the probation
// sample, as pdftotext gives it (the member's name left out).
const statementText = `Your pay (ID)
Band 2 — Administrative and support staff. Figures from 2025-04-01.
Your point
Full-time salary
Your pay
Through your band
2 of 3
£24,350
£19,480
49.7%
point 2 of Band 2
at 0.80 FTE
Where you are in Band 2
You: £24,350 – 49.7% of the way through Band 2
Entry £23,500
Top £25,210
Under Current you next move up, to Band 2 point 3, on 2025-04-01. You reach the top of your band on
2025-04-01.
Your total reward now
A year
Your pay £19,480
Employer pension contribution (29.6%) £5,766.08
Total reward £25,246.08
Your full-time salary at the start of each pay year
Scenario 2025/26 2026/27 2027/28 2028/29 2029/30
Current £25,210 £25,210 £25,210 £25,210 £25,210
CPD-linked progression (illustrative) £25,966 £25,966 £25,966 £25,966 £25,966
Employer offer 2025/26 £26,218 £26,218 £26,218 £26,218 £26,218
Joint union claim 2025/26 £28,939 £28,939 £28,939 £28,939 £28,939
Napo 2016 pay principles (on the 4% offer) £27,710 £27,710 £27,710 £27,710 £27,710
PSO to PO pathway (illustrative) £26,218 £26,218 £26,218 £26,218 £26,218
Shorter Band 4 (illustrative) £26,218 £26,218 £26,218 £26,218 £26,218
What you are paid in each pay year: Current, and each offer's difference
Scenario 2025/26 2026/27 2027/28 2028/29 2029/30
Current £20,168.04 £20,168.04 £20,168.04 £20,168.04 £20,168.04
CPD-linked progression (illustrative) +£604.80 +£604.80 +£604.80 +£604.80 +£604.80
Employer offer 2025/26 +£806.40 +£806.40 +£806.40 +£806.40 +£806.40
Joint union claim 2025/26 +£2,983.20 +£2,983.20 +£2,983.20 +£2,983.20 +£2,983.20
Napo 2016 pay principles (on the 4% offer) +£1,999.92 +£1,999.92 +£1,999.92 +£1,999.92 +£1,999.92
PSO to PO pathway (illustrative) +£806.40 +£806.40 +£806.40 +£806.40 +£806.40
Shorter Band 4 (illustrative) +£806.40 +£806.40 +£806.40 +£806.40 +£806.40
Pay is your salary × FTE month by month (each month rounded to the penny), plus any one–off payments, with your progression under
each scenario's rules.
Member pay statement
Page 1 of 1
Dataset: probation · checksum ae5b53cd6d74 · paymodel`

// winAnsi replaces the characters of s outside Windows-1252's printable
// ASCII and Latin-1 with their Windows-1252 codes where it has them, "?"
// otherwise, and escapes what a PDF string needs escaped.
func winAnsi(s string) []byte {
	var b []byte
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b = append(b, '\\', byte(r))
		case r >= 32 && r < 127 || r >= 0xA0 && r <= 0xFF:
			b = append(b, byte(r))
		case r == '–':
			b = append(b, 0x96)
		case r == '—':
			b = append(b, 0x97)
		case r == '’':
			b = append(b, 0x92)
		default:
			b = append(b, '?')
		}
	}
	return b
}

// minimalPDF writes a one-page PDF of lines in Helvetica.
func minimalPDF(w io.Writer, lines []string) error {
	var content bytes.Buffer
	content.WriteString("BT /F1 9 Tf 11 TL 51 790 Td\n")
	for _, l := range lines {
		content.WriteByte('(')
		content.Write(winAnsi(l))
		content.WriteString(") '\n")
	}
	content.WriteString("ET\n")

	var b bytes.Buffer
	var offsets []int
	obj := func(body string) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offsets), body)
	}
	b.WriteString("%PDF-1.4\n")
	obj("<</Type /Catalog /Pages 2 0 R>>")
	obj("<</Type /Pages /Kids [3 0 R] /Count 1>>")
	obj("<</Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources <</Font <</F1 4 0 R>>>> /Contents 5 0 R>>")
	obj("<</Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding>>")
	obj(fmt.Sprintf("<</Length %d>>\nstream\n%sendstream", content.Len(), content.Bytes()))
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d /Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	_, err := w.Write(b.Bytes())
	return err
}

// writeFloor writes n minimal statements into dir, as paymodel statements
// writes its files.
func writeFloor(dir string, n int) error {
	lines := strings.Split(statementText, "\n")
	batch := outfile.NewBatch()
	defer batch.Abort()
	jobs := make(chan int)
	errs := make(chan error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Go(func() {
			mine := append([]string(nil), lines...)
			for i := range jobs {
				id := fmt.Sprintf("P%06d", i)
				mine[0] = "Your pay (" + id + ")"
				err := batch.Write(filepath.Join(dir, "statement-"+id+".pdf"), outfile.PrivateFile, outfile.PrivateDir, func(w io.Writer) error {
					return minimalPDF(w, mine)
				})
				if err != nil {
					errs <- err
					return
				}
			}
		})
	}
	var err error
	for i := 1; i <= n && err == nil; i++ {
		select {
		case jobs <- i:
		case err = <-errs:
		}
	}
	close(jobs)
	wg.Wait()
	if err != nil {
		return err
	}
	select {
	case err := <-errs:
		return err
	default:
	}
	return batch.Commit()
}
