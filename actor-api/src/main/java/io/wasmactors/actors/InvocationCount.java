package io.wasmactors.actors;

/** @param lastInvoked ISO-8601 instant, null when never invoked */
public record InvocationCount(long count, String lastInvoked) {
    public static final InvocationCount NONE = new InvocationCount(0, null);
}
