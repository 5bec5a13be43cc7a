package io.wasmactors.runtime.function;

/** A command ended with a non-zero exit code (or a handler called proc_exit). */
public final class FunctionExited extends FunctionException {
    private final int exitCode;

    public FunctionExited(String function, int exitCode, String stderrTail) {
        super(function, "exited with code " + exitCode, stderrTail, null);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    @Override
    public String kind() {
        return "exited";
    }
}
