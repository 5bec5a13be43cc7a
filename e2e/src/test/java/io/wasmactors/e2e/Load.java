package io.wasmactors.e2e;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A constant load of mixed requests on the gateway (loopback only), bounded in
 * time: each client sends its next request when the last one answered.
 */
final class Load {
    record Outcome(long atMs, String function, int status, String detail) {
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
                        outcomes.add(new Outcome(sent, function, response.statusCode(),
                                response.statusCode() == 200 ? "" : new String(response.body())));
                    } catch (Exception e) {
                        outcomes.add(new Outcome(sent, function, -1, e.toString()));
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

    interface Action {
        void run() throws Exception;
    }
}
