package io.wasmactors.gateway.invoke;

/**
 * An actor gave no answer within the gateway's deadline (504): the function's own time limit
 * plus a grace for activation and the hops through Dapr had passed. The call is abandoned,
 * so a hung host or sidecar holds no client longer than that.
 */
public final class NoAnswerInTime extends RuntimeException {
    public NoAnswerInTime(String message) {
        super(message);
    }
}
