package io.wasmactors.actorhost;

import io.dapr.actors.ActorId;
import io.dapr.actors.runtime.AbstractActor;
import io.dapr.actors.runtime.ActorRuntimeContext;
import io.wasmactors.actors.InvocationCount;
import io.wasmactors.actors.InvocationCounter;
import reactor.core.publisher.Mono;

/** Keeps one function's invocation count in actor state; Dapr saves it to Redis after each call. */
public class InvocationCounterActor extends AbstractActor implements InvocationCounter {
    private static final String STATE = "count";

    public InvocationCounterActor(ActorRuntimeContext<InvocationCounterActor> context, ActorId id) {
        super(context, id);
    }

    @Override
    public Mono<Void> record(String invokedAt) {
        return current().flatMap(count -> getActorStateManager().set(STATE, new InvocationCount(count.count() + 1, invokedAt)));
    }

    @Override
    public Mono<InvocationCount> get() {
        return current();
    }

    private Mono<InvocationCount> current() {
        return getActorStateManager().contains(STATE).flatMap(present -> present
                ? getActorStateManager().get(STATE, InvocationCount.class)
                : Mono.just(InvocationCount.NONE));
    }
}
