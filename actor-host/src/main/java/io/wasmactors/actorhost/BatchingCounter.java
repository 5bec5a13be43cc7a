package io.wasmactors.actorhost;

import io.wasmactors.actors.InvocationCounter;
import io.wasmactors.actors.InvocationCounter.Invocation;
import io.wasmactors.actors.InvocationCounter.Invocations;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/**
 * One function's counter as this host's actors use it: up to {@link #MAX_WRITES} writes
 * are in flight at once, and the calls recorded while they are go to the counter
 * together, in the next write. Each call still waits for the write that holds it, so a
 * count is stored before its call answers.
 *
 * <p>One counter actor serves a function across the cluster, one turn at a time, and
 * each turn costs an actor call, a state read and a Redis transaction. Recorded one by
 * one, the counts were what a host served cheap calls at: 16 clients of {@code imageinfo}
 * on a 1x1 PNG over 16 actor ids, 111–194 req/s against 280–487 batched (DEVELOPERS.md).
 */
final class BatchingCounter {
    /** Ids per write: a write's JSON stays small, and far below the 256 latest ids the counter keeps. */
    static final int MAX_BATCH = 64;
    /**
     * Writes in flight: a few calls at once are written each at once, as before batching, since
     * Dapr queues them at the counter while one is in its turn. One write at a time lost to that:
     * 108–121 against 137–147 req/s with 8 clients of {@code imageinfo} on its 2 actor ids.
     */
    static final int MAX_WRITES = 4;

    private final InvocationCounter counter;
    private final Queue<Waiting> waiting = new ArrayDeque<>();
    private int writing;

    private record Waiting(Invocation invocation, MonoSink<Void> recorded) {
    }

    BatchingCounter(InvocationCounter counter) {
        this.counter = counter;
    }

    /** Completes once a write holding {@code invocation} is stored; fails with that write. */
    Mono<Void> record(Invocation invocation) {
        return Mono.create(recorded -> {
            synchronized (this) {
                waiting.add(new Waiting(invocation, recorded));
                if (writing == MAX_WRITES) {
                    return;
                }
                writing++;
            }
            writeNext();
        });
    }

    /** Takes back the count of a call that failed; rare, so never batched. */
    Mono<Void> forget(String requestId) {
        return counter.forget(requestId);
    }

    private void writeNext() {
        List<Waiting> batch = new ArrayList<>();
        synchronized (this) {
            while (!waiting.isEmpty() && batch.size() < MAX_BATCH) {
                batch.add(waiting.poll());
            }
            if (batch.isEmpty()) {
                writing--;
                return;
            }
        }
        // Deferred: a proxy that throws before its call fails every call of the batch and frees the
        // write's place, rather than failing one caller and leaving the others waiting.
        Mono.defer(() -> counter.recordAll(new Invocations(batch.stream().map(Waiting::invocation).toList())))
                .subscribe(null,
                        error -> {
                            batch.forEach(call -> call.recorded().error(error));
                            writeNext();
                        },
                        () -> {
                            batch.forEach(call -> call.recorded().success());
                            writeNext();
                        });
    }
}
