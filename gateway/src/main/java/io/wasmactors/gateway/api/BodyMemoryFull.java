package io.wasmactors.gateway.api;

/** A request body the gateway had no room to hold (BodyMemory): the caller should retry later (503). */
final class BodyMemoryFull extends RuntimeException {
    BodyMemoryFull(String message) {
        super(message);
    }
}
