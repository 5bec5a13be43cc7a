package io.wasmactors.gateway.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Per-function Prometheus metrics: {@code wasmactors_invocations_total{function,outcome}},
 * {@code wasmactors_invocation_seconds{function}} (histogram) and {@code wasmactors_errors_total{function,kind}}.
 */
@Component
class InvocationMetrics {
    private final MeterRegistry registry;

    InvocationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void success(String function, Duration duration) {
        count(function, "success");
        Timer.builder("wasmactors.invocation")
                .description("Time to run a function, queueing included")
                .tag("function", function)
                .publishPercentileHistogram()
                .register(registry)
                .record(duration);
    }

    void failure(String function, ErrorKind kind) {
        count(function, "error");
        Counter.builder("wasmactors.errors").description("Failed invocations by kind")
                .tag("function", function).tag("kind", kind.code()).register(registry).increment();
    }

    private void count(String function, String outcome) {
        Counter.builder("wasmactors.invocations").description("Invocations of a function")
                .tag("function", function).tag("outcome", outcome).register(registry).increment();
    }
}
