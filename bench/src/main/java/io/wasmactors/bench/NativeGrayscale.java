package io.wasmactors.bench;

import java.io.IOException;
import java.nio.file.Path;

/** The native x86-64 build of grayscale's crate: timed in one process over rounds ({@code --bench}) or one process per call. */
final class NativeGrayscale {
    private final Path binary;

    NativeGrayscale(Path binary) {
        this.binary = binary;
    }

    double inProcessMedian(Path input, int rounds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(binary.toString(), "--bench", String.valueOf(rounds), input.toString())
                .redirectErrorStream(true).start();
        String median = new String(process.getInputStream().readAllBytes()).trim();
        if (process.waitFor() != 0) {
            throw new IOException("native grayscale failed on " + input + ": " + median);
        }
        return Double.parseDouble(median);
    }

    /** One call in a new process, like a server spawning a tool per request: input on stdin, output discarded. */
    Sampler.Task processPerCall(Path input) {
        return () -> {
            Process process = new ProcessBuilder(binary.toString()).redirectInput(input.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor() != 0) {
                throw new IOException("native grayscale failed on " + input);
            }
        };
    }
}
