package io.wasmactors.runtime.function;

/** The guest trapped (a Rust panic ends this way too); its instance was discarded. */
public final class FunctionTrapped extends FunctionException {
    public FunctionTrapped(String function, String trap, String stderrTail, Throwable cause) {
        super(function, "trapped: " + trap, stderrTail, cause);
    }

    @Override
    public String kind() {
        return "trapped";
    }
}
