package io.wasmactors.gateway.api;

import io.wasmactors.gateway.invoke.FunctionInvoker;
import io.wasmactors.gateway.invoke.Invocation;
import io.wasmactors.runtime.function.FunctionManifest;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/** The function API (README, HTTP API): list the functions, call one with an input. */
@RestController
@RequestMapping("/api/functions")
class FunctionsController {
    static final String ACTOR_KEY = "X-Actor-Key";

    private final FunctionInvoker invoker;
    private final FunctionCalls calls;
    private final RequestBodies bodies;

    FunctionsController(FunctionInvoker invoker, FunctionCalls calls, RequestBodies bodies) {
        this.invoker = invoker;
        this.calls = calls;
        this.bodies = bodies;
    }

    @GetMapping
    List<FunctionManifest> functions() {
        return invoker.functions();
    }

    @PostMapping("/{name}")
    Mono<ResponseEntity<byte[]>> invoke(@PathVariable String name, @RequestHeader(name = ACTOR_KEY, required = false) String key,
                                        ServerHttpRequest request) {
        FunctionManifest manifest = invoker.manifest(name);
        String actorKey = ActorKeys.checked(key);
        return bodies.read(request)
                .flatMap(input -> calls.call(name, input, actorKey))
                .map(done -> withInvocationHeaders(ResponseEntity.ok(), done)
                        .contentType(ContentTypes.of(done.output(), manifest.contentTypes().out()))
                        .body(done.output()));
    }

    static ResponseEntity.BodyBuilder withInvocationHeaders(ResponseEntity.BodyBuilder response, Invocation done) {
        return response.header("X-Actor-Id", done.actorId())
                .header("X-Host", done.host())
                .header("X-Duration-Ms", Long.toString(done.durationMs()));
    }
}
