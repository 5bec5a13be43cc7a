package io.wasmactors.actors;

import io.dapr.actors.ActorMethod;
import io.dapr.actors.ActorType;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Counts a function's successful invocations in actor state (Redis), one actor
 * per function (id = function name), so counts survive host restarts. A function
 * actor records a call while the function runs, and takes the count back when
 * the function fails, so a successful call waits for the slower of the two
 * rather than for their sum. Once a host has a few writes in flight, it records
 * the calls that arrive meanwhile together, in one turn of this actor.
 */
@ActorType(name = InvocationCounter.TYPE)
public interface InvocationCounter {
    String TYPE = "invocations";

    /** Counts one invocation, unless {@code requestId} was counted already. Hosts of earlier versions call this. */
    @ActorMethod(name = "record")
    Mono<Void> record(Invocation invocation);

    /** Counts each invocation, in order, unless its {@code requestId} was counted already. */
    @ActorMethod(name = "recordAll")
    Mono<Void> recordAll(Invocations invocations);

    /** Takes back the count of {@code requestId}, a call that failed after it was recorded. */
    @ActorMethod(name = "forget")
    Mono<Void> forget(String requestId);

    /** @param invokedAt ISO-8601 instant */
    record Invocation(String requestId, String invokedAt) {
    }

    /** Several invocations in one payload (a generic list as the parameter would reach the actor as maps). */
    record Invocations(List<Invocation> invocations) {
    }

    @ActorMethod(name = "get", returns = InvocationCount.class)
    Mono<InvocationCount> get();
}
