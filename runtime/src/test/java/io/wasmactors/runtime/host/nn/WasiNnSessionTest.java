package io.wasmactors.runtime.host.nn;

import io.wasmactors.runtime.TestData;
import io.wasmactors.runtime.engine.GuestMemory;
import io.wasmactors.runtime.host.image.ImagePreparation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** The wasi_ephemeral_nn ABI, call by call, on a real model and a plain byte array as guest memory. */
class WasiNnSessionTest {
    private static final int MODEL_AT = 0x1000;
    private static final int BUILDERS_AT = 0x10;
    private static final int GRAPH_OUT = 0x20;
    private static final int CONTEXT_OUT = 0x24;
    private static final int WRITTEN_OUT = 0x28;
    private static final int DIMS_AT = 0x40;
    private static final int TENSOR_AT = 0x60;
    private static final int NAME_AT = 0x80;
    private static final int OUTPUT_AT = 0x100;
    private static final int INPUT_AT = 0x400000;
    private static final int INPUT_BYTES = 224 * 224 * 3;

    private static ModelStore models;
    private static byte[] modelBytes;
    private final ArrayMemory memory = new ArrayMemory(8 << 20);
    private final WasiNnSession nn = new WasiNnSession(models);

    @BeforeAll
    static void loadModels() throws Exception {
        models = new ModelStore();
        models.preload("small", TestData.models().resolve("mobilenet_v2_1.0_224_quant.tflite"));
        modelBytes = Files.readAllBytes(TestData.models().resolve("mobilenet_v2_1.0_224_quant.tflite"));
    }

    @AfterEach
    void close() {
        nn.close();
    }

    private int loadFromMemory(int encoding, int target) {
        memory.write(MODEL_AT, modelBytes);
        memory.writeInt(BUILDERS_AT, MODEL_AT);
        memory.writeInt(BUILDERS_AT + 4, modelBytes.length);
        return nn.load(memory, BUILDERS_AT, 1, encoding, target, GRAPH_OUT);
    }

    private void writeTensor(int type, int[] dims, int dataPtr, int dataLen) {
        for (int i = 0; i < dims.length; i++) {
            memory.writeInt(DIMS_AT + 4 * i, dims[i]);
        }
        memory.writeInt(TENSOR_AT, DIMS_AT);
        memory.writeInt(TENSOR_AT + 4, dims.length);
        memory.write(TENSOR_AT + 8, new byte[] {(byte) type, 0, 0, 0});
        memory.writeInt(TENSOR_AT + 12, dataPtr);
        memory.writeInt(TENSOR_AT + 16, dataLen);
    }

    private int loadByName(String name) {
        memory.write(NAME_AT, name.getBytes());
        return nn.loadByName(memory, NAME_AT, name.length(), GRAPH_OUT);
    }

    @Test
    void fullInferenceFromModelBytes() throws IOException {
        assertThat(loadFromMemory(4, 0)).isZero();
        assertThat(nn.initExecutionContext(memory, memory.readInt(GRAPH_OUT), CONTEXT_OUT)).isZero();
        int context = memory.readInt(CONTEXT_OUT);
        memory.write(INPUT_AT, rgb224("hot_dog.jpg"));
        writeTensor(2, new int[] {1, 224, 224, 3}, INPUT_AT, INPUT_BYTES);
        assertThat(nn.setInput(memory, context, 0, TENSOR_AT)).isZero();
        assertThat(nn.compute(context)).isZero();
        assertThat(nn.getOutput(memory, context, 0, OUTPUT_AT, 1001, WRITTEN_OUT)).isZero();
        assertThat(memory.readInt(WRITTEN_OUT)).isEqualTo(1001);
        byte[] scores = memory.read(OUTPUT_AT, 1001);
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if ((scores[i] & 0xff) > (scores[best] & 0xff)) {
                best = i;
            }
        }
        assertThat(best).as("hotdog").isEqualTo(935);
    }

    private static byte[] rgb224(String image) throws IOException {
        return ImagePreparation.decodeResizeRgb(TestData.imageBytes(image), 224, 224);
    }

    @Test
    void preloadedModelByName() {
        assertThat(loadByName("small")).isZero();
        assertThat(nn.initExecutionContext(memory, memory.readInt(GRAPH_OUT), CONTEXT_OUT)).isZero();
    }

    @Test
    void unknownNameIsNotFound() {
        assertThat(loadByName("nope")).isEqualTo(NnErrno.NOT_FOUND.code());
        assertThat(nn.lastError()).hasMessageContaining("nope");
    }

    @Test
    void otherEncodingsAndTargetsAreRefused() {
        assertThat(loadFromMemory(0, 0)).isEqualTo(NnErrno.INVALID_ENCODING.code());
        assertThat(loadFromMemory(4, 1)).isEqualTo(NnErrno.UNSUPPORTED_OPERATION.code());
    }

    @Test
    void garbageModelIsAnInvalidArgument() {
        memory.write(MODEL_AT, "this is no flatbuffer at all".getBytes());
        memory.writeInt(BUILDERS_AT, MODEL_AT);
        memory.writeInt(BUILDERS_AT + 4, 28);
        assertThat(nn.load(memory, BUILDERS_AT, 1, 4, 0, GRAPH_OUT)).isEqualTo(NnErrno.INVALID_ARGUMENT.code());
    }

    @Test
    void hugeModelLengthIsTooLarge() {
        memory.writeInt(BUILDERS_AT, MODEL_AT);
        memory.writeInt(BUILDERS_AT + 4, WasiNnSession.MAX_MODEL_BYTES + 1);
        assertThat(nn.load(memory, BUILDERS_AT, 1, 4, 0, GRAPH_OUT)).isEqualTo(NnErrno.TOO_LARGE.code());
    }

    @Test
    void badHandlesShapesAndPointersAreInvalidArguments() {
        assertThat(nn.initExecutionContext(memory, 7, CONTEXT_OUT)).isEqualTo(NnErrno.INVALID_ARGUMENT.code());
        assertThat(nn.compute(3)).isEqualTo(NnErrno.INVALID_ARGUMENT.code());
        assertThat(loadByName("small")).isZero();
        assertThat(nn.initExecutionContext(memory, 0, CONTEXT_OUT)).isZero();
        writeTensor(2, new int[] {1, 64, 64, 3}, INPUT_AT, 64 * 64 * 3);
        assertThat(nn.setInput(memory, 0, 0, TENSOR_AT)).isEqualTo(NnErrno.INVALID_ARGUMENT.code());
        writeTensor(1, new int[] {1, 224, 224, 3}, INPUT_AT, INPUT_BYTES);
        assertThat(nn.setInput(memory, 0, 0, TENSOR_AT)).as("f32 data for a u8 tensor").isEqualTo(NnErrno.INVALID_ARGUMENT.code());
        writeTensor(2, new int[] {1, 224, 224, 3}, memory.size() - 10, INPUT_BYTES);
        assertThat(nn.setInput(memory, 0, 0, TENSOR_AT)).as("data beyond memory").isEqualTo(NnErrno.INVALID_ARGUMENT.code());
        assertThat(nn.setInput(memory, 0, 5, TENSOR_AT)).isEqualTo(NnErrno.INVALID_ARGUMENT.code());
    }

    @Test
    void outputBufferTooSmallIsTooLarge() {
        assertThat(loadByName("small")).isZero();
        assertThat(nn.initExecutionContext(memory, 0, CONTEXT_OUT)).isZero();
        writeTensor(2, new int[] {1, 224, 224, 3}, INPUT_AT, INPUT_BYTES);
        assertThat(nn.setInput(memory, 0, 0, TENSOR_AT)).isZero();
        assertThat(nn.compute(0)).isZero();
        assertThat(nn.getOutput(memory, 0, 0, OUTPUT_AT, 10, WRITTEN_OUT)).isEqualTo(NnErrno.TOO_LARGE.code());
    }

    /** Guest memory as a plain array, bounds-checked like a Wasm memory. */
    private static final class ArrayMemory implements GuestMemory {
        private final ByteBuffer bytes;

        ArrayMemory(int size) {
            this.bytes = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        }

        int size() {
            return bytes.capacity();
        }

        @Override
        public byte[] read(int address, int length) {
            byte[] out = new byte[length];
            bytes.get(address, out);
            return out;
        }

        @Override
        public void write(int address, byte[] data) {
            bytes.put(address, data);
        }

        @Override
        public int readInt(int address) {
            return bytes.getInt(address);
        }

        @Override
        public void writeInt(int address, int value) {
            bytes.putInt(address, value);
        }

        @Override
        public int pages() {
            return bytes.capacity() >> 16;
        }
    }
}
