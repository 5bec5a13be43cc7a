package io.wasmactors.runtime.function;

import io.wasmactors.runtime.TestData;
import io.wasmactors.runtime.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every limit and failure path, against the misbehaving handlers of functions/testkit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LimitsAndFailuresTest {
    private static final Limits TIGHT = new Limits(256, 2_000, 1 << 20, 1 << 20, 256);
    private static final int LEAN_WARM_PAGES = 64;
    private final TestEngine engine;
    private FunctionRuntime runtime;

    LimitsAndFailuresTest(TestEngine engine) {
        this.engine = engine;
    }

    @BeforeAll
    void start() throws Exception {
        runtime = engine.emptyRuntime();
        for (String handler : List.of("echo", "spin", "bomb", "trap", "panic", "flood", "reject", "missing_model")) {
            FunctionManifest manifest = new FunctionManifest("testkit-" + handler.replace('_', '-'), "", FunctionKind.HANDLER,
                    handler, null, Map.of(), null, null, null, TIGHT, 1, null);
            runtime.registry().register(manifest, TestData.testModules().resolve("testkit.wasm"));
        }
        FunctionManifest lean = new FunctionManifest("testkit-lean-echo", "", FunctionKind.HANDLER,
                "echo", null, Map.of(), null, null, null, new Limits(1024, 2_000, 8 << 20, 8 << 20, LEAN_WARM_PAGES), 1, null);
        runtime.registry().register(lean, TestData.testModules().resolve("testkit.wasm"));
    }

    private FunctionInstance slot(String handler) {
        return runtime.newInstance("testkit-" + handler);
    }

    private void assertStillWorks(FunctionInstance failed) {
        long before = failed.stats().instantiations();
        assertThat(failed.stats().warm()).as("failed instance discarded").isFalse();
        FunctionInstance echo = slot("echo");
        assertThat(new String(echo.invoke("ok".getBytes()))).isEqualTo("1:ok");
        assertThat(failed.stats().instantiations()).isEqualTo(before);
    }

    @Test
    void endlessLoopHitsTheTimeLimit() {
        FunctionInstance spin = slot("spin");
        long start = System.nanoTime();
        assertThatThrownBy(() -> spin.invoke(new byte[0]))
                .isInstanceOfSatisfying(LimitExceeded.class, e -> assertThat(e.limit()).isEqualTo(Limits.Kind.TIME))
                .hasMessageContaining("timeoutMs");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertStillWorks(spin);
        // The same slot builds a fresh instance and times out again rather than hanging.
        assertThatThrownBy(() -> spin.invoke(new byte[0])).isInstanceOf(LimitExceeded.class);
        assertThat(spin.stats().instantiations()).isEqualTo(2);
    }

    @Test
    void memoryBombHitsTheMemoryLimit() {
        FunctionInstance bomb = slot("bomb");
        assertThatThrownBy(() -> bomb.invoke(new byte[0]))
                .isInstanceOfSatisfying(LimitExceeded.class, e -> {
                    assertThat(e.limit()).isEqualTo(Limits.Kind.MEMORY);
                    assertThat(e.stderrTail()).contains("memory allocation of");
                })
                .hasMessageContaining("maxMemoryPages");
        assertStillWorks(bomb);
    }

    @Test
    void tooMuchOutputHitsTheOutputLimit() {
        FunctionInstance flood = slot("flood");
        assertThat(flood.invoke("1000".getBytes())).hasSize(1000);
        assertThatThrownBy(() -> flood.invoke(String.valueOf(2 << 20).getBytes()))
                .isInstanceOfSatisfying(LimitExceeded.class, e -> assertThat(e.limit()).isEqualTo(Limits.Kind.OUTPUT));
        assertThat(flood.stats().warm()).isFalse();
        assertThat(flood.invoke("10".getBytes())).hasSize(10);
    }

    @Test
    void tooMuchInputIsRefusedBeforeTheGuestRuns() {
        FunctionInstance echo = slot("echo");
        assertThatThrownBy(() -> echo.invoke(new byte[(1 << 20) + 1]))
                .isInstanceOfSatisfying(LimitExceeded.class, e -> assertThat(e.limit()).isEqualTo(Limits.Kind.INPUT))
                .hasMessageContaining("maxInputBytes limit: 1048577 bytes in, at most 1048576");
        assertThat(echo.stats().instantiations()).isZero();
    }

    @Test
    void trapIsTypedWithTheStderrTail() {
        FunctionInstance trap = slot("trap");
        assertThatThrownBy(() -> trap.invoke(new byte[0]))
                .isInstanceOfSatisfying(FunctionTrapped.class, e -> assertThat(e.stderrTail()).contains("about to execute unreachable"));
        assertStillWorks(trap);
    }

    @Test
    void panicIsATrapWithThePanicMessage() {
        FunctionInstance panic = slot("panic");
        assertThatThrownBy(() -> panic.invoke("boom".getBytes()))
                .isInstanceOfSatisfying(FunctionTrapped.class, e -> assertThat(e.stderrTail()).contains("testkit panics on request: boom"));
        assertStillWorks(panic);
    }

    @Test
    void rejectionKeepsTheInstanceWarm() {
        FunctionInstance reject = slot("reject");
        assertThatThrownBy(() -> reject.invoke(new byte[0]))
                .isInstanceOf(InputRejected.class)
                .hasMessageContaining("testkit rejects this input");
        assertThatThrownBy(() -> reject.invoke(new byte[0])).isInstanceOf(InputRejected.class);
        assertThat(reject.stats().instantiations()).isEqualTo(1);
        assertThat(reject.stats().failures()).isEqualTo(2);
    }

    @Test
    void wasiNnErrorIsTyped() {
        FunctionInstance missing = slot("missing-model");
        assertThatThrownBy(() -> missing.invoke(new byte[0]))
                .isInstanceOfSatisfying(NnFailed.class, e -> {
                    assertThat(e.errno()).isEqualTo(8);
                    assertThat(e.stderrTail()).contains("load_by_name failed: error 8");
                })
                .hasMessageContaining("no-such-model");
    }

    @Test
    void warmInstanceDoesNotGrowCallAfterCall() {
        FunctionInstance echo = slot("echo");
        byte[] payload = new byte[200_000];
        for (int i = 0; i < 5; i++) {
            echo.invoke(payload);
        }
        int pagesAfterWarmUp = echo.stats().memoryPages();
        for (int i = 0; i < 200; i++) {
            assertThat(echo.invoke(payload)).hasSize(payload.length + String.valueOf(i + 6).length() + 1);
        }
        assertThat(echo.stats().memoryPages()).isEqualTo(pagesAfterWarmUp);
        assertThat(echo.stats().instantiations()).isEqualTo(1);
    }

    /** A call that grew the memory past maxWarmMemoryPages leaves no warm instance behind; small calls keep theirs. */
    @Test
    void anInstanceThatGrewPastTheWarmBoundIsDropped() {
        FunctionInstance echo = slot("lean-echo");
        echo.invoke("small".getBytes());
        echo.invoke("small".getBytes());
        assertThat(echo.stats().warm()).isTrue();
        assertThat(echo.stats().memoryPages()).isLessThanOrEqualTo(LEAN_WARM_PAGES);
        assertThat(echo.stats().instantiations()).isEqualTo(1);

        byte[] large = new byte[4 << 20];
        assertThat(echo.invoke(large)).hasSize(large.length + 2);
        assertThat(echo.stats().warm()).isFalse();
        assertThat(echo.stats().memoryPages()).isZero();

        assertThat(new String(echo.invoke("small".getBytes()))).isEqualTo("1:small");
        assertThat(echo.stats().instantiations()).isEqualTo(2);
        assertThat(echo.stats().warm()).isTrue();
    }

    /** A granted directory is read-only: the guest reads its files and can neither change nor create one. */
    @Test
    void grantedDirectoriesAreReadOnly(@TempDir Path grantedDir) throws Exception {
        for (String handler : List.of("overwrite", "read_file")) {
            FunctionManifest granted = new FunctionManifest("testkit-" + handler.replace('_', '-'), "", FunctionKind.HANDLER,
                    handler, null, Map.of(), List.of(new FunctionManifest.DirGrant(grantedDir.toString(), "/data")), null, null, TIGHT, 1, null);
            runtime.registry().register(granted, TestData.testModules().resolve("testkit.wasm"));
        }
        Files.writeString(grantedDir.resolve("note.txt"), "original");
        assertThat(new String(slot("read-file").invoke("/data/note.txt".getBytes()))).isEqualTo("original");

        assertThatThrownBy(() -> slot("overwrite").invoke("/data/note.txt".getBytes()))
                .isInstanceOfSatisfying(InputRejected.class, e -> assertThat(e.stderrTail()).contains("cannot write /data/note.txt"));
        assertThatThrownBy(() -> slot("overwrite").invoke("/data/new.txt".getBytes()))
                .isInstanceOfSatisfying(InputRejected.class, e -> assertThat(e.stderrTail()).contains("cannot write /data/new.txt"));
        assertThat(Files.readString(grantedDir.resolve("note.txt"))).isEqualTo("original");
        assertThat(grantedDir.resolve("new.txt")).doesNotExist();
    }
}
