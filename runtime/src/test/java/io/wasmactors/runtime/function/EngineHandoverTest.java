package io.wasmactors.runtime.function;

import io.wasmactors.runtime.TestData;
import io.wasmactors.runtime.host.nn.ModelStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A GraalWasm function is served by Chicory until GraalWasm, warming up in the background
 * on the same inputs, is as fast on inputs of their size. Observed through testkit's echo,
 * which prefixes each answer with how many calls its instance has served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineHandoverTest {
    private static final long TAKE_OVER_WITHIN_MS = 90_000;

    private FunctionRuntime runtime;

    @BeforeAll
    void start() throws Exception {
        runtime = new FunctionRuntime(Engines.byManifest(4), new ModelStore(), TestData.models());
        for (String handler : new String[] {"echo", "trap"}) {
            runtime.registry().register(new FunctionManifest("testkit-" + handler, "", FunctionKind.HANDLER, handler, null, Map.of(),
                    null, null, null, null, 1, EngineChoice.GRAALWASM), TestData.testModules().resolve("testkit.wasm"));
        }
    }

    private static int servedBefore(byte[] answer) {
        String text = new String(answer, 0, Math.min(answer.length, 16));
        return Integer.parseInt(text.substring(0, text.indexOf(':')));
    }

    private static byte[] echoInput(int bytes) {
        byte[] input = new byte[bytes];
        Arrays.fill(input, (byte) 'a');
        return input;
    }

    /**
     * Which engine answered: Chicory's echo counts exactly the calls Chicory served, while
     * GraalWasm's also counts the background calls, a number the caller does not know.
     */
    private static final class Answers {
        private final FunctionInstance echo;
        private int servedByChicory;
        private int calls;

        Answers(FunctionInstance echo) {
            this.echo = echo;
        }

        /** Calls with {@code input} until GraalWasm answers one; false if it did not within the deadline. */
        boolean untilGraalWasmAnswers(byte[] input, long deadline) {
            while (System.currentTimeMillis() < deadline) {
                if (!answeredByChicory(input)) {
                    return true;
                }
            }
            return false;
        }

        /** Calls with {@code input}; true if Chicory answered. */
        boolean answeredByChicory(byte[] input) {
            calls++;
            byte[] answer = echo.invoke(input);
            int served = servedBefore(answer);
            assertThat(answer).hasSize(input.length + String.valueOf(served).length() + 1);
            if (served == servedByChicory + 1) {
                servedByChicory++;
                return true;
            }
            return false;
        }
    }

    @Test
    void chicoryServesUntilGraalWasmIsAsFastThenGraalWasmDoes() {
        byte[] input = echoInput(32 << 10);
        try (FunctionInstance echo = runtime.newInstance("testkit-echo")) {
            Answers answers = new Answers(echo);
            assertThat(answers.untilGraalWasmAnswers(input, System.currentTimeMillis() + TAKE_OVER_WITHIN_MS))
                    .as("GraalWasm took over within %d ms (%d calls)", TAKE_OVER_WITHIN_MS, answers.calls).isTrue();

            // From now on the caller's calls reach GraalWasm (Chicory only while a background call holds it).
            int byGraalWasm = 0;
            for (int i = 0; i < 5; i++) {
                byGraalWasm += answers.answeredByChicory(input) ? 0 : 1;
            }
            assertThat(byGraalWasm).isGreaterThanOrEqualTo(4);
            assertThat(echo.stats().calls()).isEqualTo(answers.calls);
            assertThat(echo.stats().warm()).isTrue();
        }
    }

    @Test
    void anInputUpToTwiceTheProvenSizeIsServedByChicoryUntilGraalWasmIsAsFastOnIt() {
        byte[] proven = echoInput(32 << 10);
        byte[] twice = echoInput(64 << 10);
        try (FunctionInstance echo = runtime.newInstance("testkit-echo")) {
            Answers answers = new Answers(echo);
            long deadline = System.currentTimeMillis() + TAKE_OVER_WITHIN_MS;
            assertThat(answers.untilGraalWasmAnswers(proven, deadline)).as("GraalWasm took over on %d bytes", proven.length).isTrue();

            assertThat(answers.answeredByChicory(twice)).as("a larger input than GraalWasm has answered fast goes to Chicory").isTrue();
            assertThat(answers.untilGraalWasmAnswers(twice, deadline))
                    .as("GraalWasm serves the larger input once it answered it in the background as fast").isTrue();
        }
    }

    @Test
    void anInputFarLargerThanTheProvenSizeStaysOnChicory() {
        byte[] proven = echoInput(32 << 10);
        byte[] far = echoInput(256 << 10);
        try (FunctionInstance echo = runtime.newInstance("testkit-echo")) {
            Answers answers = new Answers(echo);
            assertThat(answers.untilGraalWasmAnswers(proven, System.currentTimeMillis() + TAKE_OVER_WITHIN_MS)).isTrue();

            // Not run in the background, so never proven: GraalWasm would interpret it.
            for (int i = 0; i < 300; i++) {
                assertThat(answers.answeredByChicory(far)).as("call %d of %d bytes", i, far.length).isTrue();
            }
            assertThat(answers.answeredByChicory(proven)).as("the proven size still goes to GraalWasm").isFalse();
        }
    }

    @Test
    void aFailureOnTheServingEngineReachesTheCaller() {
        try (FunctionInstance trap = runtime.newInstance("testkit-trap")) {
            assertThatThrownBy(() -> trap.invoke(new byte[0])).isInstanceOf(FunctionTrapped.class);
            assertThat(trap.stats().failures()).isEqualTo(1);
        }
    }
}
