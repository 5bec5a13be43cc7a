package io.wasmactors.runtime.host.image;

import io.wasmactors.runtime.TestData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImagePreparationTest {
    @Test
    void scalesToTheRequestedRgbSize() throws IOException {
        byte[] rgb = ImagePreparation.decodeResizeRgb(TestData.imageBytes("hot_dog.jpg"), 224, 224);
        assertThat(rgb).hasSize(224 * 224 * 3);
        assertThat(ImagePreparation.decodeResizeRgb(TestData.imageBytes("bird.bmp"), 16, 8)).hasSize(16 * 8 * 3);
    }

    @Test
    void refusesText() {
        assertThatThrownBy(() -> ImagePreparation.decodeResizeRgb("plain text".getBytes(), 224, 224))
                .isInstanceOf(IOException.class).hasMessageContaining("not an image");
    }

    /** 70 bytes that declare a 30000 x 30000 picture: refused before any pixel is decoded. */
    @Test
    void refusesADecompressionBombFromItsHeader() {
        assertThatThrownBy(() -> ImagePreparation.decodeResizeRgb(pngHeader(30_000, 30_000), 224, 224))
                .isInstanceOf(IOException.class);
    }

    private static byte[] pngHeader(int width, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes()).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array();
        CRC32 crc = new CRC32();
        crc.update(ihdr);
        png.write(ByteBuffer.allocate(4).putInt(13).array());
        png.write(ihdr);
        png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return png.toByteArray();
    }
}
