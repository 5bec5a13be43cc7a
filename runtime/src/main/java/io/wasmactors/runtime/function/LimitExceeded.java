package io.wasmactors.runtime.function;

/** The call went past one of the function's limits; its instance was discarded. */
public final class LimitExceeded extends FunctionException {
    private final Limits.Kind limit;

    public LimitExceeded(String function, Limits.Kind limit, String detail, String stderrTail) {
        super(function, "exceeded its " + limit.manifestField() + " limit: " + detail, stderrTail, null);
        this.limit = limit;
    }

    /**
     * An input over {@code function}'s {@code maxInputBytes}: refused before any work, by the instance
     * or, in Dapr mode, by the gateway before the input travels to an actor.
     */
    public static LimitExceeded input(FunctionManifest function, int bytes) {
        return new LimitExceeded(function.name(), Limits.Kind.INPUT, bytes + " bytes in, at most " + function.limits().maxInputBytes(), "");
    }

    public Limits.Kind limit() {
        return limit;
    }

    @Override
    public String kind() {
        return switch (limit) {
            case TIME -> "time_limit";
            case INPUT -> "too_large";
            case MEMORY -> "memory_limit";
            case OUTPUT -> "output_limit";
        };
    }
}
