package io.wasmactors.runtime.engine;

/**
 * A WebAssembly engine. Implementations cache compiled modules by content, so
 * compiling the same bytes twice costs a lookup.
 */
public interface WasmEngine {
    CompiledModule compile(byte[] wasm);
}
