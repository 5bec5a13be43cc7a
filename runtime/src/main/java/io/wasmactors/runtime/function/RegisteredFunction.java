package io.wasmactors.runtime.function;

import io.wasmactors.runtime.engine.CompiledModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** A function the registry knows: its manifest and its module, compiled on first use. */
public final class RegisteredFunction {
    private final FunctionManifest manifest;
    private final Path wasm;
    private final Engines engines;
    private final Map<EngineChoice, CompiledModule> modules = new EnumMap<>(EngineChoice.class);

    RegisteredFunction(FunctionManifest manifest, Path wasm, Engines engines) {
        this.manifest = manifest;
        this.wasm = wasm;
        this.engines = engines;
    }

    public FunctionManifest manifest() {
        return manifest;
    }

    public String name() {
        return manifest.name();
    }

    /** The compiled module on the manifest's engine; compiles (or finds in the engine's cache) on first call. */
    public CompiledModule module() {
        return module(manifest.engine());
    }

    /** The compiled module on {@code engine}, which may differ from the manifest's while that one warms up. */
    public synchronized CompiledModule module(EngineChoice engine) {
        CompiledModule compiled = modules.get(engine);
        if (compiled == null) {
            try {
                compiled = engines.engine(engine).compile(Files.readAllBytes(wasm));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + wasm, e);
            }
            modules.put(engine, compiled);
        }
        return compiled;
    }
}
