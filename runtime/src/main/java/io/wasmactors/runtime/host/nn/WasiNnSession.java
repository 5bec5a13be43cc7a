package io.wasmactors.runtime.host.nn;

import io.wasmactors.runtime.engine.GuestMemory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The WASI-NN state of one Wasm instance and the functions of module
 * {@code wasi_ephemeral_nn}, with the ABI of the wasi-nn crate 0.1–0.6 and
 * WasmEdge. Each function returns a WASI-NN error number; the last error is
 * kept so a failed call can say what went wrong.
 */
public final class WasiNnSession implements AutoCloseable {
    public static final int ENCODING_TENSORFLOWLITE = 4;
    public static final int TARGET_CPU = 0;
    /** Larger models are refused with TOO_LARGE: a guest must not make the host copy gigabytes. */
    static final int MAX_MODEL_BYTES = 256 << 20;
    private static final int TENSOR_STRUCT_BYTES = 20;
    private static final int MAX_TENSOR_RANK = 8;

    private final ModelStore models;
    private final List<TfLiteModel> graphs = new ArrayList<>();
    private final List<TfLiteExecution> contexts = new ArrayList<>();
    private NnError lastError;

    public WasiNnSession(ModelStore models) {
        this.models = models;
    }

    /** The error of the last failed WASI-NN call of this instance, if any. */
    public NnError lastError() {
        return lastError;
    }

    public void clearLastError() {
        lastError = null;
    }

    public int load(GuestMemory memory, int buildersPtr, int buildersLen, int encoding, int target, int graphOut) {
        return guard(() -> {
            if (encoding != ENCODING_TENSORFLOWLITE) {
                throw new NnError(NnErrno.INVALID_ENCODING, "graph encoding " + encoding + " is not supported; only 4 (TensorFlow Lite)");
            }
            if (target != TARGET_CPU) {
                throw new NnError(NnErrno.UNSUPPORTED_OPERATION, "execution target " + target + " is not supported; only 0 (CPU)");
            }
            if (buildersLen != 1) {
                throw new NnError(NnErrno.INVALID_ARGUMENT, "TensorFlow Lite takes exactly one graph builder, got " + buildersLen);
            }
            int ptr = memory.readInt(buildersPtr);
            int len = memory.readInt(buildersPtr + 4);
            if (len < 0 || len > MAX_MODEL_BYTES) {
                throw new NnError(NnErrno.TOO_LARGE, "model of " + Integer.toUnsignedString(len) + " bytes exceeds " + MAX_MODEL_BYTES);
            }
            return addGraph(memory, graphOut, models.fromBytes(memory.read(ptr, len)));
        });
    }

    public int loadByName(GuestMemory memory, int namePtr, int nameLen, int graphOut) {
        return guard(() -> {
            if (nameLen < 0 || nameLen > 4096) {
                throw new NnError(NnErrno.INVALID_ARGUMENT, "model name length " + nameLen + " is out of range");
            }
            String name = new String(memory.read(namePtr, nameLen), StandardCharsets.UTF_8);
            return addGraph(memory, graphOut, models.named(name));
        });
    }

    public int initExecutionContext(GuestMemory memory, int graph, int contextOut) {
        return guard(() -> {
            TfLiteModel model = item(graphs, graph, "graph");
            TfLiteExecution execution = model.newExecution();
            contexts.add(execution);
            memory.writeInt(contextOut, contexts.size() - 1);
            return NnErrno.SUCCESS;
        });
    }

    public int setInput(GuestMemory memory, int context, int index, int tensorPtr) {
        return guard(() -> {
            TfLiteExecution execution = item(contexts, context, "execution context");
            byte[] tensor = memory.read(tensorPtr, TENSOR_STRUCT_BYTES);
            ByteBuffer fields = ByteBuffer.wrap(tensor).order(ByteOrder.LITTLE_ENDIAN);
            int dimsPtr = fields.getInt(0);
            int dimsLen = fields.getInt(4);
            int type = tensor[8] & 0xff;
            int dataPtr = fields.getInt(12);
            int dataLen = fields.getInt(16);
            if (dimsLen < 0 || dimsLen > MAX_TENSOR_RANK) {
                throw new NnError(NnErrno.INVALID_ARGUMENT, "tensor rank " + dimsLen + " is out of range");
            }
            int[] dims = new int[dimsLen];
            for (int i = 0; i < dimsLen; i++) {
                dims[i] = memory.readInt(dimsPtr + 4 * i);
            }
            if (dataLen < 0) {
                throw new NnError(NnErrno.TOO_LARGE, "tensor data length " + Integer.toUnsignedString(dataLen) + " is too large");
            }
            execution.setInput(index, type, dims, memory.read(dataPtr, dataLen));
            return NnErrno.SUCCESS;
        });
    }

    public int compute(int context) {
        return guard(() -> {
            item(contexts, context, "execution context").compute();
            return NnErrno.SUCCESS;
        });
    }

    public int getOutput(GuestMemory memory, int context, int index, int outPtr, int outMax, int writtenPtr) {
        return guard(() -> {
            byte[] output = item(contexts, context, "execution context").output(index);
            if (Integer.toUnsignedLong(outMax) < output.length) {
                throw new NnError(NnErrno.TOO_LARGE, "output " + index + " has " + output.length + " bytes; the buffer holds " + Integer.toUnsignedString(outMax));
            }
            memory.write(outPtr, output);
            memory.writeInt(writtenPtr, output.length);
            return NnErrno.SUCCESS;
        });
    }

    private NnErrno addGraph(GuestMemory memory, int graphOut, TfLiteModel model) {
        graphs.add(model);
        memory.writeInt(graphOut, graphs.size() - 1);
        return NnErrno.SUCCESS;
    }

    private static <T> T item(List<T> items, int handle, String what) throws NnError {
        if (handle < 0 || handle >= items.size()) {
            throw new NnError(NnErrno.INVALID_ARGUMENT, "no " + what + " " + handle);
        }
        return items.get(handle);
    }

    private interface NnCall {
        NnErrno run() throws NnError;
    }

    private int guard(NnCall call) {
        try {
            return call.run().code();
        } catch (NnError e) {
            lastError = e;
            return e.errno().code();
        } catch (RuntimeException e) {
            // A pointer outside the guest's memory: the guest's mistake, not the host's.
            lastError = new NnError(NnErrno.INVALID_ARGUMENT, "bad guest pointer: " + e.getMessage());
            return NnErrno.INVALID_ARGUMENT.code();
        }
    }

    @Override
    public void close() {
        contexts.forEach(TfLiteExecution::close);
        contexts.clear();
        graphs.clear();
    }
}
