package io.wasmactors.runtime.engine.graalwasm;

import io.wasmactors.runtime.engine.GuestFailure;

import java.io.ByteArrayOutputStream;

/**
 * Lowers the maximum a module declares for its memory to a limit, in the module's
 * bytes: GraalWasm has no per-instance memory limit, and a module that may grow
 * only so far fails its {@code memory.grow} there as it would on any engine.
 */
final class MemoryCap {
    private static final int HEADER_BYTES = 8;
    private static final int MEMORY_SECTION = 5;
    private static final int HAS_MAXIMUM = 0x01;
    private static final int WASM_PAGES_MAX = 65536;

    private MemoryCap() {
    }

    static byte[] apply(byte[] wasm, int maxPages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(wasm.length + 8);
        out.write(wasm, 0, HEADER_BYTES);
        Reader in = new Reader(wasm, HEADER_BYTES);
        while (in.position < wasm.length) {
            int id = in.readByte();
            int size = in.readUnsigned();
            int start = in.position;
            if (id == MEMORY_SECTION) {
                byte[] section = cappedMemories(new Reader(wasm, start), maxPages);
                out.write(id);
                writeUnsigned(out, section.length);
                out.write(section, 0, section.length);
            } else {
                out.write(wasm, in.sectionStart, start + size - in.sectionStart);
            }
            in.position = start + size;
            in.sectionStart = in.position;
        }
        return out.toByteArray();
    }

    private static byte[] cappedMemories(Reader in, int maxPages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int count = in.readUnsigned();
        writeUnsigned(out, count);
        for (int i = 0; i < count; i++) {
            int flags = in.readByte();
            if ((flags & ~HAS_MAXIMUM) != 0) {
                throw GuestFailure.trap("shared or 64-bit memories are not supported", null);
            }
            int initial = in.readUnsigned();
            int maximum = (flags & HAS_MAXIMUM) != 0 ? in.readUnsigned() : WASM_PAGES_MAX;
            if (initial > maxPages) {
                throw GuestFailure.memoryLimit("the module asks for " + initial + " initial memory pages; the limit is " + maxPages);
            }
            out.write(HAS_MAXIMUM);
            writeUnsigned(out, initial);
            writeUnsigned(out, Math.min(maximum, maxPages));
        }
        return out.toByteArray();
    }

    private static void writeUnsigned(ByteArrayOutputStream out, int value) {
        int rest = value;
        do {
            int low = rest & 0x7f;
            rest >>>= 7;
            out.write(rest != 0 ? low | 0x80 : low);
        } while (rest != 0);
    }

    /** Reads a module's bytes; a truncated module is a trap like any malformed one. */
    private static final class Reader {
        private final byte[] bytes;
        private int position;
        private int sectionStart;

        Reader(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
            this.sectionStart = position;
        }

        int readByte() {
            if (position >= bytes.length) {
                throw GuestFailure.trap("malformed module: unexpected end", null);
            }
            return bytes[position++] & 0xff;
        }

        int readUnsigned() {
            int result = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int b = readByte();
                result |= (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw GuestFailure.trap("malformed module: LEB128 number too long", null);
        }
    }
}
