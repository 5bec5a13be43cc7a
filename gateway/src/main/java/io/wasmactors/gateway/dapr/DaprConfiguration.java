package io.wasmactors.gateway.dapr;

import io.dapr.actors.client.ActorClient;
import io.dapr.client.DaprHttp;
import io.dapr.client.DaprHttpBuilder;
import io.dapr.config.Properties;
import io.wasmactors.gateway.GatewayProperties;
import io.wasmactors.runtime.RuntimePaths;
import io.wasmactors.runtime.function.FunctionManifest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Dapr mode: functions run on actor hosts; this process only talks to its sidecar (DAPR_HTTP_PORT, DAPR_GRPC_PORT). */
@Configuration
@ConditionalOnProperty(name = "wasmactors.mode", havingValue = "dapr")
class DaprConfiguration {
    @Bean(destroyMethod = "close")
    ActorClient actorClient() {
        return new ActorClient();
    }

    @Bean(destroyMethod = "close")
    DaprHttp sidecarHttp() {
        return new DaprHttpBuilder().build(new Properties());
    }

    @Bean
    DaprFunctionInvoker daprFunctionInvoker(ActorClient client, DaprHttp sidecarHttp, GatewayProperties properties) throws IOException {
        List<FunctionManifest> manifests = readManifests(properties.functionsDir() != null ? properties.functionsDir() : RuntimePaths.functions());
        return new DaprFunctionInvoker(manifests, client, sidecarHttp, properties);
    }

    private static List<FunctionManifest> readManifests(Path directory) throws IOException {
        List<FunctionManifest> manifests = new ArrayList<>();
        for (Path file : FunctionManifest.filesIn(directory)) {
            manifests.add(FunctionManifest.read(file));
        }
        return List.copyOf(manifests);
    }
}
