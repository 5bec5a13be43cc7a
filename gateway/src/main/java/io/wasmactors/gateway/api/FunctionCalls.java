package io.wasmactors.gateway.api;

import io.wasmactors.gateway.invoke.FunctionInvoker;
import io.wasmactors.gateway.invoke.Invocation;
import io.wasmactors.runtime.function.UnknownFunction;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;

/** One place where every route calls a function: metrics are recorded the same way for all of them. */
@Component
class FunctionCalls {
    private final FunctionInvoker invoker;
    private final InvocationMetrics metrics;

    FunctionCalls(FunctionInvoker invoker, InvocationMetrics metrics) {
        this.invoker = invoker;
        this.metrics = metrics;
    }

    Mono<Invocation> call(String function, byte[] input, String key) {
        long start = System.nanoTime();
        return invoker.invoke(function, input, key)
                .doOnNext(done -> metrics.success(function, Duration.ofNanos(System.nanoTime() - start)))
                .doOnError(error -> {
                    if (!(error instanceof UnknownFunction)) {
                        metrics.failure(function, ErrorKind.of(error));
                    }
                });
    }
}
