package io.wasmactors.runtime.host.image;

import io.wasmactors.runtime.TestData;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** libjpeg-turbo (installed by scripts/install-deps.sh) decodes as ImageIO does, and refuses what ImageIO refuses. */
class TurboJpegTest {
    private final TurboJpeg turbo = TurboJpeg.instance().orElseThrow(() ->
            new AssertionError("libturbojpeg.so.0 not found: scripts/install-deps.sh installs libturbojpeg0"));

    @Test
    void decodesThePhotosAsImageIoDoes() throws IOException {
        for (String photo : new String[] {"hot_dog.jpg", "parrot.jpg"}) {
            byte[] jpeg = TestData.imageBytes(photo);
            BufferedImage fast = turbo.decode(jpeg, ImagePreparation.MAX_SOURCE_PIXELS);
            BufferedImage reference = ImagePreparation.decodeWithImageIo(jpeg);
            assertThat(fast.getWidth()).isEqualTo(reference.getWidth());
            assertThat(fast.getHeight()).isEqualTo(reference.getHeight());
            long close = 0;
            for (int y = 0; y < fast.getHeight(); y++) {
                for (int x = 0; x < fast.getWidth(); x++) {
                    close += withinTwo(fast.getRGB(x, y), reference.getRGB(x, y)) ? 1 : 0;
                }
            }
            assertThat((double) close / (fast.getWidth() * fast.getHeight())).as(photo).isGreaterThan(0.99);
        }
    }

    @Test
    void refusesBytesThatAreNoJpegAndACorruptOne() {
        assertThatThrownBy(() -> turbo.decode("not a jpeg at all".getBytes(), ImagePreparation.MAX_SOURCE_PIXELS))
                .isInstanceOf(IOException.class).hasMessageContaining("not a JPEG");
        byte[] photo = TestData.imageBytes("hot_dog.jpg");
        byte[] truncated = Arrays.copyOf(photo, 600);
        assertThatThrownBy(() -> turbo.decode(truncated, ImagePreparation.MAX_SOURCE_PIXELS)).isInstanceOf(IOException.class);
    }

    @Test
    void refusesAPictureLargerThanTheLimitBeforeDecodingIt() {
        assertThatThrownBy(() -> turbo.decode(TestData.imageBytes("hot_dog.jpg"), 512L * 384 - 1))
                .isInstanceOf(ImagePreparation.SourceTooLarge.class);
    }

    private static boolean withinTwo(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > 2) {
                return false;
            }
        }
        return true;
    }
}
