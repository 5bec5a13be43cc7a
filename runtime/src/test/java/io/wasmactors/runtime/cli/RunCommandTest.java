package io.wasmactors.runtime.cli;

import io.wasmactors.runtime.TestData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code wasmactors run} as a separate JVM, as the launcher starts it: real stdio and exit codes. */
class RunCommandTest {
    record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result run(byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RunCommand.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().write(stdin);
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static String module(String name) {
        return TestData.testModules().resolve(name).toString();
    }

    @Test
    void wasiNnProgramWithPreloadedModelAndPreopenedDirs() throws Exception {
        Result result = run(new byte[0],
                "--dir", TestData.image("hot_dog.jpg").getParent() + ":/images",
                "--dir", TestData.models() + ":/models",
                "--nn-preload", "mobilenet:TensorflowLite:CPU:" + TestData.models().resolve("mobilenet_v2_1.0_224_quant.tflite"),
                module("nn-classify.wasm"), "mobilenet", "/images/hot_dog.jpg", "/models/imagenet_labels.txt");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout().lines().findFirst().orElseThrow()).startsWith("935 ").contains("hotdog");
        assertThat(result.stdout().lines()).hasSize(5);
    }

    @Test
    void wasiNnProgramLoadingTheModelFileItself() throws Exception {
        Result result = run(new byte[0],
                "--dir", TestData.models() + ":/models", "--dir", TestData.image("parrot.jpg").getParent() + ":/images",
                module("nn-classify.wasm"), "/models/mobilenet_v2_1.0_224_quant.tflite", "/images/parrot.jpg", "/models/imagenet_labels.txt");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout().lines().findFirst().orElseThrow()).endsWith("macaw");
    }

    @Test
    void exitCodeAndStderrAreTheModules() throws Exception {
        Result result = run(new byte[0], module("nn-classify.wasm"), "not-preloaded", "/nowhere.jpg");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("load_by_name failed: error 8 (not found)");
    }

    @Test
    void stdinReachesTheModuleAndArgsToo() throws Exception {
        Result result = run(TestData.imageBytes("bird.bmp"), TestData.functions().resolve("imageinfo.wasm").toString(), "--histogram");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("\"format\":\"Bmp\"").contains("\"histogram\":[");
    }

    @Test
    void directoriesAreReadOnly() throws Exception {
        Result result = run(new byte[0], "--dir", TestData.models() + ":/models",
                module("nn-classify.wasm"), "/models/mobilenet_v2_1.0_224_quant.tflite", "/models/missing.jpg");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("cannot read image /models/missing.jpg");
    }

    @Test
    void badCommandLineIsAUsageError() throws Exception {
        Result result = run(new byte[0], "--nn-preload", "x:onnx:CPU:/m.onnx", "a.wasm");
        assertThat(result.exitCode()).isEqualTo(RunCommand.USAGE_EXIT_CODE);
        assertThat(result.stderr()).contains("only TensorflowLite").contains("usage:");
    }

    @Test
    void anUnknownOptionIsNamedAsSuchEvenWithoutAValue() throws Exception {
        Result result = run(new byte[0], "--verbose");
        assertThat(result.exitCode()).isEqualTo(RunCommand.USAGE_EXIT_CODE);
        assertThat(result.stderr()).contains("unknown option --verbose").contains("usage:");
    }

    @Test
    void helpPrintsTheUsage() throws Exception {
        Result result = run(new byte[0], "--help");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).startsWith("usage: wasmactors run").contains("--nn-preload");
    }
}
