package io.wasmactors.runtime.function;

/**
 * @param calls          calls served
 * @param failures       calls that failed
 * @param instantiations Wasm instances created (1 for a warm handler that never failed)
 * @param warm           a Wasm instance is alive and ready for the next call
 * @param memoryPages    linear memory of the live instance, 0 when none
 */
public record InstanceStats(String function, long calls, long failures, long instantiations, boolean warm, int memoryPages) {
}
