package io.wasmactors.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher refuses a command line it cannot use before it installs, builds or starts anything.
 * It runs from a copy holding only what it reads before that (no build, no install script, its own
 * state directory), so a refusal that no longer happens fails here instead of stopping a running
 * {@code up} or building the checkout under the test run.
 */
class LauncherTest {
    private static final int USAGE_ERROR = 64;

    @TempDir
    static Path copy;

    @BeforeAll
    static void copyTheLauncher() throws IOException {
        Path root = Path.of(System.getProperty("wasmactors.root"));
        for (String file : List.of("wasmactors", "scripts/java-env.sh", "deploy/local.env")) {
            Files.createDirectories(copy.resolve(file).getParent());
            Files.copy(root.resolve(file), copy.resolve(file));
        }
    }

    private record Outcome(int exitCode, String stdout, String stderr) {}

    private static Outcome launch(String commandLine) throws IOException, InterruptedException {
        return launch(commandLine, Map.of());
    }

    private static Outcome launch(String commandLine, Map<String, String> environment) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", copy.resolve("wasmactors").toString()));
        command.addAll(List.of(commandLine.split(" ")));
        Path stdout = Files.createTempFile(copy, "stdout", ".txt");
        Path stderr = Files.createTempFile(copy, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        Process launcher = builder.start();
        if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
            launcher.destroyForcibly();
            throw new AssertionError("./wasmactors " + commandLine + " still runs after 60 s");
        }
        return new Outcome(launcher.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "./wasmactors {0}")
    @CsvSource(delimiter = '|', textBlock = """
            frobnicate                | unknown command 'frobnicate'
            bench --help-me           | unknown option --help-me for bench
            bench --cluster --hosts 2 | unknown option --hosts for bench
            test --skip-dapr          | unknown option --skip-dapr for test
            down gateway              | unknown option gateway for down
            up --port                 | --port needs a port number from 1 to 65535
            up --port 70000           | --port needs a port number from 1 to 65535
            up --port 080             | --port needs a port number from 1 to 65535
            up --hosts 3              | --hosts is for up --dapr
            up --dapr --hosts 0       | --hosts needs a number of actor hosts from 1 to 99
            up --dapr --host 3        | unknown option --host for up
            scale 3                   | scale takes --hosts N
            scale --hosts 2 now       | scale takes --hosts N
            """)
    void aCommandLineItCannotUseIsRefusedWithTheUsage(String commandLine, String reason) throws Exception {
        Outcome outcome = launch(commandLine);

        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(USAGE_ERROR);
        assertThat(outcome.stderr()).contains(reason).contains("./wasmactors up --dapr [--hosts N]");
        assertThat(outcome.stderr()).doesNotContain("checking system packages");
    }

    @ParameterizedTest(name = "{0}=/nowhere ./wasmactors {1}")
    @CsvSource(delimiter = '|', textBlock = """
            WASMACTORS_MODELS | test  | no models in /nowhere; set WASMACTORS_MODELS to the folder holding mobilenet_v2_1.0_224_quant.tflite
            WASMACTORS_IMAGES | test  | no photos in /nowhere; set WASMACTORS_IMAGES to the folder holding hot_dog.jpg
            WASMACTORS_IMAGES | bench | no photos in /nowhere; set WASMACTORS_IMAGES to the folder holding hot_dog.jpg
            """)
    void aMissingModelOrPhotoFolderIsNamedBeforeAnythingIsInstalled(String variable, String commandLine, String reason) throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of(
                "WASMACTORS_MODELS", System.getProperty("wasmactors.models"),
                "WASMACTORS_IMAGES", System.getProperty("wasmactors.images")));
        environment.put(variable, "/nowhere");

        Outcome outcome = launch(commandLine, environment);

        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(1);
        assertThat(outcome.stderr()).contains(reason).doesNotContain("checking system packages");
    }

    @Test
    void helpAfterACommandPrintsTheUsage() throws Exception {
        Outcome outcome = launch("bench --help");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout()).contains("./wasmactors bench [--cluster]", "./wasmactors test");
    }
}
