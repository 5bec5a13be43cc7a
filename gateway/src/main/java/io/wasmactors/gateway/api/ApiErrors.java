package io.wasmactors.gateway.api;

import io.wasmactors.runtime.function.FunctionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/** Every failure becomes {@code {"error", "detail"}} with the status of its {@link ErrorKind}. */
@RestControllerAdvice
class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    /** Spring's own refusals (no such resource, missing header, wrong method) keep their status. */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ApiError> refused(ResponseStatusException e) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        String error = status != null ? status.name().toLowerCase() : "http_" + e.getStatusCode().value();
        return ResponseEntity.status(e.getStatusCode()).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(error, e.getReason() != null ? e.getReason() : e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> failed(Exception e) {
        ErrorKind kind = ErrorKind.of(e);
        if (kind == ErrorKind.INTERNAL) {
            log.error("request failed", e);
        } else if (e instanceof FunctionException function) {
            log.info("{} (stderr: {})", e.getMessage(), function.stderrTail().strip());
        }
        String detail = kind == ErrorKind.INTERNAL ? "internal error; see the gateway log" : e.getMessage();
        ResponseEntity.BodyBuilder response = ResponseEntity.status(kind.status()).contentType(MediaType.APPLICATION_JSON);
        if (kind == ErrorKind.BUSY) {
            // Room comes back as calls are answered, within a second or so: a client that waits spares the gateway a flood.
            response.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return response.body(new ApiError(kind.code(), detail));
    }
}
