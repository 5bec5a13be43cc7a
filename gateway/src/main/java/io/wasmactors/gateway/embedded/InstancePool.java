package io.wasmactors.gateway.embedded;

import io.wasmactors.runtime.function.FunctionInstance;
import io.wasmactors.actors.ActorStats;
import io.wasmactors.runtime.function.FunctionRuntime;
import io.wasmactors.runtime.function.InstanceStats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded stand-in for a function's actors: a fixed set of slots, each a
 * warm instance serving one call at a time. Calls without a key go round-robin;
 * calls with a key always reach the same slot, as they would reach the same actor id.
 */
final class InstancePool implements AutoCloseable {
    record Slot(String id, FunctionInstance instance) {
    }

    private final List<Slot> slots = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    InstancePool(FunctionRuntime runtime, String function, int size) {
        for (int i = 0; i < size; i++) {
            slots.add(new Slot(function + "-" + i, runtime.newInstance(function)));
        }
    }

    Slot pick(String key) {
        int index = key == null ? next.getAndIncrement() : key.hashCode();
        return slots.get(Math.floorMod(index, slots.size()));
    }

    /** The slots in use so far, described as the actors they stand in for. */
    List<ActorStats> stats(String host) {
        return slots.stream()
                .filter(slot -> slot.instance().stats().calls() > 0)
                .map(slot -> {
                    InstanceStats stats = slot.instance().stats();
                    return new ActorStats(stats.function(), slot.id(), host, stats.calls(), stats.failures(),
                            stats.instantiations(), stats.warm(), stats.memoryPages());
                })
                .toList();
    }

    @Override
    public void close() {
        slots.forEach(slot -> slot.instance().close());
    }
}
