package io.wasmactors.actors;

import io.dapr.actors.ActorMethod;
import io.dapr.actors.ActorType;
import reactor.core.publisher.Mono;

/**
 * Counts a function's successful invocations in actor state (Redis), one actor
 * per function (id = function name), so counts survive host restarts.
 */
@ActorType(name = InvocationCounter.TYPE)
public interface InvocationCounter {
    String TYPE = "invocations";

    /** Counts one successful invocation, unless {@code requestId} was counted already. */
    @ActorMethod(name = "record")
    Mono<Void> record(Invocation invocation);

    /** @param invokedAt ISO-8601 instant */
    record Invocation(String requestId, String invokedAt) {
    }

    @ActorMethod(name = "get", returns = InvocationCount.class)
    Mono<InvocationCount> get();
}
