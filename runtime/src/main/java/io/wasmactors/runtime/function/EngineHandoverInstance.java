package io.wasmactors.runtime.function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A handler served by one engine until another, warming up on copies of the same
 * inputs in the background, answers them as fast; then the other serves the inputs
 * it has proven fast on. GraalWasm interprets a module's first calls (grayscale: 5 s,
 * then about 1 s each for a few dozen calls) before Graal has compiled it, where
 * Chicory answers in 90 ms after its first call: callers get Chicory's answers
 * meanwhile, and GraalWasm's speed after.
 *
 * <p>"As fast" counts the CPU each engine's thread spent on the input, not the time
 * the call took, which on two cores shared with the compilers and the other engine
 * varies with what else runs: by the clock, GraalWasm, which takes two to five times
 * Chicory's time on testkit's 32 KB echo (the two called in turn), came out as fast
 * three times in a row now and then, and took over.
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
 * <p>A photo unlike those seen so far deoptimizes Graal's code even at a proven size
 * (grayscale: 2.4-3.4 s for a first {@code cat_720p.jpg}, where Chicory takes 0.35 s).
 * So the caller waits for the successor as long as the first engine has typically taken
 * (the successor, warm, is about three times faster); then the first engine runs the same
 * input too, and the caller gets whichever answer comes first. The other call runs to its
 * end in the background (a cancelled GraalWasm call would lose its instance and what Graal
 * learns from the input): a raced call costs up to twice the CPU, a hostile input two time
 * limits on two cores.
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
    /**
     * The caller waits for the successor as long as the first engine typically takes, at least
     * this long, so a pause of the JVM or the machine does not double a short call's CPU.
     */
    private static final long PATIENCE_AT_LEAST_NANOS = 50_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(EngineHandoverInstance.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final String function;
    private final FunctionInstance first;
    private final FunctionInstance successor;
    private final Executor shadows;
    private final Executor servedCalls;
    /** Held by whichever thread calls the successor; a permit, not a lock, as a served call releases it on another thread. */
    private final Semaphore successorFree = new Semaphore(1);
    private final RecentDurations firstEngineTimes = new RecentDurations(16);
    /** The largest input the successor has answered in the background at least as fast as the first engine. */
    private volatile long provenBytes = -1;
    private volatile boolean ready;
    private volatile boolean closed;
    private boolean announced;
    /** Touched by background calls only, which run one at a time. */
    private int fastInARow;
    private long calls;
    private long failures;

    EngineHandoverInstance(String function, FunctionInstance first, FunctionInstance successor, Executor shadows,
                           Executor servedCalls) {
        this.function = function;
        this.first = first;
        this.successor = successor;
        this.shadows = shadows;
        this.servedCalls = servedCalls;
    }

    @Override
    public synchronized byte[] invoke(byte[] input) {
        calls++;
        try {
            if (ready && input.length <= provenBytes && successorFree.tryAcquire()) {
                announceHandover();
                return servedBySuccessor(input);
            }
            long start = System.nanoTime();
            long startCpu = THREADS.getCurrentThreadCpuTime();
            byte[] output = first.invoke(input);
            long firstEngineCpuNanos = THREADS.getCurrentThreadCpuTime() - startCpu;
            long firstEngineNanos = System.nanoTime() - start;
            firstEngineTimes.record(firstEngineNanos);
            if (!ready || (input.length > provenBytes && firstEngineNanos <= SHADOW_AT_MOST_NANOS)) {
                shadow(input, firstEngineCpuNanos);
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

    private byte[] servedBySuccessor(byte[] input) {
        CompletableFuture<byte[]> bySuccessor = CompletableFuture.supplyAsync(() -> onHeldSuccessor(input), servedCalls);
        long patience = Math.max(PATIENCE_AT_LEAST_NANOS, firstEngineTimes.medianNanos());
        try {
            try {
                return bySuccessor.get(patience, TimeUnit.NANOSECONDS);
            } catch (TimeoutException slow) {
                LOG.debug("{}: call {} took the warmed-up engine over {} ms; the first engine races it", function, calls,
                        patience / 1_000_000);
                return raceOnFirst(input, bySuccessor).get();
            }
        } catch (ExecutionException e) {
            throw asTheCallerMeetsIt(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(function + ": interrupted while waiting for the answer", e);
        }
    }

    private byte[] onHeldSuccessor(byte[] input) {
        try {
            return successor.invoke(input);
        } finally {
            releaseSuccessor();
        }
    }

    /**
     * The successor's answer if it comes first, else the first engine's outcome: a failure the
     * successor meets late is most likely its time limit, not something the input did.
     */
    private CompletableFuture<byte[]> raceOnFirst(byte[] input, CompletableFuture<byte[]> bySuccessor) {
        CompletableFuture<byte[]> earliest = new CompletableFuture<>();
        bySuccessor.thenAccept(earliest::complete);
        CompletableFuture.supplyAsync(() -> first.invoke(input), servedCalls).whenComplete((output, failure) -> {
            if (failure == null) {
                earliest.complete(output);
            } else {
                earliest.completeExceptionally(failure);
            }
        });
        return earliest;
    }

    /** What the call threw, as the caller would have met it calling on its own thread. */
    private static RuntimeException asTheCallerMeetsIt(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    private void shadow(byte[] input, long firstEngineCpuNanos) {
        try {
            shadows.execute(() -> inBackground(() -> {
                long startCpu = THREADS.getCurrentThreadCpuTime();
                try {
                    successor.invoke(input);
                } catch (FunctionException e) {
                    // The first engine answered the caller; a failure here only delays the handover.
                    fastInARow = 0;
                    return;
                }
                if (THREADS.getCurrentThreadCpuTime() - startCpu > firstEngineCpuNanos) {
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
        successorFree.acquireUninterruptibly();
        try {
            if (!closed) {
                work.run();
            }
        } finally {
            releaseSuccessor();
        }
    }

    private void releaseSuccessor() {
        successorFree.release();
        closeSuccessorIfClosed();
    }

    private void closeSuccessorIfClosed() {
        if (closed && successorFree.tryAcquire()) {
            try {
                successor.close();
            } finally {
                successorFree.release();
            }
        }
    }

    /** Of the successor once it serves, unless a background call holds it: a stats read must not wait seconds. */
    @Override
    public synchronized InstanceStats stats() {
        InstanceStats current = first.stats();
        if (announced && successorFree.tryAcquire()) {
            try {
                current = successor.stats();
            } finally {
                successorFree.release();
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
