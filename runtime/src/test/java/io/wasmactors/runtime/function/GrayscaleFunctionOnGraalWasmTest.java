package io.wasmactors.runtime.function;

import io.wasmactors.runtime.TestEngine;

class GrayscaleFunctionOnGraalWasmTest extends GrayscaleFunctionTest {
    GrayscaleFunctionOnGraalWasmTest() {
        super(TestEngine.GRAALWASM);
    }
}
