package io.wasmactors.runtime.function;

/**
 * What one call of a function may use; any field left out of a manifest takes its default.
 *
 * @param maxMemoryPages     linear memory, in 64 KiB pages
 * @param timeoutMs          wall-clock time of one call, instantiation included
 * @param maxWarmMemoryPages linear memory a warm instance may keep between calls: one
 *                           that grew past it is dropped after its call (a Wasm memory
 *                           never shrinks) and the next call builds a fresh one, so a
 *                           host's idle actors hold little however large their inputs were
 */
public record Limits(Integer maxMemoryPages, Integer timeoutMs, Integer maxInputBytes, Integer maxOutputBytes,
                     Integer maxWarmMemoryPages) {
    public static final Limits DEFAULTS = new Limits(4096, 10_000, 10 << 20, 64 << 20, 256);

    public Limits withDefaults() {
        return new Limits(
                maxMemoryPages != null ? maxMemoryPages : DEFAULTS.maxMemoryPages,
                timeoutMs != null ? timeoutMs : DEFAULTS.timeoutMs,
                maxInputBytes != null ? maxInputBytes : DEFAULTS.maxInputBytes,
                maxOutputBytes != null ? maxOutputBytes : DEFAULTS.maxOutputBytes,
                maxWarmMemoryPages != null ? maxWarmMemoryPages : DEFAULTS.maxWarmMemoryPages);
    }

    /** The limits a function breaks when it goes past them. */
    public enum Kind {
        MEMORY("maxMemoryPages"), TIME("timeoutMs"), INPUT("maxInputBytes"), OUTPUT("maxOutputBytes");

        private final String manifestField;

        Kind(String manifestField) {
            this.manifestField = manifestField;
        }

        public String manifestField() {
            return manifestField;
        }
    }
}
