package io.wasmactors.gateway.api;

/** The JSON body of every error answer. */
record ApiError(String error, String detail) {
}
