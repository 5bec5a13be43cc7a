package io.wasmactors.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.wasmactors.gateway.RawHttp.readHead;
import static io.wasmactors.gateway.RawHttp.skipBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Keep-alive connections after answers given before the request body was read (the
 * sequence that left a client waiting for its full timeout in the Dapr end-to-end test),
 * and after answers that came from another thread.
 */
class KeepAliveTest extends GatewayTestBase {
    @LocalServerPort
    int port;

    @Test
    void aRefusalWaitsForTheBodyAndKeepsTheConnection() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write("POST /api/functions/nope HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(500);
            assertThatThrownBy(in::read).as("no answer while the body is missing").isInstanceOf(SocketTimeoutException.class);
            socket.setSoTimeout(10_000);
            out.write("12345".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String refused = readHead(in);
            assertThat(refused).startsWith("HTTP/1.1 404").doesNotContainIgnoringCase("connection: close");
            skipBody(in, refused);
            out.write("POST /api/functions/classify HTTP/1.1\r\nHost: test\r\nContent-Length: 13\r\n\r\nnot a picture".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readHead(in)).as("the next request on the same connection").startsWith("HTTP/1.1 422");
        }
    }

    @Test
    void requestsAfterEarlyAnswersAreAnswered() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        byte[] image = TestFunctions.imageBytes("hot_dog.jpg");
        for (int i = 0; i < 200; i++) {
            assertThat(post(client, "/api/functions/nope", new byte[] {1}).statusCode()).isEqualTo(404);
            HttpResponse<byte[]> next = post(client, "/api/functions/classify", image);
            assertThat(next.statusCode()).as("request %d after an early 404", i).isEqualTo(200);
        }
    }

    /**
     * A function's answer comes from a worker; the function list's, at once. Without
     * {@link KeepAliveReads} the second or third such pair went unanswered.
     */
    @Test
    void quickAnswersAfterWorkerAnswersKeepTheConnectionReading() throws IOException {
        byte[] image = TestFunctions.imageBytes("hot_dog.jpg");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 50; i++) {
                out.write(("POST /api/functions/classify HTTP/1.1\r\nHost: test\r\nContent-Length: " + image.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(image);
                out.flush();
                String classified = readHead(in);
                assertThat(classified).as("classify %d", i).startsWith("HTTP/1.1 200");
                skipBody(in, classified);
                out.write("GET /api/functions HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String listed = readHead(in);
                assertThat(listed).as("function list %d", i).startsWith("HTTP/1.1 200");
                skipBody(in, listed);
            }
        }
    }

    private HttpResponse<byte[]> post(HttpClient client, String path, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
