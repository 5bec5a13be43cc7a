package io.wasmactors.actorhost;

import io.dapr.actors.ActorId;
import io.dapr.actors.client.ActorClient;
import io.dapr.actors.client.ActorProxyBuilder;
import io.wasmactors.actors.ClusterRegistry;
import io.wasmactors.actors.HostStatus;
import io.wasmactors.runtime.function.FunctionRuntime;
import io.wasmactors.runtime.function.RegisteredFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/** Reports this host and its active actors to the {@link ClusterRegistry} every second. */
@Component
class Heartbeat {
    static final Duration PERIOD = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

    private final ActorServices services;
    private final FunctionRuntime runtime;
    private final ClusterRegistry registry;
    private Disposable beating;

    Heartbeat(ActorServices services, FunctionRuntime runtime, ActorClient client) {
        this.services = services;
        this.runtime = runtime;
        this.registry = new ActorProxyBuilder<>(ClusterRegistry.class, client).build(new ActorId(ClusterRegistry.ID));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        beating = Flux.interval(PERIOD)
                // A beat still under way when the next is due: skip the next.
                .onBackpressureDrop()
                .concatMap(tick -> registry.heartbeat(status())
                        .timeout(PERIOD)
                        // The sidecar may not be up yet, or the registry moving: the next beat tries again.
                        .onErrorResume(e -> {
                            log.debug("heartbeat not delivered: {}", e.toString());
                            return Mono.empty();
                        }))
                .subscribe();
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        if (beating != null) {
            beating.dispose();
        }
    }

    HostStatus status() {
        return new HostStatus(services.hostName(), runtime.registry().all().stream().map(RegisteredFunction::name).toList(),
                services.active().stats(), System.currentTimeMillis());
    }
}
