package io.wasmactors.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static io.wasmactors.gateway.RawHttp.readHead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * More than the gateway takes at once answers 503 {@code busy} with {@code Retry-After}, and the
 * gateway serves again once the load is gone: request bodies beyond {@code body-memory} (4 MB
 * here; bodies up to 3 MB), calls beyond the worker queue (one worker, one place in the queue).
 */
@TestPropertySource(properties = {"wasmactors.body-memory=4MB", "wasmactors.workers=1", "wasmactors.queue=1"})
class OverloadTest extends GatewayTestBase {
    private static final Duration SETTLING = Duration.ofSeconds(5);

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient client;

    private WebTestClient.ResponseSpec classify(byte[] body) {
        return client.post().uri("/api/functions/classify").bodyValue(body).exchange();
    }

    private static void assertBusy(WebTestClient.ResponseSpec response, String detail) {
        response.expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectBody().jsonPath("$.error").isEqualTo("busy")
                .jsonPath("$.detail").value(containsString(detail));
    }

    @Test
    void aBodyBeyondTheRoomLeftAnswers503UntilTheHeldOnesAreAnswered() throws IOException {
        byte[] oneAndAHalf = new byte[3 << 19];
        try (Socket slow = new Socket("127.0.0.1", port)) {
            // 3 MB declared and 1 KB sent: the gateway holds room for all of it while the rest is on its way.
            OutputStream out = slow.getOutputStream();
            out.write(("POST /api/functions/classify HTTP/1.1\r\nHost: test\r\nContent-Length: " + (3 << 20) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1024]);
            out.flush();
            await().atMost(SETTLING).untilAsserted(() -> assertBusy(classify(oneAndAHalf), "wasmactors.body-memory"));
            // Within the room left: answered (not an image).
            classify(new byte[512 << 10]).expectStatus().isEqualTo(422);
            out.write(new byte[(3 << 20) - 1024]);
            out.flush();
            assertThat(readHead(slow.getInputStream())).as("the held body, once whole").startsWith("HTTP/1.1 422");
        }
        await().atMost(SETTLING).untilAsserted(() -> classify(oneAndAHalf).expectStatus().isEqualTo(422));
        classify(TestFunctions.imageBytes("hot_dog.jpg")).expectStatus().isOk();
    }

    /** An answer's status, Retry-After header and body. */
    private record Answer(int status, String retryAfter, String body) {
    }

    @Test
    void aCallBeyondTheWorkerQueueAnswers503UntilTheWorkerIsFree() {
        // Three spins at once: one holds the worker for its 1.5 s time limit, one waits in the queue's one place.
        WebClient web = WebClient.create("http://127.0.0.1:" + port);
        List<Answer> answers = Flux.range(0, 3)
                .flatMap(i -> web.post().uri("/api/functions/spin").bodyValue(new byte[] {1}).exchangeToMono(answer ->
                        answer.bodyToMono(String.class).defaultIfEmpty("").map(body -> new Answer(answer.statusCode().value(),
                                answer.headers().asHttpHeaders().getFirst("Retry-After"), body))))
                .collectList().block(Duration.ofSeconds(15));
        assertThat(answers).extracting(Answer::status).as("two ran to their time limit").containsExactlyInAnyOrder(504, 504, 503);
        Answer busy = answers.stream().filter(answer -> answer.status() == 503).findFirst().orElseThrow();
        assertThat(busy.retryAfter()).isEqualTo("1");
        assertThat(busy.body()).contains("\"error\":\"busy\"", "workers are busy");
        classify(TestFunctions.imageBytes("hot_dog.jpg")).expectStatus().isOk();
    }
}
