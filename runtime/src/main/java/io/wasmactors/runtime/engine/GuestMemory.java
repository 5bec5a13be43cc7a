package io.wasmactors.runtime.engine;

/** The linear memory of a running Wasm instance, as host code sees it. Out-of-range access throws. */
public interface GuestMemory {
    byte[] read(int address, int length);

    void write(int address, byte[] data);

    int readInt(int address);

    void writeInt(int address, int value);

    int pages();
}
