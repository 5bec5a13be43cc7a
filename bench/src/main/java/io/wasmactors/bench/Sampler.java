package io.wasmactors.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a task after a warm-up and keeps the wall time of each round. The warm-up
 * lasts a number of rounds and at least a time: the JVM compiles a Wasm module's
 * bytecode in the background for seconds, and rounds measured before that ends
 * measure the compiler, not the function. After that time it goes on, up to as
 * long again, while the task still gets faster: Graal compiles in tiers, and on a
 * slow day its last tier came after the time (a grayscale figure of 23.9 ms where
 * the same photo took 16.9 ms minutes later).
 */
final class Sampler {
    /** A block of rounds whose median is above this share of the block before's has stopped getting faster. */
    private static final double SETTLED = 0.98;

    interface Task {
        void run() throws Exception;
    }

    record Samples(double[] millis) {
        static Samples of(List<Double> millis) {
            return new Samples(millis.stream().mapToDouble(Double::doubleValue).toArray());
        }

        double median() {
            return percentile(50);
        }

        double percentile(double p) {
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }

    private Sampler() {
    }

    static Samples sample(int warmUp, int rounds, Task task) throws Exception {
        return sample(warmUp, Duration.ZERO, rounds, task);
    }

    static Samples sample(int warmUp, Duration warmUpAtLeast, int rounds, Task task) throws Exception {
        long warmUntil = System.nanoTime() + warmUpAtLeast.toNanos();
        for (int i = 0; i < warmUp || System.nanoTime() < warmUntil; i++) {
            task.run();
        }
        long settleUntil = System.nanoTime() + warmUpAtLeast.toNanos();
        Samples previous = rounds(rounds, task);
        while (System.nanoTime() < settleUntil) {
            Samples next = rounds(rounds, task);
            if (next.median() > previous.median() * SETTLED) {
                return next;
            }
            previous = next;
        }
        return previous;
    }

    private static Samples rounds(int rounds, Task task) throws Exception {
        double[] millis = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            task.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return new Samples(millis);
    }
}
