package io.wasmactors.runtime.function;

import io.wasmactors.runtime.RunningCalls;
import io.wasmactors.runtime.engine.GuestFailure;
import io.wasmactors.runtime.engine.WasmInstance;
import io.wasmactors.runtime.host.nn.WasiNnSession;

import java.io.ByteArrayInputStream;

/**
 * A command: every call runs `_start` in a fresh instance of the warm compiled
 * module, input on stdin and output from stdout; exit code 0 is success.
 */
final class CommandInstance implements FunctionInstance {
    private static final int STDERR_TAIL_BYTES = 4096;

    private final RegisteredFunction function;
    private final InstanceFactory factory;
    private long calls;
    private long failures;

    CommandInstance(RegisteredFunction function, InstanceFactory factory) {
        this.function = function;
        this.factory = factory;
    }

    @Override
    public synchronized byte[] invoke(byte[] input) {
        calls++;
        try {
            return run(input);
        } catch (FunctionException e) {
            failures++;
            throw e;
        }
    }

    private byte[] run(byte[] input) {
        Limits limits = function.manifest().limits();
        if (input.length > limits.maxInputBytes()) {
            throw LimitExceeded.input(function.manifest(), input.length);
        }
        BoundedOutput stdout = new BoundedOutput(limits.maxOutputBytes());
        OutputTail stderr = new OutputTail(STDERR_TAIL_BYTES);
        try (RunningCalls.Scope running = RunningCalls.enter();
             WasiNnSession nn = factory.newNnSession();
             Watchdog.Watch watch = Watchdog.watch(limits.timeoutMs())) {
            WasmInstance instance = null;
            try {
                instance = factory.create(function, function.manifest().engine(), nn, new ByteArrayInputStream(input), stdout, stderr);
                watch.cover(instance);
                instance.call("_start");
                return stdout.toByteArray();
            } catch (GuestFailure failure) {
                if (failure.getCause() instanceof BoundedOutput.OutputLimitReached e) {
                    throw new LimitExceeded(function.name(), Limits.Kind.OUTPUT, e.getMessage(), stderr.text());
                }
                if (failure.reason() == GuestFailure.Reason.EXIT && failure.exitCode() == 0 && !watch.fired()) {
                    return stdout.toByteArray();
                }
                throw FailureTranslator.translate(function.manifest(), failure, watch.fired(),
                        instance == null ? 0 : instance.memory().pages(), nn.lastError(), stderr.text());
            } catch (BoundedOutput.OutputLimitReached e) {
                throw new LimitExceeded(function.name(), Limits.Kind.OUTPUT, e.getMessage(), stderr.text());
            } finally {
                if (instance != null) {
                    instance.close();
                }
            }
        }
    }

    @Override
    public synchronized InstanceStats stats() {
        return new InstanceStats(function.name(), calls, failures, calls, false, 0);
    }

    @Override
    public void warm() {
        // A command keeps no instance between calls; its compiled module is warm already.
        function.module();
    }

    @Override
    public void close() {
        // Nothing stays alive between calls.
    }
}
