package io.wasmactors.actorhost;

import io.wasmactors.runtime.function.FunctionKind;
import io.wasmactors.runtime.function.FunctionManifest;
import io.wasmactors.runtime.function.Limits;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ActorPayloadLimitTest {
    private static final int FRAME = 4 << 10;

    /** The manifests the build ships: every one takes inputs of up to 10 MiB. */
    private static List<FunctionManifest> shipped() throws IOException {
        List<FunctionManifest> manifests = new ArrayList<>();
        for (Path file : FunctionManifest.filesIn(Path.of(System.getProperty("wasmactors.functions")))) {
            manifests.add(FunctionManifest.read(file));
        }
        return manifests;
    }

    private static FunctionManifest taking(int maxInputBytes) {
        return new FunctionManifest("taking-" + maxInputBytes, null, FunctionKind.HANDLER, null, null, null, null, null, null,
                new Limits(null, null, maxInputBytes, null, null), null, null).withDefaults();
    }

    @Test
    void aHostReadsTheLargestInputOfTheFunctionsItServesInItsFrame() throws IOException {
        assertThat(ActorPayloadLimit.bytes(shipped())).isEqualTo((10 << 20) + FRAME);
        List<FunctionManifest> withALargerOne = new ArrayList<>(shipped());
        withALargerOne.add(taking(40 << 20));
        assertThat(ActorPayloadLimit.bytes(withALargerOne)).isEqualTo((40 << 20) + FRAME);
    }

    @Test
    void aHostOfSmallInputsStillReadsItsOwnActorsMessages() {
        assertThat(ActorPayloadLimit.bytes(List.of(taking(1000)))).isEqualTo(1 << 20);
        assertThat(ActorPayloadLimit.bytes(List.of())).isEqualTo(1 << 20);
    }

    @Test
    void aManifestAllowingAlmostEverythingDoesNotOverflowTheLimit() {
        assertThat(ActorPayloadLimit.bytes(List.of(taking(Integer.MAX_VALUE)))).isEqualTo(Integer.MAX_VALUE);
    }
}
