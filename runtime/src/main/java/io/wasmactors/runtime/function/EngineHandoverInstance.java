package io.wasmactors.runtime.function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A handler served by one engine until another, warming up on copies of the same
 * inputs in the background, answers them as fast; then the other serves. GraalWasm
 * interprets a module's first calls (grayscale: 5 s, then about 1 s each for a few
 * dozen calls) before Graal has compiled it, where Chicory answers in 90 ms after
 * its first call: callers get Chicory's answers meanwhile, and GraalWasm's speed after.
 *
 * <p>Background calls run on {@code shadows} one at a time and are skipped while one
 * runs, so warming up takes at most one core. A handler's state in its Wasm memory
 * does not carry over to the instance that takes over, as after any discarded instance.
 */
final class EngineHandoverInstance implements FunctionInstance {
    /** Background calls in a row at least as fast as the serving instance's last call. */
    private static final int FAST_IN_A_ROW = 3;
    private static final Logger LOG = LoggerFactory.getLogger(EngineHandoverInstance.class);

    private final String function;
    private final FunctionInstance serving;
    private final FunctionInstance successor;
    private final Executor shadows;
    private final ReentrantLock successorInUse = new ReentrantLock();
    private volatile long servingNanos = Long.MAX_VALUE;
    private volatile boolean ready;
    private volatile boolean closed;
    private boolean handedOver;
    /** Touched by background calls only, which run one at a time. */
    private int fastInARow;
    private long calls;
    private long failures;

    EngineHandoverInstance(String function, FunctionInstance serving, FunctionInstance successor, Executor shadows) {
        this.function = function;
        this.serving = serving;
        this.successor = successor;
        this.shadows = shadows;
    }

    @Override
    public synchronized byte[] invoke(byte[] input) {
        calls++;
        try {
            if (ready && !handedOver) {
                handedOver = true;
                serving.close();
                LOG.info("{}: the warmed-up engine serves from call {} on", function, calls);
            }
            if (handedOver) {
                return successor.invoke(input);
            }
            long start = System.nanoTime();
            byte[] output = serving.invoke(input);
            servingNanos = System.nanoTime() - start;
            shadow(input);
            return output;
        } catch (FunctionException e) {
            failures++;
            throw e;
        }
    }

    private void shadow(byte[] input) {
        try {
            shadows.execute(() -> inBackground(() -> {
                long start = System.nanoTime();
                try {
                    successor.invoke(input);
                } catch (FunctionException e) {
                    // The serving engine answered the caller; a failure here only delays the handover.
                    fastInARow = 0;
                    return;
                }
                fastInARow = System.nanoTime() - start <= servingNanos ? fastInARow + 1 : 0;
                ready = fastInARow >= FAST_IN_A_ROW;
            }));
        } catch (RejectedExecutionException busy) {
            // A background call is running already; this input is not needed to warm up.
        }
    }

    /**
     * Runs {@code work} on the successor unless this slot is closed. close() does not wait for
     * background work (an interpreted call takes seconds): whichever of the two holds the
     * successor last closes it.
     */
    private void inBackground(Runnable work) {
        successorInUse.lock();
        try {
            if (!closed) {
                work.run();
            }
        } finally {
            successorInUse.unlock();
        }
        closeSuccessorIfClosed();
    }

    private void closeSuccessorIfClosed() {
        if (closed && successorInUse.tryLock()) {
            try {
                successor.close();
            } finally {
                successorInUse.unlock();
            }
        }
    }

    @Override
    public synchronized InstanceStats stats() {
        InstanceStats current = handedOver ? successor.stats() : serving.stats();
        return new InstanceStats(function, calls, failures, current.instantiations(), current.warm(), current.memoryPages());
    }

    @Override
    public synchronized void warm() {
        serving.warm();
        try {
            shadows.execute(() -> inBackground(successor::warm));
        } catch (RejectedExecutionException busy) {
            // The successor builds its instance on its first background call.
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        serving.close();
        closeSuccessorIfClosed();
    }
}
