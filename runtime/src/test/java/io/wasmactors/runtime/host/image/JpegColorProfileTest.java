package io.wasmactors.runtime.host.image;

import io.wasmactors.runtime.TestData;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class JpegColorProfileTest {
    private static final byte[] ICC = "ICC_PROFILE".getBytes(StandardCharsets.US_ASCII);

    /** hot_dog.jpg carries a 3 KB ICC profile in one APP2 segment. */
    @Test
    void dropsTheProfileAndKeepsThePicture() throws IOException {
        byte[] original = TestData.imageBytes("hot_dog.jpg");
        assertThat(indexOf(original, ICC)).isPositive();

        byte[] stripped = JpegColorProfile.strip(original);

        assertThat(indexOf(stripped, ICC)).isEqualTo(-1);
        assertThat(original.length - stripped.length).isEqualTo(3160 + 2);
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(stripped));
        assertThat(picture.getWidth()).isEqualTo(512);
        assertThat(picture.getHeight()).isEqualTo(384);
    }

    @Test
    void keepsOtherBytesAsTheyAre() throws IOException {
        byte[] bmp = TestData.imageBytes("bird.bmp");
        assertThat(JpegColorProfile.strip(bmp)).isSameAs(bmp);
        byte[] text = "plain text".getBytes(StandardCharsets.US_ASCII);
        assertThat(JpegColorProfile.strip(text)).isSameAs(text);
    }

    /** A segment length pointing past the end: the rest is passed on untouched for the decoder to refuse. */
    @Test
    void passesABrokenSegmentThrough() throws IOException {
        byte[] truncated = Arrays.copyOf(TestData.imageBytes("hot_dog.jpg"), 200);
        assertThat(JpegColorProfile.strip(truncated)).isEqualTo(truncated);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }
}
