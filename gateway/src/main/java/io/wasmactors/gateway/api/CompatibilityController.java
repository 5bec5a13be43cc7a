package io.wasmactors.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wasmactors.gateway.invoke.FunctionInvoker;
import io.wasmactors.gateway.invoke.InvokeCount;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

/**
 * The routes the original Dapr + WasmEdge demo page calls, answering as it did.
 * That page was served from another origin, hence CORS.
 */
@RestController
@CrossOrigin(origins = "*", exposedHeaders = {"X-Actor-Id", "X-Host", "X-Duration-Ms"})
class CompatibilityController {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FunctionInvoker invoker;
    private final FunctionCalls calls;
    private final RequestBodies bodies;

    CompatibilityController(FunctionInvoker invoker, FunctionCalls calls, RequestBodies bodies) {
        this.invoker = invoker;
        this.calls = calls;
        this.bodies = bodies;
    }

    @PostMapping("/api/grayscale")
    Mono<ResponseEntity<String>> grayscale(ServerHttpRequest request) {
        return bodies.read(request).flatMap(input -> calls.call("grayscale", input, null))
                .map(done -> FunctionsController.withInvocationHeaders(ResponseEntity.ok(), done)
                        .contentType(MediaType.IMAGE_PNG)
                        .body(Base64.getEncoder().encodeToString(done.output())));
    }

    @PostMapping("/api/classify")
    Mono<ResponseEntity<String>> classify(ServerHttpRequest request) {
        return bodies.read(request).flatMap(input -> calls.call("classify", input, null))
                .map(done -> FunctionsController.withInvocationHeaders(ResponseEntity.ok(), done)
                        .contentType(MediaType.TEXT_PLAIN)
                        .body(sentence(done.output())));
    }

    @PostMapping("/api/hello")
    Mono<ResponseEntity<String>> hello(@RequestHeader("api") String api, ServerHttpRequest request) {
        return switch (api) {
            case "grayscale" -> grayscale(request);
            case "classify" -> classify(request);
            default -> Mono.error(new BadRequest("header api must be grayscale or classify, not '" + api + "'"));
        };
    }

    @GetMapping("/api/invokecount")
    Mono<List<String>> invokeCount(@RequestParam("api") String api) {
        return invoker.invokeCount(api).map(CompatibilityController::keyValues);
    }

    /** "hotdog is detected with 246/255 confidence": the label's first name, as the demo wrote it. */
    static String sentence(byte[] classifyJson) {
        try {
            JsonNode result = JSON.readTree(classifyJson);
            String firstName = result.get("label").asText().split(",")[0].strip();
            return firstName + " is detected with " + result.get("score").asInt() + "/255 confidence";
        } catch (IOException e) {
            throw new UncheckedIOException("classify answered something that is not its JSON", e);
        }
    }

    private static List<String> keyValues(InvokeCount count) {
        return List.of(
                "invokeCount##" + count.count(),
                "lastInvokeTime##" + (count.lastInvoked() == null ? "never" : count.lastInvoked().toString()));
    }
}
