package io.wasmactors.actorhost;

import io.dapr.actors.ActorId;
import io.dapr.actors.runtime.AbstractActor;
import io.dapr.actors.runtime.ActorRuntimeContext;
import io.dapr.utils.TypeRef;
import io.wasmactors.actors.InvocationCount;
import io.wasmactors.actors.InvocationCounter;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps one function's invocation count in actor state; Dapr saves it to Redis
 * after each call. The ids of the latest requests are kept too, so a request that
 * Dapr retried after its first attempt was counted is not counted again, and a
 * failed call's count can be taken back.
 */
public class InvocationCounterActor extends AbstractActor implements InvocationCounter {
    private static final String COUNT = "count";
    private static final String RECENT = "recent";
    /** More than the calls that can be in flight at once, so a retry still finds its first attempt. */
    private static final int RECENT_REQUESTS = 256;

    public InvocationCounterActor(ActorRuntimeContext<InvocationCounterActor> context, ActorId id) {
        super(context, id);
    }

    @Override
    public Mono<Void> record(Invocation invocation) {
        return recent().flatMap(recent -> {
            if (recent.contains(invocation.requestId())) {
                return Mono.empty();
            }
            List<String> updated = new ArrayList<>(recent);
            updated.add(invocation.requestId());
            if (updated.size() > RECENT_REQUESTS) {
                updated.remove(0);
            }
            return current().flatMap(count -> store(new InvocationCount(count.count() + 1, invocation.invokedAt()), updated));
        });
    }

    @Override
    public Mono<Void> forget(String requestId) {
        return recent().flatMap(recent -> {
            if (!recent.contains(requestId)) {
                return Mono.empty();
            }
            List<String> updated = new ArrayList<>(recent);
            updated.remove(requestId);
            // The last-invoked time stays: it is of a call that ran, if not to its end.
            return current().flatMap(count -> store(new InvocationCount(count.count() - 1, count.lastInvoked()), updated));
        });
    }

    @Override
    public Mono<InvocationCount> get() {
        return current();
    }

    private Mono<InvocationCount> current() {
        return getActorStateManager().contains(COUNT).flatMap(present -> present
                ? getActorStateManager().get(COUNT, InvocationCount.class)
                : Mono.just(InvocationCount.NONE));
    }

    private Mono<Void> store(InvocationCount count, List<String> recent) {
        return getActorStateManager().set(COUNT, count).then(getActorStateManager().set(RECENT, recent));
    }

    private Mono<List<String>> recent() {
        return getActorStateManager().contains(RECENT).flatMap(present -> present
                ? getActorStateManager().get(RECENT, new TypeRef<List<String>>() { })
                : Mono.just(List.of()));
    }
}
