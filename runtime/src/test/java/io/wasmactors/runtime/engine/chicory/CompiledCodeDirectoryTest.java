package io.wasmactors.runtime.engine.chicory;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wasmactors.runtime.ContentHash;
import io.wasmactors.runtime.TestData;
import io.wasmactors.runtime.function.Engines;
import io.wasmactors.runtime.function.FunctionRuntime;
import io.wasmactors.runtime.host.nn.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Compiled modules kept on disk between processes, each process here being a new engine. */
class CompiledCodeDirectoryTest {
    @TempDir
    Path root;

    @Test
    void theFirstCompileKeepsTheCodeAndTheNextEngineServesFromIt() throws Exception {
        assertThat(imageWidthOn(new ChicoryEngine(4, CompiledCodeDirectory.under(root)))).isEqualTo(512);
        List<Path> entries = entries();
        assertThat(entries).hasSize(1);
        Path directory = entries.get(0).getParent();
        assertThat(directory.getFileName().toString()).startsWith("chicory-1.");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        String kept = hash(entries.get(0));

        assertThat(imageWidthOn(new ChicoryEngine(4, CompiledCodeDirectory.under(root)))).isEqualTo(512);
        assertThat(entries()).containsExactlyElementsOf(entries);
        assertThat(hash(entries.get(0))).as("the entry is read, not written again").isEqualTo(kept);
    }

    @Test
    void aDamagedEntryIsCompiledAgainAndReplaced() throws Exception {
        imageWidthOn(new ChicoryEngine(4, CompiledCodeDirectory.under(root)));
        Path entry = entries().get(0);
        Files.write(entry, new byte[] {'P', 'K', 3, 4, 'n', 'o', 't', ' ', 'a', ' ', 'j', 'a', 'r'});

        assertThat(imageWidthOn(new ChicoryEngine(4, CompiledCodeDirectory.under(root)))).isEqualTo(512);
        assertThat(entries()).containsExactly(entry);
        // The compiler's jar again (not byte for byte: it stamps the time into each entry).
        try (JarFile replaced = new JarFile(entry.toFile())) {
            assertThat(replaced.stream().map(JarEntry::getName)).contains("wasm-module.properties");
        }
    }

    @Test
    void aRootThatCannotBeADirectoryMeansCompilingEveryTime() throws Exception {
        Path file = Files.writeString(root.resolve("a-file"), "");
        Optional<CompiledCodeDirectory> none = CompiledCodeDirectory.under(file);
        assertThat(none).isEmpty();
        assertThat(imageWidthOn(new ChicoryEngine(4, none))).isEqualTo(512);
    }

    private static int imageWidthOn(ChicoryEngine engine) throws IOException {
        FunctionRuntime runtime = new FunctionRuntime(Engines.only(engine), new ModelStore(), TestData.models());
        runtime.registry().register(TestData.functions().resolve("imageinfo.json"));
        byte[] info = runtime.newInstance("imageinfo").invoke(TestData.imageBytes("hot_dog.jpg"));
        return new ObjectMapper().readTree(info).get("width").asInt();
    }

    private static String hash(Path file) throws IOException {
        return ContentHash.sha256(Files.readAllBytes(file));
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
        }
    }
}
