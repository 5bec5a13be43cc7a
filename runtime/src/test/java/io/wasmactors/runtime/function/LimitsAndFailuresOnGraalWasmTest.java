package io.wasmactors.runtime.function;

import io.wasmactors.runtime.TestEngine;

class LimitsAndFailuresOnGraalWasmTest extends LimitsAndFailuresTest {
    LimitsAndFailuresOnGraalWasmTest() {
        super(TestEngine.GRAALWASM);
    }
}
