package io.wasmactors.runtime.function;

import io.wasmactors.runtime.engine.InstanceSpec;
import io.wasmactors.runtime.engine.WasmInstance;
import io.wasmactors.runtime.host.nn.WasiNnSession;
import io.wasmactors.runtime.host.wasi.WasiConfig;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creates instances of registered functions with the capabilities their manifests grant. */
final class InstanceFactory {
    private static final String MODELS_PLACEHOLDER = "${models}";

    private final FunctionRegistry registry;

    InstanceFactory(FunctionRegistry registry) {
        this.registry = registry;
    }

    WasmInstance create(RegisteredFunction function, EngineChoice engine, WasiNnSession nn, InputStream stdin, OutputStream stdout,
                        OutputStream stderr) {
        FunctionManifest manifest = function.manifest();
        List<String> arguments = new ArrayList<>();
        arguments.add(manifest.name());
        arguments.addAll(manifest.args());
        Map<String, Path> directories = new LinkedHashMap<>();
        for (FunctionManifest.DirGrant grant : manifest.dirs()) {
            directories.put(grant.guest(), hostPath(grant.host()));
        }
        WasiConfig wasi = new WasiConfig(stdin, stdout, stderr, arguments, manifest.env(), directories);
        return function.module(engine).instantiate(new InstanceSpec(wasi, nn, manifest.limits().maxMemoryPages()));
    }

    WasiNnSession newNnSession() {
        return new WasiNnSession(registry.models());
    }

    private Path hostPath(String host) {
        if (host.startsWith(MODELS_PLACEHOLDER)) {
            return Path.of(registry.modelsDir() + host.substring(MODELS_PLACEHOLDER.length()));
        }
        return Path.of(host);
    }
}
