package io.wasmactors.actors;

import io.dapr.actors.ActorMethod;
import io.dapr.actors.ActorType;
import reactor.core.publisher.Mono;

/**
 * Counts a function's successful invocations in actor state (Redis), one actor
 * per function (id = function name), so counts survive host restarts. A function
 * actor records a call while the function runs, and takes the count back when
 * the function fails, so a successful call waits for the slower of the two
 * rather than for their sum.
 */
@ActorType(name = InvocationCounter.TYPE)
public interface InvocationCounter {
    String TYPE = "invocations";

    /** Counts one invocation, unless {@code requestId} was counted already. */
    @ActorMethod(name = "record")
    Mono<Void> record(Invocation invocation);

    /** Takes back the count of {@code requestId}, a call that failed after it was recorded. */
    @ActorMethod(name = "forget")
    Mono<Void> forget(String requestId);

    /** @param invokedAt ISO-8601 instant */
    record Invocation(String requestId, String invokedAt) {
    }

    @ActorMethod(name = "get", returns = InvocationCount.class)
    Mono<InvocationCount> get();
}
