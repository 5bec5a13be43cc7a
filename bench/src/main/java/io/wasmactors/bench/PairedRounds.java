package io.wasmactors.bench;

/**
 * Two measurements taken in turn, round by round, each ratio computed within its round. The
 * machine's speed drifts within seconds (on 11-30 the native grayscale's median of 20 calls
 * moved between 11.4 and 18.6 ms over ten seconds, and GraalWasm's calls between 19 and 32 ms
 * in stretches of dozens), so two figures taken minutes apart can differ by more than the gap
 * between what they measure.
 */
final class PairedRounds {
    /** One side of a round: its time in milliseconds. */
    interface Side {
        double millis() throws Exception;
    }

    /** Each side's time per round, and the median of the rounds' ratios (first / second). */
    record Result(Sampler.Samples first, Sampler.Samples second, double ratio) {
        /** From each side's time per round, the rounds in the same order on both sides. */
        static Result of(double[] firstMillis, double[] secondMillis) {
            double[] ratios = new double[firstMillis.length];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = firstMillis[i] / secondMillis[i];
            }
            // Samples for the ratios too: the median is the same computation.
            return new Result(new Sampler.Samples(firstMillis), new Sampler.Samples(secondMillis), new Sampler.Samples(ratios).median());
        }
    }

    private PairedRounds() {
    }

    /**
     * {@code rounds} counted rounds after one that is not: a first call pays for what later ones
     * find ready (a module compiled, a file in the page cache, the model's weights packed).
     */
    static Result of(int rounds, Side first, Side second) throws Exception {
        first.millis();
        second.millis();
        double[] firstMillis = new double[rounds];
        double[] secondMillis = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            firstMillis[i] = first.millis();
            secondMillis[i] = second.millis();
        }
        return Result.of(firstMillis, secondMillis);
    }

    /** A side that runs {@code task} {@code calls} times: the median of those calls. */
    static Side medianOf(int calls, Sampler.Task task) {
        return () -> Sampler.sample(0, calls, task).median();
    }
}
