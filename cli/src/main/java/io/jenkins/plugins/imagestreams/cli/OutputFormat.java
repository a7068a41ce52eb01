package io.jenkins.plugins.imagestreams.cli;

/** How results are printed. */
enum OutputFormat {
    /** For people. */
    text,
    /** For scripts: one JSON document on standard output. */
    json
}
