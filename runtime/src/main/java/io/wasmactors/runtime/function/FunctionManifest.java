package io.wasmactors.runtime.function;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a function is and may do; read from {@code NAME.json} beside {@code NAME.wasm}.
 *
 * @param handler   the export called for a handler function (default: the name)
 * @param args      arguments after the program name, for commands
 * @param dirs      host directories granted read-only; {@code ${models}} stands for the models directory
 * @param models    models preloaded for WASI-NN's {@code load_by_name}, files in the models directory
 * @param instances how many warm instances (actor ids) callers are spread over
 * @param engine    the Wasm engine that runs it (default Chicory)
 */
public record FunctionManifest(
        String name,
        String description,
        FunctionKind kind,
        String handler,
        List<String> args,
        Map<String, String> env,
        List<DirGrant> dirs,
        List<ModelRef> models,
        ContentTypes contentTypes,
        Limits limits,
        Integer instances,
        EngineChoice engine) {

    public record DirGrant(String host, String guest) {
    }

    public record ModelRef(String name, String file) {
    }

    public record ContentTypes(List<String> in, String out) {
    }

    /** The manifest files of a functions directory ({@code NAME.json}), in name order. */
    public static List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Reads a manifest file and fills in the defaults. */
    public static FunctionManifest read(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), FunctionManifest.class).withDefaults();
    }

    /** This manifest with every optional field filled in. */
    public FunctionManifest withDefaults() {
        if (name == null || !name.matches("[a-z][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("function name '" + name + "' must be lower-case letters, digits and dashes");
        }
        if (kind == null) {
            throw new IllegalArgumentException("function " + name + " has no kind (command or handler)");
        }
        return new FunctionManifest(name, description == null ? "" : description, kind,
                handler == null ? name : handler,
                args == null ? List.of() : List.copyOf(args),
                env == null ? Map.of() : Map.copyOf(env),
                dirs == null ? List.of() : List.copyOf(dirs),
                models == null ? List.of() : List.copyOf(models),
                contentTypes == null ? new ContentTypes(List.of("application/octet-stream"), "application/octet-stream") : contentTypes,
                (limits == null ? Limits.DEFAULTS : limits).withDefaults(),
                instances == null ? 2 : Math.max(1, instances),
                engine == null ? EngineChoice.CHICORY : engine);
    }
}
