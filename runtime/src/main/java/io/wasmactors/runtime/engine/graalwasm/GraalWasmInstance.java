package io.wasmactors.runtime.engine.graalwasm;

import io.wasmactors.runtime.engine.GuestFailure;
import io.wasmactors.runtime.engine.GuestMemory;
import io.wasmactors.runtime.engine.WasmInstance;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

final class GraalWasmInstance implements WasmInstance {
    private final Context context;
    private final Value exports;
    private final GuestMemory memory;

    GraalWasmInstance(Context context, Value exports, GuestMemory memory) {
        this.context = context;
        this.exports = exports;
        this.memory = memory;
    }

    @Override
    public boolean exports(String function) {
        return exports.hasMember(function);
    }

    @Override
    public long[] call(String function, long... args) {
        Object[] arguments = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // Every handler ABI argument is an i32.
            arguments[i] = (int) args[i];
        }
        Value export = exports.getMember(function);
        if (export == null || !export.canExecute()) {
            throw GuestFailure.trap("the module exports no function " + function, null);
        }
        try {
            Value result = export.execute(arguments);
            return result.fitsInLong() ? new long[] {result.asLong()} : new long[0];
        } catch (PolyglotException e) {
            throw failure(e);
        }
    }

    private static RuntimeException failure(PolyglotException e) {
        if (e.isHostException() && e.asHostException() instanceof GuestFailure failure) {
            return failure;
        }
        if (e.isExit()) {
            return GuestFailure.exit(e.getExitStatus());
        }
        if (e.isCancelled() || e.isInterrupted()) {
            return GuestFailure.interrupted(e);
        }
        if (e.isHostException() && e.asHostException() instanceof RuntimeException host) {
            return host;
        }
        return GuestFailure.trap(e.getMessage(), e);
    }

    @Override
    public void interrupt() {
        // Truffle does not watch the thread's interrupt flag; cancelling the context stops the guest.
        context.close(true);
    }

    @Override
    public GuestMemory memory() {
        return memory;
    }

    @Override
    public void close() {
        context.close(true);
    }
}
