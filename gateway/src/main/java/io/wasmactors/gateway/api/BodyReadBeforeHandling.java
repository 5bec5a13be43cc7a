package io.wasmactors.gateway.api;

import io.wasmactors.gateway.GatewayProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
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
 * Every body is held within {@link BodyMemory} until its answer has gone out (one of unknown
 * length, chunked, as if of the largest size); one that does not fit is read and dropped, and
 * the call meets the refusal where it reads its body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyReadBeforeHandling implements WebFilter {
    private final long limit;
    private final BodyMemory memory;

    BodyReadBeforeHandling(GatewayProperties properties, BodyMemory memory) {
        this.limit = properties.maxBodySize().toBytes();
        this.memory = memory;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long length = request.getHeaders().getContentLength();
        long held = length > 0 ? length : request.getHeaders().containsKey(HttpHeaders.TRANSFER_ENCODING) ? limit : 0;
        if (held == 0 || length > limit) {
            return chain.filter(exchange);
        }
        if (!memory.tryHold(held)) {
            BodyMemoryFull full = memory.full(held);
            return DataBufferUtils.takeUntilByteCount(request.getBody(), limit + 1).doOnNext(DataBufferUtils::release)
                    .then(Mono.defer(() -> chain.filter(withBody(exchange, Flux.error(full)))));
        }
        Mono<Void> handled = length > 0 ? readThenHandle(exchange, chain) : chain.filter(exchange);
        return handled.doFinally(signal -> memory.release(held));
    }

    private static Mono<Void> readThenHandle(ServerWebExchange exchange, WebFilterChain chain) {
        return DataBufferUtils.join(exchange.getRequest().getBody())
                .map(DataBuffers::bytesOf)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> chain.filter(withBody(exchange, Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body))))));
    }

    private static ServerWebExchange withBody(ServerWebExchange exchange, Flux<DataBuffer> body) {
        return exchange.mutate().request(new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return body;
            }
        }).build();
    }
}
