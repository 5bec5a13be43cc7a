package io.wasmactors.runtime.function;

/**
 * A call of a function failed. Each subtype names one way; all carry the tail
 * of what the function wrote to stderr, which is usually the best explanation.
 */
public abstract sealed class FunctionException extends RuntimeException
        permits FunctionTrapped, FunctionExited, InputRejected, NnFailed, LimitExceeded {
    private final String function;
    private final String stderrTail;

    protected FunctionException(String function, String message, String stderrTail, Throwable cause) {
        super(function + ": " + message, cause);
        this.function = function;
        this.stderrTail = stderrTail == null ? "" : stderrTail;
    }

    public String function() {
        return function;
    }

    public String stderrTail() {
        return stderrTail;
    }

    /** A short stable name of this failure ({@code rejected}, {@code time_limit}, ...), for APIs and metrics. */
    public abstract String kind();
}
