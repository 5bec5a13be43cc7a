package io.wasmactors.actors;

import io.dapr.actors.ActorMethod;
import io.dapr.actors.ActorType;
import reactor.core.publisher.Mono;

/**
 * Where actor hosts report themselves every second (one actor, id {@link #ID}),
 * so the gateway learns the live hosts and their actors through Dapr itself.
 * Its memory is not persisted: after a move it is whole again within a second.
 */
@ActorType(name = ClusterRegistry.TYPE)
public interface ClusterRegistry {
    String TYPE = "cluster";
    String ID = "registry";

    @ActorMethod(name = "heartbeat")
    Mono<Void> heartbeat(HostStatus status);

    /** Hosts that reported within the last {@code maxAgeMs}. */
    @ActorMethod(name = "hosts", returns = ClusterView.class)
    Mono<ClusterView> hosts(long maxAgeMs);
}
