package io.wasmactors.gateway.invoke;

import java.time.Instant;

/** @param lastInvoked null when never invoked */
public record InvokeCount(String function, long count, Instant lastInvoked) {
}
