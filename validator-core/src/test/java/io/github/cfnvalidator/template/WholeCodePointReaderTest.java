package io.github.cfnvalidator.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Chunks end on whole code points, so the YAML engine reads a pair that straddles its buffer's end. */
class WholeCodePointReaderTest {
    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void aChunkNeverEndsBetweenTheHalvesOfAPair() {
        WholeCodePointReader r = new WholeCodePointReader("ab" + EMOJI + "c");
        char[] buffer = new char[3];
        List<String> chunks = new ArrayList<>();
        for (int n = r.read(buffer, 0, 3); n > 0; n = r.read(buffer, 0, 3)) {
            chunks.add(new String(buffer, 0, n));
        }
        assertThat(chunks).containsExactly("ab", EMOJI + "c");
        // one character asked for is one character given, and a lone high surrogate at the end is passed on
        WholeCodePointReader one = new WholeCodePointReader(EMOJI + "\uD800");
        assertThat(one.read(buffer, 0, 1)).isEqualTo(1);
        assertThat(one.read(buffer, 0, 3)).isEqualTo(2);
        assertThat(new String(buffer, 0, 2)).isEqualTo("\uDE00\uD800");
        assertThat(one.read(buffer, 0, 3)).isEqualTo(-1);
    }

    /**
     * SnakeYAML Engine 2.10 with its default buffer (1024) fails with an IndexOutOfBoundsException on this valid
     * text when a pair covers characters 1025 and 1026 (padding 1015 or 1017); through this reader it reads.
     */
    @Test
    void theEngineReadsAPairAcrossItsDefaultBufferBoundary() {
        for (int pad = 1010; pad <= 1030; pad++) {
            String text = "# " + "x".repeat(pad) + "\nk: \"" + EMOJI.repeat(7) + "\"\n";
            Object doc = new Load(LoadSettings.builder().build()).loadFromReader(new WholeCodePointReader(text));
            assertThat(doc).as("padding %d", pad).isEqualTo(java.util.Map.of("k", EMOJI.repeat(7)));
        }
    }
}
