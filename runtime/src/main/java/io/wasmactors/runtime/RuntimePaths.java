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
        return existingDirectory("wasmactors.models", "WASMACTORS_MODELS", Path.of("../shared/models"));
    }

    /** {@code wasmactors.functions} / {@code WASMACTORS_FUNCTIONS}, else {@code functions/target/wasm}. */
    public static Path functions() {
        return existingDirectory("wasmactors.functions", "WASMACTORS_FUNCTIONS", Path.of("functions/target/wasm"));
    }

    /**
     * {@code wasmactors.cache} / {@code WASMACTORS_CACHE}, else {@code ~/.cache/wasmactors}: what is
     * kept between runs (compiled modules; the scripts' Dapr build). Made when first needed.
     */
    public static Path cache() {
        return configured("wasmactors.cache", "WASMACTORS_CACHE", Path.of(System.getProperty("user.home"), ".cache", "wasmactors"));
    }

    private static Path existingDirectory(String property, String variable, Path fallback) {
        Path path = configured(property, variable, fallback);
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException(path + " is not a directory; set " + variable + " (or -D" + property + ")");
        }
        return path;
    }

    private static Path configured(String property, String variable, Path fallback) {
        String value = System.getProperty(property, System.getenv(variable));
        return (value != null && !value.isBlank() ? Path.of(value) : fallback).toAbsolutePath().normalize();
    }
}
