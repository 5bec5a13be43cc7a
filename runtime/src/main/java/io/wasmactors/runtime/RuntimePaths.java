package io.wasmactors.runtime;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the runtime finds models and function modules, and keeps compiled code. Each is a
 * system property, else an environment variable, else a default.
 */
public final class RuntimePaths {
    private RuntimePaths() {
    }

    /** {@code wasmactors.models} / {@code WASMACTORS_MODELS}, else {@code ../shared/models}. */
    public static Path models() {
        return configured("wasmactors.models", "WASMACTORS_MODELS", "../shared/models");
    }

    /** {@code wasmactors.functions} / {@code WASMACTORS_FUNCTIONS}, else {@code functions/target/wasm}. */
    public static Path functions() {
        return configured("wasmactors.functions", "WASMACTORS_FUNCTIONS", "functions/target/wasm");
    }

    /**
     * {@code wasmactors.cache} / {@code WASMACTORS_CACHE}, else {@code ~/.cache/wasmactors}: what is
     * kept between runs (compiled modules; the scripts' Dapr build). Made when first needed.
     */
    public static Path cache() {
        String value = System.getProperty("wasmactors.cache", System.getenv("WASMACTORS_CACHE"));
        return (value != null && !value.isBlank() ? Path.of(value) : Path.of(System.getProperty("user.home"), ".cache", "wasmactors"))
                .toAbsolutePath().normalize();
    }

    private static Path configured(String property, String variable, String fallback) {
        String value = System.getProperty(property, System.getenv(variable));
        Path path = Path.of(value != null && !value.isBlank() ? value : fallback).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException(path + " is not a directory; set " + variable + " (or -D" + property + ")");
        }
        return path;
    }
}
