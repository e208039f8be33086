package main

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"
)

func TestForEach(t *testing.T) {
	items := make([]int, 50)
	for i := range items {
		items[i] = i
	}

	t.Run("every item, at most workers at once", func(t *testing.T) {
		var sum, inFlight, most atomic.Int64
		var calls []int
		done, err := forEach(context.Background(), items, 3, func(i int) error {
			n := inFlight.Add(1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			time.Sleep(100 * time.Microsecond)
			inFlight.Add(-1)
			sum.Add(int64(i))
			return nil
		}, func(done int) { calls = append(calls, done) })
		// 0 + 1 + … + 49 = 1225
		if err != nil || done != 50 || sum.Load() != 1225 {
			t.Errorf("done %d, sum %d, err %v; want 50, 1225, nil", done, sum.Load(), err)
		}
		if most.Load() > 3 {
			t.Errorf("%d calls at once, want at most 3", most.Load())
		}
		if len(calls) != 50 {
			t.Errorf("progress called %d times, want once per item (50)", len(calls))
		}
		for i := 1; i < len(calls); i++ {
			if calls[i] < calls[i-1] {
				t.Errorf("progress went back: %v", calls)
				break
			}
		}
	})

	t.Run("the first error stops the feeding", func(t *testing.T) {
		boom := errors.New("boom")
		var ran atomic.Int64
		done, err := forEach(context.Background(), items, 1, func(i int) error {
			ran.Add(1)
			if i == 2 {
				return boom
			}
			return nil
		}, nil)
		// One worker: items 0 and 1 succeed, 2 fails, and at most item 3
		// is handed out before the failure is seen.
		if !errors.Is(err, boom) || done < 2 || done > 3 || ran.Load() > 4 {
			t.Errorf("done %d, ran %d, err %v; want boom after 2 or 3 successes", done, ran.Load(), err)
		}
	})

	t.Run("a done context wins over an error", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		done, err := forEach(ctx, items, 2, func(i int) error {
			cancel()
			return errors.New("after cancel")
		}, nil)
		if !errors.Is(err, context.Canceled) || done != 0 {
			t.Errorf("done %d, err %v; want 0, context.Canceled", done, err)
		}
	})

	t.Run("no items, a huge worker count", func(t *testing.T) {
		done, err := forEach(context.Background(), []int(nil), 1_000_000, func(int) error { return errors.New("called") }, nil)
		if done != 0 || err != nil {
			t.Errorf("done %d, err %v; want 0, nil", done, err)
		}
	})
}

// forEachSeq pulls items only as workers take them, and stops pulling at
// the first error: with one worker failing on item 2, at most items 0 to 3
// are pulled (3 may be handed out before the failure is seen), not all 50.
func TestForEachSeqStopsPulling(t *testing.T) {
	boom := errors.New("boom")
	pulled := 0
	seq := func(yield func(int) bool) {
		for i := range 50 {
			pulled++
			if !yield(i) {
				return
			}
		}
	}
	done, err := forEachSeq(context.Background(), seq, 50, 1, func(i int) error {
		if i == 2 {
			return boom
		}
		return nil
	}, nil)
	if !errors.Is(err, boom) || done < 2 || done > 3 || pulled > 4 {
		t.Errorf("done %d, pulled %d, err %v; want boom after 2 or 3 successes, at most 4 pulled", done, pulled, err)
	}
	// All of them when nothing fails.
	pulled = 0
	if done, err := forEachSeq(context.Background(), seq, 50, 3, func(int) error { return nil }, nil); done != 50 || err != nil || pulled != 50 {
		t.Errorf("done %d, pulled %d, err %v; want 50, 50, nil", done, pulled, err)
	}
}
