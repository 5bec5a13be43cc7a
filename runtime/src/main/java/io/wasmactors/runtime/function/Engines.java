package io.wasmactors.runtime.function;

import io.wasmactors.runtime.engine.WasmEngine;
import io.wasmactors.runtime.engine.chicory.ChicoryEngine;
import io.wasmactors.runtime.engine.chicory.CompiledCodeDirectory;
import io.wasmactors.runtime.engine.graalwasm.GraalWasmEngine;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The engines of a runtime by manifest choice, each made on first use: GraalWasm loads a compiler. */
public final class Engines {
    private final Map<EngineChoice, Supplier<WasmEngine>> makers;
    private final Map<EngineChoice, WasmEngine> made = new EnumMap<>(EngineChoice.class);
    private final boolean handsOver;

    private Engines(Map<EngineChoice, Supplier<WasmEngine>> makers, boolean handsOver) {
        this.makers = makers;
        this.handsOver = handsOver;
    }

    /**
     * Each function on the engine its manifest names, GraalWasm ones served by Chicory until compiled;
     * Chicory keeps its compiled code in {@code chicoryCode} when there is one.
     */
    public static Engines byManifest(long cachedModulesPerEngine, Optional<CompiledCodeDirectory> chicoryCode) {
        return new Engines(Map.of(
                EngineChoice.CHICORY, () -> new ChicoryEngine(cachedModulesPerEngine, chicoryCode),
                EngineChoice.GRAALWASM, () -> new GraalWasmEngine(cachedModulesPerEngine)), true);
    }

    /** Every function on {@code engine}, whatever its manifest names: to test or measure one engine. */
    public static Engines only(WasmEngine engine) {
        Map<EngineChoice, Supplier<WasmEngine>> makers = new EnumMap<>(EngineChoice.class);
        for (EngineChoice choice : EngineChoice.values()) {
            makers.put(choice, () -> engine);
        }
        return new Engines(makers, false);
    }

    /**
     * The engine that serves a function of {@code choice} while that one is not compiled yet:
     * Chicory for GraalWasm, which interprets its first calls (seconds each for an image
     * decoder). Empty when the chosen engine serves from the first call, and for {@link #only}.
     */
    Optional<EngineChoice> servesFirst(EngineChoice choice) {
        return handsOver && choice == EngineChoice.GRAALWASM ? Optional.of(EngineChoice.CHICORY) : Optional.empty();
    }

    synchronized WasmEngine engine(EngineChoice choice) {
        return made.computeIfAbsent(choice, key -> makers.get(key).get());
    }
}
