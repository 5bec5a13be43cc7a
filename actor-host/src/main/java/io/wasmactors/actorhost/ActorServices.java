package io.wasmactors.actorhost;

import io.dapr.actors.ActorId;
import io.dapr.actors.client.ActorClient;
import io.dapr.actors.client.ActorProxyBuilder;
import io.wasmactors.actors.InvocationCounter;
import io.wasmactors.runtime.function.FunctionRuntime;
import reactor.core.scheduler.Scheduler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every function actor of this host shares: the runtime, the worker pool
 * that runs Wasm (never the event loop), the host's name, the counters and the
 * list of active actors.
 */
public final class ActorServices {
    private final FunctionRuntime runtime;
    private final Scheduler workers;
    private final String hostName;
    private final ActorProxyBuilder<InvocationCounter> counterProxies;
    private final Map<String, BatchingCounter> counters = new ConcurrentHashMap<>();
    private final ActiveActors active;

    ActorServices(FunctionRuntime runtime, Scheduler workers, String hostName, ActorClient client, ActiveActors active) {
        this.runtime = runtime;
        this.workers = workers;
        this.hostName = hostName;
        this.counterProxies = new ActorProxyBuilder<>(InvocationCounter.class, client);
        this.active = active;
    }

    ActiveActors active() {
        return active;
    }

    FunctionRuntime runtime() {
        return runtime;
    }

    Scheduler workers() {
        return workers;
    }

    String hostName() {
        return hostName;
    }

    BatchingCounter counter(String function) {
        return counters.computeIfAbsent(function, name -> new BatchingCounter(counterProxies.build(new ActorId(name))));
    }
}
