package io.wasmactors.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyTest extends GatewayTestBase {
    @LocalServerPort
    int port;

    @Test
    void fiftyParallelMixedRequestsAllSucceedWithCorrectOutputs() {
        WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 << 20)).build();
        byte[] hotdog = TestFunctions.imageBytes("hot_dog.jpg");
        byte[] parrot = TestFunctions.imageBytes("parrot.jpg");
        List<ResponseEntity<byte[]>> answers = Flux.range(0, 50)
                .flatMap(i -> {
                    String function = i % 2 == 0 ? "classify" : "grayscale";
                    byte[] image = i % 4 < 2 ? hotdog : parrot;
                    return client.post().uri("/api/functions/" + function).bodyValue(image).retrieve().toEntity(byte[].class)
                            .map(answer -> ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                                    .header("X-Test-Case", function + ":" + (image == hotdog ? "hotdog" : "macaw"))
                                    .body(answer.getBody()));
                }, 50)
                .collectList()
                .block(Duration.ofMinutes(3));
        assertThat(answers).hasSize(50);
        for (ResponseEntity<byte[]> answer : answers) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(200));
            String[] testCase = answer.getHeaders().getFirst("X-Test-Case").split(":");
            if (testCase[0].equals("classify")) {
                assertThat(label(answer.getBody())).startsWith(testCase[1]);
            } else {
                assertThat(widthOf(answer.getBody())).isEqualTo(testCase[1].equals("hotdog") ? widthOf(hotdog) : widthOf(parrot));
            }
        }
        assertThat(answers.stream().map(a -> a.getHeaders().getFirst("X-Actor-Id")).distinct().count())
                .as("calls spread over the instances of both functions").isGreaterThanOrEqualTo(4);
    }

    @Test
    void aSlowFunctionDoesNotStallOtherRequests() {
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        // spin holds one of the two workers for its 1.5 s time limit; classify runs on the other meanwhile.
        Mono<String> slow = client.post().uri("/api/functions/spin").bodyValue(new byte[] {1}).exchangeToMono(
                r -> Mono.just("spin:" + r.statusCode().value() + "@" + System.nanoTime()));
        Mono<String> fast = Mono.delay(Duration.ofMillis(200)).then(client.post().uri("/api/functions/classify")
                .bodyValue(TestFunctions.imageBytes("bird.bmp")).exchangeToMono(r -> Mono.just("classify:" + r.statusCode().value() + "@" + System.nanoTime())));
        Mono<String> page = Mono.delay(Duration.ofMillis(200)).then(client.get().uri("/api/functions")
                .exchangeToMono(r -> Mono.just("list:" + r.statusCode().value() + "@" + System.nanoTime())));
        List<String> order = Flux.merge(slow, fast, page).collectList().block(Duration.ofSeconds(30));
        assertThat(order).hasSize(3);
        assertThat(order.get(2)).as("spin finishes last, with its time limit").startsWith("spin:504");
        assertThat(order.subList(0, 2)).anySatisfy(s -> assertThat(s).startsWith("classify:200"))
                .anySatisfy(s -> assertThat(s).startsWith("list:200"));
    }

    private static String label(byte[] json) {
        try {
            JsonNode node = new ObjectMapper().readTree(json);
            return node.get("label").asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int widthOf(byte[] image) {
        try {
            return ImageIO.read(new ByteArrayInputStream(image)).getWidth();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
