package io.wasmactors.runtime.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wasmactors.runtime.TestData;
import io.wasmactors.runtime.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClassifyFunctionTest {
    private final TestEngine engine;
    private FunctionRuntime runtime;
    private FunctionInstance classify;

    ClassifyFunctionTest(TestEngine engine) {
        this.engine = engine;
    }

    @BeforeAll
    void start() throws Exception {
        runtime = engine.runtime();
        classify = runtime.newInstance("classify");
    }

    @AfterAll
    void stop() {
        classify.close();
    }

    private JsonNode classify(String image) throws Exception {
        return new ObjectMapper().readTree(classify.invoke(TestData.imageBytes(image)));
    }

    @Test
    void namesTheHotdog() throws Exception {
        JsonNode result = classify("hot_dog.jpg");
        assertThat(result.get("label").asText()).startsWith("hotdog");
        assertThat(result.get("index").asInt()).isEqualTo(935);
        assertThat(result.get("score").asInt()).isGreaterThan(200);
        assertThat(result.get("food").asBoolean()).isTrue();
        assertThat(result.get("top5")).hasSize(5);
        assertThat(result.get("top5").get(0).get("label").asText()).isEqualTo(result.get("label").asText());
    }

    @Test
    void namesTheMacaw() throws Exception {
        JsonNode result = classify("parrot.jpg");
        assertThat(result.get("label").asText()).isEqualTo("macaw");
        assertThat(result.get("food").asBoolean()).isFalse();
    }

    @Test
    void decodingInsideWasmGivesTheSameClasses() throws Exception {
        RegisteredFunction hostPath = runtime.registry().get("classify");
        FunctionManifest manifest = hostPath.manifest();
        java.util.Map<String, String> env = new java.util.HashMap<>(manifest.env());
        env.put("PREPROCESS", "wasm");
        // The suite runs each function on its engine from the first call, which the product never does with
        // GraalWasm (Chicory serves while it warms up): its interpreter took 10.8 s for this JPEG on
        // a slow day of this 2-core machine, so the manifest's timeout would decide this test, not the answers.
        Limits patient = new Limits(manifest.limits().maxMemoryPages(), 120_000, manifest.limits().maxInputBytes(),
                manifest.limits().maxOutputBytes(), manifest.limits().maxWarmMemoryPages());
        runtime.registry().register(new FunctionManifest("classify-in-wasm", "", manifest.kind(), manifest.handler(), manifest.args(),
                env, manifest.dirs(), manifest.models(), manifest.contentTypes(), patient, 1, manifest.engine()),
                TestData.functions().resolve("classify.wasm"));
        try (FunctionInstance inWasm = runtime.newInstance("classify-in-wasm")) {
            JsonNode hotdog = new ObjectMapper().readTree(inWasm.invoke(TestData.imageBytes("hot_dog.jpg")));
            assertThat(hotdog.get("index").asInt()).isEqualTo(935);
            JsonNode parrot = new ObjectMapper().readTree(inWasm.invoke(TestData.imageBytes("parrot.jpg")));
            assertThat(parrot.get("label").asText()).isEqualTo("macaw");
            assertThatThrownBy(() -> inWasm.invoke("text".getBytes())).isInstanceOf(InputRejected.class).hasMessageContaining("not an image");
        }
    }

    @Test
    void readsBmp() throws Exception {
        assertThat(classify("bird.bmp").get("label").asText()).isEqualTo("chickadee");
    }

    @Test
    void keepsOneWarmInstanceAcrossCalls() throws Exception {
        FunctionInstance slot = runtime.newInstance("classify");
        try {
            for (int i = 0; i < 3; i++) {
                slot.invoke(TestData.imageBytes("cat_720p.jpg"));
            }
            InstanceStats stats = slot.stats();
            assertThat(stats.calls()).isEqualTo(3);
            assertThat(stats.instantiations()).isEqualTo(1);
            assertThat(stats.warm()).isTrue();
        } finally {
            slot.close();
        }
        assertThat(slot.stats().warm()).isFalse();
    }

    @Test
    void rejectsBytesThatAreNoImageAndStaysUsable() throws Exception {
        assertThatThrownBy(() -> classify.invoke("certainly not a picture".getBytes()))
                .isInstanceOf(InputRejected.class)
                .hasMessageContaining("not an image");
        assertThatThrownBy(() -> classify.invoke(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0}))
                .isInstanceOf(InputRejected.class)
                .hasMessageContaining("not an image");
        assertThat(classify("hot_dog.jpg").get("label").asText()).startsWith("hotdog");
    }
}
