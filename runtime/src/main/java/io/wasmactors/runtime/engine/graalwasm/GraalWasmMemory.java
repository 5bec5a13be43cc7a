package io.wasmactors.runtime.engine.graalwasm;

import io.wasmactors.runtime.engine.GuestFailure;
import io.wasmactors.runtime.engine.GuestMemory;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Supplier;

/** Host access to an instance's exported memory through the polyglot buffer API. */
final class GraalWasmMemory implements GuestMemory {
    private static final int PAGE_BYTES = 65536;

    private Value memory;

    /** Binds the memory once the instance exists; host functions hold this object from before. */
    void bind(Value exportedMemory) {
        this.memory = exportedMemory;
    }

    @Override
    public byte[] read(int address, int length) {
        return checked(() -> {
            byte[] data = new byte[length];
            memory.readBuffer(Integer.toUnsignedLong(address), data, 0, length);
            return data;
        });
    }

    @Override
    public void write(int address, byte[] data) {
        checked(() -> {
            long base = Integer.toUnsignedLong(address);
            if (base + data.length > memory.getBufferSize()) {
                throw new IndexOutOfBoundsException("write of " + data.length + " bytes at " + base);
            }
            // The polyglot API writes one value per call: eight bytes at a time, the tail byte by byte.
            ByteBuffer words = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            int i = 0;
            for (; i + Long.BYTES <= data.length; i += Long.BYTES) {
                memory.writeBufferLong(ByteOrder.LITTLE_ENDIAN, base + i, words.getLong(i));
            }
            for (; i < data.length; i++) {
                memory.writeBufferByte(base + i, data[i]);
            }
            return null;
        });
    }

    @Override
    public int readInt(int address) {
        return checked(() -> memory.readBufferInt(ByteOrder.LITTLE_ENDIAN, Integer.toUnsignedLong(address)));
    }

    @Override
    public void writeInt(int address, int value) {
        checked(() -> {
            memory.writeBufferInt(ByteOrder.LITTLE_ENDIAN, Integer.toUnsignedLong(address), value);
            return null;
        });
    }

    @Override
    public int pages() {
        try {
            return (int) (memory.getBufferSize() / PAGE_BYTES);
        } catch (IllegalStateException | PolyglotException e) {
            // The context was cancelled or the guest exited: the memory is gone.
            return 0;
        }
    }

    private static <T> T checked(Supplier<T> access) {
        try {
            return access.get();
        } catch (IndexOutOfBoundsException | PolyglotException e) {
            throw GuestFailure.trap("out of bounds memory access by the host on the guest's behalf: " + e.getMessage(), e);
        }
    }
}
