package io.wasmactors.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long a second actor host takes from its start to ready, with its sidecar: `cluster.sh
 * scale DIR 2` on a cluster of one host, timed several times (scaling back to one host after
 * each), each start after the machine has gone quiet. A single start right after the loads read
 * 6.0 to 15.0 s from run to run on this machine: one figure said little.
 *
 * <p>Usage: HostStarts LABEL CLUSTER_SCRIPT STATE_DIR STARTS RESULTS_JSONL
 */
public final class HostStarts {
    private static final Duration QUIET_AT_MOST = Duration.ofSeconds(180);

    private HostStarts() {
    }

    public static void main(String[] args) throws Exception {
        String label = args[0];
        String cluster = args[1];
        String stateDir = args[2];
        int starts = Integer.parseInt(args[3]);

        List<Double> seconds = new ArrayList<>();
        List<Double> quietWaits = new ArrayList<>();
        boolean allQuiet = true;
        for (int i = 0; i < starts; i++) {
            QuietMachine.Waited waited = QuietMachine.await(QUIET_AT_MOST);
            quietWaits.add(ResultRows.tenths(waited.seconds()));
            allQuiet &= waited.quiet();
            long start = System.nanoTime();
            scale(cluster, stateDir, 2);
            seconds.add((System.nanoTime() - start) / 1e9);
            scale(cluster, stateDir, 1);
        }

        // Percentiles of Samples, which speaks of milliseconds but takes any figure.
        Sampler.Samples samples = Sampler.Samples.of(seconds);
        double median = samples.median();
        double min = samples.percentile(0);
        double max = samples.percentile(100);
        System.out.printf("%-44s median %.1f s   (%.1f to %.1f s, %d starts; waited %s s for a quiet machine%s)%n",
                label, median, min, max, starts, quietWaits, allQuiet ? "" : ", not always reached");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("setup", label);
        row.put("starts", starts);
        row.put("median_s", ResultRows.tenths(median));
        row.put("min_s", ResultRows.tenths(min));
        row.put("max_s", ResultRows.tenths(max));
        row.put("quiet_waits_s", quietWaits);
        row.put("quiet_before_each", allQuiet);
        ResultRows.append(Path.of(args[4]), row);
    }

    private static void scale(String cluster, String stateDir, int hosts) throws Exception {
        Process process = new ProcessBuilder(cluster, "scale", stateDir, Integer.toString(hosts))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("cluster.sh scale " + hosts + " failed with exit code " + process.exitValue());
        }
    }
}
