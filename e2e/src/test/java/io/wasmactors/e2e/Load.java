package io.wasmactors.e2e;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A constant load of mixed requests on the gateway (loopback only), bounded in
 * time: each client sends its next request when the last one answered.
 */
final class Load {
    /** A call sent {@code atMs} after the load began that {@code host} answered {@code tookMs} later. */
    record Outcome(long atMs, long tookMs, String function, String host, int status, String detail) {
        boolean ok() {
            return status == 200;
        }
    }

    private Load() {
    }

    /** Runs {@code clients} loops for {@code millis}; {@code during} runs once, {@code atMs} after the start. */
    static List<Outcome> run(String gateway, int clients, long millis, long atMs, Action during) throws Exception {
        byte[] small = Http.image("face.jpg");
        byte[] photo = Http.image("hot_dog.jpg");
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        long start = System.currentTimeMillis();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> loops = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            loops.add(pool.submit(() -> {
                int i = 0;
                while (System.currentTimeMillis() - start < millis) {
                    String function = (client + i++) % 2 == 0 ? "classify" : "grayscale";
                    long sent = System.currentTimeMillis() - start;
                    try {
                        HttpResponse<byte[]> response = Http.post(gateway + "/api/functions/" + function,
                                function.equals("classify") ? photo : small, Map.of());
                        outcomes.add(new Outcome(sent, System.currentTimeMillis() - start - sent, function,
                                response.headers().firstValue("X-Host").orElse("-"), response.statusCode(),
                                response.statusCode() == 200 ? "" : new String(response.body())));
                    } catch (Exception e) {
                        outcomes.add(new Outcome(sent, System.currentTimeMillis() - start - sent, function, "-", -1, e.toString()));
                    }
                }
                return null;
            }));
        }
        Thread.sleep(atMs);
        during.run();
        for (Future<?> loop : loops) {
            loop.get(millis + 120_000, TimeUnit.MILLISECONDS);
        }
        pool.shutdown();
        return new ArrayList<>(outcomes);
    }

    /** One line per call, in the order they were sent: to tell from a failure what the load met. */
    static String timeline(List<Outcome> outcomes) {
        return outcomes.stream().sorted(Comparator.comparingLong(Outcome::atMs))
                .map(o -> String.format("sent at %5d ms, answered in %5d ms by %s: %s %d %s", o.atMs(), o.tookMs(), o.host(),
                        o.function(), o.status(), o.detail()))
                .collect(Collectors.joining("\n"));
    }

    interface Action {
        void run() throws Exception;
    }
}
