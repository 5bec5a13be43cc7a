package io.wasmactors.gateway.dapr;

import io.dapr.actors.client.ActorClient;
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
import java.util.Map;

/** Dapr mode: functions run on actor hosts; this process only talks to its sidecar (DAPR_GRPC_PORT). */
@Configuration
@ConditionalOnProperty(name = "wasmactors.mode", havingValue = "dapr")
class DaprConfiguration {
    /** Room in a reply for the function's output and the reply's header. */
    private static final int REPLY_HEADER_ROOM = 64 * 1024;

    @Bean
    List<FunctionManifest> manifests(GatewayProperties properties) throws IOException {
        return readManifests(properties.functionsDir() != null ? properties.functionsDir() : RuntimePaths.functions());
    }

    /** gRPC takes at most 4 MiB per message by default; a reply carries up to the largest {@code maxOutputBytes}. */
    @Bean(destroyMethod = "close")
    ActorClient actorClient(List<FunctionManifest> manifests) {
        long largestOutput = manifests.stream().mapToLong(manifest -> manifest.limits().maxOutputBytes()).max().orElse(0);
        int maxReply = (int) Math.min(Integer.MAX_VALUE, largestOutput + REPLY_HEADER_ROOM);
        return new ActorClient(new Properties(Map.of(Properties.GRPC_MAX_INBOUND_MESSAGE_SIZE_BYTES.getName(), Integer.toString(maxReply))));
    }

    @Bean
    DaprFunctionInvoker daprFunctionInvoker(List<FunctionManifest> manifests, ActorClient client, GatewayProperties properties) {
        return new DaprFunctionInvoker(manifests, client, properties);
    }

    private static List<FunctionManifest> readManifests(Path directory) throws IOException {
        List<FunctionManifest> manifests = new ArrayList<>();
        for (Path file : FunctionManifest.filesIn(directory)) {
            manifests.add(FunctionManifest.read(file));
        }
        return List.copyOf(manifests);
    }
}
