package io.wasmactors.runtime.function;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum FunctionKind {
    /** A WASI program run fresh per call: input on stdin, output on stdout. */
    @JsonProperty("command") COMMAND,
    /** A warm reactor instance exporting alloc/dealloc and handler functions. */
    @JsonProperty("handler") HANDLER
}
