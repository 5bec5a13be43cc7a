package io.wasmactors.runtime.function;

/** The function refused its input (a handler returned a null buffer); the message is its stderr. */
public final class InputRejected extends FunctionException {
    public InputRejected(String function, String stderrTail) {
        super(function, "rejected the input: " + (stderrTail.isBlank() ? "(no reason given)" : stderrTail.strip()), stderrTail, null);
    }

    @Override
    public String kind() {
        return "rejected";
    }
}
