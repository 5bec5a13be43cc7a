package io.wasmactors.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTest extends GatewayTestBase {
    @Autowired
    WebTestClient client;

    private WebTestClient.ResponseSpec post(String uri, byte[] body) {
        return client.post().uri(uri).contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(body).exchange();
    }

    private static void assertInvocationHeaders(WebTestClient.ResponseSpec response) {
        response.expectHeader().valueMatches("X-Actor-Id", "[a-z-]+-\\d+")
                .expectHeader().valueMatches("X-Host", "embedded@.+")
                .expectHeader().valueMatches("X-Duration-Ms", "\\d+");
    }

    private void assertError(WebTestClient.ResponseSpec response, HttpStatus status, String error, String detail) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.error").isEqualTo(error)
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains(detail));
    }

    @Test
    void listsTheFunctionsWithTheirManifests() {
        client.get().uri("/api/functions").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.name == 'classify')].kind").isEqualTo("handler")
                .jsonPath("$[?(@.name == 'classify')].contentTypes.out").isEqualTo("application/json")
                .jsonPath("$[?(@.name == 'grayscale')].limits.timeoutMs").isEqualTo(30000)
                .jsonPath("$[?(@.name == 'imageinfo')].kind").isEqualTo("command");
    }

    @Test
    void grayscaleAnswersAGreyPng() throws Exception {
        var response = post("/api/functions/grayscale", TestFunctions.imageBytes("hot_dog.jpg"));
        response.expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG);
        assertInvocationHeaders(response);
        byte[] png = response.expectBody(byte[].class).returnResult().getResponseBody();
        BufferedImage grey = ImageIO.read(new ByteArrayInputStream(png));
        BufferedImage original = ImageIO.read(TestFunctions.image("hot_dog.jpg").toFile());
        assertThat(grey.getWidth()).isEqualTo(original.getWidth());
        assertThat(grey.getRaster().getNumBands()).isEqualTo(1);
    }

    @Test
    void classifyAnswersJson() {
        var response = post("/api/functions/classify", TestFunctions.imageBytes("hot_dog.jpg"));
        response.expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_JSON);
        assertInvocationHeaders(response);
        response.expectBody().jsonPath("$.label").value(l -> assertThat((String) l).startsWith("hotdog"))
                .jsonPath("$.food").isEqualTo(true)
                .jsonPath("$.top5.length()").isEqualTo(5);
    }

    @Test
    void commandFunctionAnswersToo() {
        post("/api/functions/imageinfo", TestFunctions.imageBytes("bird.bmp")).expectStatus().isOk()
                .expectBody().jsonPath("$.format").isEqualTo("Bmp");
    }

    @Test
    void sameActorKeySameActor() {
        String first = post("/api/functions/classify", TestFunctions.imageBytes("bird.bmp")).returnResult(byte[].class)
                .getResponseHeaders().getFirst("X-Actor-Id");
        for (int i = 0; i < 3; i++) {
            client.post().uri("/api/functions/classify").header("X-Actor-Key", "alice").bodyValue(TestFunctions.imageBytes("bird.bmp"))
                    .exchange().expectStatus().isOk().expectHeader().valueEquals("X-Actor-Id", keyed("alice"));
        }
        assertThat(first).startsWith("classify-");
    }

    @Test
    void actorKeyThatWouldNotSurviveAUrlPathIs400() {
        for (String key : new String[] {"a/b", "a?b", "a#b", "a%2Fb", "a;b", "..", "a b", "x".repeat(129)}) {
            assertError(client.post().uri("/api/functions/classify").header("X-Actor-Key", key).bodyValue(TestFunctions.imageBytes("bird.bmp")).exchange(),
                    HttpStatus.BAD_REQUEST, "bad_request", "X-Actor-Key must be");
        }
        client.post().uri("/api/functions/classify").header("X-Actor-Key", "user:alice@example.org").bodyValue(TestFunctions.imageBytes("bird.bmp"))
                .exchange().expectStatus().isOk();
    }

    private String keyed(String key) {
        return client.post().uri("/api/functions/classify").header("X-Actor-Key", key).bodyValue(TestFunctions.imageBytes("bird.bmp"))
                .exchange().returnResult(byte[].class).getResponseHeaders().getFirst("X-Actor-Id");
    }

    @Test
    void unknownFunctionIs404() {
        assertError(post("/api/functions/nope", new byte[] {1}), HttpStatus.NOT_FOUND, "unknown_function", "no function named 'nope'");
    }

    @Test
    void unknownPathIsAJson404() {
        assertError(client.get().uri("/api/nothing-here").exchange(), HttpStatus.NOT_FOUND, "not_found", "nothing-here");
    }

    @Test
    void emptyBodyIs400() {
        assertError(client.post().uri("/api/functions/classify").exchange(), HttpStatus.BAD_REQUEST, "bad_request", "no body");
    }

    @Test
    void tooLargeBodyIs413() {
        assertError(post("/api/functions/grayscale", new byte[4 << 20]), HttpStatus.PAYLOAD_TOO_LARGE, "too_large", "larger than");
    }

    @Test
    void notAnImageIs422() {
        assertError(post("/api/functions/classify", "hello, I am text".getBytes()), HttpStatus.UNPROCESSABLE_ENTITY, "rejected", "not an image");
        assertError(post("/api/functions/imageinfo", "hello, I am text".getBytes()), HttpStatus.UNPROCESSABLE_ENTITY, "exited", "exited with code 2");
    }

    @Test
    void aFormUploadIsTakenAsItsOneFile() {
        client.post().uri("/api/functions/classify").bodyValue(form(Map.of("hot_dog.jpg", TestFunctions.imageBytes("hot_dog.jpg")))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.label").value(l -> assertThat((String) l).startsWith("hotdog"));
        client.post().uri("/api/classify").bodyValue(form(Map.of("parrot.jpg", TestFunctions.imageBytes("parrot.jpg")))).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(s -> assertThat(s).startsWith("macaw is detected with"));
    }

    @Test
    void aFormThatIsNotOneReadableFileIs400() {
        byte[] bird = TestFunctions.imageBytes("bird.bmp");
        assertError(client.post().uri("/api/functions/classify").bodyValue(form(Map.of())).exchange(),
                HttpStatus.BAD_REQUEST, "bad_request", "exactly one file, not 0");
        assertError(client.post().uri("/api/functions/classify").bodyValue(form(Map.of("a.bmp", bird, "b.bmp", bird))).exchange(),
                HttpStatus.BAD_REQUEST, "bad_request", "exactly one file, not 2");
        assertError(client.post().uri("/api/functions/classify").bodyValue(form(Map.of("empty.bmp", new byte[0]))).exchange(),
                HttpStatus.BAD_REQUEST, "bad_request", "the form's file is empty");
        assertError(client.post().uri("/api/functions/classify").contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(bird).exchange(),
                HttpStatus.BAD_REQUEST, "bad_request", "multipart form cannot be read");
        MultipartBodyBuilder manyFields = new MultipartBodyBuilder();
        for (int i = 0; i < 20; i++) {
            manyFields.part("field" + i, "x");
        }
        manyFields.part("file", bird).filename("bird.bmp");
        assertError(client.post().uri("/api/functions/classify").bodyValue(manyFields.build()).exchange(),
                HttpStatus.BAD_REQUEST, "bad_request", "Too many parts");
        post("/api/functions/classify", bird).expectStatus().isOk();
    }

    /** A form as a browser sends it: the files under "file", and a text field beside them. */
    private static MultiValueMap<String, HttpEntity<?>> form(Map<String, byte[]> files) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("note", "a field that is not a file");
        files.forEach((name, bytes) -> form.part("file", bytes).filename(name));
        return form.build();
    }

    @Test
    void endlessLoopIs504AndTheFunctionStillAnswers() {
        assertError(post("/api/functions/spin", new byte[] {1}), HttpStatus.GATEWAY_TIMEOUT, "time_limit", "timeoutMs");
        assertError(post("/api/functions/spin", new byte[] {1}), HttpStatus.GATEWAY_TIMEOUT, "time_limit", "timeoutMs");
        post("/api/functions/classify", TestFunctions.imageBytes("bird.bmp")).expectStatus().isOk();
    }

    @Test
    void compatibilityGrayscaleIsBase64Png() {
        var response = post("/api/grayscale", TestFunctions.imageBytes("bird.bmp"));
        response.expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG);
        String body = response.expectBody(String.class).returnResult().getResponseBody();
        assertThat(Base64.getDecoder().decode(body)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void compatibilityClassifyIsASentence() {
        post("/api/classify", TestFunctions.imageBytes("hot_dog.jpg")).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class).value(s -> assertThat(s).matches("hotdog is detected with \\d+/255 confidence"));
    }

    @Test
    void helloDispatchesOnTheApiHeader() {
        client.post().uri("/api/hello").header("api", "classify").bodyValue(TestFunctions.imageBytes("parrot.jpg")).exchange()
                .expectStatus().isOk().expectBody(String.class).value(s -> assertThat(s).startsWith("macaw is detected with"));
        client.post().uri("/api/hello").header("api", "grayscale").bodyValue(TestFunctions.imageBytes("bird.bmp")).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG);
        assertError(client.post().uri("/api/hello").header("api", "nope").bodyValue(new byte[] {1}).exchange(),
                HttpStatus.BAD_REQUEST, "bad_request", "header api");
        assertError(client.post().uri("/api/hello").bodyValue(new byte[] {1}).exchange(), HttpStatus.BAD_REQUEST, "bad_request", "'api'");
    }

    @Test
    void invokeCountCountsAndTimesCalls() {
        List<String> before = invokeCount("grayscale");
        long count = Long.parseLong(before.get(0).split("##")[1]);
        post("/api/grayscale", TestFunctions.imageBytes("bird.bmp")).expectStatus().isOk();
        List<String> after = invokeCount("grayscale");
        assertThat(after.get(0)).isEqualTo("invokeCount##" + (count + 1));
        assertThat(after.get(1)).matches("lastInvokeTime##\\d{4}-\\d\\d-\\d\\dT.+Z");
        assertError(client.get().uri("/api/invokecount?api=nope").exchange(), HttpStatus.NOT_FOUND, "unknown_function", "nope");
    }

    @SuppressWarnings("unchecked")
    private List<String> invokeCount(String api) {
        return client.get().uri("/api/invokecount?api=" + api).exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
    }

    @Test
    void compatibilityRoutesAllowOtherOrigins() {
        client.options().uri("/api/classify")
                .header("Origin", "http://demo.example")
                .header("Access-Control-Request-Method", "POST")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "*");
        client.post().uri("/api/classify").header("Origin", "http://demo.example").bodyValue(TestFunctions.imageBytes("bird.bmp"))
                .exchange().expectHeader().valueEquals("Access-Control-Allow-Origin", "*");
    }

    @Test
    void healthAndPrometheusMetrics() {
        post("/api/functions/classify", TestFunctions.imageBytes("bird.bmp")).expectStatus().isOk();
        post("/api/functions/classify", "text".getBytes()).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        client.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        String metrics = client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics)
                .containsPattern("wasmactors_invocations_total\\{.*function=\"classify\".*outcome=\"success\".*} [1-9]")
                .containsPattern("wasmactors_invocation_seconds_bucket\\{function=\"classify\"")
                .containsPattern("wasmactors_errors_total\\{function=\"classify\",.*kind=\"rejected\".*} [1-9]");
    }
}
