package io.wasmactors.runtime.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wasmactors.runtime.TestData;
import io.wasmactors.runtime.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CommandFunctionTest {
    private final TestEngine engine;
    private FunctionRuntime runtime;

    CommandFunctionTest(TestEngine engine) {
        this.engine = engine;
    }

    @BeforeAll
    void start() throws Exception {
        runtime = engine.runtime();
    }

    @Test
    void readsStdinWritesStdoutWithManifestArgsAndEnv() throws Exception {
        FunctionInstance imageinfo = runtime.newInstance("imageinfo");
        JsonNode info = new ObjectMapper().readTree(imageinfo.invoke(TestData.imageBytes("hot_dog.jpg")));
        assertThat(info.get("format").asText()).isEqualTo("Jpeg");
        assertThat(info.get("width").asInt()).isPositive();
        // --histogram comes from the manifest's args, 16 buckets from its env.
        assertThat(info.get("histogram")).hasSize(16);
        long pixels = 0;
        for (JsonNode bucket : info.get("histogram")) {
            pixels += bucket.asLong();
        }
        assertThat(pixels).isEqualTo(info.get("width").asLong() * info.get("height").asLong());
    }

    @Test
    void nonZeroExitIsTypedWithStderr() {
        FunctionInstance imageinfo = runtime.newInstance("imageinfo");
        assertThatThrownBy(() -> imageinfo.invoke("plain text".getBytes()))
                .isInstanceOfSatisfying(FunctionExited.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(2);
                    assertThat(e.stderrTail()).contains("not an image");
                });
        assertThat(imageinfo.invoke(TestData.imageBytes("bird.bmp"))).isNotEmpty();
    }

    @Test
    void everyCallGetsAFreshInstance() {
        FunctionInstance imageinfo = runtime.newInstance("imageinfo");
        imageinfo.invoke(TestData.imageBytes("bird.bmp"));
        imageinfo.invoke(TestData.imageBytes("bird.bmp"));
        InstanceStats stats = imageinfo.stats();
        assertThat(stats.instantiations()).isEqualTo(2);
        assertThat(stats.warm()).isFalse();
    }
}
