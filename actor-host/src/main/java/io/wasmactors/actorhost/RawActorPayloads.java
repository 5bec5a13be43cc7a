package io.wasmactors.actorhost;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Actor payloads are raw bytes whatever content type the original caller declared
 * (daprd passes it on): a curl upload arrives as form data, a browser's as image/jpeg.
 * Declaring them octet-stream lets the SDK's controller read every one of them as bytes.
 */
@Component
class RawActorPayloads implements WebFilter {
    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/actors/")) {
            return chain.filter(exchange);
        }
        ServerHttpRequest raw = exchange.getRequest().mutate()
                .headers(headers -> headers.set(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_OCTET_STREAM_VALUE))
                .build();
        return chain.filter(exchange.mutate().request(raw).build());
    }
}
