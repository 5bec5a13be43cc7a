package io.wasmactors.gateway.api;

import io.wasmactors.gateway.GatewayProperties;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads a request body into one byte array, refusing bodies over the limit as
 * soon as the declared length or the bytes received so far exceed it. A form
 * upload gives its one file's bytes.
 */
@Component
class RequestBodies {
    private final long limit;
    /** The limit as a buffer's size can be. */
    private final int maxBodyBytes;
    private final FormUploads forms;

    RequestBodies(GatewayProperties properties) {
        this.limit = properties.maxBodySize().toBytes();
        this.maxBodyBytes = (int) Math.min(limit, Integer.MAX_VALUE - 8);
        this.forms = new FormUploads(maxBodyBytes);
    }

    Mono<byte[]> read(ServerHttpRequest request) {
        if (request.getHeaders().getContentLength() > limit) {
            return Mono.error(new PayloadTooLarge(limit));
        }
        return DataBufferUtils.join(request.getBody(), maxBodyBytes)
                .map(DataBuffers::bytesOf)
                .onErrorMap(DataBufferLimitException.class, e -> new PayloadTooLarge(limit))
                .flatMap(body -> FormUploads.isForm(request.getHeaders()) ? forms.fileOf(request.getHeaders(), body) : Mono.just(body))
                .filter(bytes -> bytes.length > 0)
                // A supplier: an exception built up front would fill in its stack trace on every request.
                .switchIfEmpty(Mono.error(() -> new BadRequest("the request has no body; send the input bytes (an image) as the body")));
    }
}
