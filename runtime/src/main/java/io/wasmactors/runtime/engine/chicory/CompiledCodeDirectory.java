package io.wasmactors.runtime.engine.chicory;

import com.dylibso.chicory.compiler.Cache;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import io.wasmactors.runtime.ContentHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * Chicory's compiled code on disk, one jar per module digest, so a process that starts again
 * loads a module's classes instead of compiling them. Chicory's own directory cache is not
 * published for the Chicory version used here. Entries are written to a temporary file and
 * moved into place, so processes can share the directory. The directory is per Chicory version,
 * as one compiler's code is not meant for another's runtime, and open to its owner only:
 * whoever can write it can run code in the process.
 */
public final class CompiledCodeDirectory implements Cache {
    private static final Logger LOG = LoggerFactory.getLogger(CompiledCodeDirectory.class);
    private static final String VERSION_FILE = "/META-INF/maven/com.dylibso.chicory/compiler/pom.properties";

    private final Path directory;

    private CompiledCodeDirectory(Path directory) {
        this.directory = directory;
    }

    /** The directory for this Chicory version under {@code root}; empty, with a warning, when it cannot be made. */
    public static Optional<CompiledCodeDirectory> under(Path root) {
        Optional<String> version = chicoryVersion();
        if (version.isEmpty()) {
            LOG.warn("Chicory's version is unknown ({} missing): compiled modules are not kept on disk", VERSION_FILE);
            return Optional.empty();
        }
        Path directory = root.resolve("chicory-" + version.get());
        try {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            return Optional.of(new CompiledCodeDirectory(directory));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("cannot use {} for compiled modules ({}): every start compiles them", directory, e.toString());
            return Optional.empty();
        }
    }

    private static Optional<String> chicoryVersion() {
        try (InputStream in = MachineFactoryCompiler.class.getResourceAsStream(VERSION_FILE)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty("version"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The entry of {@code key}, or null (Chicory then compiles) when there is none or it cannot be read. */
    @Override
    public byte[] get(String key) {
        Path entry = entry(key);
        try {
            return Files.readAllBytes(entry);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.warn("cannot read {}: compiling instead", entry, e);
            return null;
        }
    }

    /** Keeps {@code data} unless an entry exists; a full or read-only disk costs the next start a compile, nothing more. */
    @Override
    public void putIfAbsent(String key, byte[] data) {
        Path entry = entry(key);
        if (Files.exists(entry)) {
            return;
        }
        Path temporary = null;
        try {
            temporary = Files.createTempFile(directory, "entry-", ".tmp");
            Files.write(temporary, data);
            Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot keep compiled code in {}", entry, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** Forgets the entry of {@code key}, one Chicory could not load. */
    void evict(String key) {
        deleteQuietly(entry(key));
    }

    private Path entry(String key) {
        return directory.resolve(ContentHash.sha256(key.getBytes(StandardCharsets.UTF_8)) + ".jar");
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete {}", file, e);
        }
    }
}
