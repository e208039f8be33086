package pdf

import (
	"io"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"paymodel/pkg/calendar"
	"paymodel/pkg/report"
)

// statementDoc is a typical one-page member statement.
func statementDoc(name string) *report.Document {
	years := []string{"2025", "2026", "2027", "2028", "2029"}
	return &report.Document{
		Title:    "Your pay under the 2025 offer",
		Subtitle: name + " · Band 5 · staff number 004217",
		Created:  calendar.Date{Year: 2025, Month: 4, Day: 1},
		Footer:   report.Footer{Report: "Member statement", Dataset: footer.Dataset, Checksum: footer.Checksum, Version: footer.Version},
		Blocks: []report.Block{
			report.KeyFigures{Items: []report.KeyFigure{
				{Label: "Your salary now", Value: report.Money(d("31650")), Note: "full-time equivalent"},
				{Label: "Under the offer", Value: report.Money(d("32757.75")), Note: "from 1 April 2025"},
				{Label: "Under the claim", Value: report.Money(d("34650"))},
				{Label: "Difference a year", Value: report.Change(d("1892.25")), Note: "claim over offer"},
			}},
			report.BandPosition{
				Title: "Where you are in Band 5", Band: "Band 5", Label: "You",
				Entry: report.Money(d("29970")), Top: report.Money(d("36483")), Position: report.Money(d("31650")),
				Through: report.Percent(d("0.258")),
			},
			report.TableBlock{Table: report.Table{
				Title:   "Your salary year by year",
				Columns: []string{"Year", "Offer", "Claim", "Difference"},
				Rows: [][]report.Cell{
					{report.Text("2025/26"), report.Money(d("32757.75")), report.Money(d("34650")), report.Change(d("1892.25"))},
					{report.Text("2026/27"), report.Money(d("34890.10")), report.Money(d("37120")), report.Change(d("2229.90"))},
					{report.Text("2027/28"), report.Money(d("36483")), report.Money(d("38900")), report.Change(d("2417"))},
					{report.Text("2028/29"), report.Money(d("37760")), report.Money(d("40250")), report.Change(d("2490"))},
					{report.Text("2029/30"), report.Money(d("39081.60")), report.Money(d("41650")), report.Change(d("2568.40"))},
				},
			}},
			report.Chart{
				Kind: report.LineChart, Title: "Your salary", XLabel: "Pay year starting April", YLabel: "Annual salary (£)",
				Categories: years,
				Series: []report.Series{
					{Name: "Offer", Values: []report.Cell{report.Money(d("32757.75")), report.Money(d("34890.10")), report.Money(d("36483")), report.Money(d("37760")), report.Money(d("39081.60"))}},
					{Name: "Claim", Values: []report.Cell{report.Money(d("34650")), report.Money(d("37120")), report.Money(d("38900")), report.Money(d("40250")), report.Money(d("41650"))}},
				},
			},
			report.Paragraph{Text: "These figures are before tax and pension contributions. They assume you stay in your post and progress as the pay structure says."},
		},
	}
}

// memberNames are 1,000 names whose letters differ from one to the next,
// as members' names do, so that each statement's title needs its own
// subset of the bold face.
func memberNames() []string {
	const letters = "abcdefghijklmnopqrstuvwxyzéëóúłŵ"
	rs := []rune(letters)
	names := make([]string, 1000)
	for i := range names {
		var b strings.Builder
		b.WriteString("Member ")
		for j, v := 0, i*7919+13; j < 8; j, v = j+1, v/3+i {
			b.WriteRune(rs[v%len(rs)])
		}
		names[i] = b.String()
	}
	return names
}

// BenchmarkStatement renders one-page statements on every core, as the
// statements command does, each with another member's name, and reports
// statements per second.
func BenchmarkStatement(b *testing.B) {
	r, err := NewRenderer()
	if err != nil {
		b.Fatal(err)
	}
	names := memberNames()
	docs := make([]*report.Document, len(names))
	for i, name := range names {
		docs[i] = statementDoc(name)
	}
	var next atomic.Int64
	b.ReportAllocs()
	start, cpu0 := time.Now(), cpuTime()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := r.Write(io.Discard, docs[next.Add(1)%int64(len(docs))]); err != nil {
				b.Error(err)
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "statements/s")
	// CPU time per statement does not depend on what else the machine is
	// doing: cores ÷ this is the rate on an idle machine.
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(cpu.Seconds()*1000/float64(b.N), "cpu-ms/statement")
	}
}

// TestStatementThroughput renders 2,000 statements across all cores and
// fails if, by the CPU time they took, 20,000 would need more than 30 s on
// this machine's cores. CPU time is used rather than the clock so that the
// test does not fail when other work shares the machine; the wall-clock
// rate is logged.
func TestStatementThroughput(t *testing.T) {
	if testing.Short() {
		t.Skip("throughput test skipped in -short mode")
	}
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	const n = 2000
	docs := []*report.Document{statementDoc("Zoë Ó Súilleabháin"), statementDoc("Дмитрий Иванов")}
	jobs := make(chan int)
	var wg sync.WaitGroup
	cores := runtime.GOMAXPROCS(0)
	start, cpu0 := time.Now(), cpuTime()
	for w := 0; w < cores; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if err := r.Write(io.Discard, docs[i%2]); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	for i := 0; i < n; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	wall, cpu := time.Since(start), cpuTime()-cpu0
	t.Logf("%.0f statements/s by the clock on %d cores", n/wall.Seconds(), cores)
	if cpu <= 0 {
		t.Skip("CPU time is not measured on this system")
	}
	perCPU := cpu / n
	rate := float64(cores) / perCPU.Seconds()
	t.Logf("%v CPU per statement: %.0f statements/s on %d idle cores", perCPU, rate, cores)
	if rate < 20000/30.0 {
		t.Errorf("%.0f statements/s: 20,000 statements would take more than 30 s", rate)
	}
}
