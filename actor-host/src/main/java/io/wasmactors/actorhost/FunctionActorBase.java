package io.wasmactors.actorhost;

import io.dapr.actors.ActorId;
import io.dapr.actors.ActorType;
import io.dapr.actors.runtime.AbstractActor;
import io.dapr.actors.runtime.ActorRuntimeContext;
import io.wasmactors.actors.ActorReply;
import io.wasmactors.actors.ActorRequest;
import io.wasmactors.actors.ActorStats;
import io.wasmactors.actors.FunctionActor;
import io.wasmactors.actors.InvocationCounter;
import io.wasmactors.runtime.function.FunctionException;
import io.wasmactors.runtime.function.FunctionInstance;
import io.wasmactors.runtime.function.InstanceStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;

import java.time.Instant;
import java.util.UUID;

/**
 * An actor of one function: it holds one warm instance from activation to
 * deactivation. Dapr runs one call at a time per actor id. Each function gets a
 * subclass generated at start-up whose only addition is its actor type name.
 */
public abstract class FunctionActorBase extends AbstractActor implements FunctionActor {
    private static final Logger LOG = LoggerFactory.getLogger(FunctionActorBase.class);
    private final ActorServices services;
    private final String function;
    private FunctionInstance instance;

    public FunctionActorBase(ActorRuntimeContext<?> context, ActorId id, ActorServices services) {
        super(context, id);
        this.services = services;
        this.function = getClass().getAnnotation(ActorType.class).name();
    }

    @Override
    protected Mono<Void> onActivate() {
        return Mono.fromRunnable(() -> {
            instance = services.runtime().newInstance(function);
            instance.warm();
            services.active().activated(key(), this);
        }).subscribeOn(services.workers()).then();
    }

    @Override
    protected Mono<Void> onDeactivate() {
        return Mono.fromRunnable(() -> {
            services.active().deactivated(key());
            instance.close();
        }).subscribeOn(services.workers()).then();
    }

    @Override
    public Mono<byte[]> invoke(byte[] input) {
        // A plain Dapr client sends no request id: each of its calls counts.
        return runCounted(input, UUID.randomUUID().toString());
    }

    @Override
    public Mono<byte[]> call(byte[] request) {
        long start = System.nanoTime();
        ActorRequest decoded = ActorRequest.decode(request);
        return runCounted(decoded.input(), decoded.requestId())
                .map(output -> ActorReply.success(id(), services.hostName(), millisSince(start), output))
                .onErrorResume(FunctionException.class, e -> Mono.just(
                        ActorReply.failure(id(), services.hostName(), millisSince(start), e.kind(), e.getMessage())))
                .map(ActorReply::encode);
    }

    @Override
    public Mono<ActorStats> stats() {
        return Mono.just(currentStats());
    }

    ActorStats currentStats() {
        InstanceStats stats = instance.stats();
        return new ActorStats(function, id(), services.hostName(), stats.calls(), stats.failures(),
                stats.instantiations(), stats.warm(), stats.memoryPages());
    }

    private String key() {
        return function + "/" + id();
    }

    /**
     * Runs the function while its count is written, and takes the count back if the
     * function fails. Both always finish before the turn ends: the instance must not
     * run two calls at once, and a count must not be taken back before it is written.
     */
    private Mono<byte[]> runCounted(byte[] input, String requestId) {
        BatchingCounter counter = services.counter(function);
        Mono<Void> recorded = counter.record(new InvocationCounter.Invocation(requestId, Instant.now().toString()));
        return Mono.zipDelayError(run(input).materialize(), recorded.then(Mono.just(requestId)))
                .flatMap(both -> {
                    Signal<byte[]> outcome = both.getT1();
                    if (outcome.isOnError()) {
                        return counter.forget(requestId)
                                .onErrorResume(e -> {
                                    LOG.warn("could not take back the count of failed call {} of {}: {}", requestId, function, e.toString());
                                    return Mono.empty();
                                })
                                .then(Mono.error(outcome.getThrowable()));
                    }
                    return Mono.just(outcome.get());
                });
    }

    private Mono<byte[]> run(byte[] input) {
        byte[] bytes = input == null ? new byte[0] : input;
        return Mono.fromCallable(() -> instance.invoke(bytes)).subscribeOn(services.workers());
    }

    private String id() {
        return getId().toString();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
