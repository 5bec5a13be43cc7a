package io.wasmactors.actorhost;

import io.dapr.actors.ActorId;
import io.dapr.actors.runtime.AbstractActor;
import io.dapr.actors.runtime.ActorRuntimeContext;
import io.wasmactors.actors.ClusterRegistry;
import io.wasmactors.actors.ClusterView;
import io.wasmactors.actors.HostStatus;
import reactor.core.publisher.Mono;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keeps the last report of each host in memory; Dapr runs one call at a time, so no locking. */
public class ClusterRegistryActor extends AbstractActor implements ClusterRegistry {
    private final Map<String, HostStatus> hosts = new LinkedHashMap<>();

    public ClusterRegistryActor(ActorRuntimeContext<ClusterRegistryActor> context, ActorId id) {
        super(context, id);
    }

    @Override
    public Mono<Void> heartbeat(HostStatus status) {
        hosts.put(status.host(), new HostStatus(status.host(), status.actorTypes(), status.actors(), System.currentTimeMillis()));
        return Mono.empty();
    }

    @Override
    public Mono<ClusterView> hosts(long maxAgeMs) {
        long oldest = System.currentTimeMillis() - maxAgeMs;
        hosts.values().removeIf(status -> status.seenAtMs() < oldest);
        return Mono.just(new ClusterView(hosts.values().stream().sorted(Comparator.comparing(HostStatus::host)).toList()));
    }
}
