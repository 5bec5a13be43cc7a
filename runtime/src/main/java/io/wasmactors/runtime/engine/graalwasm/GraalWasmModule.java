package io.wasmactors.runtime.engine.graalwasm;

import io.wasmactors.runtime.engine.CompiledModule;
import io.wasmactors.runtime.engine.GuestFailure;
import io.wasmactors.runtime.engine.HostImport;
import io.wasmactors.runtime.engine.InstanceSpec;
import io.wasmactors.runtime.engine.WasmInstance;
import io.wasmactors.runtime.host.wasi.WasiConfig;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** A module for GraalWasm: each instance is a polyglot context of the shared engine. */
final class GraalWasmModule implements CompiledModule {
    private final Engine engine;
    private final String hash;
    private final byte[] wasm;
    /** The module's bytes with its memory capped, by limit (in practice one per manifest). */
    private final Map<Integer, Source> sources = new ConcurrentHashMap<>();

    GraalWasmModule(Engine engine, String hash, byte[] wasm) {
        this.engine = engine;
        this.hash = hash;
        this.wasm = wasm;
    }

    @Override
    public WasmInstance instantiate(InstanceSpec spec) {
        Source source = sources.computeIfAbsent(spec.maxMemoryPages(), pages ->
                Source.newBuilder("wasm", ByteSequence.create(MemoryCap.apply(wasm, pages)), hash + "-" + pages).buildLiteral());
        GraalWasmMemory memory = new GraalWasmMemory();
        Context context = context(spec.wasi());
        try {
            Value instance = context.eval(source).newInstance(imports(spec, memory));
            memory.bind(instance.getMember("exports").getMember("memory"));
            GraalWasmInstance live = new GraalWasmInstance(context, instance.getMember("exports"), memory);
            if (live.exports("_initialize")) {
                live.call("_initialize");
            }
            return live;
        } catch (PolyglotException | IllegalArgumentException e) {
            context.close(true);
            throw GuestFailure.trap("cannot instantiate: " + e.getMessage(), e);
        } catch (GuestFailure e) {
            context.close(true);
            throw e;
        }
    }

    private Context context(WasiConfig wasi) {
        String directories = wasi.directories().entrySet().stream()
                .map(grant -> grant.getKey() + "::" + grant.getValue())
                .collect(Collectors.joining(","));
        return Context.newBuilder("wasm")
                .engine(engine)
                .option("wasm.Builtins", "wasi_snapshot_preview1")
                .option("wasm.WasiMapDirs", directories)
                .in(wasi.stdin())
                .out(wasi.stdout())
                .err(wasi.stderr())
                .arguments("wasm", wasi.arguments().toArray(String[]::new))
                .environment(wasi.environment())
                .allowIO(IOAccess.newBuilder().fileSystem(new ReadOnlyFiles()).build())
                .build();
    }

    private static Object imports(InstanceSpec spec, GraalWasmMemory memory) {
        Map<String, Map<String, Object>> modules = new HashMap<>();
        for (HostImport host : HostImport.all(spec.nn())) {
            modules.computeIfAbsent(host.module(), name -> new HashMap<>()).put(host.name(), (ProxyExecutable) arguments -> {
                long[] args = new long[arguments.length];
                for (int i = 0; i < args.length; i++) {
                    args[i] = arguments[i].asLong();
                }
                return host.body().apply(memory, args);
            });
        }
        Map<String, Object> byModule = new HashMap<>();
        modules.forEach((name, functions) -> byModule.put(name, ProxyObject.fromMap(functions)));
        return ProxyObject.fromMap(byModule);
    }
}
