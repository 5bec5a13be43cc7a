package io.wasmactors.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real local cluster (Redis, placement, actor hosts with daprd, gateway with daprd)
 * started by {@code scripts/cluster.sh} on free ports; closing it stops every process it started.
 */
final class LocalCluster implements AutoCloseable {
    private final Path root = Path.of(System.getProperty("wasmactors.root"));
    private final Path state;
    private final Map<String, String> environment;
    private Map<String, Integer> ports;
    private Map<String, String> tokens;

    private LocalCluster(Path state, Map<String, String> environment) {
        this.state = state;
        this.environment = environment;
    }

    /** Starts {@code hosts} actor hosts; {@code hostArgs} are extra Spring arguments for every host. */
    static LocalCluster start(int hosts, String hostArgs) throws IOException, InterruptedException {
        return start(hosts, hostArgs, Map.of());
    }

    /** As above, with more settings for cluster.sh, such as {@code WASMACTORS_HOST3_ARGS} for one host. */
    static LocalCluster start(int hosts, String hostArgs, Map<String, String> settings) throws IOException, InterruptedException {
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("WASMACTORS_HOST_ARGS", hostArgs);
        environment.put("WASMACTORS_MODELS", Path.of(System.getProperty("wasmactors.models")).toString());
        LocalCluster cluster = new LocalCluster(Files.createTempDirectory("wasmactors-cluster"), environment);
        try {
            cluster.script("start", String.valueOf(hosts));
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    int port(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new IllegalArgumentException("no port " + name + " in " + ports.keySet());
        }
        return port;
    }

    String gateway() {
        return "http://127.0.0.1:" + port("GATEWAY_PORT");
    }

    String gatewaySidecar() {
        return "http://127.0.0.1:" + port("GATEWAY_DAPR_HTTP");
    }

    String host(int n) {
        return "http://127.0.0.1:" + port("HOST" + n + "_APP");
    }

    /** The header that Dapr's API (any sidecar) requires. */
    Map<String, String> apiToken() {
        return Map.of("dapr-api-token", tokens.get("DAPR_API_TOKEN"));
    }

    /** The header an actor host requires from its sidecar. */
    Map<String, String> appToken() {
        return Map.of("dapr-api-token", tokens.get("APP_API_TOKEN"));
    }

    /** Adds or gracefully removes hosts until {@code hosts} run. */
    void scale(int hosts) throws IOException, InterruptedException {
        script("scale", String.valueOf(hosts));
    }

    void stopHost(int n, String signal) throws IOException, InterruptedException {
        script("stop-host", String.valueOf(n), signal);
    }

    /** Sends {@code signal} to actor host N's app only (not its sidecar): STOP freezes it, CONT thaws it. */
    void signalHostApp(int n, String signal) throws IOException, InterruptedException {
        String pid = Files.readString(state.resolve("pids/host" + n + ".pid")).trim();
        Process kill = new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + signal + " " + pid + " failed");
        }
    }

    void startHost(int n) throws IOException, InterruptedException {
        script("start-host", String.valueOf(n));
    }

    private void script(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(root.resolve("scripts/cluster.sh").toString(), args[0], state.toString()));
        command.addAll(List.of(args).subList(1, args.length));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(state.resolve("cluster-" + args[0] + ".log").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("cluster.sh " + args[0] + " did not finish");
        }
        if (process.exitValue() != 0) {
            throw new IOException("cluster.sh " + String.join(" ", args) + " failed: " + Files.readString(state.resolve("cluster-" + args[0] + ".log")));
        }
        readPorts();
    }

    private void readPorts() throws IOException {
        Map<String, Integer> read = new HashMap<>();
        readEnv("ports.env").forEach((key, value) -> read.put(key, Integer.parseInt(value)));
        ports = read;
        tokens = readEnv("tokens.env");
    }

    /** KEY=VALUE lines; a later line wins, as when the shell sources the file. */
    private Map<String, String> readEnv(String name) throws IOException {
        Map<String, String> read = new HashMap<>();
        Path file = state.resolve(name);
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                String[] pair = line.split("=", 2);
                if (pair.length == 2) {
                    read.put(pair[0], pair[1]);
                }
            }
        }
        return read;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        script("stop");
    }
}
