package io.wasmactors.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway in Dapr mode over two actor hosts: real placement, Redis and daprd processes, no mocks. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaprActorsE2ETest {
    /** A counter actor of its own, so the function counts stay as the other tests expect them. */
    private static final String RETRIED = "retried-requests";
    private static LocalCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        // The gateway waits for an actor the function's timeoutMs (classify: 10 s) and 5 s more, the hung
        // host's test waits as long. The idle timeout is the shortest a host accepts (IdleTimeoutFloor:
        // grayscale's 30 s and 10 s more). The gateway takes bodies larger than the functions' inputs.
        cluster = LocalCluster.start(2, "--wasmactors.host.idle-timeout=40s",
                Map.of("WASMACTORS_GATEWAY_ARGS", "--wasmactors.actor-call-grace=5s --wasmactors.max-body-size=12MB"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static HttpResponse<byte[]> viaGateway(String function, String image, String key) throws Exception {
        return Http.post(cluster.gateway() + "/api/functions/" + function, Http.image(image),
                key == null ? Map.of() : Map.of("X-Actor-Key", key));
    }

    private static JsonNode stats(String type, String id) throws Exception {
        HttpResponse<byte[]> response = Http.post(cluster.gatewaySidecar() + "/v1.0/actors/" + type + "/" + id + "/method/stats",
                new byte[0], cluster.apiToken());
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        return Http.json(response);
    }

    @Test
    @Order(1)
    void gatewayRunsBothFunctionsOnActorHosts() throws Exception {
        Set<String> hosts = new HashSet<>();
        Set<String> classifyIds = new HashSet<>();
        Set<String> grayscaleIds = new HashSet<>();
        // Alternating calls, as the UI and the load benchmark make them: each function still spreads over its ids.
        for (int i = 0; i < 4; i++) {
            HttpResponse<byte[]> classify = viaGateway("classify", "hot_dog.jpg", null);
            assertThat(classify.statusCode()).as(new String(classify.body())).isEqualTo(200);
            assertThat(Http.json(classify).get("label").asText()).startsWith("hotdog");
            classifyIds.add(classify.headers().firstValue("X-Actor-Id").orElseThrow());
            hosts.add(classify.headers().firstValue("X-Host").orElseThrow());
            HttpResponse<byte[]> grey = viaGateway("grayscale", "bird.bmp", null);
            assertThat(grey.statusCode()).isEqualTo(200);
            assertThat(grey.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
            assertThat(grey.body()).startsWith(0x89, 'P', 'N', 'G');
            grayscaleIds.add(grey.headers().firstValue("X-Actor-Id").orElseThrow());
        }
        assertThat(hosts).allSatisfy(host -> assertThat(host).matches("host[12]"));
        assertThat(classifyIds).containsExactlyInAnyOrder("classify-0", "classify-1");
        assertThat(grayscaleIds).containsExactlyInAnyOrder("grayscale-0", "grayscale-1");
    }

    @Test
    @Order(2)
    void anyDaprClientCanCallTheActorDirectly() throws Exception {
        // As curl --data-binary sends it: a form content type, which the host must still read as raw bytes.
        Map<String, String> headers = new java.util.HashMap<>(cluster.apiToken());
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        HttpResponse<byte[]> response = Http.post(cluster.gatewaySidecar() + "/v1.0/actors/classify/direct-1/method/invoke",
                Http.image("parrot.jpg"), headers);
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        assertThat(Http.json(response).get("label").asText()).isEqualTo("macaw");
    }

    @Test
    @Order(3)
    void failuresKeepTheirKindAcrossDapr() throws Exception {
        HttpResponse<byte[]> response = Http.post(cluster.gateway() + "/api/functions/classify", "not a picture".getBytes());
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(Http.json(response).get("error").asText()).isEqualTo("rejected");
        assertThat(Http.json(response).get("detail").asText()).contains("not an image");
        assertThat(Http.post(cluster.gateway() + "/api/functions/nope", new byte[] {1}).statusCode()).isEqualTo(404);
        // Within the gateway's body limit but over grayscale's maxInputBytes (10 MiB), and so over what a host reads.
        HttpResponse<byte[]> tooLarge = Http.post(cluster.gateway() + "/api/functions/grayscale", new byte[11 << 20]);
        assertThat(tooLarge.statusCode()).as(new String(tooLarge.body())).isEqualTo(413);
        assertThat(Http.json(tooLarge).get("error").asText()).isEqualTo("too_large");
        assertThat(Http.json(tooLarge).get("detail").asText()).contains("maxInputBytes", "at most 10485760");
    }

    @Test
    @Order(4)
    void imagesOfSeveralMegabytesCrossDaprBothWays() throws Exception {
        // Grey noise does not compress: the 8-bit BMP in and the PNG out both exceed daprd's default 4 MiB limit.
        byte[] noise = greyNoiseBmp(2100, 2100);
        assertThat(noise.length).isGreaterThan(4 << 20).isLessThan(10 << 20);
        HttpResponse<byte[]> grey = Http.post(cluster.gateway() + "/api/functions/grayscale", noise, Map.of("Content-Type", "image/bmp"));
        assertThat(grey.statusCode()).as(new String(grey.body(), 0, Math.min(300, grey.body().length))).isEqualTo(200);
        assertThat(grey.body().length).isGreaterThan(4 << 20);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(grey.body()));
        assertThat(image.getWidth()).isEqualTo(2100);
        assertThat(image.getHeight()).isEqualTo(2100);
    }

    private static byte[] greyNoiseBmp(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        new Random(7).nextBytes(((DataBufferByte) image.getRaster().getDataBuffer()).getData());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, "bmp", out)).isTrue();
        return out.toByteArray();
    }

    @Test
    @Order(5)
    void withoutTheTokensNothingGetsThrough() throws Exception {
        HttpResponse<byte[]> sidecar = Http.post(cluster.gatewaySidecar() + "/v1.0/actors/classify/x/method/invoke", Http.image("bird.bmp"));
        assertThat(sidecar.statusCode()).as("Dapr API without its token").isEqualTo(401);
        HttpResponse<byte[]> host = Http.post(cluster.host(1) + "/actors/classify/x/method/invoke", Http.image("bird.bmp"));
        assertThat(host.statusCode()).as("actor host endpoint without the app token").isEqualTo(401);
        HttpResponse<byte[]> wrong = Http.post(cluster.host(1) + "/actors/classify/x/method/invoke", Http.image("bird.bmp"),
                Map.of("dapr-api-token", "guess"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(Http.get(cluster.host(1) + "/host", Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(6)
    void secondCallToTheSameActorReusesItsWarmInstance() throws Exception {
        assertThat(viaGateway("classify", "bird.bmp", "warm-test").statusCode()).isEqualTo(200);
        assertThat(viaGateway("classify", "bird.bmp", "warm-test").headers().firstValue("X-Actor-Id")).hasValue("warm-test");
        JsonNode stats = stats("classify", "warm-test");
        assertThat(stats.get("calls").asLong()).isEqualTo(2);
        assertThat(stats.get("instantiations").asLong()).isEqualTo(1);
        assertThat(stats.get("warm").asBoolean()).isTrue();
    }

    @Test
    @Order(7)
    void deactivationFreesTheWarmInstance() throws Exception {
        HttpResponse<byte[]> first = viaGateway("grayscale", "bird.bmp", "idle-test");
        String host = first.headers().firstValue("X-Host").orElseThrow();
        String hostUrl = cluster.host(Integer.parseInt(host.substring(4)));
        assertThat(activeIds(hostUrl)).contains("grayscale/idle-test");
        long deadline = System.currentTimeMillis() + 120_000;
        while (activeIds(hostUrl).contains("grayscale/idle-test") && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        assertThat(activeIds(hostUrl)).as("deactivated after the 40 s idle timeout").doesNotContain("grayscale/idle-test");
        JsonNode fresh = stats("grayscale", "idle-test");
        assertThat(fresh.get("calls").asLong()).as("a new activation starts from scratch").isZero();
    }

    private static Set<String> activeIds(String hostUrl) throws Exception {
        Set<String> ids = new HashSet<>();
        for (JsonNode actor : Http.getJson(hostUrl + "/host", cluster.appToken()).get("actors")) {
            ids.add(actor.get("actorType").asText() + "/" + actor.get("actorId").asText());
        }
        return ids;
    }

    /**
     * Dapr retries an actor call with its payload, so a request id counts once while it is
     * among the latest 256 recorded; a failed call's id is taken back.
     */
    @Test
    @Order(8)
    void aRequestIdCountsOnceWhileItIsRecent() throws Exception {
        record("first");
        record("first");
        assertThat(retriedCount()).isEqualTo(1);
        for (int i = 0; i < 300; i++) {
            record("other-" + i);
        }
        assertThat(retriedCount()).isEqualTo(301);
        record("other-60");
        assertThat(retriedCount()).as("one of the latest 240").isEqualTo(301);
        record("first");
        assertThat(retriedCount()).as("300 ids ago").isEqualTo(302);
        forget("other-299");
        forget("other-299");
        assertThat(retriedCount()).isEqualTo(301);
        record("other-299");
        assertThat(retriedCount()).as("a retry of a call taken back").isEqualTo(302);
        forget("other-250");
        assertThat(retriedCount()).as("taken back from a full bucket, not the filling one").isEqualTo(301);
        record("other-250");
        assertThat(retriedCount()).isEqualTo(302);
    }

    private static void record(String requestId) throws Exception {
        counterMethod(RETRIED, "record", invocation(requestId).getBytes());
    }

    private static String invocation(String requestId) {
        return "{\"requestId\":\"" + requestId + "\",\"invokedAt\":\"2026-11-27T00:00:00Z\"}";
    }

    private static void forget(String requestId) throws Exception {
        counterMethod(RETRIED, "forget", ("\"" + requestId + "\"").getBytes());
    }

    private static long retriedCount() throws Exception {
        return count(RETRIED);
    }

    private static long count(String counter) throws Exception {
        return Http.json(counterMethod(counter, "get", new byte[0])).get("count").asLong();
    }

    private static HttpResponse<byte[]> counterMethod(String counter, String method, byte[] body) throws Exception {
        HttpResponse<byte[]> response = Http.post(cluster.gatewaySidecar() + "/v1.0/actors/invocations/" + counter + "/method/" + method,
                body, cluster.apiToken());
        assertThat(response.statusCode()).as(method + ": " + new String(response.body())).isBetween(200, 204);
        return response;
    }

    @Test
    @Order(9)
    void countersSurviveARestartOfTheActorHosts() throws Exception {
        assertThat(viaGateway("classify", "bird.bmp", null).statusCode()).isEqualTo(200);
        long retried = retriedCount();
        JsonNode before = Http.getJson(cluster.gateway() + "/api/invokecount?api=classify");
        long count = Long.parseLong(before.get(0).asText().split("##")[1]);
        assertThat(count).isGreaterThanOrEqualTo(8);
        for (int n = 1; n <= 2; n++) {
            cluster.stopHost(n, "TERM");
        }
        for (int n = 1; n <= 2; n++) {
            cluster.startHost(n);
        }
        JsonNode after = Http.getJson(cluster.gateway() + "/api/invokecount?api=classify");
        assertThat(after.get(0).asText()).isEqualTo("invokeCount##" + count);
        assertThat(after.get(1).asText()).isEqualTo(before.get(1).asText());
        record("other-290");
        assertThat(retriedCount()).as("the latest request ids survive too").isEqualTo(retried);
        assertThat(viaGateway("classify", "bird.bmp", null).statusCode()).isEqualTo(200);
        assertThat(Http.getJson(cluster.gateway() + "/api/invokecount?api=classify").get(0).asText())
                .isEqualTo("invokeCount##" + (count + 1));
    }

    /** The count is written while the function runs; a function that fails takes it back. */
    @Test
    @Order(10)
    void aFailedCallIsNotCounted() throws Exception {
        long before = classifyCount();
        HttpResponse<byte[]> refused = Http.post(cluster.gateway() + "/api/functions/classify", "plain text".getBytes(), Map.of("X-Actor-Key", "refuses"));
        assertThat(refused.statusCode()).as(new String(refused.body())).isEqualTo(422);
        assertThat(classifyCount()).isEqualTo(before);
        assertThat(viaGateway("classify", "hot_dog.jpg", "refuses").statusCode()).isEqualTo(200);
        assertThat(classifyCount()).isEqualTo(before + 1);
    }

    /** A host that hangs (here: its app frozen) holds a client no longer than the gateway's deadline. */
    @Test
    @Order(11)
    void aHungHostAnswers504AndServesAgainOnceItRecovers() throws Exception {
        HttpResponse<byte[]> first = viaGateway("classify", "bird.bmp", "frozen");
        assertThat(first.statusCode()).isEqualTo(200);
        int host = Integer.parseInt(first.headers().firstValue("X-Host").orElseThrow().substring(4));
        cluster.signalHostApp(host, "STOP");
        HttpResponse<byte[]> hung;
        long start = System.nanoTime();
        try {
            hung = viaGateway("classify", "bird.bmp", "frozen");
        } finally {
            cluster.signalHostApp(host, "CONT");
        }
        long waitedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(hung.statusCode()).as(new String(hung.body())).isEqualTo(504);
        assertThat(Http.json(hung).get("error").asText()).isEqualTo("no_answer");
        assertThat(Http.json(hung).get("detail").asText()).contains("classify/frozen", "15000 ms");
        assertThat(waitedMs).as("answered at the deadline, not at the client's timeout").isBetween(15_000L, 30_000L);
        HttpResponse<byte[]> after = viaGateway("classify", "bird.bmp", "frozen");
        assertThat(after.statusCode()).as(new String(after.body())).isEqualTo(200);
        assertThat(Http.json(after).get("label").asText()).isNotEmpty();
    }

    /** What a host sends when calls arrive while its earlier writes are in flight. */
    @Test
    @Order(12)
    void aBatchCountsEachRequestIdOnce() throws Exception {
        String counter = "batched-requests";
        List<String> ids = IntStream.range(0, 20).mapToObj(n -> "b-" + n).collect(Collectors.toList());
        ids.add("b-3");
        recordAll(counter, ids);
        assertThat(count(counter)).as("20 ids, one twice in the batch, across a full bucket").isEqualTo(20);
        recordAll(counter, List.of("b-5", "b-18", "new"));
        assertThat(count(counter)).as("ids in the full bucket and in the filling one, and a new one").isEqualTo(21);
        counterMethod(counter, "record", invocation("b-19").getBytes());
        assertThat(count(counter)).isEqualTo(21);
    }

    private static void recordAll(String counter, List<String> ids) throws Exception {
        String invocations = ids.stream().map(DaprActorsE2ETest::invocation).collect(Collectors.joining(",", "{\"invocations\":[", "]}"));
        counterMethod(counter, "recordAll", invocations.getBytes());
    }

    /** More calls at once than a host keeps count writes in flight: each counted once, none lost. */
    @Test
    @Order(13)
    void callsAtOnceAreEachCountedOnce() throws Exception {
        long before = count("imageinfo");
        int calls = 24;
        ExecutorService clients = Executors.newFixedThreadPool(calls);
        try {
            List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
            for (int n = 0; n < calls; n++) {
                String key = "at-once-" + n;
                answers.add(clients.submit(() -> viaGateway("imageinfo", "face.jpg", key)));
            }
            for (Future<HttpResponse<byte[]>> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(count("imageinfo")).isEqualTo(before + calls);
    }

    private static long classifyCount() throws Exception {
        return Long.parseLong(Http.getJson(cluster.gateway() + "/api/invokecount?api=classify").get(0).asText().split("##")[1]);
    }
}
