package io.wasmactors.actorhost;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * With Dapr's app token set ({@code APP_API_TOKEN}, the same value daprd is given),
 * only callers presenting it in {@code dapr-api-token} reach the actor endpoints:
 * another process on the machine cannot invoke this host's actors around its sidecar.
 * Liveness ({@code /healthz}, {@code /actuator/health}) stays open for probes.
 */
@Component
class AppTokenFilter implements WebFilter {
    static final String HEADER = "dapr-api-token";
    /** A refused caller is no sidecar of ours: reading its body is worth a little, not without bound. */
    private static final long MAX_DRAINED_BYTES = 16 << 20;

    private final byte[] token;

    AppTokenFilter(@Value("${APP_API_TOKEN:}") String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (token.length == 0 || path.equals("/healthz") || path.startsWith("/actuator/health")) {
            return chain.filter(exchange);
        }
        String presented = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            return chain.filter(exchange);
        }
        exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
        DataBuffer body = exchange.getResponse().bufferFactory()
                .wrap("{\"error\":\"unauthorized\",\"detail\":\"this endpoint needs the app token in the dapr-api-token header\"}"
                        .getBytes(StandardCharsets.UTF_8));
        return unread(exchange).then(exchange.getResponse().writeWith(Mono.just(body)));
    }

    /**
     * Refused, the request's body is discarded before the answer: answered while it was still
     * arriving, a kept-alive connection could leave the caller's next request unanswered
     * (Reactor Netty 1.2.18; the gateway's BodyReadBeforeHandling). A body over
     * {@link #MAX_DRAINED_BYTES} or of undeclared length is not read: the connection closes after the answer instead.
     */
    private static Mono<Void> unread(ServerWebExchange exchange) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > MAX_DRAINED_BYTES || (length < 0 && exchange.getRequest().getHeaders().containsKey(HttpHeaders.TRANSFER_ENCODING))) {
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            return Mono.empty();
        }
        return exchange.getRequest().getBody().doOnNext(DataBufferUtils::release).then();
    }
}
