package io.jenkins.plugins.imagestreams.cli;

import picocli.CommandLine.Option;

/** The {@code -o/--output} option of the commands that print results: text for people, JSON for scripts. */
final class OutputFormat {
    /** The formats. */
    enum Format {
        /** For people. */
        text,
        /** For scripts: one JSON document on standard output. */
        json
    }

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE})")
    private Format format;

    boolean json() {
        return format == Format.json;
    }
}
