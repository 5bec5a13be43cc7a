package io.wasmactors.gateway.api;

import io.wasmactors.gateway.invoke.WorkersBusy;
import io.wasmactors.gateway.invoke.NoAnswerInTime;
import io.wasmactors.gateway.invoke.NoHostAvailable;
import io.wasmactors.gateway.invoke.RemoteFunctionFailure;
import io.wasmactors.runtime.function.FunctionException;
import io.wasmactors.runtime.function.UnknownFunction;
import org.springframework.http.HttpStatus;

/** The kinds of failure the API tells apart: the {@code error} field, the status and the metrics tag. */
enum ErrorKind {
    BAD_REQUEST(HttpStatus.BAD_REQUEST),
    UNKNOWN_FUNCTION(HttpStatus.NOT_FOUND),
    TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE),
    REJECTED(HttpStatus.UNPROCESSABLE_ENTITY),
    TRAPPED(HttpStatus.UNPROCESSABLE_ENTITY),
    EXITED(HttpStatus.UNPROCESSABLE_ENTITY),
    NN_ERROR(HttpStatus.UNPROCESSABLE_ENTITY),
    MEMORY_LIMIT(HttpStatus.UNPROCESSABLE_ENTITY),
    OUTPUT_LIMIT(HttpStatus.UNPROCESSABLE_ENTITY),
    BUSY(HttpStatus.SERVICE_UNAVAILABLE),
    NO_HOST(HttpStatus.SERVICE_UNAVAILABLE),
    TIME_LIMIT(HttpStatus.GATEWAY_TIMEOUT),
    NO_ANSWER(HttpStatus.GATEWAY_TIMEOUT),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR);

    private final HttpStatus status;

    ErrorKind(HttpStatus status) {
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return name().toLowerCase();
    }

    static ErrorKind of(Throwable error) {
        if (error instanceof FunctionException failure) {
            return valueOf(failure.kind().toUpperCase());
        }
        if (error instanceof RemoteFunctionFailure remote) {
            return valueOf(remote.kind().toUpperCase());
        }
        if (error instanceof BadRequest) {
            return BAD_REQUEST;
        }
        if (error instanceof UnknownFunction) {
            return UNKNOWN_FUNCTION;
        }
        if (error instanceof PayloadTooLarge) {
            return TOO_LARGE;
        }
        if (error instanceof WorkersBusy || error instanceof BodyMemoryFull) {
            return BUSY;
        }
        if (error instanceof NoHostAvailable) {
            return NO_HOST;
        }
        if (error instanceof NoAnswerInTime) {
            return NO_ANSWER;
        }
        return INTERNAL;
    }
}
