package io.wasmactors.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.wasmactors.runtime.engine.WasmEngine;
import io.wasmactors.runtime.engine.chicory.ChicoryEngine;
import io.wasmactors.runtime.function.Engines;
import io.wasmactors.runtime.function.FunctionInstance;
import io.wasmactors.runtime.function.FunctionRuntime;
import io.wasmactors.runtime.host.image.ImagePreparation;
import io.wasmactors.runtime.host.nn.ModelStore;
import io.wasmactors.runtime.host.nn.TfLiteExecution;
import io.wasmactors.runtime.host.nn.TfLiteModel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code wasmactors bench}: every figure of the table is measured in this one run,
 * on the same inputs, and every ratio round by round ({@link PairedRounds}).
 *
 * <p>Usage: Bench FUNCTIONS_DIR MODELS_DIR IMAGES_DIR NATIVE_GRAYSCALE RESULTS_JSON [GATEWAY_URL GATEWAY_PID]
 */
public final class Bench {
    private static final String IMAGE = "hot_dog.jpg";
    private static final String MODEL = "mobilenet_v2_1.0_224_quant.tflite";
    /** Long enough for HotSpot to finish compiling the modules' hot methods (seen: 10 s for grayscale on Chicory). */
    private static final Duration WASM_WARM_UP = Duration.ofSeconds(20);
    /** Graal compiles grayscale's functions in tiers over about a thousand calls (seen: 45 s on 2 cores, alone). */
    private static final Duration GRAALWASM_WARM_UP = Duration.ofSeconds(75);
    /** Photos of other layouts take Graal longer to settle: after a varied warm-up it was still compiling a minute on. */
    private static final Duration PHOTOS_WARM_UP = Duration.ofSeconds(120);
    private static final int PHOTO_ROUNDS = 10;
    /** Rounds of a ratio taken round by round (PairedRounds): each side's median of a few calls, in turn. */
    private static final int PAIRED_ROUNDS = 30;
    /** Rounds against a new process per classify call, which starts a JVM (about 5 s). */
    private static final int PROCESS_ROUNDS = 10;

    private final Path functions;
    private final Path models;
    private final Path images;
    private final byte[] image;
    private final Map<String, Object> results = new LinkedHashMap<>();

    private Bench(Path functions, Path models, Path images) throws IOException {
        this.functions = functions;
        this.models = models;
        this.images = images;
        this.image = Files.readAllBytes(images.resolve(IMAGE));
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5 && args.length != 7) {
            System.err.println("usage: Bench FUNCTIONS_DIR MODELS_DIR IMAGES_DIR NATIVE_GRAYSCALE RESULTS_JSON [GATEWAY_URL GATEWAY_PID]");
            System.exit(64);
        }
        Bench bench = new Bench(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        bench.run(Path.of(args[3]), args.length > 5 ? new Gateway(args[5], ProcessCpu.of("gateway=" + args[6])) : null);
        bench.write(Path.of(args[4]));
    }

    /** The embedded gateway the HTTP figure is taken through, and its process, whose compiler the warm-up waits for. */
    private record Gateway(String url, ProcessCpu process) {
    }

    private void run(Path nativeGrayscale, Gateway gateway) throws Exception {
        FunctionRuntime runtime = FunctionRuntime.load(functions, models);
        // classify first, through the gateway too: Graal keeps compiling grayscale in the background for a while after its figures.
        try (FunctionInstance classify = runtime.newInstance("classify");
             TfLiteExecution pipeline = lendingIdleCores().newExecution();
             TfLiteExecution inferenceOnly = lendingIdleCores().newExecution()) {
            PairedRounds.Side warmCalls = PairedRounds.medianOf(3, () -> classify.invoke(image));
            record("classify: Wasm, warm actor (instance + model kept)", warm(classify, WASM_WARM_UP, 30));
            PairedRounds.Result cold = PairedRounds.of(PAIRED_ROUNDS, PairedRounds.medianOf(1, coldCall()), warmCalls);
            record("classify: Wasm, cold (new instance + model load per call)", cold.first());
            PairedRounds.Result process = PairedRounds.of(PROCESS_ROUNDS, PairedRounds.medianOf(1, processPerCall()), warmCalls);
            record("classify: new process per call (the original demo's way)", process.first());
            PairedRounds.Result overInference = PairedRounds.of(PAIRED_ROUNDS, warmCalls, PairedRounds.medianOf(3, inference(inferenceOnly)));
            record("TFLite inference alone on the idle cores (MobileNet v2 quant)", overInference.second());
            record("TFLite inference alone, one thread (as under load)", inferenceAlone(model()));
            record("classify: native Java pipeline (decode + resize + TFLite)", Sampler.sample(10, 30, () -> pipeline(pipeline)));
            pairedRatio("classify Wasm warm / native Java pipeline",
                    PairedRounds.of(PAIRED_ROUNDS, warmCalls, PairedRounds.medianOf(3, () -> pipeline(pipeline))));
            pairedRatio("classify cold / warm", cold);
            pairedRatio("classify process per call / warm", process);
            pairedRatio("classify Wasm warm / TFLite inference", overInference);
            if (gateway != null) {
                viaGateway(gateway, pipeline);
            }
        }
        NativeGrayscale nativeBuild = new NativeGrayscale(nativeGrayscale);
        Path photo = images.resolve(IMAGE);
        PairedRounds.Side nativeInProcess = () -> nativeBuild.inProcessMedian(photo, 5);
        PairedRounds.Side nativeProcess = PairedRounds.medianOf(3, nativeBuild.processPerCall(photo));
        try (FunctionInstance onGraalWasm = runtime.newInstance("grayscale");
             FunctionInstance onChicory = onEngine(new ChicoryEngine(4)).newInstance("grayscale")) {
            PairedRounds.Side graalWasm = PairedRounds.medianOf(5, () -> onGraalWasm.invoke(image));
            PairedRounds.Side chicory = PairedRounds.medianOf(5, () -> onChicory.invoke(image));
            // The manifest's engine is GraalWasm: after its warm-up the handover has let it serve.
            record("grayscale: Wasm, warm handler (GraalWasm, its manifest's engine)", warm(onGraalWasm, GRAALWASM_WARM_UP, 20));
            PairedRounds.Result graalWasmInProcess = PairedRounds.of(PAIRED_ROUNDS, graalWasm, nativeInProcess);
            record("grayscale: Wasm, warm handler on Chicory", warm(onChicory, WASM_WARM_UP, 20));
            PairedRounds.Result chicoryInProcess = PairedRounds.of(PAIRED_ROUNDS, chicory, nativeInProcess);
            PairedRounds.Result graalWasmPerProcess = PairedRounds.of(PAIRED_ROUNDS, graalWasm, nativeProcess);
            record("grayscale: native x86-64, same crate, in-process", graalWasmInProcess.second());
            record("grayscale: native x86-64, one process per call", graalWasmPerProcess.second());
            pairedRatio("grayscale Wasm warm / native in-process", graalWasmInProcess);
            pairedRatio("grayscale Wasm warm / native process per call", graalWasmPerProcess);
            pairedRatio("grayscale on Chicory / native in-process", chicoryInProcess);
            pairedRatio("grayscale on Chicory / native process per call", PairedRounds.of(PAIRED_ROUNDS, chicory, nativeProcess));
            pairedRatio("grayscale on Chicory / on GraalWasm", PairedRounds.of(PAIRED_ROUNDS, chicory, graalWasm));
        }
        acrossPhotos(runtime, nativeBuild);
    }

    /** grayscale per photo of the images directory on both engines against the native build, round by round. */
    private void acrossPhotos(FunctionRuntime runtime, NativeGrayscale nativeBuild) throws Exception {
        GrayscaleAcrossPhotos photos = new GrayscaleAcrossPhotos(images, nativeBuild);
        GrayscaleAcrossPhotos.Paired graalWasm;
        try (FunctionInstance instance = runtime.newInstance("grayscale")) {
            graalWasm = photos.againstNative("GraalWasm", instance, PHOTOS_WARM_UP, PHOTO_ROUNDS);
        }
        GrayscaleAcrossPhotos.Paired chicory;
        try (FunctionInstance instance = onEngine(new ChicoryEngine(4)).newInstance("grayscale")) {
            chicory = photos.againstNative("Chicory", instance, WASM_WARM_UP, PHOTO_ROUNDS);
        }
        Map<String, Object> perPhoto = new LinkedHashMap<>();
        graalWasm.perPhoto().forEach((photo, onGraalWasm) -> {
            PairedRounds.Result onChicory = chicory.perPhoto().get(photo);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("graalwasm_p50_ms", round(onGraalWasm.first().median()));
            figures.put("native_beside_graalwasm_p50_ms", round(onGraalWasm.second().median()));
            figures.put("graalwasm_over_native", round(onGraalWasm.ratio()));
            figures.put("chicory_p50_ms", round(onChicory.first().median()));
            figures.put("native_beside_chicory_p50_ms", round(onChicory.second().median()));
            figures.put("chicory_over_native", round(onChicory.ratio()));
            perPhoto.put(photo, figures);
            System.out.printf("grayscale of %-20s GraalWasm %7.2f / native %6.2f ms = %5.2fx   Chicory %7.2f / native %6.2f ms = %5.2fx%n",
                    photo, onGraalWasm.first().median(), onGraalWasm.second().median(), onGraalWasm.ratio(),
                    onChicory.first().median(), onChicory.second().median(), onChicory.ratio());
        });
        results.put("grayscale per photo, round by round (" + PHOTO_ROUNDS + " rounds after a warm-up on all the photos in turn)", perPhoto);
        pairedRatio("grayscale, all photos: GraalWasm / native in-process (sums)", graalWasm.sums());
        pairedRatio("grayscale, all photos: Chicory / native in-process (sums)", chicory.sums());
    }

    private void record(String name, Sampler.Samples samples) {
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("p50_ms", round(samples.median()));
        figure.put("p99_ms", round(samples.percentile(99)));
        figure.put("rounds", samples.millis().length);
        String warmUp = "";
        if (samples.warmUpSeconds() > 0) {
            figure.put("warm_up_s", Math.round(samples.warmUpSeconds()));
            figure.put("warm_up_settled", samples.settled());
            warmUp = ", after " + samples.warmUpSummary();
        }
        results.put(name, figure);
        System.out.printf("%-62s p50 %9.2f ms   p99 %9.2f ms   (%d rounds%s)%n",
                name, samples.median(), samples.percentile(99), samples.millis().length, warmUp);
    }

    /** A ratio taken round by round (PairedRounds), with each side's median over those rounds. */
    private void pairedRatio(String name, PairedRounds.Result paired) {
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("rounds", paired.first().millis().length);
        figure.put("first_p50_ms", round(paired.first().median()));
        figure.put("second_p50_ms", round(paired.second().median()));
        results.put("paired rounds: " + name, figure);
        results.put("ratio: " + name, round(paired.ratio()));
        System.out.printf("%-62s %9.2fx   (round by round, %d rounds: %.2f / %.2f ms)%n", "ratio: " + name, paired.ratio(),
                paired.first().millis().length, paired.first().median(), paired.second().median());
    }

    /** The photo on a warm instance: its figure once the warm-up has settled (Sampler). */
    private Sampler.Samples warm(FunctionInstance instance, Duration warmUp, int rounds) throws Exception {
        return Sampler.sample(5, warmUp, rounds, () -> instance.invoke(image));
    }

    /** Every function on {@code engine}, whatever its manifest names. */
    private FunctionRuntime onEngine(WasmEngine engine) throws IOException {
        FunctionRuntime runtime = new FunctionRuntime(Engines.only(engine), new ModelStore(), models);
        runtime.registry().registerDirectory(functions);
        return runtime;
    }

    /** As the original demo did per request: a new VM, the model read and parsed, then one inference. */
    private Sampler.Task coldCall() {
        Engines engine = Engines.only(new ChicoryEngine(4));
        return () -> {
            FunctionRuntime fresh = new FunctionRuntime(engine, new ModelStore(), models);
            fresh.registry().register(functions.resolve("classify.json"));
            try (FunctionInstance instance = fresh.newInstance("classify")) {
                instance.invoke(image);
            }
        };
    }

    /**
     * As the original demo's server did per request: start a new runtime process
     * ({@code wasmactors run}, a fresh JVM, like spawning {@code wasmedge}) that loads
     * the module and the model, classifies one image and exits.
     */
    private Sampler.Task processPerCall() throws IOException {
        Path images = Files.createTempDirectory("bench-images");
        Files.write(images.resolve(IMAGE), image);
        Path module = functions.resolveSibling("wasm-test").resolve("nn-classify.wasm");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return () -> {
            Process process = new ProcessBuilder(java, "-XX:-DontCompileHugeMethods", "-cp", System.getProperty("java.class.path"),
                    "io.wasmactors.runtime.cli.RunCommand", "--dir", images + ":/images", "--dir", models + ":/models",
                    module.toString(), "/models/" + MODEL, "/images/" + IMAGE)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor() != 0) {
                throw new IOException("wasmactors run nn-classify failed");
            }
        };
    }

    private TfLiteModel model() throws Exception {
        return TfLiteModel.parse(Files.readAllBytes(models.resolve(MODEL)));
    }

    /** The model as the runtime preloads it: a computation alone in the process uses the idle cores. */
    private TfLiteModel lendingIdleCores() throws Exception {
        return model().lendIdleCores();
    }

    private Sampler.Samples inferenceAlone(TfLiteModel model) throws Exception {
        try (TfLiteExecution execution = model.newExecution()) {
            return Sampler.sample(10, 50, inference(execution));
        }
    }

    /** One inference of the photo, decoded and scaled beforehand. */
    private Sampler.Task inference(TfLiteExecution execution) throws IOException {
        byte[] rgb = rgb224(image);
        return () -> {
            execution.setInput(0, 2, new int[] {1, 224, 224, 3}, rgb);
            execution.compute();
            execution.output(0);
        };
    }

    /** The same work as classify's, natively: libjpeg-turbo decode, Java2D resize, TFLite. */
    private void pipeline(TfLiteExecution execution) throws Exception {
        execution.setInput(0, 2, new int[] {1, 224, 224, 3}, rgb224(image));
        execution.compute();
        execution.output(0);
    }

    /** The gateway's figure after its warm-up, then its ratio to the native pipeline (run on {@code pipeline}) in paired rounds. */
    private void viaGateway(Gateway gateway, TfLiteExecution pipeline) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String url = gateway.url() + "/api/functions/classify";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(image)).build();
        Sampler.Task call = () -> {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException(url + " answered " + response.statusCode());
            }
        };
        record("classify: through the embedded gateway (HTTP)", Sampler.sample(10, WASM_WARM_UP, 40, gateway.process(), call));
        pairedRatio("classify via gateway / native Java pipeline",
                PairedRounds.of(PAIRED_ROUNDS, PairedRounds.medianOf(3, call), PairedRounds.medianOf(3, () -> pipeline(pipeline))));
    }

    private static byte[] rgb224(byte[] encoded) throws IOException {
        return ImagePreparation.decodeResizeRgb(encoded, 224, 224);
    }

    private void write(Path file) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("measured_at", Instant.now().toString());
        document.put("machine", machine());
        document.put("image", IMAGE);
        document.put("results", results);
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
        System.out.println("results written to " + file);
    }

    private static String machine() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        String cpu = Files.exists(cpuinfo) ? Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU") : "unknown CPU";
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
