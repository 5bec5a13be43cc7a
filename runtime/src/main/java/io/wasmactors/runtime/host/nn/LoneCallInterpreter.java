package io.wasmactors.runtime.host.nn;

import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.TfLiteTensor;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteOk;

/**
 * An interpreter of a preloaded model on several threads, lent to one computation at a time
 * while no other Wasm call runs in the process (TfLiteModel): a lone call then also uses the
 * cores that would idle. Under load every computation keeps to its own one-thread interpreter,
 * because two computations on two threads each cost more CPU per inference than on one thread
 * each (DEVELOPERS.md).
 */
final class LoneCallInterpreter {
    private final Interpreter interpreter;
    private final ReentrantLock lent = new ReentrantLock();
    private final AtomicLong computations = new AtomicLong();

    LoneCallInterpreter(Interpreter interpreter) {
        this.interpreter = interpreter;
    }

    /**
     * Computes on {@code own}'s inputs here and leaves the outputs in {@code own}'s output
     * tensors, unless another computation has this interpreter; false, having done nothing, then.
     */
    boolean computeFor(Interpreter own) throws NnError {
        if (!lent.tryLock()) {
            return false;
        }
        try {
            for (int i = 0; i < own.inputs().limit(); i++) {
                copy(own.input_tensor(i), interpreter.input_tensor(i));
            }
            if (interpreter.Invoke() != kTfLiteOk) {
                throw new NnError(NnErrno.RUNTIME_ERROR, "TensorFlow Lite could not run the model");
            }
            for (int i = 0; i < own.outputs().limit(); i++) {
                copy(interpreter.output_tensor(i), own.output_tensor(i));
            }
            computations.incrementAndGet();
            return true;
        } finally {
            lent.unlock();
        }
    }

    /** How many computations ran here. */
    long computations() {
        return computations.get();
    }

    private static void copy(TfLiteTensor from, TfLiteTensor to) {
        Pointer.memcpy(to.data().raw(), from.data().raw(), from.bytes());
    }
}
