package io.wasmactors.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.wasmactors.gateway.RawHttp.readHead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** Request bodies held at once stay within wasmactors.body-memory (4 MB here; bodies up to 3 MB). */
@TestPropertySource(properties = "wasmactors.body-memory=4MB")
class BodyMemoryTest extends GatewayTestBase {
    private static final Duration SETTLING = Duration.ofSeconds(5);

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient client;

    private WebTestClient.ResponseSpec classify(byte[] body) {
        return client.post().uri("/api/functions/classify").bodyValue(body).exchange();
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
            await().atMost(SETTLING).untilAsserted(() -> classify(oneAndAHalf).expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "1")
                    .expectBody().jsonPath("$.error").isEqualTo("busy")
                    .jsonPath("$.detail").value(containsString("wasmactors.body-memory")));
            // Within the room left: answered (not an image).
            classify(new byte[512 << 10]).expectStatus().isEqualTo(422);
            out.write(new byte[(3 << 20) - 1024]);
            out.flush();
            assertThat(readHead(slow.getInputStream())).as("the held body, once whole").startsWith("HTTP/1.1 422");
        }
        await().atMost(SETTLING).untilAsserted(() -> classify(oneAndAHalf).expectStatus().isEqualTo(422));
        classify(TestFunctions.imageBytes("hot_dog.jpg")).expectStatus().isOk();
    }
}
