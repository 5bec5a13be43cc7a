package io.wasmactors.runtime;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the built functions, models and photos (set by the Maven build). */
public final class TestData {
    private TestData() {
    }

    public static Path functions() {
        return directory("wasmactors.functions");
    }

    /** Modules built from functions/ for tests only (testkit, nn-classify). */
    public static Path testModules() {
        return functions().resolveSibling("wasm-test");
    }

    public static Path models() {
        return directory("wasmactors.models");
    }

    public static Path image(String name) {
        return directory("wasmactors.images").resolve(name);
    }

    public static byte[] imageBytes(String name) {
        try {
            return Files.readAllBytes(image(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path directory(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.isDirectory(Path.of(value))) {
            throw new IllegalStateException("system property " + property + " must name a directory, is " + value);
        }
        return Path.of(value);
    }
}
