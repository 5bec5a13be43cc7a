package io.wasmactors.runtime.host.nn;

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
    private final BytePointer bytes; // FlatBufferModel reads from this buffer; it must live as long as the model
    private final FlatBufferModel model;
    private final BuiltinOpResolver resolver;

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

    /** A new interpreter with its tensors allocated, running on one thread (the caller's worker). */
    public TfLiteExecution newExecution() throws NnError {
        Interpreter interpreter = new Interpreter((org.bytedeco.javacpp.Pointer) null);
        if (new InterpreterBuilder(model, resolver).apply(interpreter, 1) != kTfLiteOk || interpreter.isNull()) {
            throw new NnError(NnErrno.RUNTIME_ERROR, "cannot build a TensorFlow Lite interpreter for this model");
        }
        if (interpreter.AllocateTensors() != kTfLiteOk) {
            interpreter.close();
            throw new NnError(NnErrno.RUNTIME_ERROR, "cannot allocate the model's tensors");
        }
        return new TfLiteExecution(this, interpreter);
    }
}
