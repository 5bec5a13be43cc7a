package io.wasmactors.runtime.engine.graalwasm;

import org.graalvm.polyglot.io.FileSystem;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The host's files as guests see them through WASI: readable, never changed.
 * GraalWasm's WASI opens every file for reading and writing, so polyglot's own
 * read-only file system would refuse them all; this one opens them for reading
 * only, and refuses what would create, truncate, append, delete or rename.
 * (Links, moves and attributes are refused by the interface's defaults.)
 */
final class ReadOnlyFiles implements FileSystem {
    private static final Set<StandardOpenOption> CHANGING = EnumSet.of(StandardOpenOption.APPEND,
            StandardOpenOption.CREATE, StandardOpenOption.CREATE_NEW, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.DELETE_ON_CLOSE);

    private final FileSystem host = FileSystem.newDefaultFileSystem();

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        Set<OpenOption> reading = new HashSet<>(options);
        if (reading.removeIf(CHANGING::contains)) {
            throw new AccessDeniedException(path.toString(), null, "read-only");
        }
        reading.remove(StandardOpenOption.WRITE);
        reading.add(StandardOpenOption.READ);
        return host.newByteChannel(path, reading, attrs);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        throw new AccessDeniedException(dir.toString(), null, "read-only");
    }

    @Override
    public void delete(Path path) throws IOException {
        throw new AccessDeniedException(path.toString(), null, "read-only");
    }

    @Override
    public Path parsePath(URI uri) {
        return host.parsePath(uri);
    }

    @Override
    public Path parsePath(String path) {
        return host.parsePath(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions) throws IOException {
        host.checkAccess(path, modes, linkOptions);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        return host.newDirectoryStream(dir, filter);
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return host.toAbsolutePath(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
        return host.toRealPath(path, linkOptions);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        return host.readAttributes(path, attributes, options);
    }
}
