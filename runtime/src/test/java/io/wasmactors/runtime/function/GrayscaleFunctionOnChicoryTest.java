package io.wasmactors.runtime.function;

import io.wasmactors.runtime.TestEngine;

class GrayscaleFunctionOnChicoryTest extends GrayscaleFunctionTest {
    GrayscaleFunctionOnChicoryTest() {
        super(TestEngine.CHICORY);
    }
}
