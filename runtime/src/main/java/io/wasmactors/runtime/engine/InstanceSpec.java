package io.wasmactors.runtime.engine;

import io.wasmactors.runtime.host.nn.WasiNnSession;
import io.wasmactors.runtime.host.wasi.WasiConfig;

/**
 * What an instance gets from the host.
 *
 * @param wasi           stdio, arguments, environment and directories
 * @param nn             the WASI-NN state of this instance
 * @param maxMemoryPages upper bound on linear memory, in 64 KiB pages
 */
public record InstanceSpec(WasiConfig wasi, WasiNnSession nn, int maxMemoryPages) {
}
