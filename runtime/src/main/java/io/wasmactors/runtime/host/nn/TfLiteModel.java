package io.wasmactors.runtime.host.nn;

import io.wasmactors.runtime.RunningCalls;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tensorflowlite.BuiltinOpResolver;
import org.bytedeco.tensorflowlite.FlatBufferModel;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.InterpreterBuilder;

import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteOk;

/**
 * A parsed TensorFlow Lite model, shared by every interpreter made from it.
 * Native memory is released by JavaCPP once no interpreter or cache refers to it.
 */
public final class TfLiteModel {
    /**
     * Threads of the interpreter a lone computation borrows: every core, but at most four (measured
     * on two cores only, and a thread more is one more that waits once other calls arrive). Where
     * other processes share the cores, {@code -Dwasmactors.nn.lone-call-threads=1} keeps every
     * computation on one thread.
     */
    private static final int LONE_CALL_THREADS = Integer.getInteger("wasmactors.nn.lone-call-threads",
            Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final BytePointer bytes; // FlatBufferModel reads from this buffer; it must live as long as the model
    private final FlatBufferModel model;
    private final BuiltinOpResolver resolver;
    /** 1 while this model lends no idle cores. */
    private volatile int loneCallThreads = 1;
    private volatile LoneCallInterpreter loneCalls;

    private TfLiteModel(BytePointer bytes, FlatBufferModel model) {
        this.bytes = bytes;
        this.model = model;
        this.resolver = new BuiltinOpResolver();
    }

    public static TfLiteModel parse(byte[] flatbuffer) throws NnError {
        BytePointer bytes = new BytePointer(flatbuffer);
        FlatBufferModel model = FlatBufferModel.VerifyAndBuildFromBuffer(bytes, flatbuffer.length);
        if (model == null || model.isNull()) {
            bytes.close();
            throw new NnError(NnErrno.INVALID_ARGUMENT, "not a valid TensorFlow Lite model (" + flatbuffer.length + " bytes)");
        }
        return new TfLiteModel(bytes, model);
    }

    /**
     * Lets a computation that runs alone in the process use the idle cores on one more interpreter
     * of this model, built at the first such computation. Preloaded models do; models a guest
     * loads by their bytes do not, as each would keep one more interpreter.
     */
    public TfLiteModel lendIdleCores() {
        return lendIdleCores(LONE_CALL_THREADS);
    }

    /** As {@link #lendIdleCores()}, on {@code threads} threads whatever the machine's cores. */
    TfLiteModel lendIdleCores(int threads) {
        loneCallThreads = threads;
        return this;
    }

    /** A new interpreter with its tensors allocated, running on one thread (the caller's worker). */
    public TfLiteExecution newExecution() throws NnError {
        return new TfLiteExecution(this, newInterpreter(1));
    }

    /**
     * Computes on {@code own}'s inputs with the idle cores if this model lends them, no other Wasm
     * call runs in the process and no other computation has them; false, having done nothing, if not.
     */
    boolean computedOnIdleCores(Interpreter own) throws NnError {
        if (loneCallThreads <= 1 || !RunningCalls.atMostOne()) {
            return false;
        }
        return loneCalls().computeFor(own);
    }

    /** How many computations on this model ran on the idle cores. */
    long computationsOnIdleCores() {
        LoneCallInterpreter built = loneCalls;
        return built == null ? 0 : built.computations();
    }

    private LoneCallInterpreter loneCalls() throws NnError {
        LoneCallInterpreter built = loneCalls;
        if (built == null) {
            synchronized (this) {
                if (loneCalls == null) {
                    loneCalls = new LoneCallInterpreter(newInterpreter(loneCallThreads));
                }
                built = loneCalls;
            }
        }
        return built;
    }

    private Interpreter newInterpreter(int threads) throws NnError {
        Interpreter interpreter = new Interpreter((org.bytedeco.javacpp.Pointer) null);
        if (new InterpreterBuilder(model, resolver).apply(interpreter, threads) != kTfLiteOk || interpreter.isNull()) {
            throw new NnError(NnErrno.RUNTIME_ERROR, "cannot build a TensorFlow Lite interpreter for this model");
        }
        if (interpreter.AllocateTensors() != kTfLiteOk) {
            interpreter.close();
            throw new NnError(NnErrno.RUNTIME_ERROR, "cannot allocate the model's tensors");
        }
        return interpreter;
    }
}
