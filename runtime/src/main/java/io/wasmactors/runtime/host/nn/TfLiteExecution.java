package io.wasmactors.runtime.host.nn;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.TfLiteTensor;

import java.util.Arrays;

import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteTensorDim;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteTensorNumDims;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteFloat16;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteFloat32;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteInt32;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteOk;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteUInt8;

/** One TensorFlow Lite interpreter: the host side of a WASI-NN execution context. */
public final class TfLiteExecution implements AutoCloseable {
    /** WASI-NN tensor type numbers (f16, f32, u8, i32) to TFLite's. */
    private static final int[] TFLITE_TYPES = {kTfLiteFloat16, kTfLiteFloat32, kTfLiteUInt8, kTfLiteInt32};

    private final TfLiteModel model;
    private final Interpreter interpreter;

    TfLiteExecution(TfLiteModel model, Interpreter interpreter) {
        this.model = model;
        this.interpreter = interpreter;
    }

    public void setInput(int index, int nnType, int[] dims, byte[] data) throws NnError {
        TfLiteTensor tensor = tensor(index, interpreter.inputs().limit(), true);
        if (nnType < 0 || nnType >= TFLITE_TYPES.length || TFLITE_TYPES[nnType] != tensor.type()) {
            throw new NnError(NnErrno.INVALID_ARGUMENT, "input " + index + " has another element type than tensor type " + nnType);
        }
        if (!sameShape(tensor, dims)) {
            throw new NnError(NnErrno.INVALID_ARGUMENT, "input " + index + " dimensions " + Arrays.toString(dims) + " do not match the model's");
        }
        if (data.length != tensor.bytes()) {
            throw new NnError(NnErrno.INVALID_ARGUMENT, "input " + index + " needs " + tensor.bytes() + " bytes, got " + data.length);
        }
        tensor.data().raw().capacity(data.length).put(data);
    }

    public void compute() throws NnError {
        if (model.computedOnIdleCores(interpreter)) {
            return;
        }
        if (interpreter.Invoke() != kTfLiteOk) {
            throw new NnError(NnErrno.RUNTIME_ERROR, "TensorFlow Lite could not run the model");
        }
    }

    public byte[] output(int index) throws NnError {
        TfLiteTensor tensor = tensor(index, interpreter.outputs().limit(), false);
        byte[] out = new byte[(int) tensor.bytes()];
        BytePointer raw = tensor.data().raw();
        raw.capacity(out.length).get(out);
        return out;
    }

    private TfLiteTensor tensor(int index, long count, boolean input) throws NnError {
        if (index < 0 || index >= count) {
            throw new NnError(NnErrno.INVALID_ARGUMENT, "the model has no " + (input ? "input " : "output ") + index);
        }
        return input ? interpreter.input_tensor(index) : interpreter.output_tensor(index);
    }

    private static boolean sameShape(TfLiteTensor tensor, int[] dims) {
        if (TfLiteTensorNumDims(tensor) != dims.length) {
            return false;
        }
        for (int i = 0; i < dims.length; i++) {
            if (TfLiteTensorDim(tensor, i) != dims[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        interpreter.close();
    }
}
