package io.wasmactors.runtime.host.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Removes the embedded ICC colour profile (APP2 {@code ICC_PROFILE} segments) from
 * JPEG bytes. Java's JPEG reader converts through any embedded profile, which
 * takes three times as long as the decoding itself; models are fed the stored
 * colour values as TensorFlow's {@code decode_jpeg} and the in-Wasm Rust decoder
 * read them, so the profile is dropped rather than applied.
 */
final class JpegColorProfile {
    private static final int MARKER = 0xFF;
    private static final int START_OF_IMAGE = 0xD8;
    private static final int START_OF_SCAN = 0xDA;
    private static final int APP2 = 0xE2;
    private static final byte[] ICC_SIGNATURE = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);

    private JpegColorProfile() {
    }

    /**
     * The same bytes without ICC segments; anything that is no JPEG, and every byte
     * from the first segment this does not understand on, is kept as it is, for the
     * decoder to judge.
     */
    static byte[] strip(byte[] bytes) {
        if (bytes.length < 4 || unsigned(bytes, 0) != MARKER || unsigned(bytes, 1) != START_OF_IMAGE) {
            return bytes;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        out.write(bytes, 0, 2);
        int at = 2;
        while (at + 4 <= bytes.length && unsigned(bytes, at) == MARKER && unsigned(bytes, at + 1) != START_OF_SCAN) {
            int length = unsigned(bytes, at + 2) << 8 | unsigned(bytes, at + 3);
            int end = at + 2 + length;
            if (length < 2 || end > bytes.length) {
                break;
            }
            if (!isIccSegment(bytes, at, end)) {
                out.write(bytes, at, end - at);
            }
            at = end;
        }
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static boolean isIccSegment(byte[] bytes, int at, int end) {
        int payload = at + 4;
        return unsigned(bytes, at + 1) == APP2 && end - payload >= ICC_SIGNATURE.length
                && Arrays.equals(bytes, payload, payload + ICC_SIGNATURE.length, ICC_SIGNATURE, 0, ICC_SIGNATURE.length);
    }

    private static int unsigned(byte[] bytes, int at) {
        return bytes[at] & 0xFF;
    }
}
