package io.wasmactors.runtime.function;

import java.util.Arrays;

/** The last few durations of a task that runs over and over, and their median: a typical time that one outlier does not move. */
final class RecentDurations {
    private final long[] nanos;
    private int next;
    private int kept;

    RecentDurations(int size) {
        this.nanos = new long[size];
    }

    synchronized void record(long durationNanos) {
        nanos[next] = durationNanos;
        next = (next + 1) % nanos.length;
        kept = Math.min(kept + 1, nanos.length);
    }

    /** 0 before the first record. */
    synchronized long medianNanos() {
        if (kept == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, kept);
        Arrays.sort(sorted);
        return sorted[kept / 2];
    }
}
