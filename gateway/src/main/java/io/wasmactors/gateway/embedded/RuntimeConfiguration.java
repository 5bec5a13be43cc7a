package io.wasmactors.gateway.embedded;

import io.wasmactors.gateway.GatewayProperties;
import io.wasmactors.runtime.RuntimePaths;
import io.wasmactors.runtime.function.FunctionRuntime;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

@Configuration
@ConditionalOnProperty(name = "wasmactors.mode", havingValue = "embedded", matchIfMissing = true)
class RuntimeConfiguration {
    /**
     * The functions of {@code wasmactors.functions-dir} with the models of {@code wasmactors.models-dir},
     * compiled before the server takes requests so the first call does not pay for it.
     */
    @Bean
    FunctionRuntime functionRuntime(GatewayProperties properties) throws IOException {
        FunctionRuntime runtime = FunctionRuntime.load(
                properties.functionsDir() != null ? properties.functionsDir() : RuntimePaths.functions(),
                properties.modelsDir() != null ? properties.modelsDir() : RuntimePaths.models());
        runtime.compileAll();
        return runtime;
    }
}
