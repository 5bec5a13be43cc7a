package io.wasmactors.gateway.api;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.codec.multipart.DefaultPartHttpMessageReader;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/**
 * A function's input is a file, so a form upload (an HTML form, {@code curl -F file=@photo.jpg})
 * is taken as the bytes of its one file rather than handed to the function as a form it cannot read.
 */
final class FormUploads {
    private static final ResolvableType PART = ResolvableType.forClass(Part.class);
    /** A file and a few fields beside it; a form of thousands of tiny parts is refused before it is parsed to the end. */
    private static final int MAX_PARTS = 16;

    private final DefaultPartHttpMessageReader reader = new DefaultPartHttpMessageReader();

    /** @param maxBodyBytes the largest body taken: the whole form is in memory by then, so its parts stay there too, never on disk */
    FormUploads(int maxBodyBytes) {
        reader.setMaxInMemorySize(maxBodyBytes);
        reader.setMaxParts(MAX_PARTS);
    }

    static boolean isForm(HttpHeaders headers) {
        MediaType type = headers.getContentType();
        return type != null && MediaType.MULTIPART_FORM_DATA.includes(type);
    }

    Mono<byte[]> fileOf(HttpHeaders headers, byte[] form) {
        return reader.read(PART, new FormInMemory(headers, form), Map.of())
                .filter(FilePart.class::isInstance)
                .collectList()
                // The limit here is the reader's own on a part's headers: the body's size was checked before.
                .onErrorMap(e -> e instanceof DecodingException || e instanceof DataBufferLimitException,
                        e -> new BadRequest("the multipart form cannot be read: " + e.getMessage()))
                .flatMap(FormUploads::theOneFile);
    }

    private static Mono<byte[]> theOneFile(List<Part> files) {
        if (files.size() != 1) {
            return Mono.error(new BadRequest("a multipart form must hold exactly one file, not " + files.size()
                    + " (curl -F file=@photo.jpg); or send the file's bytes as the body (curl --data-binary @photo.jpg)"));
        }
        return DataBufferUtils.join(files.get(0).content()).map(DataBuffers::bytesOf)
                .filter(bytes -> bytes.length > 0)
                .switchIfEmpty(Mono.error(() -> new BadRequest("the form's file is empty")));
    }

    private record FormInMemory(HttpHeaders headers, byte[] form) implements ReactiveHttpInputMessage {
        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(form));
        }
    }
}
