package io.wasmactors.gateway.invoke;

/**
 * A successful call.
 *
 * @param actorId the actor (or embedded slot) that served it
 * @param host    the process that served it
 */
public record Invocation(byte[] output, String actorId, String host, long durationMs) {
}
