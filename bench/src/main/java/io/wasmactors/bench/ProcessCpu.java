package io.wasmactors.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

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

    /** This JVM, whose compiler threads a warm-up in process waits for. */
    static ProcessCpu self() {
        return of("self=" + ProcessHandle.current().pid());
    }

    boolean isEmpty() {
        return pids.isEmpty();
    }

    /** Each process's CPU time so far, in ticks. */
    Map<String, Long> ticks() throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (Map.Entry<String, Long> process : pids.entrySet()) {
            ticks.put(process.getKey(), cpuTicks(Path.of("/proc", process.getValue().toString(), "stat")));
        }
        return ticks;
    }

    /**
     * The CPU time so far of the processes' JIT compiler threads (HotSpot's "C1/C2
     * CompilerThread", Truffle's "TruffleCompilerThread"), in milliseconds. A thread that ended
     * takes its time with it; compiler threads end only after idling, so little is lost.
     */
    double compilerMillis() throws IOException {
        long ticks = 0;
        for (long pid : pids.values()) {
            try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path thread : threads.toList()) {
                    try {
                        if (Files.readString(thread.resolve("comm")).contains("Compiler")) {
                            ticks += cpuTicks(thread.resolve("stat"));
                        }
                    } catch (NoSuchFileException ended) {
                        // ended between the listing and the read
                    }
                }
            }
        }
        return ticks * MILLIS_PER_TICK;
    }

    private static long cpuTicks(Path stat) throws IOException {
        String line = Files.readString(stat);
        // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
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
