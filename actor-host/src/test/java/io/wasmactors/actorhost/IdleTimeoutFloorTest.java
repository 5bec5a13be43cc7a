package io.wasmactors.actorhost;

import io.wasmactors.runtime.function.FunctionManifest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdleTimeoutFloorTest {
    /** The manifests the build ships; the longest time limit is grayscale's 30 s. */
    private static List<FunctionManifest> shipped() throws IOException {
        List<FunctionManifest> manifests = new ArrayList<>();
        for (Path file : FunctionManifest.filesIn(Path.of(System.getProperty("wasmactors.functions")))) {
            manifests.add(FunctionManifest.read(file).withDefaults());
        }
        return manifests;
    }

    @Test
    void anIdleTimeoutACallCouldOutlastIsRefused() throws IOException {
        List<FunctionManifest> functions = shipped();
        assertThatThrownBy(() -> IdleTimeoutFloor.check(Duration.ofSeconds(3), functions))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idle-timeout 3000 ms is shorter than 40000 ms")
                .hasMessageContaining("grayscale (30000 ms) plus 10 s");
        assertThatThrownBy(() -> IdleTimeoutFloor.check(Duration.ofMillis(39_999), functions))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFloorAndLongerAreAccepted() throws IOException {
        List<FunctionManifest> functions = shipped();
        assertThatCode(() -> IdleTimeoutFloor.check(Duration.ofSeconds(40), functions)).doesNotThrowAnyException();
        assertThatCode(() -> IdleTimeoutFloor.check(Duration.ofMinutes(5), functions)).doesNotThrowAnyException();
    }
}
