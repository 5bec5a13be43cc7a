package io.wasmactors.runtime.engine.chicory;

import com.dylibso.chicory.runtime.HostFunction;

import java.util.Arrays;
import java.util.Set;

/**
 * Chicory's WASI with every write to a granted directory refused ({@code EROFS}):
 * functions read their directories, they never change the host's files.
 */
final class ReadOnlyWasi {
    private static final Set<String> MUTATING = Set.of(
            "path_create_directory", "path_remove_directory", "path_rename", "path_symlink", "path_link",
            "path_unlink_file", "path_filestat_set_times", "fd_filestat_set_size", "fd_filestat_set_times", "fd_allocate");
    // WASI preview1 constants (Chicory keeps its own copies package-private).
    private static final long ERRNO_ROFS = 69;
    private static final long OFLAGS_CREAT = 1;
    private static final long OFLAGS_TRUNC = 8;
    private static final long RIGHTS_FD_WRITE = 1L << 6;
    private static final long FDFLAGS_APPEND = 1;
    private static final long[] READ_ONLY_FILE_SYSTEM = {ERRNO_ROFS};

    private ReadOnlyWasi() {
    }

    static HostFunction[] restrict(HostFunction[] wasi) {
        return Arrays.stream(wasi).map(ReadOnlyWasi::restrict).toArray(HostFunction[]::new);
    }

    private static HostFunction restrict(HostFunction function) {
        if (MUTATING.contains(function.name())) {
            return new HostFunction(function.module(), function.name(), function.functionType(), (instance, args) -> READ_ONLY_FILE_SYSTEM);
        }
        if (function.name().equals("path_open")) {
            return new HostFunction(function.module(), function.name(), function.functionType(),
                    (instance, args) -> opensForWriting(args) ? READ_ONLY_FILE_SYSTEM : function.handle().apply(instance, args));
        }
        return function;
    }

    /** path_open(fd, dirflags, path, path_len, oflags, rights_base, rights_inheriting, fdflags, fd_out). */
    private static boolean opensForWriting(long[] args) {
        long oflags = args[4];
        long rightsBase = args[5];
        long fdflags = args[7];
        return (oflags & (OFLAGS_CREAT | OFLAGS_TRUNC)) != 0
                || (rightsBase & RIGHTS_FD_WRITE) != 0
                || (fdflags & FDFLAGS_APPEND) != 0;
    }
}
