package io.wasmactors.runtime.function;

import io.wasmactors.runtime.engine.CompiledModule;
import io.wasmactors.runtime.engine.WasmEngine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A function the registry knows: its manifest and its module, compiled on first use. */
public final class RegisteredFunction {
    private final FunctionManifest manifest;
    private final Path wasm;
    private final WasmEngine engine;
    private volatile CompiledModule module;

    RegisteredFunction(FunctionManifest manifest, Path wasm, WasmEngine engine) {
        this.manifest = manifest;
        this.wasm = wasm;
        this.engine = engine;
    }

    public FunctionManifest manifest() {
        return manifest;
    }

    public String name() {
        return manifest.name();
    }

    /** The compiled module; compiles (or finds in the engine's cache) on first call. */
    public CompiledModule module() {
        CompiledModule compiled = module;
        if (compiled == null) {
            try {
                compiled = engine.compile(Files.readAllBytes(wasm));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + wasm, e);
            }
            module = compiled;
        }
        return compiled;
    }
}
