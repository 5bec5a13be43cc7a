package io.wasmactors.runtime.host.image;

import io.wasmactors.runtime.engine.GuestMemory;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * Host module {@code wasmactors_image}: decodes an image and scales it to a model's
 * input natively, as WasmEdge's {@code wasmedge_image} does, so a classifier need
 * not decode and resize inside Wasm. One function:
 * {@code decode_resize_rgb(in_ptr, in_len, width, height, out_ptr, out_len) -> errno}
 * writes {@code width * height * 3} RGB bytes, scaled with bilinear filtering.
 * An embedded JPEG colour profile is ignored (see {@link JpegColorProfile}).
 */
public final class ImagePreparation {
    public static final String MODULE = "wasmactors_image";
    public static final int OK = 0;
    public static final int NOT_AN_IMAGE = 1;
    public static final int INVALID_ARGUMENT = 2;
    public static final int TOO_LARGE = 3;
    /** Larger images are refused before decoding: a small file may declare a huge picture. */
    static final long MAX_SOURCE_PIXELS = 64L << 20;
    static final int MAX_TARGET_SIDE = 4096;

    private ImagePreparation() {
    }

    public static int decodeResizeRgb(GuestMemory memory, int inPtr, int inLen, int width, int height, int outPtr, int outLen) {
        if (width <= 0 || height <= 0 || width > MAX_TARGET_SIDE || height > MAX_TARGET_SIDE
                || (long) width * height * 3 != Integer.toUnsignedLong(outLen) || inLen < 0) {
            return INVALID_ARGUMENT;
        }
        try {
            memory.write(outPtr, decodeResizeRgb(memory.read(inPtr, inLen), width, height));
            return OK;
        } catch (SourceTooLarge e) {
            return TOO_LARGE;
        } catch (IOException e) {
            // A truncated or corrupt file.
            return NOT_AN_IMAGE;
        } catch (RuntimeException e) {
            // A pointer outside the guest's memory.
            return INVALID_ARGUMENT;
        }
    }

    /**
     * RGB bytes of {@code encoded} scaled to {@code width} x {@code height} with bilinear filtering.
     *
     * @throws IOException when the bytes are no image Java can read, or one too large to decode
     */
    public static byte[] decodeResizeRgb(byte[] encoded, int width, int height) throws IOException {
        BufferedImage source = decode(encoded);
        if (source == null) {
            throw new IOException("not an image");
        }
        return rgb(source, width, height);
    }

    private static BufferedImage decode(byte[] encoded) throws IOException {
        Optional<TurboJpeg> turbo = TurboJpeg.instance();
        if (turbo.isPresent() && TurboJpeg.isJpeg(encoded)) {
            return turbo.get().decode(encoded, MAX_SOURCE_PIXELS);
        }
        return decodeWithImageIo(encoded);
    }

    /**
     * Any format Java reads; also what decodes JPEG where libjpeg-turbo is missing. A JPEG's colour
     * profile is dropped first: libjpeg-turbo ignores it too, and ImageIO would spend most of its time on it.
     */
    static BufferedImage decodeWithImageIo(byte[] encoded) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(JpegColorProfile.strip(encoded)))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_SOURCE_PIXELS) {
                    throw new SourceTooLarge();
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    private static byte[] rgb(BufferedImage source, int width, int height) {
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        byte[] bgr = ((DataBufferByte) scaled.getRaster().getDataBuffer()).getData();
        byte[] rgb = new byte[bgr.length];
        for (int i = 0; i < bgr.length; i += 3) {
            rgb[i] = bgr[i + 2];
            rgb[i + 1] = bgr[i + 1];
            rgb[i + 2] = bgr[i];
        }
        return rgb;
    }

    static final class SourceTooLarge extends IOException {
    }
}
