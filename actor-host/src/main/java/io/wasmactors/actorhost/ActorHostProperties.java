package io.wasmactors.actorhost;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Settings under {@code wasmactors.host.*}.
 *
 * @param name          how this host calls itself in X-Host and stats (default: hostname:port)
 * @param functions     the functions this host serves, as actor types; empty: every function in the directory
 * @param functionsDir  function manifests and modules (default: see {@code RuntimePaths.functions()})
 * @param modelsDir     models (default: see {@code RuntimePaths.models()})
 * @param workers       threads running Wasm and TFLite work (0: one per core)
 * @param idleTimeout   Dapr deactivates an actor unused this long, which frees its Wasm instance
 */
@ConfigurationProperties("wasmactors.host")
public record ActorHostProperties(String name, List<String> functions, Path functionsDir, Path modelsDir,
                                  int workers, Duration idleTimeout) {
    public ActorHostProperties {
        functions = functions == null ? List.of() : List.copyOf(functions);
        workers = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
        idleTimeout = idleTimeout == null ? Duration.ofMinutes(5) : idleTimeout;
    }
}
