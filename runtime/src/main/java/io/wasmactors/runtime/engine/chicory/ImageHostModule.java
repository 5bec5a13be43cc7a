package io.wasmactors.runtime.engine.chicory;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.types.ValType;
import io.wasmactors.runtime.host.image.ImagePreparation;

import java.util.Collections;
import java.util.List;

/** Binds {@link ImagePreparation} to the imports of module {@code wasmactors_image}. */
final class ImageHostModule {
    private ImageHostModule() {
    }

    static HostFunction[] functions() {
        return new HostFunction[] {
            new HostFunction(ImagePreparation.MODULE, "decode_resize_rgb", Collections.nCopies(6, ValType.I32), List.of(ValType.I32),
                    (instance, args) -> new long[] {ImagePreparation.decodeResizeRgb(new ChicoryMemory(instance.memory()),
                            (int) args[0], (int) args[1], (int) args[2], (int) args[3], (int) args[4], (int) args[5])}),
        };
    }
}
