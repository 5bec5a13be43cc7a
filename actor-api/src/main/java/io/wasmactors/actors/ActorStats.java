package io.wasmactors.actors;

/**
 * What one actor reports about itself.
 *
 * @param instantiations Wasm instances it created (1 while warm and healthy)
 * @param warm           a Wasm instance is alive
 */
public record ActorStats(String actorType, String actorId, String host, long calls, long failures,
                         long instantiations, boolean warm, int memoryPages) {
}
