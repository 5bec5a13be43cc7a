package io.wasmactors.runtime.function;

import io.wasmactors.runtime.TestEngine;

class CommandFunctionOnChicoryTest extends CommandFunctionTest {
    CommandFunctionOnChicoryTest() {
        super(TestEngine.CHICORY);
    }
}
