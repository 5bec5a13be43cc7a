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
 * What a new actor costs: classify calls to new actor ids (each call activates one),
 * each right after a call to an actor that is already warm, so both see the same
 * state of the host. The warm calls tell apart what the new actor costs from what
 * a host still warming up (its JIT) costs every call. Loopback only.
 *
 * <p>Usage: FirstCalls LABEL GATEWAY_URL IMAGES_DIR WARM_KEY NEW_KEY_PREFIX COUNT RESULTS_JSONL
 */
public final class FirstCalls {
    private FirstCalls() {
    }

    public static void main(String[] args) throws Exception {
        String label = args[0];
        URI classify = URI.create(args[1] + "/api/functions/classify");
        byte[] photo = Files.readAllBytes(Path.of(args[2]).resolve("hot_dog.jpg"));
        String warmKey = args[3];
        String newKeyPrefix = args[4];
        int count = Integer.parseInt(args[5]);
        HttpClient http = HttpClient.newHttpClient();

        TimedCall.classify(http, classify, photo, warmKey);
        List<Double> warmMillis = new ArrayList<>();
        List<Double> firstMillis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            warmMillis.add(TimedCall.classify(http, classify, photo, warmKey));
            firstMillis.add(TimedCall.classify(http, classify, photo, newKeyPrefix + i));
        }

        double firstP50 = Sampler.Samples.of(firstMillis).median();
        double warmP50 = Sampler.Samples.of(warmMillis).median();
        System.out.printf("%-44s first call p50 %.1f ms   warm actor p50 %.1f ms   new actor costs %.1f ms   (%d new actors)%n",
                label, firstP50, warmP50, firstP50 - warmP50, count);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("setup", label);
        row.put("load", "classify, one at a time: a warm actor, then a new one");
        row.put("new_actors", count);
        row.put("first_call_p50_ms", ResultRows.tenths(firstP50));
        row.put("warm_call_p50_ms", ResultRows.tenths(warmP50));
        row.put("new_actor_cost_ms", ResultRows.tenths(firstP50 - warmP50));
        ResultRows.append(Path.of(args[6]), row);
    }
}
