package io.wasmactors.actorhost;

import io.wasmactors.runtime.function.FunctionManifest;

import java.util.Collection;

/**
 * The largest actor payload a host reads. A function call carries one input, framed with its
 * request id ({@code ActorRequest}), so the limit follows the largest {@code maxInputBytes} of the
 * functions the host serves: an input the gateway let through is never refused here for its size,
 * whatever the manifests allow, and no body larger than any of them is buffered.
 */
final class ActorPayloadLimit {
    /** Room for the frame around an input: its length and a JSON header holding a UUID. */
    private static final int FRAME = 4 << 10;
    /** The least a host reads, for its own actors' messages (counters, the cluster registry's host reports). */
    private static final int FLOOR = 1 << 20;

    private ActorPayloadLimit() {
    }

    static int bytes(Collection<FunctionManifest> functions) {
        long largestInput = functions.stream().mapToLong(function -> function.limits().maxInputBytes()).max().orElse(0);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(FLOOR, largestInput + FRAME));
    }
}
