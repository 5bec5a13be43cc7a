package io.wasmactors.gateway.api;

import io.wasmactors.gateway.GatewayProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A request body of declared length within the limit is read to its end before the request is
 * handled, so no answer goes out while it is still arriving. Answered early (an unknown
 * function's 404, Spring's own refusals), such a keep-alive connection made Reactor Netty
 * 1.2.18 leave about one in fifty following requests on it unanswered until the client gave up
 * (KeepAliveTest; DEVELOPERS.md). Bodies declared larger than the limit are not waited for:
 * their 413 goes out at once and Reactor Netty discards the rest as it arrives.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyReadBeforeHandling implements WebFilter {
    private final long limit;

    BodyReadBeforeHandling(GatewayProperties properties) {
        this.limit = properties.maxBodySize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long length = request.getHeaders().getContentLength();
        if (length <= 0 || length > limit) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody())
                .map(DataBuffers::bytesOf)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> chain.filter(exchange.mutate().request(withBody(request, body)).build()));
    }

    private static ServerHttpRequest withBody(ServerHttpRequest request, byte[] body) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
            }
        };
    }
}
