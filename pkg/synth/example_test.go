package synth_test

import (
	"log"
	"os"

	"paymodel/pkg/synth"
)

// A three-person census from the built-in probation spec. The same seed
// always gives the same people.
func ExampleCensus() {
	if err := synth.Census(os.Stdout, synth.Probation(), 3, 42); err != nil {
		log.Fatal(err)
	}
	// Output:
	// id,name,band,point,fte,point_date,start_date,cpd_hours,gender,ethnicity,region,working_pattern,disability
	// P000001,Fatima Ahmed,Band 3,5,1,2019-04-01,2012-10-13,59,Female,White,West Midlands,Full-time,Disabled
	// P000002,Ffion Price,Band 6,2,1,2024-04-01,2018-06-13,71,Male,White,Greater Manchester,Full-time,Not disabled
	// P000003,Olivia Hall,Band 5,3,1,2021-02-16,2019-02-26,89,Female,White,London,Full-time,Not disabled
}
