package io.wasmactors.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import io.wasmactors.runtime.RuntimePaths;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings under {@code wasmactors.*}.
 *
 * @param mode         {@code embedded} runs functions in this process; {@code dapr} calls actors through a sidecar
 * @param maxBodySize  request bodies above this answer 413
 * @param workers      threads running Wasm and TFLite work (0: one per core)
 * @param queue        calls that may wait for a worker before 503
 * @param functionsDir embedded mode: the function manifests and modules (default: see {@link RuntimePaths#functions()})
 * @param modelsDir    embedded mode: the models (default: see {@link RuntimePaths#models()})
 * @param actorsPerFunction Dapr mode: calls without X-Actor-Key spread over this many actor ids per function
 *                     (0: the manifest's {@code instances})
 * @param actorCallGrace Dapr mode: how long past a function's {@code timeoutMs} the gateway waits for its
 *                     actor's answer (activation, hops, a retry by Dapr) before answering 504 {@code no_answer}
 * @param bodyMemory   request bodies held at once, from their read to their answer, before calls answer 503
 *                     (default: an eighth of the heap, as a body is held in several copies; at least maxBodySize)
 */
@ConfigurationProperties("wasmactors")
public record GatewayProperties(String mode, DataSize maxBodySize, int workers, int queue, Path functionsDir, Path modelsDir,
                                int actorsPerFunction, Duration actorCallGrace, DataSize bodyMemory) {
    public GatewayProperties {
        mode = mode == null ? "embedded" : mode;
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(10) : maxBodySize;
        workers = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
        queue = queue > 0 ? queue : 256;
        actorCallGrace = actorCallGrace == null ? Duration.ofSeconds(10) : actorCallGrace;
        bodyMemory = bodyMemory == null
                ? DataSize.ofBytes(Math.max(Runtime.getRuntime().maxMemory() / 8, maxBodySize.toBytes())) : bodyMemory;
        if (bodyMemory.toBytes() < maxBodySize.toBytes()) {
            throw new IllegalArgumentException("wasmactors.body-memory (" + bodyMemory.toBytes() + " bytes) is smaller than"
                    + " wasmactors.max-body-size (" + maxBodySize.toBytes() + " bytes): a body of the largest size could never be held");
        }
    }
}
