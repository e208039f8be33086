package synth

import (
	"strconv"

	"paymodel/pkg/calendar"
	"paymodel/pkg/paystructure"
)

// The weights below are illustrative round numbers chosen to look like a
// public-sector workforce, not published statistics.

// ProbationRegions are the twelve Probation Service regions of England and
// Wales, with illustrative weights.
var ProbationRegions = []Choice{
	{"North East", 6},
	{"North West", 10},
	{"Greater Manchester", 8},
	{"Yorkshire and the Humber", 10},
	{"East Midlands", 8},
	{"West Midlands", 10},
	{"East of England", 9},
	{"Wales", 6},
	{"South West", 7},
	{"South Central", 7},
	{"Kent, Surrey and Sussex", 8},
	{"London", 11},
}

// Regions are the nine English regions (ONS) and Wales, with illustrative
// weights: the default for specs built by FromStructure.
var Regions = []Choice{
	{"North East", 4},
	{"North West", 12},
	{"Yorkshire and The Humber", 9},
	{"East Midlands", 8},
	{"West Midlands", 10},
	{"East of England", 10},
	{"London", 15},
	{"South East", 15},
	{"South West", 9},
	{"Wales", 5},
}

var (
	// fte values are exact decimal text; index 0 must be full time.
	fte = newWeighted([]Choice{{"1", 72}, {"0.8", 12}, {"0.6", 7}, {"0.5", 6}, {"0.4", 3}})

	fullTimePattern = newWeighted([]Choice{{"Full-time", 92}, {"Compressed hours", 8}})
	partTimePattern = newWeighted([]Choice{{"Part-time", 85}, {"Job share", 15}})

	gender = newWeighted([]Choice{{"Female", 70}, {"Male", 29}, {"Not stated", 1}})

	// ethnicity uses the ONS 2021 Census five high-level groups.
	ethnicity = newWeighted([]Choice{
		{"White", 78},
		{"Asian, Asian British or Asian Welsh", 8},
		{"Black, Black British, Black Welsh, Caribbean or African", 6},
		{"Mixed or Multiple ethnic groups", 3},
		{"Other ethnic group", 2},
		{"Not stated", 3},
	})

	// disability's weights are illustrative, not sourced: about one in
	// seven staff declaring a disability, a few declining to say.
	disability = newWeighted([]Choice{{"Not disabled", 80}, {"Disabled", 14}, {"Prefer not to say", 6}})
)

// namePool is a set of first and last names combined at random. Names must
// not contain commas, quotes or line breaks (a test checks).
type namePool struct {
	first, last []string
}

var namePools = []namePool{
	{ // British
		first: []string{"Oliver", "Amelia", "Jack", "Olivia", "Harry", "Emily", "George", "Sophie", "James", "Charlotte", "Thomas", "Jessica", "Daniel", "Hannah", "Sarah", "David", "Claire", "Mark", "Rebecca", "Joanne"},
		last:  []string{"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke"},
	},
	{ // Welsh
		first: []string{"Rhiannon", "Dafydd", "Siân", "Gwyn", "Ffion", "Rhys", "Angharad", "Iolo"},
		last:  []string{"Llewellyn", "Pritchard", "Morgan", "Griffiths", "Powell", "Price", "Bowen", "ap Dafydd"},
	},
	{ // Irish
		first: []string{"Siobhán", "Zoë", "Aoife", "Seán", "Niamh", "Pádraig", "Róisín", "Ciarán"},
		last:  []string{"Ó Súilleabháin", "O'Brien", "Ní Bhriain", "Murphy", "Kelly", "Mac Cárthaigh", "Byrne", "Ó Conaill"},
	},
	{ // South Asian
		first: []string{"Priya", "Mohammed", "Aisha", "Arjun", "Fatima", "Imran", "Anjali", "Rajesh"},
		last:  []string{"Patel", "Khan", "Hussain", "Begum", "Singh", "Ahmed", "Sharma", "Chowdhury"},
	},
	{ // African and Caribbean
		first: []string{"Chidi", "Abena", "Kwame", "Ngozi", "Tunde", "Adaeze", "Marcus", "Shanice"},
		last:  []string{"Okafor", "Mensah", "Adeyemi", "Campbell", "Boateng", "Okoro", "Asante", "Francis"},
	},
	{ // Polish
		first: []string{"Łukasz", "Zofia", "Małgorzata", "Paweł", "Agnieszka", "Wojciech"},
		last:  []string{"Wójcik", "Kowalski", "Nowak", "Wiśniewska", "Lewandowski", "Zieliński"},
	},
	{ // Iberian
		first: []string{"José", "María", "João", "Inês", "Álvaro", "Lucía"},
		last:  []string{"García", "Fernández", "Gonçalves", "Pérez", "Sánchez", "Conceição"},
	},
	{ // Russian, in Cyrillic
		first: []string{"Дмитрий", "Ольга", "Анна", "Сергей"},
		last:  []string{"Иванов", "Смирнова", "Кузнецов", "Попова"},
	},
	{ // Turkish
		first: []string{"Çağla", "Emre", "Gökhan", "Şebnem"},
		last:  []string{"Öztürk", "Yılmaz", "Şahin", "Çelik"},
	},
	{ // East Asian
		first: []string{"Wei", "Mei", "Jun", "Thảo", "Minh", "Hiroshi"},
		last:  []string{"Zhang", "Chen", "Wong", "Nguyễn", "Trần", "Tanaka"},
	},
}

// poolChoice picks a name pool; the values are unused.
var poolChoice = newWeighted([]Choice{
	{"British", 55}, {"Welsh", 5}, {"Irish", 6}, {"South Asian", 10}, {"African and Caribbean", 8},
	{"Polish", 5}, {"Iberian", 4}, {"Russian", 2}, {"Turkish", 2}, {"East Asian", 3},
})

// ProbationSeed is the seed scenarios/probation/staff.csv is generated with.
const ProbationSeed = 20250401

// ProbationRows is the number of people in scenarios/probation/staff.csv.
const ProbationRows = 20000

// Probation returns the built-in spec for the Probation Service sample
// dataset (scenarios/probation): bands 2–6 with the points of the 2024/25
// structure, progression one point a year on 1 April (6 months qualifying),
// census date 31 March 2025. Band weights give roughly 3,000 / 7,500 /
// 6,500 / 2,000 / 1,000 people in a census of 20,000 (illustrative, not
// published headcounts); points are weighted by TopHeavyWeights.
func Probation() Spec {
	prog := paystructure.Progression{
		Kind:             paystructure.FixedDate,
		On:               calendar.AnnualDate{Month: 4, Day: 1},
		QualifyingMonths: 6,
	}
	band := func(name string, weight, points int) Band {
		b := Band{Name: name, Weight: weight, Progression: prog}
		for i, w := range TopHeavyWeights(points) {
			b.Points = append(b.Points, Point{Label: strconv.Itoa(i + 1), Months: 12, Weight: w})
		}
		return b
	}
	return Spec{
		Name:     "probation",
		IDPrefix: "P",
		AsAt:     calendar.MustParse("2025-03-31"),
		Bands: []Band{
			band("Band 2", 3000, 3),
			band("Band 3", 7500, 5),
			band("Band 4", 6500, 5),
			band("Band 5", 2000, 3),
			band("Band 6", 1000, 3),
		},
		Regions: ProbationRegions,
	}
}

// Builtins lists the names Builtin accepts.
func Builtins() []string { return []string{"probation"} }

// Builtin returns the built-in spec called name.
func Builtin(name string) (Spec, bool) {
	switch name {
	case "probation":
		return Probation(), true
	}
	return Spec{}, false
}
