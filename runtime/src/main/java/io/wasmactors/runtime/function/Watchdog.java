package io.wasmactors.runtime.function;

import io.wasmactors.runtime.engine.WasmInstance;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Stops a guest that runs past its time limit: interrupts the calling thread (Chicory's
 * compiled code checks the flag) and the instance being watched (GraalWasm cancels it).
 */
final class Watchdog {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "wasm-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private Watchdog() {
    }

    /** Starts watching the calling thread; close the watch when the guest call returns. */
    static Watch watch(int timeoutMs) {
        return new Watch(Thread.currentThread(), timeoutMs);
    }

    static final class Watch implements AutoCloseable {
        private final Thread thread;
        private final ScheduledFuture<?> alarm;
        private boolean done;
        private boolean fired;
        private WasmInstance instance;

        private Watch(Thread thread, int timeoutMs) {
            this.thread = thread;
            this.alarm = TIMER.schedule(this::fire, timeoutMs, TimeUnit.MILLISECONDS);
        }

        private synchronized void fire() {
            if (!done) {
                fired = true;
                thread.interrupt();
                if (instance != null) {
                    instance.interrupt();
                }
            }
        }

        /** Also interrupts {@code watched} when the time is up (at once if it is up already). */
        synchronized void cover(WasmInstance watched) {
            instance = watched;
            if (fired && !done) {
                watched.interrupt();
            }
        }

        synchronized boolean fired() {
            return fired;
        }

        @Override
        public void close() {
            synchronized (this) {
                done = true;
            }
            alarm.cancel(false);
            // Clear an interrupt that fired but was not consumed, so it cannot hit the thread's next task.
            if (fired()) {
                Thread.interrupted();
            }
        }
    }
}
