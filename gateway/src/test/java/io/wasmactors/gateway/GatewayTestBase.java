package io.wasmactors.gateway;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A gateway in embedded mode on a free port, with the test functions directory and metrics export on. */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "wasmactors.max-body-size=3MB")
public abstract class GatewayTestBase {
    @DynamicPropertySource
    static void functions(DynamicPropertyRegistry registry) {
        registry.add("wasmactors.functions-dir", () -> TestFunctions.directory().toString());
    }
}
