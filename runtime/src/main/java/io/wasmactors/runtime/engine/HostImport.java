package io.wasmactors.runtime.engine;

import io.wasmactors.runtime.host.image.ImagePreparation;
import io.wasmactors.runtime.host.nn.WasiNnSession;

import java.util.List;

/**
 * A host function a module may import, in engine-neutral terms: every one takes
 * {@code i32Params} i32 arguments and returns an i32 errno. Each engine binds
 * the same list, so functions see the same host on any engine.
 */
public record HostImport(String module, String name, int i32Params, Body body) {
    private static final String WASI_NN = "wasi_ephemeral_nn";

    public interface Body {
        int apply(GuestMemory memory, long[] args);
    }

    /** WASI-NN on {@code nn} and the image preparation module. */
    public static List<HostImport> all(WasiNnSession nn) {
        return List.of(
                new HostImport(WASI_NN, "load", 5, (m, a) -> nn.load(m, (int) a[0], (int) a[1], (int) a[2], (int) a[3], (int) a[4])),
                new HostImport(WASI_NN, "load_by_name", 3, (m, a) -> nn.loadByName(m, (int) a[0], (int) a[1], (int) a[2])),
                new HostImport(WASI_NN, "init_execution_context", 2, (m, a) -> nn.initExecutionContext(m, (int) a[0], (int) a[1])),
                new HostImport(WASI_NN, "set_input", 3, (m, a) -> nn.setInput(m, (int) a[0], (int) a[1], (int) a[2])),
                new HostImport(WASI_NN, "compute", 1, (m, a) -> nn.compute((int) a[0])),
                new HostImport(WASI_NN, "get_output", 5, (m, a) -> nn.getOutput(m, (int) a[0], (int) a[1], (int) a[2], (int) a[3], (int) a[4])),
                new HostImport(ImagePreparation.MODULE, "decode_resize_rgb", 6, (m, a) -> ImagePreparation.decodeResizeRgb(m,
                        (int) a[0], (int) a[1], (int) a[2], (int) a[3], (int) a[4], (int) a[5])));
    }
}
