package io.wasmactors.runtime.host.nn;

/** WASI-NN error numbers of the wasi-nn crate 0.1–0.6 / WasmEdge ABI. */
public enum NnErrno {
    SUCCESS, INVALID_ARGUMENT, INVALID_ENCODING, MISSING_MEMORY, BUSY,
    RUNTIME_ERROR, UNSUPPORTED_OPERATION, TOO_LARGE, NOT_FOUND;

    public int code() {
        return ordinal();
    }

    public String describe() {
        return name().toLowerCase().replace('_', ' ');
    }
}
