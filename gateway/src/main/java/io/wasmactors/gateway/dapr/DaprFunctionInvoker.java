package io.wasmactors.gateway.dapr;

import io.dapr.actors.ActorId;
import io.dapr.actors.client.ActorClient;
import io.dapr.actors.client.ActorProxyBuilder;
import io.dapr.exceptions.DaprException;
import io.wasmactors.actors.ActorReply;
import io.wasmactors.actors.ActorRequest;
import io.wasmactors.actors.ClusterRegistry;
import io.wasmactors.actors.ClusterView;
import io.wasmactors.actors.FunctionActor;
import io.wasmactors.actors.InvocationCounter;
import io.wasmactors.gateway.GatewayProperties;
import io.wasmactors.gateway.invoke.FunctionInvoker;
import io.wasmactors.gateway.invoke.Invocation;
import io.wasmactors.gateway.invoke.InvokeCount;
import io.wasmactors.gateway.invoke.NoAnswerInTime;
import io.wasmactors.gateway.invoke.NoHostAvailable;
import io.wasmactors.gateway.invoke.RemoteFunctionFailure;
import io.wasmactors.runtime.function.FunctionManifest;
import io.wasmactors.runtime.function.LimitExceeded;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs functions on actors through this gateway's Dapr sidecar. Calls without a
 * key go round-robin over {@code N} actor ids per function so that several run
 * at once (Dapr runs one call at a time per id); a key names the id itself.
 */
public class DaprFunctionInvoker implements FunctionInvoker {
    /** Hosts report every second; one that missed three reports is gone from the view. */
    private static final long HOST_REPORT_MAX_AGE_MS = 3_000;

    private final List<FunctionManifest> manifests;
    private final ActorClient client;
    private final int actorsPerFunction;
    private final Duration actorCallGrace;
    private final Map<String, ActorProxyBuilder<FunctionActor>> builders = new ConcurrentHashMap<>();
    private final ActorProxyBuilder<InvocationCounter> counters;
    /** Per function: one shared counter gave alternating classify and grayscale calls one actor id each. */
    private final Map<String, AtomicLong> nextId = new ConcurrentHashMap<>();
    private final ClusterRegistry registry;

    /** @param manifests the functions the hosts serve, read from the gateway's functions directory */
    public DaprFunctionInvoker(List<FunctionManifest> manifests, ActorClient client, GatewayProperties properties) {
        this.manifests = List.copyOf(manifests);
        this.client = client;
        this.actorsPerFunction = properties.actorsPerFunction();
        this.actorCallGrace = properties.actorCallGrace();
        this.counters = new ActorProxyBuilder<>(InvocationCounter.class, client);
        this.registry = new ActorProxyBuilder<>(ClusterRegistry.class, client).build(new ActorId(ClusterRegistry.ID));
    }

    @Override
    public List<FunctionManifest> functions() {
        return manifests;
    }

    @Override
    public Mono<Invocation> invoke(String function, byte[] input, String key) {
        FunctionManifest manifest = manifest(function);
        if (input.length > manifest.limits().maxInputBytes()) {
            // Refused here, as the function would: hosts read no payload larger than their functions' inputs (ActorPayloadLimit).
            return Mono.error(LimitExceeded.input(manifest, input.length));
        }
        String actorId = key != null ? key : function + "-" + nextId.computeIfAbsent(function, f -> new AtomicLong()).getAndIncrement() % idsFor(manifest);
        FunctionActor actor = builders.computeIfAbsent(function, type -> new ActorProxyBuilder<>(type, FunctionActor.class, client))
                .build(new ActorId(actorId));
        long start = System.nanoTime();
        Duration deadline = Duration.ofMillis(manifest.limits().timeoutMs()).plus(actorCallGrace);
        return answerWithin(deadline, "actor " + function + "/" + actorId,
                        actor.call(new ActorRequest(UUID.randomUUID().toString(), input).encode()))
                .onErrorMap(DaprException.class, e -> new NoHostAvailable("Dapr could not run " + function + " on actor " + actorId + ": " + e.getMessage(), e))
                .switchIfEmpty(Mono.error(() -> new NoHostAvailable("actor " + function + "/" + actorId + " gave no reply", null)))
                .map(ActorReply::decode)
                .flatMap(reply -> reply.ok()
                        ? Mono.just(new Invocation(reply.output(), reply.actorId(), reply.host(), (System.nanoTime() - start) / 1_000_000))
                        : Mono.error(new RemoteFunctionFailure(reply.error(), reply.detail())));
    }

    @Override
    public Mono<InvokeCount> invokeCount(String function) {
        manifest(function);
        return answerWithin(actorCallGrace, "the counter of " + function, counters.build(new ActorId(function)).get())
                .onErrorMap(DaprException.class, e -> new NoHostAvailable("Dapr could not read the counter of " + function + ": " + e.getMessage(), e))
                .map(count -> new InvokeCount(function, count.count(), count.lastInvoked() == null ? null : Instant.parse(count.lastInvoked())));
    }

    @Override
    public Mono<ClusterView> cluster() {
        return answerWithin(actorCallGrace, "the cluster registry", registry.hosts(HOST_REPORT_MAX_AGE_MS))
                .onErrorMap(DaprException.class, e -> new NoHostAvailable("Dapr could not reach the cluster registry: " + e.getMessage(), e));
    }

    /** Abandons a call to {@code actor} that gave no answer by the deadline: a hung host or sidecar must not hold the client. */
    private static <T> Mono<T> answerWithin(Duration deadline, String actor, Mono<T> call) {
        return call.timeout(deadline, Mono.error(() -> new NoAnswerInTime(actor + " gave no answer within " + deadline.toMillis() + " ms")));
    }

    private int idsFor(FunctionManifest manifest) {
        return actorsPerFunction > 0 ? actorsPerFunction : manifest.instances();
    }
}
