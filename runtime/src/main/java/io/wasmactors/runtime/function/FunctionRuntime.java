package io.wasmactors.runtime.function;

import io.wasmactors.runtime.engine.WasmEngine;
import io.wasmactors.runtime.engine.chicory.ChicoryEngine;
import io.wasmactors.runtime.host.nn.ModelStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/** The runtime as its users (gateway, actor host, CLI) see it: registered functions and instances of them. */
public final class FunctionRuntime {
    private static final int CACHED_MODULES = 64;

    private final FunctionRegistry registry;
    private final InstanceFactory factory;

    public FunctionRuntime(WasmEngine engine, ModelStore models, Path modelsDir) {
        this.registry = new FunctionRegistry(engine, models, modelsDir);
        this.factory = new InstanceFactory(registry);
    }

    /** A runtime on Chicory with the functions of {@code functionsDir} registered. */
    public static FunctionRuntime load(Path functionsDir, Path modelsDir) throws IOException {
        FunctionRuntime runtime = onChicory(modelsDir);
        runtime.registry().registerDirectory(functionsDir);
        return runtime;
    }

    /** A runtime on Chicory with only the named functions of {@code functionsDir} registered. */
    public static FunctionRuntime load(Path functionsDir, Path modelsDir, Collection<String> names) throws IOException {
        FunctionRuntime runtime = onChicory(modelsDir);
        for (String name : names) {
            Path manifest = functionsDir.resolve(name + ".json");
            if (!Files.isRegularFile(manifest)) {
                throw new IOException("no function '" + name + "' in " + functionsDir);
            }
            runtime.registry().register(manifest);
        }
        return runtime;
    }

    private static FunctionRuntime onChicory(Path modelsDir) {
        return new FunctionRuntime(new ChicoryEngine(CACHED_MODULES), new ModelStore(), modelsDir);
    }

    public FunctionRegistry registry() {
        return registry;
    }

    /** A new slot for {@code name}; handlers build their Wasm instance on the first call. */
    public FunctionInstance newInstance(String name) {
        RegisteredFunction function = registry.get(name);
        return switch (function.manifest().kind()) {
            case HANDLER -> new HandlerInstance(function, factory);
            case COMMAND -> new CommandInstance(function, factory);
        };
    }
}
