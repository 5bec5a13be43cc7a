package io.wasmactors.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dapr's overhead on one call: classify of a photo, one request at a time, sent in
 * turn to an embedded gateway and to a Dapr cluster's gateway, so that both see the
 * same state of the machine (measured minutes apart, the two drifted by more than
 * the overhead). Loopback only.
 *
 * <p>Usage: PairedLatency LABEL EMBEDDED_URL DAPR_URL IMAGES_DIR SECONDS WARM_UP_SECONDS RESULTS_JSONL
 */
public final class PairedLatency {
    private PairedLatency() {
    }

    public static void main(String[] args) throws Exception {
        String label = args[0];
        URI embedded = URI.create(args[1] + "/api/functions/classify");
        URI dapr = URI.create(args[2] + "/api/functions/classify");
        byte[] photo = Files.readAllBytes(Path.of(args[3]).resolve("hot_dog.jpg"));
        long millis = Long.parseLong(args[4]) * 1000;
        long warmUpMillis = Long.parseLong(args[5]) * 1000;
        HttpClient http = HttpClient.newHttpClient();

        alternate(http, embedded, dapr, photo, warmUpMillis, new ArrayList<>(), new ArrayList<>());
        List<Double> embeddedMillis = new ArrayList<>();
        List<Double> daprMillis = new ArrayList<>();
        alternate(http, embedded, dapr, photo, millis, embeddedMillis, daprMillis);

        double embeddedP50 = Sampler.Samples.of(embeddedMillis).median();
        double daprP50 = Sampler.Samples.of(daprMillis).median();
        System.out.printf("%-40s embedded p50 %.1f ms   dapr p50 %.1f ms   overhead %.1f ms   (%d pairs)%n",
                label, embeddedP50, daprP50, daprP50 - embeddedP50, daprMillis.size());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("setup", label);
        row.put("load", "classify, one at a time, alternating");
        row.put("pairs", daprMillis.size());
        row.put("embedded_p50_ms", ResultRows.tenths(embeddedP50));
        row.put("dapr_p50_ms", ResultRows.tenths(daprP50));
        row.put("overhead_ms", ResultRows.tenths(daprP50 - embeddedP50));
        ResultRows.append(Path.of(args[6]), row);
    }

    private static void alternate(HttpClient http, URI embedded, URI dapr, byte[] photo, long millis,
                                  List<Double> embeddedMillis, List<Double> daprMillis) throws Exception {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            embeddedMillis.add(TimedCall.classify(http, embedded, photo, null));
            daprMillis.add(TimedCall.classify(http, dapr, photo, null));
        }
    }
}
