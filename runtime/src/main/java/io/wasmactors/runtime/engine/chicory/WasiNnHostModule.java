package io.wasmactors.runtime.engine.chicory;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.types.ValType;
import io.wasmactors.runtime.engine.GuestMemory;
import io.wasmactors.runtime.host.nn.WasiNnSession;

import java.util.Collections;
import java.util.List;

/** Binds a {@link WasiNnSession} to the imports of module {@code wasi_ephemeral_nn}. */
final class WasiNnHostModule {
    private static final String MODULE = "wasi_ephemeral_nn";

    private WasiNnHostModule() {
    }

    private interface NnFunction {
        int apply(GuestMemory memory, long[] args);
    }

    static HostFunction[] functions(WasiNnSession nn) {
        return new HostFunction[] {
            function("load", 5, (m, a) -> nn.load(m, (int) a[0], (int) a[1], (int) a[2], (int) a[3], (int) a[4])),
            function("load_by_name", 3, (m, a) -> nn.loadByName(m, (int) a[0], (int) a[1], (int) a[2])),
            function("init_execution_context", 2, (m, a) -> nn.initExecutionContext(m, (int) a[0], (int) a[1])),
            function("set_input", 3, (m, a) -> nn.setInput(m, (int) a[0], (int) a[1], (int) a[2])),
            function("compute", 1, (m, a) -> nn.compute((int) a[0])),
            function("get_output", 5, (m, a) -> nn.getOutput(m, (int) a[0], (int) a[1], (int) a[2], (int) a[3], (int) a[4])),
        };
    }

    private static HostFunction function(String name, int i32Params, NnFunction body) {
        List<ValType> params = Collections.nCopies(i32Params, ValType.I32);
        return new HostFunction(MODULE, name, params, List.of(ValType.I32),
                (Instance instance, long... args) -> new long[] {body.apply(new ChicoryMemory(instance.memory()), args)});
    }
}
