package io.wasmactors.gateway.api;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/** Bodies are handed on as byte arrays: a function's input is one array in guest memory. */
final class DataBuffers {
    private DataBuffers() {
    }

    /** The buffer's bytes, the buffer released. */
    static byte[] bytesOf(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        return bytes;
    }
}
