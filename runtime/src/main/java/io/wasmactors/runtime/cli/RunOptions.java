package io.wasmactors.runtime.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The command line of {@code wasmactors run}. */
record RunOptions(Path module, List<String> arguments, Map<String, String> environment,
                  Map<String, Path> directories, List<Preload> preloads) {

    static final String USAGE = """
            usage: wasmactors run [--dir HOST:GUEST]... [--env K=V]... [--nn-preload NAME:TensorflowLite:CPU:PATH]... FILE.wasm [ARGS...]
              --dir HOST:GUEST   grant the host directory HOST read-only as GUEST (--dir PATH: the same path on both sides)
              --env K=V          set an environment variable for the module
              --nn-preload ...   parse a TensorFlow Lite model for WASI-NN's load_by_name under NAME""";

    private static final Set<String> OPTIONS = Set.of("--dir", "--env", "--nn-preload");
    private static final Set<String> HELP = Set.of("-h", "--help");

    record Preload(String name, Path path) {
    }

    /** Asked for the usage: help as the first argument, where a module's own arguments cannot be yet. */
    static boolean asksForHelp(String[] args) {
        return args.length > 0 && HELP.contains(args[0]);
    }

    static RunOptions parse(String[] args) {
        Map<String, String> environment = new LinkedHashMap<>();
        Map<String, Path> directories = new LinkedHashMap<>();
        List<Preload> preloads = new ArrayList<>();
        int i = 0;
        for (; i < args.length && args[i].startsWith("--"); i++) {
            String option = args[i];
            if (!OPTIONS.contains(option)) {
                throw new IllegalArgumentException("unknown option " + option);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--dir" -> directory(value, directories);
                case "--env" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--env takes K=V, got '" + value + "'");
                    }
                    environment.put(value.substring(0, eq), value.substring(eq + 1));
                }
                case "--nn-preload" -> preloads.add(preload(value));
            }
        }
        if (i >= args.length) {
            throw new IllegalArgumentException("no module given");
        }
        Path module = Path.of(args[i]);
        List<String> arguments = new ArrayList<>(List.of(args).subList(i, args.length));
        arguments.set(0, module.getFileName().toString());
        return new RunOptions(module, arguments, environment, directories, preloads);
    }

    private static void directory(String value, Map<String, Path> directories) {
        int colon = value.indexOf(':');
        String host = colon < 0 ? value : value.substring(0, colon);
        String guest = colon < 0 ? value : value.substring(colon + 1);
        Path hostPath = Path.of(host);
        if (!Files.isDirectory(hostPath)) {
            throw new IllegalArgumentException("--dir " + value + ": " + host + " is not a directory");
        }
        directories.put(guest, hostPath.toAbsolutePath());
    }

    /** NAME:ENCODING:TARGET:PATH, as WasmEdge's --nn-preload; only TensorFlow Lite on the CPU. */
    private static Preload preload(String value) {
        String[] parts = value.split(":", 4);
        if (parts.length != 4) {
            throw new IllegalArgumentException("--nn-preload takes NAME:TensorflowLite:CPU:PATH, got '" + value + "'");
        }
        if (!parts[1].equalsIgnoreCase("TensorflowLite") && !parts[1].equalsIgnoreCase("tflite")) {
            throw new IllegalArgumentException("--nn-preload: encoding " + parts[1] + " is not supported; only TensorflowLite");
        }
        if (!parts[2].equalsIgnoreCase("CPU") && !parts[2].equalsIgnoreCase("AUTO")) {
            throw new IllegalArgumentException("--nn-preload: target " + parts[2] + " is not supported; only CPU");
        }
        return new Preload(parts[0], Path.of(parts[3]));
    }
}
