package io.wasmactors.runtime.engine.graalwasm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.wasmactors.runtime.ContentHash;
import io.wasmactors.runtime.engine.CompiledModule;
import io.wasmactors.runtime.engine.WasmEngine;
import org.graalvm.polyglot.Engine;

/**
 * GraalWasm: Truffle's Wasm interpreter, whose hot functions the Graal compiler
 * compiles with the whole call path in view. One polyglot engine is shared by all
 * instances, so code compiled for one instance serves the others.
 */
public final class GraalWasmEngine implements WasmEngine {
    /** The JVM flags without which Truffle only interprets (README, "Engines"). */
    static final String NEEDS = "-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI and the Graal compiler on --upgrade-module-path";

    private final Engine engine;
    private final Cache<String, GraalWasmModule> modules;

    public GraalWasmEngine(long maxCachedModules) {
        this.engine = Engine.newBuilder("wasm").option("engine.WarnInterpreterOnly", "false").build();
        if (!optimizing(engine)) {
            engine.close();
            throw new IllegalStateException("GraalWasm cannot compile on this JVM (" + System.getProperty("java.vm.name") + " "
                    + System.getProperty("java.version") + "); it needs " + NEEDS + ", which the wasmactors launcher passes");
        }
        this.modules = Caffeine.newBuilder().maximumSize(maxCachedModules).build();
    }

    @Override
    public CompiledModule compile(byte[] wasm) {
        return modules.get(ContentHash.sha256(wasm), key -> new GraalWasmModule(engine, key, wasm));
    }

    /** Truffle names its fallback runtime "Interpreted"; every other runtime compiles. */
    private static boolean optimizing(Engine engine) {
        return !engine.getImplementationName().equals("Interpreted");
    }
}
