package io.wasmactors.actorhost;

import io.wasmactors.runtime.function.FunctionManifest;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;

/**
 * The shortest idle timeout a host accepts. Dapr 1.16 counts an actor idle from the start of its
 * last call and, once the timeout has passed, deactivates it even while that call still runs,
 * cancelling the call (pkg/actors/targets/app); the caller's sidecar retries it from scratch, so a
 * call longer than the idle timeout never answers. A call runs up to its function's {@code timeoutMs}
 * after it may have waited for a worker; the floor leaves it the gateway's default grace on top.
 */
final class IdleTimeoutFloor {
    /** As the gateway's default {@code wasmactors.actor-call-grace}. */
    private static final Duration BEYOND_TIME_LIMIT = Duration.ofSeconds(10);

    private IdleTimeoutFloor() {
    }

    /** Refuses {@code idleTimeout} when a call of one of {@code functions} could outlast it. */
    static void check(Duration idleTimeout, Collection<FunctionManifest> functions) {
        functions.stream().max(Comparator.comparingInt(function -> function.limits().timeoutMs())).ifPresent(longest -> {
            Duration floor = Duration.ofMillis(longest.limits().timeoutMs()).plus(BEYOND_TIME_LIMIT);
            if (idleTimeout.compareTo(floor) < 0) {
                throw new IllegalArgumentException("wasmactors.host.idle-timeout " + idleTimeout.toMillis() + " ms is shorter than "
                        + floor.toMillis() + " ms, the time limit of " + longest.name() + " (" + longest.limits().timeoutMs()
                        + " ms) plus " + BEYOND_TIME_LIMIT.toSeconds() + " s: Dapr would deactivate actors in the middle of"
                        + " their calls, cancelling them");
            }
        });
    }
}
