package io.wasmactors.gateway.invoke;

/** A function failed on an actor host; {@link #kind()} is the host's {@code FunctionException.kind()}. */
public final class RemoteFunctionFailure extends RuntimeException {
    private final String kind;

    public RemoteFunctionFailure(String kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
