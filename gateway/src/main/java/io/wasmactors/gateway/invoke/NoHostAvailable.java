package io.wasmactors.gateway.invoke;

/** No actor host could take the call (503): none registered the function, or Dapr could not reach one. */
public final class NoHostAvailable extends RuntimeException {
    public NoHostAvailable(String message, Throwable cause) {
        super(message, cause);
    }
}
