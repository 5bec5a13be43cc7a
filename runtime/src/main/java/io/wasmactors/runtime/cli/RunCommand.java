package io.wasmactors.runtime.cli;

import io.wasmactors.runtime.engine.GuestFailure;
import io.wasmactors.runtime.engine.InstanceSpec;
import io.wasmactors.runtime.engine.WasmInstance;
import io.wasmactors.runtime.engine.chicory.ChicoryEngine;
import io.wasmactors.runtime.host.nn.ModelStore;
import io.wasmactors.runtime.host.nn.NnError;
import io.wasmactors.runtime.host.nn.WasiNnSession;
import io.wasmactors.runtime.host.wasi.WasiConfig;

import java.io.IOException;
import java.nio.file.Files;

/**
 * {@code wasmactors run}: runs a WASI command module the way the {@code wasmedge}
 * CLI does; stdio passes through and the exit code is the module's.
 */
public final class RunCommand {
    /** Exit code for a trap, as a native program that aborts. */
    static final int TRAP_EXIT_CODE = 134;
    static final int USAGE_EXIT_CODE = 64;
    private static final int MAX_MEMORY_PAGES = 65536;

    private RunCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (RunOptions.asksForHelp(args)) {
            System.out.println(RunOptions.USAGE);
            return 0;
        }
        RunOptions options;
        try {
            options = RunOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("wasmactors run: " + e.getMessage());
            System.err.println(RunOptions.USAGE);
            return USAGE_EXIT_CODE;
        }
        ModelStore models = new ModelStore();
        try {
            for (RunOptions.Preload preload : options.preloads()) {
                models.preload(preload.name(), preload.path());
            }
            byte[] wasm = Files.readAllBytes(options.module());
            return execute(wasm, options, models);
        } catch (IOException | NnError e) {
            System.err.println("wasmactors run: " + e.getMessage());
            return 1;
        }
    }

    private static int execute(byte[] wasm, RunOptions options, ModelStore models) {
        WasiConfig wasi = new WasiConfig(System.in, System.out, System.err, options.arguments(), options.environment(), options.directories());
        try (WasiNnSession nn = new WasiNnSession(models);
             WasmInstance instance = new ChicoryEngine(1).compile(wasm).instantiate(new InstanceSpec(wasi, nn, MAX_MEMORY_PAGES))) {
            instance.call("_start");
            return 0;
        } catch (GuestFailure failure) {
            if (failure.reason() == GuestFailure.Reason.EXIT) {
                return failure.exitCode();
            }
            System.err.println("wasmactors run: " + options.module().getFileName() + " " + failure.reason().name().toLowerCase() + ": " + failure.getMessage());
            return TRAP_EXIT_CODE;
        } finally {
            System.out.flush();
        }
    }
}
