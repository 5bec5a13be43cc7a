package io.wasmactors.actors;

import io.dapr.actors.ActorMethod;
import reactor.core.publisher.Mono;

/**
 * The methods of every function's actor type (the type name is the function name).
 * Payloads are raw bytes; Dapr's default serializer passes {@code byte[]} through.
 */
public interface FunctionActor {
    // "returns" is how the SDK proxy learns the type inside Mono, which erasure hides.

    /** For any Dapr client: input bytes in, the function's output out; a failure is an actor error. */
    @ActorMethod(name = "invoke", returns = byte[].class)
    Mono<byte[]> invoke(byte[] input);

    /**
     * For the gateway: an {@link ActorRequest} in, an {@link ActorReply} out, so failures keep
     * their kind and a retried request is counted once.
     */
    @ActorMethod(name = "call", returns = byte[].class)
    Mono<byte[]> call(byte[] request);

    @ActorMethod(name = "stats", returns = ActorStats.class)
    Mono<ActorStats> stats();
}
