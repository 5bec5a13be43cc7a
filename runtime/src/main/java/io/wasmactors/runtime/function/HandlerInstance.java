package io.wasmactors.runtime.function;

import io.wasmactors.runtime.RunningCalls;
import io.wasmactors.runtime.engine.GuestFailure;
import io.wasmactors.runtime.engine.WasmInstance;
import io.wasmactors.runtime.host.nn.WasiNnSession;

import java.io.InputStream;

/**
 * A warm handler: the Wasm instance (and its WASI-NN contexts) lives across
 * calls; a failed call, or one after which its memory is larger than a warm
 * instance may keep, discards it and the next call builds a fresh one.
 */
final class HandlerInstance implements FunctionInstance {
    private static final int STDERR_TAIL_BYTES = 4096;

    private final RegisteredFunction function;
    private final EngineChoice engine;
    private final InstanceFactory factory;
    private final OutputTail stderr = new OutputTail(STDERR_TAIL_BYTES);
    private WasmInstance instance;
    private WasiNnSession nn;
    private long calls;
    private long failures;
    private long instantiations;

    HandlerInstance(RegisteredFunction function, EngineChoice engine, InstanceFactory factory) {
        this.function = function;
        this.engine = engine;
        this.factory = factory;
    }

    @Override
    public synchronized byte[] invoke(byte[] input) {
        calls++;
        Limits limits = function.manifest().limits();
        if (input.length > limits.maxInputBytes()) {
            failures++;
            throw LimitExceeded.input(function.manifest(), input.length);
        }
        stderr.reset();
        boolean timedOut = false;
        try (RunningCalls.Scope running = RunningCalls.enter();
             Watchdog.Watch watch = Watchdog.watch(limits.timeoutMs())) {
            try {
                byte[] output = call(input, limits, watch);
                if (instance.memory().pages() > limits.maxWarmMemoryPages()) {
                    close();
                }
                return output;
            } catch (GuestFailure failure) {
                timedOut = watch.fired();
                failures++;
                throw discardAfter(failure, timedOut);
            } catch (FunctionException e) {
                failures++;
                if (e instanceof LimitExceeded) {
                    close();
                }
                throw e;
            }
        }
    }

    private byte[] call(byte[] input, Limits limits, Watchdog.Watch watch) {
        WasmInstance live = live();
        watch.cover(live);
        nn.clearLastError();
        int inPtr = (int) live.call("alloc", input.length)[0];
        live.memory().write(inPtr, input);
        long packed = live.call(function.manifest().handler(), inPtr, input.length)[0];
        live.call("dealloc", inPtr, input.length);
        int outPtr = (int) (packed >>> 32);
        int outLen = (int) packed;
        if (outPtr == 0) {
            if (nn.lastError() != null) {
                throw new NnFailed(function.name(), nn.lastError(), stderr.text());
            }
            throw new InputRejected(function.name(), stderr.text());
        }
        if (Integer.toUnsignedLong(outLen) > limits.maxOutputBytes()) {
            live.call("dealloc", outPtr, outLen);
            throw new LimitExceeded(function.name(), Limits.Kind.OUTPUT,
                    Integer.toUnsignedString(outLen) + " bytes out, at most " + limits.maxOutputBytes(), stderr.text());
        }
        byte[] output = live.memory().read(outPtr, outLen);
        live.call("dealloc", outPtr, outLen);
        return output;
    }

    private WasmInstance live() {
        if (instance == null) {
            nn = factory.newNnSession();
            try {
                instance = factory.create(function, engine, nn, InputStream.nullInputStream(), stderr, stderr);
            } catch (RuntimeException e) {
                nn.close();
                nn = null;
                throw e;
            }
            instantiations++;
        }
        return instance;
    }

    private FunctionException discardAfter(GuestFailure failure, boolean timedOut) {
        int pages = instance == null ? 0 : instance.memory().pages();
        FunctionException translated = FailureTranslator.translate(function.manifest(), failure, timedOut, pages,
                nn == null ? null : nn.lastError(), stderr.text());
        close();
        return translated;
    }

    @Override
    public synchronized void warm() {
        try (Watchdog.Watch watch = Watchdog.watch(function.manifest().limits().timeoutMs())) {
            live();
        } catch (GuestFailure failure) {
            // The next call builds the instance again and reports the failure to its caller.
            close();
        }
    }

    @Override
    public synchronized InstanceStats stats() {
        return new InstanceStats(function.name(), calls, failures, instantiations, instance != null,
                instance == null ? 0 : instance.memory().pages());
    }

    @Override
    public synchronized void close() {
        if (instance != null) {
            instance.close();
            instance = null;
        }
        if (nn != null) {
            nn.close();
            nn = null;
        }
    }
}
