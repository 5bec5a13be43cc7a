package io.wasmactors.bench;

import io.wasmactors.runtime.function.FunctionInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * grayscale on every photo of a directory, not only the one the other figures use:
 * Graal compiles for the inputs it has seen, and a decoder's other paths (another
 * JPEG layout, BMP) may run slower against native code than the benchmark photo does.
 * The Wasm instance warms up on all the photos in turn. Then each round takes every
 * photo on both sides, one after the other (the instance, then the native build in a
 * process of its own), so each ratio, per photo and over all of them, is taken within
 * its round (PairedRounds): the machine's speed drifts more over a run than within one.
 */
final class GrayscaleAcrossPhotos {
    /** Calls of each side per photo and round: each side's time in a round is their median. */
    private static final int CALLS = 3;

    private final Map<String, Path> photos = new LinkedHashMap<>();
    private final NativeGrayscale nativeBuild;

    /** Each photo's rounds, and the rounds of the sums over all the photos. */
    record Paired(Map<String, PairedRounds.Result> perPhoto, PairedRounds.Result sums) {
    }

    GrayscaleAcrossPhotos(Path images, NativeGrayscale nativeBuild) throws IOException {
        this.nativeBuild = nativeBuild;
        try (Stream<Path> files = Files.list(images)) {
            files.filter(file -> file.getFileName().toString().matches(".*\\.(jpg|jpeg|png|bmp|gif)")).sorted()
                    .forEach(file -> photos.put(file.getFileName().toString(), file));
        }
    }

    /**
     * {@code instance} (on {@code engine}) against the native build, after at least {@code warmUp} of calls
     * in turn over all photos, until they settle (Sampler, in blocks of three passes).
     */
    Paired againstNative(String engine, FunctionInstance instance, Duration warmUp, int rounds) throws Exception {
        Map<String, byte[]> inputs = new LinkedHashMap<>();
        for (Map.Entry<String, Path> photo : photos.entrySet()) {
            inputs.put(photo.getKey(), Files.readAllBytes(photo.getValue()));
        }
        Sampler.Samples warmUpPasses = Sampler.sample(1, warmUp, 3, () -> inputs.values().forEach(instance::invoke));
        System.out.printf("grayscale of all photos on %s: %s%n", engine, warmUpPasses.warmUpSummary());
        Map<String, double[]> wasmMillis = new LinkedHashMap<>();
        Map<String, double[]> nativeMillis = new LinkedHashMap<>();
        double[] wasmSums = new double[rounds];
        double[] nativeSums = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            for (String name : photos.keySet()) {
                byte[] input = inputs.get(name);
                double wasm = PairedRounds.medianOf(CALLS, () -> instance.invoke(input)).millis();
                double natively = nativeBuild.inProcessMedian(photos.get(name), CALLS);
                wasmMillis.computeIfAbsent(name, photo -> new double[rounds])[round] = wasm;
                nativeMillis.computeIfAbsent(name, photo -> new double[rounds])[round] = natively;
                wasmSums[round] += wasm;
                nativeSums[round] += natively;
            }
        }
        Map<String, PairedRounds.Result> perPhoto = new LinkedHashMap<>();
        photos.keySet().forEach(name -> perPhoto.put(name, PairedRounds.Result.of(wasmMillis.get(name), nativeMillis.get(name))));
        return new Paired(perPhoto, PairedRounds.Result.of(wasmSums, nativeSums));
    }
}
