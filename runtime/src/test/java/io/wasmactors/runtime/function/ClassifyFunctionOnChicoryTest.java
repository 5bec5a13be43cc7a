package io.wasmactors.runtime.function;

import io.wasmactors.runtime.TestEngine;

class ClassifyFunctionOnChicoryTest extends ClassifyFunctionTest {
    ClassifyFunctionOnChicoryTest() {
        super(TestEngine.CHICORY);
    }
}
