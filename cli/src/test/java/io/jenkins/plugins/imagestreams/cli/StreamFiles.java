package io.jenkins.plugins.imagestreams.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes JCasC files whose registry tags live in a test registry on plain HTTP (insecure, and allowlisted). */
final class StreamFiles {
    private final String registry;
    private final List<String> lines = new ArrayList<>();

    private StreamFiles(final String registry) {
        this.registry = registry;
        lines.add("unclassified:");
        lines.add("  imageStreams:");
        lines.add("    allowedRegistries: \"" + registry + "\"");
        lines.add("    streams:");
    }

    /**
     * Starts a file.
     *
     * @param registry {@code 127.0.0.1:<port>} of the test registry (or of a proxy in front of it)
     * @return the builder
     */
    static StreamFiles on(final String registry) {
        return new StreamFiles(registry);
    }

    StreamFiles stream(final String name) {
        lines.add("      - name: \"" + name + "\"");
        lines.add("        tags:");
        return this;
    }

    /** A tag imported from {@code <registry>/<repository>:<tag>}, with extra attribute lines. */
    StreamFiles registryTag(final String tag, final String repositoryAndTag, final String... attributes) {
        lines.add("          - name: \"" + tag + "\"");
        lines.add("            from: {registryImage: {image: \"" + registry + "/" + repositoryAndTag + "\"}}");
        lines.add("            insecure: true");
        for (String attribute : attributes) {
            lines.add("            " + attribute);
        }
        return this;
    }

    StreamFiles alias(final String tag, final String target) {
        lines.add("          - name: \"" + tag + "\"");
        lines.add("            from: {alias: {tag: \"" + target + "\"}}");
        return this;
    }

    StreamFiles copy(final String tag, final String stream, final String sourceTag) {
        lines.add("          - name: \"" + tag + "\"");
        lines.add("            from: {streamTag: {stream: \"" + stream + "\", tag: \"" + sourceTag + "\"}}");
        return this;
    }

    Path writeTo(final Path file) throws IOException {
        return CliRunner.write(file, lines.toArray(String[]::new));
    }
}
