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

    /**
     * Stops a call running on another thread, which then fails with {@link GuestFailure.Reason#INTERRUPTED};
     * the instance is unusable afterwards. Engines that watch the calling thread's interrupt flag need nothing here.
     */
    void interrupt();

    GuestMemory memory();

    @Override
    void close();
}
