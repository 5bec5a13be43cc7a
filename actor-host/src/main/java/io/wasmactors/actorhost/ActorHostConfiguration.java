package io.wasmactors.actorhost;

import io.dapr.actors.client.ActorClient;
import io.dapr.actors.runtime.ActorRuntime;
import io.wasmactors.actors.ClusterRegistry;
import io.wasmactors.actors.InvocationCounter;
import io.wasmactors.runtime.RuntimePaths;
import io.wasmactors.runtime.function.FunctionManifest;
import io.wasmactors.runtime.function.FunctionRuntime;
import io.wasmactors.runtime.function.RegisteredFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;

@Configuration
class ActorHostConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ActorHostConfiguration.class);

    /** The hosted functions, compiled before Dapr learns this host serves them. */
    @Bean
    FunctionRuntime functionRuntime(ActorHostProperties properties) throws IOException {
        Path functions = properties.functionsDir() != null ? properties.functionsDir() : RuntimePaths.functions();
        Path models = properties.modelsDir() != null ? properties.modelsDir() : RuntimePaths.models();
        FunctionRuntime runtime = properties.functions().isEmpty()
                ? FunctionRuntime.load(functions, models)
                : FunctionRuntime.load(functions, models, properties.functions());
        runtime.compileAll();
        return runtime;
    }

    /** Every actor payload up to the largest input of the hosted functions, whatever their manifests allow. */
    @Bean
    CodecCustomizer actorPayloadLimit(FunctionRuntime runtime) {
        int limit = ActorPayloadLimit.bytes(manifests(runtime));
        return codecs -> codecs.defaultCodecs().maxInMemorySize(limit);
    }

    /** Wasm and TFLite work: bounded to the cores, separate from Netty's event loop. */
    @Bean(destroyMethod = "dispose")
    Scheduler wasmWorkers(ActorHostProperties properties) {
        return Schedulers.newBoundedElastic(properties.workers(), 1024, "wasm-worker");
    }

    @Bean(destroyMethod = "close")
    ActorClient actorClient() {
        return new ActorClient();
    }

    @Bean
    ActiveActors activeActors() {
        return new ActiveActors();
    }

    @Bean
    ActorServices actorServices(FunctionRuntime runtime, Scheduler wasmWorkers, ActorClient actorClient, ActiveActors activeActors,
                                ActorHostProperties properties, @Value("${server.port:8080}") int port) throws IOException {
        IdleTimeoutFloor.check(properties.idleTimeout(), manifests(runtime));
        String name = properties.name() != null ? properties.name() : InetAddress.getLocalHost().getHostName() + ":" + port;
        ActorServices services = new ActorServices(runtime, wasmWorkers, name, actorClient, activeActors);
        ActorRuntime actors = ActorRuntime.getInstance();
        actors.getConfig().setActorIdleTimeout(properties.idleTimeout());
        List<String> types = runtime.registry().all().stream().map(RegisteredFunction::name).toList();
        types.forEach(function -> ActorTypes.register(actors, function, services));
        actors.registerActor(InvocationCounterActor.class);
        actors.registerActor(ClusterRegistryActor.class);
        log.info("host {} serves actor types {}, {} and {}", name, types, InvocationCounter.TYPE, ClusterRegistry.TYPE);
        return services;
    }

    private static List<FunctionManifest> manifests(FunctionRuntime runtime) {
        return runtime.registry().all().stream().map(RegisteredFunction::manifest).toList();
    }
}
