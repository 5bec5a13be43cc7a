package io.wasmactors.runtime.function;

/**
 * One slot that runs a function, one call at a time: the unit an actor (or an
 * embedded pool slot) holds. A handler keeps its Wasm instance warm between
 * calls; a command gets a fresh instance per call from the warm compiled module.
 */
public interface FunctionInstance extends AutoCloseable {
    /**
     * Runs the function on {@code input}.
     *
     * @throws FunctionException when the function fails; the slot stays usable
     */
    byte[] invoke(byte[] input);

    InstanceStats stats();

    /** Builds the warm state now rather than on the first call (a handler's Wasm instance); a command has none. */
    void warm();

    /** Frees the Wasm instance and its WASI-NN contexts. */
    @Override
    void close();
}
