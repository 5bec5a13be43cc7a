package io.wasmactors.runtime.function;

import io.wasmactors.runtime.engine.GuestFailure;
import io.wasmactors.runtime.host.nn.NnError;

/** Turns how a guest call ended into the typed {@link FunctionException} a caller can act on. */
final class FailureTranslator {
    /** What Rust's allocator prints when memory cannot grow; other languages end in a trap at the limit. */
    private static final String ALLOCATION_FAILED = "memory allocation of";

    private FailureTranslator() {
    }

    static FunctionException translate(FunctionManifest manifest, GuestFailure failure, boolean timedOut,
                                       int memoryPages, NnError nnError, String stderr) {
        String name = manifest.name();
        Limits limits = manifest.limits();
        if (timedOut) {
            return new LimitExceeded(name, Limits.Kind.TIME, "ran longer than " + limits.timeoutMs() + " ms", stderr);
        }
        return switch (failure.reason()) {
            case MEMORY_LIMIT -> new LimitExceeded(name, Limits.Kind.MEMORY, failure.getMessage(), stderr);
            case INTERRUPTED -> new FunctionTrapped(name, "interrupted", stderr, failure);
            case EXIT -> nnError != null ? new NnFailed(name, nnError, stderr) : new FunctionExited(name, failure.exitCode(), stderr);
            case TRAP -> {
                if (stderr.contains(ALLOCATION_FAILED) || memoryPages >= limits.maxMemoryPages()) {
                    yield new LimitExceeded(name, Limits.Kind.MEMORY,
                            "needed more than " + limits.maxMemoryPages() + " pages (" + (limits.maxMemoryPages() / 16) + " MiB)", stderr);
                }
                yield nnError != null ? new NnFailed(name, nnError, stderr) : new FunctionTrapped(name, failure.getMessage(), stderr, failure);
            }
        };
    }
}
