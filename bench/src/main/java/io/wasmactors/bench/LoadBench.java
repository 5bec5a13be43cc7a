package io.wasmactors.bench;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Throughput and latency of one gateway under a closed-loop load, loopback only:
 * mixed requests (classify of a photo, grayscale of a small image), classify alone, or
 * a cheap call (imageinfo of a 1x1 PNG, each client on an actor of its own), where what
 * Dapr mode adds to every call, the invocation count's write included, weighs most.
 *
 * The load warms up for a given time, then in blocks as {@link Sampler} says, watching the
 * compilers of the processes {@code NAME=PID,...} names: a sidecar-backed setup runs three or
 * more JVMs whose JIT compilers share the 2 cores with the calls for minutes (an actor host's
 * compilers spent 9 s compiling in 20 s of load, 2.5 minutes after its start), and throughput
 * measured then counts that warm-up as Dapr's overhead. It also reports each named process's
 * CPU per call over the measured load (not the warm-up).
 *
 * <p>Usage: LoadBench LABEL GATEWAY_URL IMAGES_DIR SECONDS CLIENTS RESULTS_JSONL [mixed|classify|cheap [MIN_WARM_UP_SECONDS [NAME=PID,...]]]
 */
public final class LoadBench {
    /**
     * Each JVM on the path compiles the hot methods for seconds (grayscale on Chicory: ~10 s); measure
     * after that. A process's first grayscale calls need longer: GraalWasm takes over after its warm-up.
     */
    private static final long DEFAULT_WARM_UP_SECONDS = 20;
    /** One block of the settling after the minimum warm-up. */
    private static final long BLOCK_MILLIS = 5_000;
    /** How long the settling may go on before the figures are taken anyway. */
    private static final Duration SETTLING_AT_MOST = Duration.ofSeconds(120);

    private LoadBench() {
    }

    /** What the clients send. */
    private enum Load {
        MIXED("classify + grayscale"), CLASSIFY("classify"), CHEAP("imageinfo of a 1x1 PNG, an actor per client");

        final String description;

        Load(String description) {
            this.description = description;
        }
    }

    /** The requests of one load: the bodies it sends and which function and actor each call goes to. */
    private record Requests(String gateway, Load load, byte[] photo, byte[] small, byte[] pixel) {
        static Requests of(String gateway, Load load, Path images) throws IOException {
            return new Requests(gateway, load, Files.readAllBytes(images.resolve("hot_dog.jpg")),
                    Files.readAllBytes(images.resolve("face.jpg")), onePixelPng());
        }

        /** Request {@code i} of client {@code client}. */
        HttpRequest request(int client, int i) {
            if (load == Load.CHEAP) {
                return HttpRequest.newBuilder(URI.create(gateway + "/api/functions/imageinfo"))
                        .header("X-Actor-Key", "cheap-load-" + client)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(pixel)).build();
            }
            boolean classify = load == Load.CLASSIFY || i % 2 == 0;
            return HttpRequest.newBuilder(URI.create(gateway + "/api/functions/" + (classify ? "classify" : "grayscale")))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(classify ? photo : small)).build();
        }

        private static byte[] onePixelPng() throws IOException {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", png);
            return png.toByteArray();
        }
    }

    public static void main(String[] args) throws Exception {
        String label = args[0];
        String gateway = args[1];
        Path images = Path.of(args[2]);
        long millis = Long.parseLong(args[3]) * 1000;
        int clients = Integer.parseInt(args[4]);
        Load load = args.length < 7 ? Load.MIXED : Load.valueOf(args[6].toUpperCase(Locale.ROOT));
        long warmUpMillis = (args.length < 8 ? DEFAULT_WARM_UP_SECONDS : Long.parseLong(args[7])) * 1000;
        ProcessCpu processes = ProcessCpu.of(args.length < 9 ? "" : args[8]);
        Requests requests = Requests.of(gateway, load, images);
        HttpClient http = HttpClient.newHttpClient();

        long warmUpStart = System.nanoTime();
        run(http, requests, clients, warmUpMillis, new ArrayList<>(), new AtomicInteger());
        Sampler.Settled<Double> warmUp = Sampler.settle(warmUpStart, SETTLING_AT_MOST, processes,
                () -> secondsPerCall(http, requests, clients), Double::doubleValue);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        Map<String, Long> cpuBefore = processes.ticks();
        long start = System.nanoTime();
        long warmUpSeconds = Math.round((start - warmUpStart) / 1e9);
        run(http, requests, clients, millis, latencies, errors);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> cpuAfter = processes.ticks();

        Sampler.Samples samples = Sampler.Samples.of(latencies);
        double throughput = latencies.size() / seconds;
        System.out.printf("%-22s %8.1f req/s   p50 %8.1f ms   p99 %8.1f ms   %d errors   after %d s of warm-up%s%n",
                label, throughput, samples.median(), samples.percentile(99), errors.get(), warmUpSeconds,
                warmUp.settled() ? "" : ", not settled");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("setup", label);
        row.put("clients", clients);
        row.put("load", load.description);
        row.put("throughput_rps", ResultRows.tenths(throughput));
        row.put("p50_ms", ResultRows.tenths(samples.median()));
        row.put("p99_ms", ResultRows.tenths(samples.percentile(99)));
        row.put("errors", errors.get());
        row.put("warm_up_s", warmUpSeconds);
        row.put("warm_up_settled", warmUp.settled());
        if (!processes.isEmpty() && !latencies.isEmpty()) {
            Map<String, Double> cpu = ProcessCpu.perCall(cpuBefore, cpuAfter, latencies.size());
            System.out.printf("%-22s CPU per call (ms): %s%n", "", cpu);
            row.put("cpu_ms_per_call", cpu);
        }
        ResultRows.append(Path.of(args[5]), row);
    }

    /** One block of the load: wall seconds per answered call, lower when faster. */
    private static double secondsPerCall(HttpClient http, Requests requests, int clients)
            throws InterruptedException {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        run(http, requests, clients, BLOCK_MILLIS, latencies, new AtomicInteger());
        return (System.nanoTime() - start) / 1e9 / Math.max(1, latencies.size());
    }

    private static void run(HttpClient http, Requests requests, int clients, long millis,
                            List<Double> latencies, AtomicInteger errors) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                for (int i = client; System.currentTimeMillis() < end; i++) {
                    HttpRequest request = requests.request(client, i);
                    long sent = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status == 200) {
                            latencies.add((System.nanoTime() - sent) / 1e6);
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(millis + 120_000, TimeUnit.MILLISECONDS);
    }
}
