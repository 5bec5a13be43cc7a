package io.wasmactors.runtime.function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A handler served by one engine until another, warming up on copies of the same
 * inputs in the background, answers them as fast; then the other serves the inputs
 * it has proven fast on. GraalWasm interprets a module's first calls (grayscale: 5 s,
 * then about 1 s each for a few dozen calls) before Graal has compiled it, where
 * Chicory answers in 90 ms after its first call: callers get Chicory's answers
 * meanwhile, and GraalWasm's speed after.
 *
 * <p>Graal compiles for the inputs it has seen: the first 12-megapixel photo after
 * grayscale's handover (proven on 200 KB photos) fell back to the interpreter and
 * passed the 10 s limit, where Chicory takes 2.2 s. So the first engine stays: an
 * input larger than any the successor has answered as fast as the first engine is
 * served by the first engine (and, if the first engine answered it within half a
 * second, run again on the successor in the background, so the proven size grows);
 * a call that arrives while a background call holds the successor is served by the
 * first engine too. The first engine's time, not the size, decides which larger
 * inputs are tried: with a step in size, 500 KB photos never reached a successor
 * proven on 200 KB ones.
 *
 * <p>Background calls run on {@code shadows} one at a time and are skipped while one
 * runs, so warming up takes at most one core. A handler's state in its Wasm memory
 * is not shared between the two engines' instances.
 */
final class EngineHandoverInstance implements FunctionInstance {
    /** Background calls in a row at least as fast as the first engine's before the successor serves. */
    private static final int FAST_IN_A_ROW = 3;
    /**
     * Once the successor serves, a larger input than it has proven is run in the background
     * only if the first engine answered it within this time: the successor, not compiled for
     * it yet, takes several times as long, and far longer (the whole time limit, in its
     * interpreter) on an input far beyond any it has seen: a core taken from the callers.
     */
    private static final long SHADOW_AT_MOST_NANOS = 500_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(EngineHandoverInstance.class);

    private final String function;
    private final FunctionInstance first;
    private final FunctionInstance successor;
    private final Executor shadows;
    private final ReentrantLock successorInUse = new ReentrantLock();
    /** The largest input the successor has answered in the background at least as fast as the first engine. */
    private volatile long provenBytes = -1;
    private volatile boolean ready;
    private volatile boolean closed;
    private boolean announced;
    /** Touched by background calls only, which run one at a time. */
    private int fastInARow;
    private long calls;
    private long failures;

    EngineHandoverInstance(String function, FunctionInstance first, FunctionInstance successor, Executor shadows) {
        this.function = function;
        this.first = first;
        this.successor = successor;
        this.shadows = shadows;
    }

    @Override
    public synchronized byte[] invoke(byte[] input) {
        calls++;
        try {
            if (ready && input.length <= provenBytes && successorInUse.tryLock()) {
                try {
                    announceHandover();
                    return successor.invoke(input);
                } finally {
                    successorInUse.unlock();
                }
            }
            long start = System.nanoTime();
            byte[] output = first.invoke(input);
            long firstEngineNanos = System.nanoTime() - start;
            if (!ready || (input.length > provenBytes && firstEngineNanos <= SHADOW_AT_MOST_NANOS)) {
                shadow(input, firstEngineNanos);
            }
            return output;
        } catch (FunctionException e) {
            failures++;
            throw e;
        }
    }

    private void announceHandover() {
        if (!announced) {
            announced = true;
            LOG.info("{}: the warmed-up engine serves from call {} on, inputs up to {} bytes", function, calls, provenBytes);
        }
    }

    private void shadow(byte[] input, long firstEngineNanos) {
        try {
            shadows.execute(() -> inBackground(() -> {
                long start = System.nanoTime();
                try {
                    successor.invoke(input);
                } catch (FunctionException e) {
                    // The first engine answered the caller; a failure here only delays the handover.
                    fastInARow = 0;
                    return;
                }
                if (System.nanoTime() - start > firstEngineNanos) {
                    fastInARow = 0;
                    return;
                }
                fastInARow++;
                provenBytes = Math.max(provenBytes, input.length);
                ready = ready || fastInARow >= FAST_IN_A_ROW;
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

    /** Of the successor once it serves, unless a background call holds it: a stats read must not wait seconds. */
    @Override
    public synchronized InstanceStats stats() {
        InstanceStats current = first.stats();
        if (announced && successorInUse.tryLock()) {
            try {
                current = successor.stats();
            } finally {
                successorInUse.unlock();
            }
        }
        return new InstanceStats(function, calls, failures, current.instantiations(), current.warm(), current.memoryPages());
    }

    @Override
    public synchronized void warm() {
        first.warm();
        try {
            shadows.execute(() -> inBackground(successor::warm));
        } catch (RejectedExecutionException busy) {
            // The successor builds its instance on its first background call.
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        first.close();
        closeSuccessorIfClosed();
    }
}
