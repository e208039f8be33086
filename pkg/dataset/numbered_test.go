package dataset

import "testing"

// A salary typed too low must not silently make a numbered point the entry
// point of its band.
func TestNumberedPointsOutOfOrder(t *testing.T) {
	tests := []struct{ name, inc, want string }{
		{"digits", "band,point,salary\nBand 1,1,20000\nBand 1,2,19000\nBand 2,1,22000\nBand 2,2,23000\n",
			"increments.csv:3: Band 1 point 2 (£19,000) is not above point 1 (£20,000)"},
		{"prefixed", "band,point,salary\nBand 1,M1,20000\nBand 1,M2,21000\nBand 1,M3,20500\nBand 2,1,22000\nBand 2,2,23000\n",
			"increments.csv:4: Band 1 point M3 (£20,500) is not above point M2 (£21,000)"},
		{"file order", "band,point,salary\nBand 1,2,19000\nBand 1,1,20000\nBand 2,1,22000\nBand 2,2,23000\n",
			"increments.csv:3: Band 1 point 2 (£19,000) is not above point 1 (£20,000)"},
		{"xlsx", "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00b\xee\x9dh^\x01\x00\x00\x90\x04\x00\x00\x13\x00\x08\x02[Content_Types].xml \xa2\x04\x02(\xa0\x00\x02\x00\x00\n",
			`increments.csv:1: the file is a spreadsheet workbook (.xlsx), not CSV — name it increments.xlsx to read it as a workbook, or save it as "CSV UTF-8 (comma delimited)"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := loadError(t, files(map[string]string{IncrementsFile: tt.inc})); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// Labels that are not all one prefix and a distinct number are ordered by
// salary alone, whatever order the file lists them in.
func TestUnnumberedPointsOrderedBySalary(t *testing.T) {
	for _, inc := range []string{
		"band,point,salary\nBand 1,top,21000\nBand 1,entry,20000\nBand 2,1,22000\nBand 2,2,23000\n",
		"band,point,salary\nBand 1,A2,21000\nBand 1,B1,20000\nBand 2,1,22000\nBand 2,2,23000\n",
		"band,point,salary\nBand 1,2,21000\nBand 1,1,20000\nBand 2,10,23000\nBand 2,9,22000\n",
	} {
		ds, err := Load(files(map[string]string{IncrementsFile: inc}), "test")
		if err != nil {
			t.Fatalf("%q: %v", inc, err)
		}
		if got := ds.Latest().Scales[0].Points[0].Salary.String(); got != "20000" {
			t.Errorf("%q: entry salary %s, want 20000", inc, got)
		}
	}
}

// "All" names the total row of every report table, so no band may be
// called that (a band "All" made compare's cross-check fail as a bug).
func TestBandNamedAll(t *testing.T) {
	bands := "band\nBand 1\nall\n"
	inc := "band,point,salary\nBand 1,1,20000\nall,1,22000\n"
	got := loadError(t, files(map[string]string{BandsFile: bands, IncrementsFile: inc}))
	want := lines(
		`bands.csv:3: band "all": reports use All for the total of every band; give the band another name`,
	)
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// Tab-separated and UTF-16 exports get an error naming the format, not a
// list of missing columns.
func TestOtherExportFormats(t *testing.T) {
	utf16 := func(s string) string {
		b := []byte{0xff, 0xfe}
		for _, r := range s {
			b = append(b, byte(r), 0)
		}
		return string(b)
	}
	tests := []struct{ name, inc, want string }{
		{"tabs", "band\tpoint\tsalary\nBand 1\t1\t20000\n",
			"increments.csv:1: the file is separated by tabs — save it as comma-separated CSV"},
		{"utf-16", utf16("band,point,salary\r\nBand 1,1,20000\r\n"),
			`increments.csv:1: the file is not UTF-8 text (UTF-16 "Unicode Text", or not text at all) — save it as "CSV UTF-8 (comma delimited)"`},
		{"utf-16 tabs", utf16("band\tpoint\tsalary\r\nBand 1\t1\t20000\r\n"),
			`increments.csv:1: the file is not UTF-8 text (UTF-16 "Unicode Text", or not text at all) — save it as "CSV UTF-8 (comma delimited)"`},
		{"xlsx", "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00b\xee\x9dh^\x01\x00\x00\x90\x04\x00\x00\x13\x00\x08\x02[Content_Types].xml \xa2\x04\x02(\xa0\x00\x02\x00\x00\n",
			`increments.csv:1: the file is a spreadsheet workbook (.xlsx), not CSV — name it increments.xlsx to read it as a workbook, or save it as "CSV UTF-8 (comma delimited)"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := loadError(t, files(map[string]string{IncrementsFile: tt.inc})); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// A Windows-1252 export (Excel's "CSV (Comma delimited)") is refused once
// per file, naming the first field, instead of garbling names in statements.
func TestNotUTF8(t *testing.T) {
	staff := "id,name,band,point\nS1,Jos\xe9,Band 1,1\nS2,Ren\xe9e,Band 1,2\n"
	inc := "band,point,salary\nBand 1,1,\"\xa320,000\"\nBand 1,2,21000\nBand 2,1,22000\nBand 2,2,23000\n"
	got := loadError(t, files(map[string]string{StaffFile: staff, IncrementsFile: inc}))
	want := lines(
		`increments.csv:2: salary "\xa320,000" is not UTF-8 text (Excel's "CSV (Comma delimited)" writes Windows-1252) — save the file as "CSV UTF-8 (comma delimited)"`,
		`increments.csv:2: salary "\xa320,000": not an amount (write 25524 or £25,524.00)`,
		`staff.csv:2: name "Jos\xe9" is not UTF-8 text (Excel's "CSV (Comma delimited)" writes Windows-1252) — save the file as "CSV UTF-8 (comma delimited)"`,
	)
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
