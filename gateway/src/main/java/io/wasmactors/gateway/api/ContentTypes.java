package io.wasmactors.gateway.api;

import org.springframework.http.MediaType;

/**
 * The content type of a function's output: the manifest's, except that an image
 * function may answer another image format than it declares (grayscale keeps GIF).
 */
final class ContentTypes {
    private ContentTypes() {
    }

    static MediaType of(byte[] output, String declared) {
        MediaType type = MediaType.parseMediaType(declared);
        if (!"image".equals(type.getType()) || output.length < 4) {
            return type;
        }
        if (output[0] == 'G' && output[1] == 'I' && output[2] == 'F') {
            return MediaType.IMAGE_GIF;
        }
        if ((output[0] & 0xff) == 0xff && (output[1] & 0xff) == 0xd8) {
            return MediaType.IMAGE_JPEG;
        }
        if ((output[0] & 0xff) == 0x89 && output[1] == 'P' && output[2] == 'N' && output[3] == 'G') {
            return MediaType.IMAGE_PNG;
        }
        return type;
    }
}
