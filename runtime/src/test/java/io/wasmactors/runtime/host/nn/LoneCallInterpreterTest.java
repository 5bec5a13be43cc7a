package io.wasmactors.runtime.host.nn;

import io.wasmactors.runtime.RunningCalls;
import io.wasmactors.runtime.TestData;
import io.wasmactors.runtime.host.image.ImagePreparation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A computation on a preloaded model runs on the idle cores while it is alone in the process,
 * on its own one-thread interpreter otherwise, and answers the same either way.
 */
class LoneCallInterpreterTest {
    private static final int[] DIMS = {1, 224, 224, 3};
    private static final int U8 = 2;
    /** Whatever this machine's cores or settings: what is tested is the lending, not its default. */
    private static final int TWO_THREADS = 2;

    private static byte[] modelBytes;
    private static byte[] hotDog;
    private static byte[] parrot;

    @BeforeAll
    static void read() throws Exception {
        modelBytes = Files.readAllBytes(TestData.models().resolve("mobilenet_v2_1.0_224_quant.tflite"));
        hotDog = ImagePreparation.decodeResizeRgb(TestData.imageBytes("hot_dog.jpg"), 224, 224);
        parrot = ImagePreparation.decodeResizeRgb(TestData.imageBytes("parrot.jpg"), 224, 224);
    }

    @Test
    void aLoneComputationRunsOnTheIdleCoresAndAnswersAsOneThreadDoes() throws Exception {
        TfLiteModel lending = TfLiteModel.parse(modelBytes).lendIdleCores(TWO_THREADS);
        byte[] oneThread = scores(TfLiteModel.parse(modelBytes), hotDog);
        awaitNoOtherCalls();

        byte[] alone = scores(lending, hotDog);

        assertThat(lending.computationsOnIdleCores()).isEqualTo(1);
        assertThat(alone).isEqualTo(oneThread);
        assertThat(best(alone)).as("hotdog").isEqualTo(935);
    }

    @Test
    void besideOtherCallsAComputationKeepsToItsOwnInterpreter() throws Exception {
        TfLiteModel lending = TfLiteModel.parse(modelBytes).lendIdleCores(TWO_THREADS);
        byte[] expected = scores(TfLiteModel.parse(modelBytes), parrot);

        byte[] besideAnother;
        try (RunningCalls.Scope own = RunningCalls.enter(); RunningCalls.Scope other = RunningCalls.enter()) {
            besideAnother = scores(lending, parrot);
        }

        assertThat(lending.computationsOnIdleCores()).isZero();
        assertThat(besideAnother).isEqualTo(expected);
    }

    @Test
    void aModelAGuestLoadsByItsBytesKeepsToOneThread() throws Exception {
        TfLiteModel loaded = new ModelStore().fromBytes(modelBytes);
        awaitNoOtherCalls();

        scores(loaded, hotDog);

        assertThat(loaded.computationsOnIdleCores()).isZero();
    }

    @Test
    void computationsAtOnceShareTheIdleCoresWithoutMixingTheirTensors() throws Exception {
        TfLiteModel lending = TfLiteModel.parse(modelBytes).lendIdleCores(TWO_THREADS);
        TfLiteModel oneThread = TfLiteModel.parse(modelBytes);
        byte[] hotDogScores = scores(oneThread, hotDog);
        byte[] parrotScores = scores(oneThread, parrot);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        awaitNoOtherCalls();
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                byte[] image = t % 2 == 0 ? hotDog : parrot;
                byte[] expected = t % 2 == 0 ? hotDogScores : parrotScores;
                answers.add(threads.submit(() -> {
                    try (TfLiteExecution execution = lending.newExecution()) {
                        for (int round = 0; round < 8; round++) {
                            execution.setInput(0, U8, DIMS, image);
                            execution.compute();
                            if (!Arrays.equals(execution.output(0), expected)) {
                                return false;
                            }
                        }
                        return true;
                    }
                }));
            }
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get()).isTrue();
            }
            assertThat(lending.computationsOnIdleCores()).isPositive();
        } finally {
            threads.shutdownNow();
        }
    }

    /** Calls of earlier tests' instances may still run in the background (an engine's warm-up). */
    private static void awaitNoOtherCalls() throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!RunningCalls.atMostOne()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("other Wasm calls kept running for 60 s");
            }
            Thread.sleep(50);
        }
    }

    private static byte[] scores(TfLiteModel model, byte[] rgb) throws NnError {
        try (TfLiteExecution execution = model.newExecution()) {
            execution.setInput(0, U8, DIMS, rgb);
            execution.compute();
            return execution.output(0);
        }
    }

    private static int best(byte[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if ((scores[i] & 0xff) > (scores[best] & 0xff)) {
                best = i;
            }
        }
        return best;
    }
}
