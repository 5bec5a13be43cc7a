package io.wasmactors.runtime.function;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Keeps the last bytes a guest wrote to stderr: enough to explain a failure, never a memory hazard. */
final class OutputTail extends OutputStream {
    private final byte[] ring;
    private long written;

    OutputTail(int capacity) {
        this.ring = new byte[capacity];
    }

    @Override
    public synchronized void write(int b) {
        ring[(int) (written++ % ring.length)] = (byte) b;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
            write(b[off + i]);
        }
    }

    synchronized String text() {
        int size = (int) Math.min(written, ring.length);
        byte[] tail = new byte[size];
        for (int i = 0; i < size; i++) {
            tail[i] = ring[(int) ((written - size + i) % ring.length)];
        }
        return new String(tail, StandardCharsets.UTF_8);
    }

    synchronized void reset() {
        written = 0;
    }
}
