package io.jenkins.plugins.imagestreams.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.testing.jcasc.JcascExamples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/**
 * The JCasC the project publishes is read without a problem, and each broken file is rejected with exactly its
 * expected path and rule. The command line's {@code check} runs on the same files, and a JenkinsRule test applies
 * them to JCasC.
 */
public class PublishedJcascTest {
    private static final Path ROOT = Path.of("");

    @Test
    public void shouldReadEveryPublishedExample() {
        List<JcascExamples.Example> examples = JcascExamples.published(ROOT);

        assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
        for (JcascExamples.Example example : examples) {
            assertThat(StreamsSpecReader.readDocument(StreamsSpecReaderTest.yaml(example.yaml())))
                    .as(example.name())
                    .hasValueSatisfying(spec -> assertThat(spec.streams()).isNotEmpty());
        }
    }

    @Test
    public void shouldRejectEachBrokenFileWithItsPathAndRule() {
        List<JcascExamples.Broken> broken = JcascExamples.broken(ROOT);
        List<String> mismatches = new ArrayList<>();
        for (JcascExamples.Broken file : broken) {
            String yaml = read(file);
            try {
                StreamsSpecReader.readDocument(StreamsSpecReaderTest.yaml(yaml));
                mismatches.add(file + ": accepted");
            } catch (InvalidSpecException e) {
                if (!e.getMessage().equals(file.expected())) {
                    mismatches.add(file + ":\n  expected " + file.expected() + "\n  but got  " + e.getMessage());
                }
            }
        }

        assertThat(broken).hasSizeGreaterThanOrEqualTo(20);
        assertThat(mismatches).isEmpty();
    }

    private static String read(final JcascExamples.Broken file) {
        try {
            return java.nio.file.Files.readString(file.file());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
