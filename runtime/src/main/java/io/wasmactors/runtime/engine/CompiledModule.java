package io.wasmactors.runtime.engine;

/** A module ready to be instantiated; thread-safe and shared by all instances of it. */
public interface CompiledModule {
    /** Creates an instance with the host capabilities of {@code spec}; runs `_initialize` if exported. */
    WasmInstance instantiate(InstanceSpec spec);
}
