package io.wasmactors.runtime.engine.chicory;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.ExportSection;
import io.wasmactors.runtime.engine.GuestFailure;
import io.wasmactors.runtime.engine.GuestMemory;
import io.wasmactors.runtime.engine.WasmInstance;

final class ChicoryInstance implements WasmInstance {
    private final Instance instance;
    private final WasiPreview1 wasi;
    private final GuestMemory memory;

    ChicoryInstance(Instance instance, WasiPreview1 wasi) {
        this.instance = instance;
        this.wasi = wasi;
        this.memory = new ChicoryMemory(instance.memory());
    }

    @Override
    public boolean exports(String function) {
        ExportSection exports = instance.module().exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            if (exports.getExport(i).name().equals(function)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long[] call(String function, long... args) {
        try {
            return instance.export(function).apply(args);
        } catch (WasiExitException e) {
            throw GuestFailure.exit(e.exitCode());
        } catch (ChicoryInterruptedException e) {
            throw GuestFailure.interrupted(e);
        } catch (ChicoryException | StackOverflowError | ArithmeticException | IndexOutOfBoundsException e) {
            // The compiled code surfaces some traps as plain JVM errors (deep recursion, division by zero, bounds).
            throw GuestFailure.trap(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    @Override
    public void interrupt() {
        // Chicory's compiled code checks the calling thread's interrupt flag, which the watchdog sets.
    }

    @Override
    public GuestMemory memory() {
        return memory;
    }

    @Override
    public void close() {
        wasi.close();
    }
}
