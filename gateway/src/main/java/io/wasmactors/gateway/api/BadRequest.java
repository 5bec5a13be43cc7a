package io.wasmactors.gateway.api;

/** The request itself is unusable, before any function sees it (400). */
final class BadRequest extends RuntimeException {
    BadRequest(String message) {
        super(message);
    }
}
