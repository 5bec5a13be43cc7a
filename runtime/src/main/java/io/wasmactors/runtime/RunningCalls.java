package io.wasmactors.runtime;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many Wasm calls run in this process right now, on any instance and engine. It is
 * process-wide because the cores are: a computation that could spread over several cores
 * asks whether it runs alone.
 */
public final class RunningCalls {
    private static final AtomicInteger COUNT = new AtomicInteger();

    private RunningCalls() {
    }

    /** Counts a call until the returned scope closes. */
    public static Scope enter() {
        COUNT.incrementAndGet();
        return COUNT::decrementAndGet;
    }

    /** True while no call runs but, possibly, the caller's own. */
    public static boolean atMostOne() {
        return COUNT.get() <= 1;
    }

    /** A counted call; closing it ends the count. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
