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
 * on the same inputs, is as fast. Observed through testkit's echo, which prefixes each
 * answer with how many calls its instance has served: the successor has also served the
 * background calls, so its count runs ahead of the caller's.
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

    @Test
    void chicoryServesUntilGraalWasmIsAsFastThenGraalWasmDoes() {
        byte[] input = new byte[32 << 10];
        Arrays.fill(input, (byte) 'a');
        try (FunctionInstance echo = runtime.newInstance("testkit-echo")) {
            long deadline = System.currentTimeMillis() + TAKE_OVER_WITHIN_MS;
            int calls = 0;
            boolean handedOver = false;
            while (!handedOver && System.currentTimeMillis() < deadline) {
                calls++;
                byte[] answer = echo.invoke(input);
                assertThat(answer).hasSize(input.length + String.valueOf(servedBefore(answer)).length() + 1);
                handedOver = servedBefore(answer) != calls;
            }
            assertThat(handedOver).as("GraalWasm took over within %d ms (%d calls)", TAKE_OVER_WITHIN_MS, calls).isTrue();

            // From now on only the caller's calls reach the successor.
            int next = servedBefore(echo.invoke(input));
            assertThat(servedBefore(echo.invoke(input))).isEqualTo(next + 1);
            assertThat(echo.stats().calls()).isEqualTo(calls + 2);
            assertThat(echo.stats().warm()).isTrue();
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
