package io.wasmactors.runtime.engine;

/** A live instance; used by one thread at a time. */
public interface WasmInstance extends AutoCloseable {
    boolean exports(String function);

    /**
     * Calls an exported function.
     *
     * @throws GuestFailure when the guest traps, exits or is interrupted
     */
    long[] call(String function, long... args);

    GuestMemory memory();

    @Override
    void close();
}
