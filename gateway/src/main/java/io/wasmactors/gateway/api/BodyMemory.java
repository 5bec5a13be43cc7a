package io.wasmactors.gateway.api;

import io.wasmactors.gateway.GatewayProperties;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies the gateway holds at once. A body stays in memory from its read to
 * its answer, in Dapr mode several times over (read, framed for the actor, gRPC's message), so
 * without a bound a burst of uploads near {@code max-body-size} could exhaust the heap and fail
 * every call in the process. Past the bound a call answers 503 {@code busy}, as when the worker
 * queue is full.
 */
@Component
class BodyMemory {
    private final long capacity;
    private final AtomicLong held = new AtomicLong();

    BodyMemory(GatewayProperties properties) {
        this.capacity = properties.bodyMemory().toBytes();
    }

    /** Holds {@code bytes} more if they fit beside the bytes held already. */
    boolean tryHold(long bytes) {
        long before = held.getAndAccumulate(bytes, (now, more) -> now + more <= capacity ? now + more : now);
        return before + bytes <= capacity;
    }

    void release(long bytes) {
        held.addAndGet(-bytes);
    }

    /** The refusal of a body of {@code bytes} that did not fit. */
    BodyMemoryFull full(long bytes) {
        return new BodyMemoryFull("the gateway holds " + held.get() + " bytes of request bodies, at most " + capacity
                + " (wasmactors.body-memory), and this one may take " + bytes + "; retry shortly");
    }
}
