package io.wasmactors.actors;

/**
 * What the gateway sends to {@link FunctionActor#call}: the input bytes and an id
 * for this request, framed by {@link Frames}. Dapr retries a call with the same
 * payload, so the id lets the invocation counter count a retried call once.
 */
public record ActorRequest(String requestId, byte[] input) {
    private record Header(String requestId) {
    }

    public byte[] encode() {
        return Frames.encode(new Header(requestId), input);
    }

    public static ActorRequest decode(byte[] bytes) {
        Frames.Frame<Header> frame = Frames.decode(bytes, Header.class);
        return new ActorRequest(frame.header().requestId(), frame.body());
    }
}
