package io.wasmactors.runtime.host.nn;

/** A WASI-NN call failed; the guest receives {@link #errno()}. */
public final class NnError extends Exception {
    private final NnErrno errno;

    public NnError(NnErrno errno, String message) {
        super(message);
        this.errno = errno;
    }

    public NnErrno errno() {
        return errno;
    }
}
