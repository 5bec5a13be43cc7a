package io.wasmactors.runtime.function;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The engine that runs a function's Wasm: manifest field {@code engine} (README, "Engines"). */
public enum EngineChoice {
    /** Chicory: compiles each module to JVM bytecode when it is loaded; fast from the first calls, small. */
    @JsonProperty("chicory") CHICORY,
    /**
     * GraalWasm: about four times faster than Chicory on compute-heavy guests once the Graal compiler
     * has compiled their hot functions, which takes a minute of calls and more memory.
     */
    @JsonProperty("graalwasm") GRAALWASM
}
