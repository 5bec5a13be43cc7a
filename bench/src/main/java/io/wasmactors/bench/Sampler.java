package io.wasmactors.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;

/**
 * Runs a task after a warm-up and keeps the wall time of each round. The warm-up
 * lasts a number of rounds and at least a time: the JVM compiles a Wasm module's
 * bytecode in the background for seconds, and rounds measured before that ends
 * measure the compiler, not the function. After that time it goes on in blocks of
 * rounds until, for a few blocks in a row, the task has stopped getting faster and
 * the JIT compilers of the processes doing the work have stayed nearly idle. A fixed
 * time alone was too short on a slow day: on a machine four times slower than
 * usual grayscale measured 56.0 ms after its warm-up where the same photo took
 * 28.2 ms minutes later, as Graal was still compiling.
 */
final class Sampler {
    /** A block whose time figure is below this share of the best block's is still getting faster. */
    private static final double FASTER = 0.98;
    /** A block during which the compiler threads ran more than this share of its wall time is still compiling. */
    private static final double COMPILING = 0.05;
    /** Blocks in a row neither faster nor compiling that end the warm-up. */
    private static final int SETTLED_BLOCKS = 3;
    /** How many times the minimum warm-up the settling may take before the figures are taken anyway. */
    private static final int SETTLE_LIMIT = 4;

    interface Task {
        void run() throws Exception;
    }

    /**
     * The wall time of each measured round, how long the warm-up before them took, and
     * whether it settled or ran out of time (the figures are then taken anyway).
     */
    record Samples(double[] millis, double warmUpSeconds, boolean settled) {
        Samples(double[] millis) {
            this(millis, 0, true);
        }

        static Samples of(List<Double> millis) {
            return new Samples(millis.stream().mapToDouble(Double::doubleValue).toArray());
        }

        /** "151 s of warm-up", with ", not settled" when it ran out of time. */
        String warmUpSummary() {
            return String.format("%.0f s of warm-up%s", warmUpSeconds, settled ? "" : ", not settled");
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

    /** {@code warmUp} rounds, then {@code rounds} measured: for tasks that do not warm up, such as a new process per call. */
    static Samples sample(int warmUp, int rounds, Task task) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            task.run();
        }
        return rounds(rounds, task);
    }

    /** Warmed up as the class says, watching this process's compilers. */
    static Samples sample(int warmUp, Duration warmUpAtLeast, int rounds, Task task) throws Exception {
        return sample(warmUp, warmUpAtLeast, rounds, ProcessCpu.self(), task);
    }

    /** Warmed up as the class says, watching the compilers of {@code watched} (the process that runs the task's work). */
    static Samples sample(int warmUp, Duration warmUpAtLeast, int rounds, ProcessCpu watched, Task task) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < warmUp || System.nanoTime() - start < warmUpAtLeast.toNanos(); i++) {
            task.run();
        }
        Settled<Samples> settled = settle(start, warmUpAtLeast.multipliedBy(SETTLE_LIMIT), watched,
                () -> rounds(rounds, task), Samples::median);
        return new Samples(settled.block().millis(), settled.warmUpSeconds(), settled.settled());
    }

    /**
     * The last block of warm-up work and how the warm-up went: the settling of the class
     * comment, from {@code start} (when the warm-up began), for at most {@code atMost} more.
     *
     * @param figure a block's time figure, lower when faster (a median, seconds per call)
     */
    static <B> Settled<B> settle(long start, Duration atMost, ProcessCpu watched, Callable<B> block,
                                 ToDoubleFunction<B> figure) throws Exception {
        long giveUpAt = System.nanoTime() + atMost.toNanos();
        long blockStart = System.nanoTime();
        B last = block.call();
        double best = figure.applyAsDouble(last);
        int calmBlocks = 0;
        while (calmBlocks < SETTLED_BLOCKS && System.nanoTime() < giveUpAt) {
            blockStart = System.nanoTime();
            double compilerBefore = watched.compilerMillis();
            last = block.call();
            double compilerShare = (watched.compilerMillis() - compilerBefore) / ((System.nanoTime() - blockStart) / 1e6);
            double time = figure.applyAsDouble(last);
            calmBlocks = time < best * FASTER || compilerShare > COMPILING ? 0 : calmBlocks + 1;
            best = Math.min(best, time);
        }
        return new Settled<>(last, (blockStart - start) / 1e9, calmBlocks == SETTLED_BLOCKS);
    }

    /** The last block of a warm-up, the warm-up's length up to that block, and whether it settled. */
    record Settled<B>(B block, double warmUpSeconds, boolean settled) {
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
