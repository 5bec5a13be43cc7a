package io.wasmactors.runtime.function;

import io.wasmactors.runtime.TestEngine;

class CommandFunctionOnGraalWasmTest extends CommandFunctionTest {
    CommandFunctionOnGraalWasmTest() {
        super(TestEngine.GRAALWASM);
    }
}
