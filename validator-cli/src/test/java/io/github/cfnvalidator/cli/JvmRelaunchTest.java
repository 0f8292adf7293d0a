package io.github.cfnvalidator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the CLI runs a command in a second, tuned JVM. */
class JvmRelaunchTest {
    @TempDir
    Path dir;

    @Test
    void onlyBatchCommandsOverLargeInputsFromTheJarAreRelaunched() throws IOException {
        // tests do not run from the jar, and non-batch commands never relaunch
        assertThat(JvmRelaunch.run(new String[] {"rules"})).isEmpty();
        assertThat(JvmRelaunch.run(new String[] {"validate", dir.toString()})).isEmpty();
        assertThat(JvmRelaunch.run(new String[0])).isEmpty();
    }

    @Test
    void aFewSmallFilesStayInProcessAFolderDoesNot() throws IOException {
        Path small = Files.writeString(dir.resolve("t.yaml"), "Resources: {}\n");
        assertThat(JvmRelaunch.smallInput(new String[] {"validate", "--format", "json", small.toString()})).isTrue();
        assertThat(JvmRelaunch.smallInput(new String[] {"validate", dir.toString()})).isFalse();
        Path big = Files.write(dir.resolve("big.yaml"), new byte[300 * 1024]);
        assertThat(JvmRelaunch.smallInput(new String[] {"validate", small.toString(), big.toString()})).isFalse();
        assertThat(JvmRelaunch.smallInput(new String[] {"validate", dir.resolve("missing.yaml").toString()}))
                .isFalse();
    }
}
