package io.wasmactors.runtime.function;

import io.wasmactors.runtime.RuntimePaths;
import io.wasmactors.runtime.engine.chicory.CompiledCodeDirectory;
import io.wasmactors.runtime.host.nn.ModelStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The runtime as its users (gateway, actor host, CLI) see it: registered functions and instances of them. */
public final class FunctionRuntime {
    private static final int CACHED_MODULES = 64;

    private final Engines engines;
    private final FunctionRegistry registry;
    private final InstanceFactory factory;
    /** Background calls that warm engines up (EngineHandoverInstance): one at a time, the rest skipped. */
    private final ExecutorService warmUpCalls = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new SynchronousQueue<>(),
            daemonThreads("wasm-engine-warm-up"));
    /** The calls EngineHandoverInstance serves, so a caller can stop waiting for a slow engine: at most two per slot at a time. */
    private final ExecutorService handedOverCalls = Executors.newCachedThreadPool(daemonThreads("wasm-handed-over-call"));

    private static ThreadFactory daemonThreads(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    public FunctionRuntime(Engines engines, ModelStore models, Path modelsDir) {
        this.engines = engines;
        this.registry = new FunctionRegistry(engines, models, modelsDir);
        this.factory = new InstanceFactory(registry);
    }

    /** A runtime with the functions of {@code functionsDir} registered. */
    public static FunctionRuntime load(Path functionsDir, Path modelsDir) throws IOException {
        FunctionRuntime runtime = withManifestEngines(modelsDir);
        runtime.registry().registerDirectory(functionsDir);
        return runtime;
    }

    /** A runtime with only the named functions of {@code functionsDir} registered. */
    public static FunctionRuntime load(Path functionsDir, Path modelsDir, Collection<String> names) throws IOException {
        FunctionRuntime runtime = withManifestEngines(modelsDir);
        for (String name : names) {
            Path manifest = functionsDir.resolve(name + ".json");
            if (!Files.isRegularFile(manifest)) {
                throw new IOException("no function '" + name + "' in " + functionsDir);
            }
            runtime.registry().register(manifest);
        }
        return runtime;
    }

    private static FunctionRuntime withManifestEngines(Path modelsDir) {
        return new FunctionRuntime(Engines.byManifest(CACHED_MODULES, CompiledCodeDirectory.under(RuntimePaths.cache())),
                new ModelStore(), modelsDir);
    }

    /**
     * Compiles every module a registered function's calls can use, including the engine that serves
     * a handler while its own warms up, so that no first call waits for a compiler.
     */
    public void compileAll() {
        for (RegisteredFunction function : registry.all()) {
            EngineChoice chosen = function.manifest().engine();
            if (function.manifest().kind() == FunctionKind.HANDLER) {
                engines.servesFirst(chosen).ifPresent(function::module);
            }
            function.module(chosen);
        }
    }

    public FunctionRegistry registry() {
        return registry;
    }

    /** A new slot for {@code name}; handlers build their Wasm instance on the first call. */
    public FunctionInstance newInstance(String name) {
        RegisteredFunction function = registry.get(name);
        return switch (function.manifest().kind()) {
            case HANDLER -> handler(function);
            case COMMAND -> new CommandInstance(function, factory);
        };
    }

    private FunctionInstance handler(RegisteredFunction function) {
        EngineChoice chosen = function.manifest().engine();
        return engines.servesFirst(chosen)
                .<FunctionInstance>map(first -> handOver(function.name(), handlerOn(function, first), handlerOn(function, chosen)))
                .orElseGet(() -> handlerOn(function, chosen));
    }

    FunctionInstance handlerOn(RegisteredFunction function, EngineChoice engine) {
        return new HandlerInstance(function, engine, factory);
    }

    /** {@code first} serves until {@code successor}, warming up on the same inputs, is as fast. */
    FunctionInstance handOver(String function, FunctionInstance first, FunctionInstance successor) {
        return new EngineHandoverInstance(function, first, successor, warmUpCalls, handedOverCalls);
    }
}
