package io.wasmactors.runtime.function;

import io.wasmactors.runtime.host.nn.NnError;

/** A WASI-NN call failed and the function gave up because of it. */
public final class NnFailed extends FunctionException {
    private final int errno;

    public NnFailed(String function, NnError error, String stderrTail) {
        super(function, "WASI-NN error " + error.errno().code() + " (" + error.errno().describe() + "): " + error.getMessage(), stderrTail, error);
        this.errno = error.errno().code();
    }

    public int errno() {
        return errno;
    }

    @Override
    public String kind() {
        return "nn_error";
    }
}
