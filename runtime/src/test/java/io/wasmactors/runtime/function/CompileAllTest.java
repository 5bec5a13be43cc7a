package io.wasmactors.runtime.function;

import io.wasmactors.runtime.TestData;
import io.wasmactors.runtime.engine.chicory.CompiledCodeDirectory;
import io.wasmactors.runtime.host.nn.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Before a process serves, every module its calls can use is compiled, seen as Chicory's code on disk. */
class CompileAllTest {
    @TempDir
    Path chicoryCode;

    @Test
    void aHandlerOnGraalWasmHasItsChicoryModuleCompiledToo() throws Exception {
        FunctionRuntime runtime = new FunctionRuntime(Engines.byManifest(4, CompiledCodeDirectory.under(chicoryCode)),
                new ModelStore(), TestData.models());
        runtime.registry().register(new FunctionManifest("testkit-echo", "", FunctionKind.HANDLER, "echo", null, Map.of(),
                null, null, null, null, 1, EngineChoice.GRAALWASM), TestData.testModules().resolve("testkit.wasm"));
        assertThat(keptModules()).as("registering compiles nothing").isZero();

        runtime.compileAll();

        assertThat(keptModules()).as("Chicory serves the first calls: its module is compiled").isEqualTo(1);
    }

    private long keptModules() throws IOException {
        try (Stream<Path> files = Files.walk(chicoryCode)) {
            return files.filter(file -> file.toString().endsWith(".jar")).count();
        }
    }
}
