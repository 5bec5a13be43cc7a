package io.wasmactors.actors;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The answer of {@link FunctionActor#call}: a 4-byte big-endian header length,
 * the header as JSON, then the function's output bytes (none on failure).
 *
 * @param error  null on success, else the failure kind ({@code rejected}, {@code time_limit}, ...)
 * @param detail the failure message
 */
public record ActorReply(String actorId, String host, long durationMs, String error, String detail, byte[] output) {
    private static final ObjectMapper JSON = new ObjectMapper();

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
        try {
            byte[] header = JSON.writeValueAsBytes(new Header(actorId, host, durationMs, error, detail));
            return ByteBuffer.allocate(4 + header.length + output.length).putInt(header.length).put(header).put(output).array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ActorReply decode(byte[] bytes) {
        if (bytes == null || bytes.length < 4) {
            throw new IllegalArgumentException("not an actor reply: " + (bytes == null ? "nothing" : bytes.length + " bytes"));
        }
        int headerLength = ByteBuffer.wrap(bytes).getInt();
        if (headerLength < 0 || headerLength > bytes.length - 4) {
            throw new IllegalArgumentException("not an actor reply: header length " + headerLength);
        }
        try {
            Header header = JSON.readValue(bytes, 4, headerLength, Header.class);
            byte[] output = Arrays.copyOfRange(bytes, 4 + headerLength, bytes.length);
            return new ActorReply(header.actorId(), header.host(), header.durationMs(), header.error(), header.detail(), output);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an actor reply: " + e.getMessage(), e);
        }
    }
}
