package io.wasmactors.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of named local processes (user + system, from {@code /proc/PID/stat}), so a load
 * can say what each process on the path spent per call: throughput on 2 shared cores is
 * bounded by the sum.
 */
final class ProcessCpu {
    /** Linux reports {@code /proc} times in USER_HZ, 100 per second on every architecture it runs here. */
    private static final double MILLIS_PER_TICK = 10;
    private final Map<String, Long> pids;

    private ProcessCpu(Map<String, Long> pids) {
        this.pids = pids;
    }

    /** {@code name=pid,name=pid...}; an empty spec names no process. */
    static ProcessCpu of(String spec) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            if (!entry.isBlank()) {
                String[] nameAndPid = entry.split("=", 2);
                pids.put(nameAndPid[0], Long.parseLong(nameAndPid[1]));
            }
        }
        return new ProcessCpu(pids);
    }

    boolean isEmpty() {
        return pids.isEmpty();
    }

    /** Each process's CPU time so far, in ticks. */
    Map<String, Long> ticks() throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (Map.Entry<String, Long> process : pids.entrySet()) {
            String stat = Files.readString(Path.of("/proc", process.getValue().toString(), "stat"));
            // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks.put(process.getKey(), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        }
        return ticks;
    }

    /** Milliseconds of CPU per call of each process between two {@link #ticks()}, and their sum as {@code all}. */
    static Map<String, Double> perCall(Map<String, Long> before, Map<String, Long> after, int calls) {
        Map<String, Double> perCall = new LinkedHashMap<>();
        double all = 0;
        for (Map.Entry<String, Long> process : after.entrySet()) {
            double millis = (process.getValue() - before.get(process.getKey())) * MILLIS_PER_TICK / calls;
            perCall.put(process.getKey(), ResultRows.hundredths(millis));
            all += millis;
        }
        perCall.put("all", ResultRows.hundredths(all));
        return perCall;
    }
}
