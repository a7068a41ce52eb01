package io.jenkins.plugins.imagestreams.jenkins.config;

import io.jenkins.plugins.casc.ConfigurationAsCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.rules.TemporaryFolder;

/** Applies and exports JCasC YAML in JenkinsRule tests. */
final class Jcasc {
    private Jcasc() {}

    /**
     * Builds an {@code unclassified: imageStreams:} document.
     *
     * @param lines the section's lines, indented relative to {@code imageStreams:}
     * @return the YAML
     */
    static String imageStreams(final String... lines) {
        StringBuilder yaml = new StringBuilder("unclassified:\n  imageStreams:\n");
        for (String line : lines) {
            yaml.append("    ").append(line).append('\n');
        }
        return yaml.toString();
    }

    /**
     * Writes YAML to a file and applies it.
     *
     * @param temp where to write the file
     * @param yaml the document
     * @throws Exception if JCasC refuses it
     */
    static void apply(final TemporaryFolder temp, final String yaml) throws Exception {
        Path file = temp.newFile().toPath();
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        ConfigurationAsCode.get().configure(file.toString());
    }

    /**
     * Applies a file.
     *
     * @param file the YAML file, e.g. {@code docs/examples/jenkins.yaml}
     * @throws Exception if JCasC refuses it
     */
    static void apply(final Path file) throws Exception {
        ConfigurationAsCode.get().configure(file.toAbsolutePath().toString());
    }

    /**
     * Exports the whole configuration.
     *
     * @return the YAML JCasC exports
     * @throws Exception if the export fails
     */
    static String export() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConfigurationAsCode.get().export(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
