package io.wasmactors.runtime.function;

import io.wasmactors.runtime.TestData;
import io.wasmactors.runtime.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GrayscaleFunctionTest {
    private final TestEngine engine;
    private FunctionInstance grayscale;

    GrayscaleFunctionTest(TestEngine engine) {
        this.engine = engine;
    }

    @BeforeAll
    void start() throws Exception {
        grayscale = engine.runtime().newInstance("grayscale");
    }

    @AfterAll
    void stop() {
        grayscale.close();
    }

    /** Rec. 709 luma, as the image crate computes it. */
    private int luma(int rgb) {
        int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
        return (int) Math.round(0.2126 * r + 0.7152 * g + 0.0722 * b);
    }

    /** Share of pixels whose grey value is within 2 of the input's luma. */
    private double shareWithinTwo(BufferedImage input, BufferedImage grey) {
        long close = 0;
        for (int y = 0; y < input.getHeight(); y++) {
            for (int x = 0; x < input.getWidth(); x++) {
                int out = grey.getRaster().getSample(x, y, 0);
                if (Math.abs(out - luma(input.getRGB(x, y))) <= 2) {
                    close++;
                }
            }
        }
        return (double) close / ((long) input.getWidth() * input.getHeight());
    }

    private BufferedImage read(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void bmpBecomesGreyPngOfTheSameSizeWithTheLumaOfEachPixel() throws Exception {
        byte[] in = TestData.imageBytes("bird.bmp");
        byte[] out = grayscale.invoke(in);
        assertThat(out).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage input = read(in);
        BufferedImage grey = read(out);
        assertThat(grey.getWidth()).isEqualTo(input.getWidth());
        assertThat(grey.getHeight()).isEqualTo(input.getHeight());
        assertThat(grey.getRaster().getNumBands()).isEqualTo(1);
        assertThat(shareWithinTwo(input, grey)).isEqualTo(1.0);
    }

    @Test
    void jpegBecomesGreyPng() throws Exception {
        byte[] in = TestData.imageBytes("hot_dog.jpg");
        BufferedImage input = read(in);
        BufferedImage grey = read(grayscale.invoke(in));
        assertThat(grey.getWidth()).isEqualTo(input.getWidth());
        assertThat(grey.getHeight()).isEqualTo(input.getHeight());
        // Two JPEG decoders (Java's and the Rust crate's) differ in rounding of a few pixels.
        assertThat(shareWithinTwo(input, grey)).isGreaterThan(0.99);
    }

    @Test
    void gifStaysGif() throws Exception {
        BufferedImage colour = read(TestData.imageBytes("sunflower.bmp"));
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(colour, "gif", gif);
        byte[] out = grayscale.invoke(gif.toByteArray());
        assertThat(new String(out, 0, 6)).isEqualTo("GIF89a");
        BufferedImage grey = read(out);
        assertThat(grey.getWidth()).isEqualTo(colour.getWidth());
        int rgb = grey.getRGB(grey.getWidth() / 2, grey.getHeight() / 2);
        assertThat((rgb >> 16) & 0xff).isEqualTo(rgb & 0xff).isEqualTo((rgb >> 8) & 0xff);
    }

    @Test
    void rejectsText() {
        assertThatThrownBy(() -> grayscale.invoke("hello".getBytes()))
                .isInstanceOf(InputRejected.class)
                .hasMessageContaining("not an image");
    }
}
