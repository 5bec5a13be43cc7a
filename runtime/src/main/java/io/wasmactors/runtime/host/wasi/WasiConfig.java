package io.wasmactors.runtime.host.wasi;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The WASI view an instance gets.
 *
 * @param arguments   argv, program name first
 * @param directories guest path to host directory, granted read-only
 */
public record WasiConfig(InputStream stdin, OutputStream stdout, OutputStream stderr,
                         List<String> arguments, Map<String, String> environment,
                         Map<String, Path> directories) {
}
