package io.wasmactors.runtime.engine.chicory;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.ChicoryException;
import io.wasmactors.runtime.engine.GuestFailure;
import io.wasmactors.runtime.engine.GuestMemory;

import java.util.function.Supplier;

/** Host access to guest memory; an address outside it is the guest's fault, reported as a trap. */
final class ChicoryMemory implements GuestMemory {
    private final Memory memory;

    ChicoryMemory(Memory memory) {
        this.memory = memory;
    }

    @Override
    public byte[] read(int address, int length) {
        return checked(() -> memory.readBytes(address, length));
    }

    @Override
    public void write(int address, byte[] data) {
        checked(() -> {
            memory.write(address, data);
            return null;
        });
    }

    @Override
    public int readInt(int address) {
        return checked(() -> memory.readInt(address));
    }

    @Override
    public void writeInt(int address, int value) {
        checked(() -> {
            memory.writeI32(address, value);
            return null;
        });
    }

    @Override
    public int pages() {
        return memory.pages();
    }

    private static <T> T checked(Supplier<T> access) {
        try {
            return access.get();
        } catch (ChicoryException | IndexOutOfBoundsException e) {
            throw GuestFailure.trap("out of bounds memory access by the host on the guest's behalf: " + e.getMessage(), e);
        }
    }
}
