package io.wasmactors.gateway.invoke;

/** Every worker is busy and the queue is full: the caller should retry later (503). */
public final class WorkersBusy extends RuntimeException {
    public WorkersBusy(String message) {
        super(message);
    }
}
