package io.wasmactors.actors;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** A JSON header and raw bytes in one payload: a 4-byte big-endian header length, the header, the bytes. */
final class Frames {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Frame<H>(H header, byte[] body) {
    }

    private Frames() {
    }

    static byte[] encode(Object header, byte[] body) {
        try {
            byte[] json = JSON.writeValueAsBytes(header);
            return ByteBuffer.allocate(4 + json.length + body.length).putInt(json.length).put(json).put(body).array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <H> Frame<H> decode(byte[] bytes, Class<H> headerType) {
        if (bytes == null || bytes.length < 4) {
            throw new IllegalArgumentException("not a framed payload: " + (bytes == null ? "nothing" : bytes.length + " bytes"));
        }
        int headerLength = ByteBuffer.wrap(bytes).getInt();
        if (headerLength < 0 || headerLength > bytes.length - 4) {
            throw new IllegalArgumentException("not a framed payload: header length " + headerLength);
        }
        try {
            H header = JSON.readValue(bytes, 4, headerLength, headerType);
            return new Frame<>(header, Arrays.copyOfRange(bytes, 4 + headerLength, bytes.length));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a framed payload: " + e.getMessage(), e);
        }
    }
}
