package io.wasmactors.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Waits until this machine's cores are nearly idle (from {@code /proc/stat}), so a timing that
 * should measure one process alone does not also measure another's leftover work: an actor host
 * that has served a load may go on JIT-compiling for minutes on the same 2 cores (LoadBench).
 */
final class QuietMachine {
    /** Busy share of all cores below which a second counts as quiet: the idle cluster's heartbeats stay under it. */
    private static final double QUIET_SHARE = 0.10;
    private static final int QUIET_SECONDS = 2;

    private QuietMachine() {
    }

    /** Seconds waited; the wait ends after {@code atMost} even if the machine stayed busy. */
    static Waited await(Duration atMost) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long giveUpAt = start + atMost.toNanos();
        int quietSeconds = 0;
        long[] before = idleAndTotalTicks();
        while (quietSeconds < QUIET_SECONDS && System.nanoTime() < giveUpAt) {
            Thread.sleep(1_000);
            long[] after = idleAndTotalTicks();
            double busy = 1 - (double) (after[0] - before[0]) / Math.max(1, after[1] - before[1]);
            quietSeconds = busy < QUIET_SHARE ? quietSeconds + 1 : 0;
            before = after;
        }
        return new Waited((System.nanoTime() - start) / 1e9, quietSeconds == QUIET_SECONDS);
    }

    /** The aggregate {@code cpu} line's idle (idle + iowait) and total ticks. */
    private static long[] idleAndTotalTicks() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        // user nice system idle iowait irq softirq steal; guest time is already counted in user.
        for (int i = 1; i <= 8 && i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
        }
        return new long[] {Long.parseLong(fields[4]) + Long.parseLong(fields[5]), total};
    }

    record Waited(double seconds, boolean quiet) {
    }
}
