package io.wasmactors.runtime.engine.chicory;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.wasmactors.runtime.ContentHash;
import io.wasmactors.runtime.engine.CompiledModule;
import io.wasmactors.runtime.engine.WasmEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.Function;

/**
 * Chicory, with its compiler turning each module into JVM bytecode once; the
 * compiled form is cached by content hash, so further instances only instantiate,
 * and, given a {@link CompiledCodeDirectory}, kept on disk for the next process.
 */
public final class ChicoryEngine implements WasmEngine {
    private static final Logger LOG = LoggerFactory.getLogger(ChicoryEngine.class);

    private final Cache<String, ChicoryModule> compiled;
    private final Optional<CompiledCodeDirectory> onDisk;

    public ChicoryEngine(long maxCachedModules) {
        this(maxCachedModules, Optional.empty());
    }

    public ChicoryEngine(long maxCachedModules, Optional<CompiledCodeDirectory> onDisk) {
        this.compiled = Caffeine.newBuilder().maximumSize(maxCachedModules).build();
        this.onDisk = onDisk;
    }

    @Override
    public CompiledModule compile(byte[] wasm) {
        return compiled.get(ContentHash.sha256(wasm), key -> {
            WasmModule module = Parser.parse(wasm);
            return new ChicoryModule(module, onDisk.map(directory -> compileKept(module, directory))
                    .orElseGet(() -> MachineFactoryCompiler.compile(module)));
        });
    }

    private static Function<Instance, Machine> compileKept(WasmModule module, CompiledCodeDirectory directory) {
        try {
            return MachineFactoryCompiler.builder(module).withCache(directory).compile();
        } catch (RuntimeException | LinkageError e) {
            // Most likely an entry Chicory cannot load (damaged, or written by a different build):
            // compiling afresh either serves or fails again with the module's own error.
            LOG.warn("compiled code for module {} did not load, compiling it again", module.digest(), e);
            directory.evict(module.digest());
            return MachineFactoryCompiler.builder(module).withCache(directory).compile();
        }
    }
}
