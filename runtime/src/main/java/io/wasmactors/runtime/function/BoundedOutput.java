package io.wasmactors.runtime.function;

import java.io.ByteArrayOutputStream;

/** A command's stdout, refusing to grow past the function's output limit. */
final class BoundedOutput extends ByteArrayOutputStream {
    private final int limit;

    BoundedOutput(int limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        if (count + len > limit) {
            throw new OutputLimitReached(limit);
        }
        super.write(b, off, len);
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    /** Thrown from inside the guest's fd_write; unwinds the guest call. */
    static final class OutputLimitReached extends RuntimeException {
        OutputLimitReached(int limit) {
            super("more than " + limit + " bytes on stdout");
        }
    }
}
