package io.wasmactors.bench;

import java.util.Arrays;

/** Runs a task after a warm-up and keeps the wall time of each round. */
final class Sampler {
    interface Task {
        void run() throws Exception;
    }

    record Samples(double[] millis) {
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
        for (int i = 0; i < warmUp; i++) {
            task.run();
        }
        double[] millis = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            task.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return new Samples(millis);
    }
}
