package io.wasmactors.gateway.dapr;

import io.dapr.actors.ActorId;
import io.dapr.actors.client.ActorClient;
import io.dapr.actors.client.ActorProxyBuilder;
import io.dapr.client.DaprHttp;
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
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import java.io.IOException;
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
 * Function calls, which carry whole images, go over the sidecar's HTTP API: with
 * a 200 KB photo it answered 0.5 ms sooner than the SDK's gRPC actor proxy
 * (README, "Where the time went"). Counters and the registry use the proxies.
 */
public class DaprFunctionInvoker implements FunctionInvoker {
    /** Hosts report every second; one that missed three reports is gone from the view. */
    private static final long HOST_REPORT_MAX_AGE_MS = 3_000;

    private final List<FunctionManifest> manifests;
    private final DaprHttp sidecar;
    private final int actorsPerFunction;
    private final Duration actorCallGrace;
    private final ActorProxyBuilder<InvocationCounter> counters;
    /** Per function: one shared counter gave alternating classify and grayscale calls one actor id each. */
    private final Map<String, AtomicLong> nextId = new ConcurrentHashMap<>();
    private final ClusterRegistry registry;

    /** @param manifests the functions the hosts serve, read from the gateway's functions directory */
    public DaprFunctionInvoker(List<FunctionManifest> manifests, ActorClient client, DaprHttp sidecar, GatewayProperties properties) {
        this.manifests = List.copyOf(manifests);
        this.sidecar = sidecar;
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
        String actorId = key != null ? key : function + "-" + nextId.computeIfAbsent(function, f -> new AtomicLong()).getAndIncrement() % idsFor(manifest);
        long start = System.nanoTime();
        Duration deadline = Duration.ofMillis(manifest.limits().timeoutMs()).plus(actorCallGrace);
        return answerWithin(deadline, "actor " + function + "/" + actorId,
                        call(function, actorId, new ActorRequest(UUID.randomUUID().toString(), input).encode()))
                .onErrorMap(e -> e instanceof DaprException || e instanceof IOException,
                        e -> new NoHostAvailable("Dapr could not run " + function + " on actor " + actorId + ": " + e.getMessage(), e))
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

    private Mono<byte[]> call(String function, String actorId, byte[] request) {
        String[] path = {DaprHttp.API_VERSION, "actors", function, actorId, "method", FunctionActor.CALL};
        return sidecar.invokeApi("POST", path, null, request, null, Context.empty()).map(DaprHttp.Response::getBody);
    }

    /** Abandons a call to {@code actor} that gave no answer by the deadline: a hung host or sidecar must not hold the client. */
    private static <T> Mono<T> answerWithin(Duration deadline, String actor, Mono<T> call) {
        return call.timeout(deadline, Mono.error(() -> new NoAnswerInTime(actor + " gave no answer within " + deadline.toMillis() + " ms")));
    }

    private int idsFor(FunctionManifest manifest) {
        return actorsPerFunction > 0 ? actorsPerFunction : manifest.instances();
    }
}
