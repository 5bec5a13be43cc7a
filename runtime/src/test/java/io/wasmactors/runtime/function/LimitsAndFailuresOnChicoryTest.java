package io.wasmactors.runtime.function;

import io.wasmactors.runtime.TestEngine;

class LimitsAndFailuresOnChicoryTest extends LimitsAndFailuresTest {
    LimitsAndFailuresOnChicoryTest() {
        super(TestEngine.CHICORY);
    }
}
