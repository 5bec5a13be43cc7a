package io.wasmactors.runtime.host.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * JPEG decoding by the system's libjpeg-turbo (Debian package {@code libturbojpeg0}),
 * through the TurboJPEG C API. Temurin's ImageIO decodes with the IJG library it
 * bundles, without SIMD: 5.4 ms for {@code hot_dog.jpg} where libjpeg-turbo takes
 * a fraction of it. Absent the library, {@link #load()} is empty and ImageIO decodes.
 */
final class TurboJpeg {
    private static final int PIXEL_FORMAT_BGR = 1;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final Optional<TurboJpeg> INSTANCE = load();

    private final MethodHandle initDecompress;
    private final MethodHandle decompressHeader;
    private final MethodHandle decompress;
    private final MethodHandle destroy;
    private final MethodHandle errorString;

    private TurboJpeg(SymbolLookup library) {
        Linker linker = Linker.nativeLinker();
        initDecompress = linker.downcallHandle(library.findOrThrow("tjInitDecompress"), FunctionDescriptor.of(ValueLayout.ADDRESS));
        decompressHeader = linker.downcallHandle(library.findOrThrow("tjDecompressHeader3"), FunctionDescriptor.of(INT,
                ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        decompress = linker.downcallHandle(library.findOrThrow("tjDecompress2"), FunctionDescriptor.of(INT,
                ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, INT, INT, INT, INT, INT));
        destroy = linker.downcallHandle(library.findOrThrow("tjDestroy"), FunctionDescriptor.of(INT, ValueLayout.ADDRESS));
        errorString = linker.downcallHandle(library.findOrThrow("tjGetErrorStr2"), FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS));
    }

    /** The library, if this machine has it. */
    static Optional<TurboJpeg> instance() {
        return INSTANCE;
    }

    private static Optional<TurboJpeg> load() {
        try {
            return Optional.of(new TurboJpeg(SymbolLookup.libraryLookup("libturbojpeg.so.0", Arena.global())));
        } catch (IllegalArgumentException | UnsupportedOperationException | java.util.NoSuchElementException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code bytes} start like a JPEG file (SOI marker). */
    static boolean isJpeg(byte[] bytes) {
        return bytes.length > 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8;
    }

    /**
     * Decodes a JPEG to a BGR image; refuses one of more than {@code maxPixels} before decoding.
     *
     * @throws IOException when the bytes are no decodable JPEG ({@link ImagePreparation.SourceTooLarge} for one too large)
     */
    BufferedImage decode(byte[] jpeg, long maxPixels) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment handle = (MemorySegment) initDecompress.invokeExact();
            if (handle.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("libjpeg-turbo could not start a decoder");
            }
            try {
                MemorySegment source = arena.allocateFrom(ValueLayout.JAVA_BYTE, jpeg);
                MemorySegment header = arena.allocate(INT, 4);
                int status = (int) decompressHeader.invokeExact(handle, source, (long) jpeg.length, header,
                        header.asSlice(4), header.asSlice(8), header.asSlice(12));
                if (status != 0) {
                    throw new IOException("not a JPEG: " + error(handle));
                }
                int width = header.getAtIndex(INT, 0);
                int height = header.getAtIndex(INT, 1);
                if (width <= 0 || height <= 0) {
                    // A file cut off before its frame header "succeeds" with no size.
                    throw new IOException("not a JPEG: no frame header");
                }
                if ((long) width * height > maxPixels) {
                    throw new ImagePreparation.SourceTooLarge();
                }
                BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
                byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
                MemorySegment target = arena.allocate(pixels.length);
                status = (int) decompress.invokeExact(handle, source, (long) jpeg.length, target, width, 0, height, PIXEL_FORMAT_BGR, 0);
                if (status != 0) {
                    throw new IOException("corrupt JPEG: " + error(handle));
                }
                MemorySegment.copy(target, ValueLayout.JAVA_BYTE, 0, pixels, 0, pixels.length);
                return image;
            } finally {
                int ignored = (int) destroy.invokeExact(handle);
            }
        } catch (IOException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("libjpeg-turbo call failed", e);
        }
    }

    private String error(MemorySegment handle) throws Throwable {
        MemorySegment message = (MemorySegment) errorString.invokeExact(handle);
        return message.reinterpret(256).getString(0);
    }
}
