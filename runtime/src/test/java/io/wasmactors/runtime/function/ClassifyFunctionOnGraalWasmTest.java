package io.wasmactors.runtime.function;

import io.wasmactors.runtime.TestEngine;

class ClassifyFunctionOnGraalWasmTest extends ClassifyFunctionTest {
    ClassifyFunctionOnGraalWasmTest() {
        super(TestEngine.GRAALWASM);
    }
}
