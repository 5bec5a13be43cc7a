package io.wasmactors.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A functions directory for gateway tests: the real product functions plus
 * {@code spin}, a testkit handler that never returns, to reach the time limit.
 */
public final class TestFunctions {
    private static Path directory;

    private TestFunctions() {
    }

    public static synchronized Path directory() {
        if (directory == null) {
            try {
                Path built = Path.of(System.getProperty("wasmactors.functions"));
                directory = Files.createTempDirectory("wasmactors-functions");
                try (var files = Files.list(built)) {
                    for (Path file : files.toList()) {
                        Files.createSymbolicLink(directory.resolve(file.getFileName()), file);
                    }
                }
                Files.createSymbolicLink(directory.resolve("spin.wasm"), built.resolveSibling("wasm-test").resolve("testkit.wasm"));
                Files.writeString(directory.resolve("spin.json"), """
                        {"name": "spin", "description": "testkit: loops forever", "kind": "handler", "handler": "spin",
                         "limits": {"timeoutMs": 1500}, "instances": 1}
                        """);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return directory;
    }

    public static Path image(String name) {
        return Path.of(System.getProperty("wasmactors.images")).resolve(name);
    }

    public static byte[] imageBytes(String name) {
        try {
            return Files.readAllBytes(image(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
