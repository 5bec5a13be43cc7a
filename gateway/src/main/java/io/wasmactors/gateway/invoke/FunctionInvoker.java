package io.wasmactors.gateway.invoke;

import io.wasmactors.actors.ClusterView;
import io.wasmactors.runtime.function.FunctionManifest;
import io.wasmactors.runtime.function.UnknownFunction;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * How the gateway runs a function: in this process (embedded) or on an actor
 * through Dapr. Implementations never block the calling (event-loop) thread.
 */
public interface FunctionInvoker {
    List<FunctionManifest> functions();

    /** The manifest of {@code name}; throws {@link UnknownFunction} when there is none. */
    default FunctionManifest manifest(String name) {
        return functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(() -> new UnknownFunction(name));
    }

    /**
     * Runs {@code function} on {@code input}.
     *
     * @param key picks the actor id (same key, same warm instance); null spreads calls over the function's instances
     */
    Mono<Invocation> invoke(String function, byte[] input, String key);

    /** How often {@code function} was invoked and when last. */
    Mono<InvokeCount> invokeCount(String function);

    /** The hosts running functions now and the actors active on each. */
    Mono<ClusterView> cluster();
}
