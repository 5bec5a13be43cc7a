package io.wasmactors.runtime.function;

/** No function of that name is registered. */
public final class UnknownFunction extends RuntimeException {
    public UnknownFunction(String name) {
        super("no function named '" + name + "'");
    }
}
