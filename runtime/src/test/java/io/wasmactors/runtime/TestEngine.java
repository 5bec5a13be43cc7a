package io.wasmactors.runtime;

import io.wasmactors.runtime.engine.WasmEngine;
import io.wasmactors.runtime.engine.chicory.ChicoryEngine;
import io.wasmactors.runtime.engine.graalwasm.GraalWasmEngine;
import io.wasmactors.runtime.function.Engines;
import io.wasmactors.runtime.function.FunctionRuntime;
import io.wasmactors.runtime.host.nn.ModelStore;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/** The engines the function suites run on, every function on the one under test; one engine each per JVM. */
public enum TestEngine {
    CHICORY(() -> new ChicoryEngine(16)),
    GRAALWASM(() -> new GraalWasmEngine(16));

    private static final Map<TestEngine, WasmEngine> SHARED = new EnumMap<>(TestEngine.class);

    private final Supplier<WasmEngine> maker;

    TestEngine(Supplier<WasmEngine> maker) {
        this.maker = maker;
    }

    public Engines engines() {
        synchronized (SHARED) {
            return Engines.only(SHARED.computeIfAbsent(this, key -> maker.get()));
        }
    }

    /** A runtime on this engine with no functions registered. */
    public FunctionRuntime emptyRuntime() {
        return new FunctionRuntime(engines(), new ModelStore(), TestData.models());
    }

    /** A runtime on this engine with the built functions registered. */
    public FunctionRuntime runtime() throws IOException {
        FunctionRuntime runtime = emptyRuntime();
        runtime.registry().registerDirectory(TestData.functions());
        return runtime;
    }
}
