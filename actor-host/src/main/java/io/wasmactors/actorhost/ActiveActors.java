package io.wasmactors.actorhost;

import io.wasmactors.actors.ActorStats;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The function actors active on this host right now, for its stats endpoint and the cluster view. */
public final class ActiveActors {
    private final Map<String, FunctionActorBase> active = new ConcurrentHashMap<>();

    void activated(String key, FunctionActorBase actor) {
        active.put(key, actor);
    }

    void deactivated(String key) {
        active.remove(key);
    }

    List<ActorStats> stats() {
        return active.values().stream()
                .map(FunctionActorBase::currentStats)
                .sorted(Comparator.comparing(ActorStats::actorType).thenComparing(ActorStats::actorId))
                .toList();
    }
}
