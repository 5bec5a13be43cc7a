package io.wasmactors.gateway.api;

/** The request body is larger than {@code wasmactors.max-body-size} (413). */
final class PayloadTooLarge extends RuntimeException {
    PayloadTooLarge(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
