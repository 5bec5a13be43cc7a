package io.wasmactors.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** One classify call of a photo through a gateway, timed from send to the whole answer. */
final class TimedCall {
    private TimedCall() {
    }

    /**
     * The call's milliseconds; {@code actorKey} picks the actor (null: the gateway spreads calls).
     * A failed call ends the run: a figure made of the calls that happened to succeed would mislead.
     */
    static double classify(HttpClient http, URI uri, byte[] photo, String actorKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(photo));
        if (actorKey != null) {
            request.header("X-Actor-Key", actorKey);
        }
        long sent = System.nanoTime();
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        double took = (System.nanoTime() - sent) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode());
        }
        return took;
    }
}
