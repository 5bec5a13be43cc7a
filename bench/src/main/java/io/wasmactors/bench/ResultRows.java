package io.wasmactors.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/** The JSON-lines file that `bench --cluster` builds a row at a time, from several programs. */
final class ResultRows {
    private ResultRows() {
    }

    static void append(Path file, Map<String, Object> row) throws IOException {
        Files.writeString(file, new ObjectMapper().writeValueAsString(row) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Rows give milliseconds and rates to a tenth: finer digits are noise on this machine. */
    static double tenths(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** CPU per call: a tenth of a millisecond is a large share of a process's part in it. */
    static double hundredths(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
