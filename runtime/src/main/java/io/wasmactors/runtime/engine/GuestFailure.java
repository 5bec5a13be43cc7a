package io.wasmactors.runtime.engine;

/** How a guest call ended abnormally, in engine-neutral terms. */
public final class GuestFailure extends RuntimeException {
    public enum Reason { TRAP, EXIT, INTERRUPTED, MEMORY_LIMIT }

    private final Reason reason;
    private final int exitCode;

    private GuestFailure(Reason reason, String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.exitCode = exitCode;
    }

    public static GuestFailure trap(String message, Throwable cause) {
        return new GuestFailure(Reason.TRAP, message, -1, cause);
    }

    public static GuestFailure exit(int exitCode) {
        return new GuestFailure(Reason.EXIT, "exited with code " + exitCode, exitCode, null);
    }

    public static GuestFailure memoryLimit(String message) {
        return new GuestFailure(Reason.MEMORY_LIMIT, message, -1, null);
    }

    public static GuestFailure interrupted(Throwable cause) {
        return new GuestFailure(Reason.INTERRUPTED, "interrupted", -1, cause);
    }

    public Reason reason() {
        return reason;
    }

    public int exitCode() {
        return exitCode;
    }
}
