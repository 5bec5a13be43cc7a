package io.wasmactors.runtime.host.nn;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.wasmactors.runtime.ContentHash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process-wide models: those preloaded by name (parsed once, shared by every
 * instance) and those a guest passes to {@code load}, cached by content so a
 * cold instance that loads the same bytes again does not parse them again.
 */
public final class ModelStore {
    private final Map<String, TfLiteModel> byName = new ConcurrentHashMap<>();
    private final Cache<String, TfLiteModel> byContent = Caffeine.newBuilder().maximumSize(16).build();

    /**
     * Parses the model at {@code file} and names it; a computation on it that runs alone in the
     * process may use the idle cores. A second preload of the same name keeps the first.
     */
    public void preload(String name, Path file) throws IOException, NnError {
        if (byName.containsKey(name)) {
            return;
        }
        byName.putIfAbsent(name, fromBytes(Files.readAllBytes(file)).lendIdleCores());
    }

    TfLiteModel named(String name) throws NnError {
        TfLiteModel model = byName.get(name);
        if (model == null) {
            throw new NnError(NnErrno.NOT_FOUND, "no model preloaded as '" + name + "'");
        }
        return model;
    }

    TfLiteModel fromBytes(byte[] flatbuffer) throws NnError {
        String digest = ContentHash.sha256(flatbuffer);
        TfLiteModel cached = byContent.getIfPresent(digest);
        if (cached != null) {
            return cached;
        }
        TfLiteModel parsed = TfLiteModel.parse(flatbuffer);
        byContent.put(digest, parsed);
        return parsed;
    }
}
