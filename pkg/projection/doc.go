// Package projection owns careers, census paths and costs: it takes the
// timelines package scenario produces (and the Current baseline timeline)
// and steps people through them month by month. It does no I/O, reads no
// clock and uses no randomness.
package projection
