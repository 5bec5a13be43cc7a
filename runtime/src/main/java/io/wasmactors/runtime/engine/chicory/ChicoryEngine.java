package io.wasmactors.runtime.engine.chicory;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.wasmactors.runtime.ContentHash;
import io.wasmactors.runtime.engine.CompiledModule;
import io.wasmactors.runtime.engine.WasmEngine;

/**
 * Chicory, with its compiler turning each module into JVM bytecode once; the
 * compiled form is cached by content hash, so further instances only instantiate.
 */
public final class ChicoryEngine implements WasmEngine {
    private final Cache<String, ChicoryModule> compiled;

    public ChicoryEngine(long maxCachedModules) {
        this.compiled = Caffeine.newBuilder().maximumSize(maxCachedModules).build();
    }

    @Override
    public CompiledModule compile(byte[] wasm) {
        return compiled.get(ContentHash.sha256(wasm), key -> {
            WasmModule module = Parser.parse(wasm);
            return new ChicoryModule(module, MachineFactoryCompiler.compile(module));
        });
    }
}
