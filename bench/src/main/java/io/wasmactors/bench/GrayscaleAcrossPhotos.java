package io.wasmactors.bench;

import io.wasmactors.runtime.function.FunctionInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * grayscale on every photo of a directory, not only the one the other figures use:
 * Graal compiles for the inputs it has seen, and a decoder's other paths (another
 * JPEG layout, BMP) may run slower against native code than the benchmark photo does.
 * The Wasm instance warms up on all the photos in turn and each round times each photo
 * once, so every photo's figure comes from the same rounds.
 */
final class GrayscaleAcrossPhotos {
    private final Map<String, Path> photos = new LinkedHashMap<>();

    GrayscaleAcrossPhotos(Path images) throws IOException {
        try (Stream<Path> files = Files.list(images)) {
            files.filter(file -> file.getFileName().toString().matches(".*\\.(jpg|jpeg|png|bmp|gif)")).sorted()
                    .forEach(file -> photos.put(file.getFileName().toString(), file));
        }
    }

    /**
     * The median time of each photo on {@code instance} (on {@code engine}), after at least {@code warmUp} of
     * calls in turn over all photos, until they settle (Sampler, in blocks of three passes).
     */
    Map<String, Double> wasm(String engine, FunctionInstance instance, Duration warmUp, int rounds) throws Exception {
        Map<String, byte[]> inputs = new LinkedHashMap<>();
        for (Map.Entry<String, Path> photo : photos.entrySet()) {
            inputs.put(photo.getKey(), Files.readAllBytes(photo.getValue()));
        }
        Sampler.Samples warmUpPasses = Sampler.sample(1, warmUp, 3, () -> inputs.values().forEach(instance::invoke));
        System.out.printf("grayscale of all photos on %s: %s%n", engine, warmUpPasses.warmUpSummary());
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, byte[]> input : inputs.entrySet()) {
                long start = System.nanoTime();
                instance.invoke(input.getValue());
                millis.computeIfAbsent(input.getKey(), name -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        millis.forEach((name, times) -> medians.put(name, Sampler.Samples.of(times).median()));
        return medians;
    }

    /** The native build's own median of {@code rounds} calls in its process, per photo. */
    Map<String, Double> nativeInProcess(NativeGrayscale binary, int rounds) throws IOException, InterruptedException {
        Map<String, Double> medians = new LinkedHashMap<>();
        for (Map.Entry<String, Path> photo : photos.entrySet()) {
            medians.put(photo.getKey(), binary.inProcessMedian(photo.getValue(), rounds));
        }
        return medians;
    }
}
