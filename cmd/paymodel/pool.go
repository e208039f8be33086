package main

import (
	"context"
	"iter"
	"slices"
	"sync"
	"sync/atomic"
)

// forEach calls do on every item, on at most workers goroutines at once
// (at least one, and never more than there are items), and returns how many
// calls succeeded and the first error: ctx's when ctx is done, otherwise the
// first do returned. It stops handing out items at the first error or when
// ctx is done, and waits for the calls under way. After handing out each
// item it calls progress (when not nil) with how many calls have succeeded
// so far.
//
// It lives in cmd, not in a package, because it is how this program uses
// the machine (how many goroutines, when to stop, what to show on the
// terminal); the work it runs is a package's.
func forEach[T any](ctx context.Context, items []T, workers int, do func(T) error, progress func(done int)) (int, error) {
	return forEachSeq(ctx, slices.Values(items), len(items), workers, do, progress)
}

// forEachSeq is forEach for n items that come from a sequence, pulled one
// at a time as workers are free, so that they need not all be held at once.
// It stops pulling at the first error or when ctx is done.
func forEachSeq[T any](ctx context.Context, items iter.Seq[T], n, workers int, do func(T) error, progress func(done int)) (int, error) {
	jobs := make(chan T)
	var done atomic.Int64
	var firstErr error
	var once sync.Once
	var failed atomic.Bool
	fail := func(err error) { once.Do(func() { firstErr = err; failed.Store(true) }) }
	var wg sync.WaitGroup
	workers = max(1, min(workers, n)) // --workers 1000000 must not start a million goroutines
	for range workers {
		wg.Go(func() {
			for it := range jobs {
				if err := do(it); err != nil {
					fail(err)
					continue
				}
				done.Add(1)
			}
		})
	}
feed:
	for it := range items {
		select {
		case <-ctx.Done():
			break feed
		case jobs <- it:
		}
		if failed.Load() {
			break
		}
		if progress != nil {
			progress(int(done.Load()))
		}
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return int(done.Load()), err
	}
	return int(done.Load()), firstErr
}
