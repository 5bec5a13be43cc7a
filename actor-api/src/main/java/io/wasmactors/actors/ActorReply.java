package io.wasmactors.actors;

/**
 * The answer of {@link FunctionActor#call}: a JSON header and the function's
 * output bytes (none on failure), framed by {@link Frames}.
 *
 * @param error  null on success, else the failure kind ({@code rejected}, {@code time_limit}, ...)
 * @param detail the failure message
 */
public record ActorReply(String actorId, String host, long durationMs, String error, String detail, byte[] output) {
    private record Header(String actorId, String host, long durationMs, String error, String detail) {
    }

    public static ActorReply success(String actorId, String host, long durationMs, byte[] output) {
        return new ActorReply(actorId, host, durationMs, null, null, output);
    }

    public static ActorReply failure(String actorId, String host, long durationMs, String error, String detail) {
        return new ActorReply(actorId, host, durationMs, error, detail, new byte[0]);
    }

    public boolean ok() {
        return error == null;
    }

    public byte[] encode() {
        return Frames.encode(new Header(actorId, host, durationMs, error, detail), output);
    }

    public static ActorReply decode(byte[] bytes) {
        Frames.Frame<Header> frame = Frames.decode(bytes, Header.class);
        Header header = frame.header();
        return new ActorReply(header.actorId(), header.host(), header.durationMs(), header.error(), header.detail(), frame.body());
    }
}
