package io.wasmactors.runtime.function;

import io.wasmactors.runtime.host.nn.ModelStore;
import io.wasmactors.runtime.host.nn.NnError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The functions of a directory: each {@code NAME.json} manifest beside its
 * {@code NAME.wasm}. Registering a function preloads the models it names.
 */
public final class FunctionRegistry {
    private final Map<String, RegisteredFunction> functions = new TreeMap<>();
    private final Engines engines;
    private final ModelStore models;
    private final Path modelsDir;

    public FunctionRegistry(Engines engines, ModelStore models, Path modelsDir) {
        this.engines = engines;
        this.models = models;
        this.modelsDir = modelsDir;
    }

    /** Registers every manifest in {@code directory}; returns the names registered. */
    public List<String> registerDirectory(Path directory) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path manifest : FunctionManifest.filesIn(directory)) {
            names.add(register(manifest).name());
        }
        return names;
    }

    /** Registers the function of one manifest file, whose module is the .wasm of the same name. */
    public RegisteredFunction register(Path manifestFile) throws IOException {
        FunctionManifest manifest = FunctionManifest.read(manifestFile);
        String base = manifestFile.getFileName().toString().replaceFirst("\\.json$", "");
        return register(manifest, manifestFile.resolveSibling(base + ".wasm"));
    }

    public synchronized RegisteredFunction register(FunctionManifest manifest, Path wasm) throws IOException {
        FunctionManifest complete = manifest.withDefaults();
        if (!Files.isRegularFile(wasm)) {
            throw new IOException("function " + complete.name() + ": module " + wasm + " does not exist");
        }
        for (FunctionManifest.ModelRef model : complete.models()) {
            try {
                models.preload(model.name(), modelsDir.resolve(model.file()));
            } catch (NnError e) {
                throw new IOException("function " + complete.name() + ": model " + model.file() + ": " + e.getMessage(), e);
            }
        }
        RegisteredFunction function = new RegisteredFunction(complete, wasm, engines);
        functions.put(complete.name(), function);
        return function;
    }

    public synchronized RegisteredFunction get(String name) {
        RegisteredFunction function = functions.get(name);
        if (function == null) {
            throw new UnknownFunction(name);
        }
        return function;
    }

    public synchronized Collection<RegisteredFunction> all() {
        return Collections.unmodifiableCollection(new ArrayList<>(functions.values()));
    }

    Path modelsDir() {
        return modelsDir;
    }

    ModelStore models() {
        return models;
    }
}
